-- CreateEnum
CREATE TYPE "ImportFailure" AS ENUM ('ROWS_CHANGED', 'WRITE_FAILED');

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "failureCode" "ImportFailure";

-- Runs that failed before the code existed: the reason is in their text.
UPDATE "ImportJob"
SET "failureCode" = CASE WHEN failure LIKE '%no longer pass%' THEN 'ROWS_CHANGED'::"ImportFailure"
                         ELSE 'WRITE_FAILED'::"ImportFailure" END
WHERE state = 'FAILED';
