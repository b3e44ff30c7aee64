import createClient from 'openapi-fetch';
import type { paths } from '@spct/contracts';
import i18n from '../i18n';
import { apiErrorText, fieldErrorText } from './error-text';
import { takePreloaded } from './preloaded';
import type { ApiErrorBody } from './types';

/** Sent with every request: the API refuses cookie-authenticated writes without it (CSRF). */
export const CSRF_HEADERS = { 'X-Requested-With': 'spct-web' } as const;

/**
 * Answers of these routes are about the credentials sent, not about the session: their 401
 * means "wrong password" or "bad link", and must not send the user to the sign-in page.
 */
const CREDENTIAL_ROUTES = [
  /^\/api\/auth\/login$/,
  /^\/api\/auth\/set-password$/,
  /^\/api\/auth\/password$/,
  /^\/api\/auth\/password-tokens\//,
];

type UnauthorizedHandler = () => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;
/** A 401 before any handler listened (the first route loads before the app is drawn). */
let unauthorizedMissed = false;

/**
 * Called whenever the API answers 401 (the session ended), and at once for one answered before it
 * was registered; returns the unsubscribe function.
 */
export function onUnauthorized(handler: UnauthorizedHandler): () => void {
  unauthorizedHandler = handler;
  if (unauthorizedMissed) {
    unauthorizedMissed = false;
    handler();
  }
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

/** Every request of the app goes through here (looked up on each call so tests can replace `fetch`). */
async function apiFetch(request: Request): Promise<Response> {
  const response = takePreloaded(request) ?? (await globalThis.fetch(request));
  if (response.status === 401) {
    const { pathname } = new URL(request.url, window.location.href);
    if (!CREDENTIAL_ROUTES.some((route) => route.test(pathname))) {
      if (unauthorizedHandler) unauthorizedHandler();
      else unauthorizedMissed = true;
    }
  }
  return response;
}

/** Typed client of the API, same origin (the API serves this app). */
export const api = createClient<paths>({
  baseUrl: '',
  headers: CSRF_HEADERS,
  fetch: apiFetch,
});

/**
 * An error answered by the API (or a network failure, status 0). Its `message` is in the user's
 * language, chosen from the answer's `code` when it is read; `serverMessage` keeps the API's
 * English text for logs.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;
  readonly headers: Headers | null;
  readonly serverMessage: string;

  constructor(
    status: number,
    message: string,
    body: ApiErrorBody | null = null,
    headers: Headers | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.serverMessage = message;
    Object.defineProperty(this, 'message', {
      get: () => apiErrorText(i18n.t, this.status, this.body),
      configurable: true,
    });
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Why each field of a 400 was refused, in the user's language (from each detail's `code`). */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const detail of error.body?.details ?? []) {
    const text = fieldErrorText(i18n.t, detail);
    result[detail.field] = result[detail.field] ? `${result[detail.field]}; ${text}` : text;
  }
  return result;
}

function toApiError(response: Response, error: unknown): ApiError {
  if (error && typeof error === 'object' && 'message' in error) {
    const body = error as ApiErrorBody;
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message);
    return new ApiError(response.status, message, body, response.headers);
  }
  return new ApiError(
    response.status,
    typeof error === 'string' && error ? error : response.statusText,
    null,
    response.headers,
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
