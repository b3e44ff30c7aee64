-- A message the mail server refused for good (5xx), or that failed every retry, stops being retried.
ALTER TYPE "EmailState" ADD VALUE 'FAILED';
