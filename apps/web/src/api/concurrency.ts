import { ApiError } from './client';

/** The If-Match value of a version (the API's ETag is `"<version>"`). */
export const ifMatch = (version: number) => `"${version}"`;

/**
 * The record as stored now that a 412 answer carries, if `error` is one: someone changed it
 * since it was loaded, and the user should see what changed before reapplying their edit.
 */
export function staleCurrent<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return (error.body as { current?: T } | null)?.current ?? null;
}
