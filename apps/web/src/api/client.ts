import createClient from 'openapi-fetch';
import type { paths } from '@spct/contracts';
import type { ApiErrorBody } from './types';

/** Typed client of the API, same origin (the API serves this app). */
export const api = createClient<paths>({
  baseUrl: '',
  // Looked up on each call rather than captured once, so the tests can replace `fetch`.
  fetch: (request: Request) => globalThis.fetch(request),
});

/** An error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;

  constructor(status: number, message: string, body: ApiErrorBody | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function toApiError(response: Response, error: unknown): ApiError {
  if (error && typeof error === 'object' && 'message' in error) {
    const body = error as ApiErrorBody;
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message);
    return new ApiError(response.status, message, body);
  }
  return new ApiError(
    response.status,
    typeof error === 'string' && error ? error : response.statusText,
  );
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves an openapi-fetch result to its data, or throws an ApiError. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (cause) {
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause));
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response, result.error);
  }
  return result.data as T;
}
