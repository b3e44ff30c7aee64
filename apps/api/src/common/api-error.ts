import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorCode, FieldErrorCode } from '@spct/contracts';

/** One field at fault: its code, the constraint's values, and a message for logs. */
export interface FieldError {
  /** The field's path in the body, query or route (`indicatorValues.0.value`, `q`, `slug`). */
  field: string;
  code: FieldErrorCode;
  message: string;
  /** The least length, size or value allowed (`tooShort`, `tooFew`, `tooSmall`). */
  min?: number;
  /** The greatest length, size, value, depth or number of decimal places allowed. */
  max?: number;
  /** The values allowed (`notInEnum`). */
  allowed?: readonly string[];
  /** The other field a value is compared with (`beforeOther`). */
  other?: string;
  /** The line of a file at fault (`malformedCsv`). */
  line?: number;
}

/** Every error the API answers: `{ statusCode, error, code, message, details? }`. */
export interface ApiErrorBody {
  statusCode: number;
  /** The status's reason phrase ("Bad Request"). */
  error: string;
  code: ApiErrorCode;
  /** For logs and API users; clients decide from `code`. */
  message: string;
  details?: FieldError[];
  /** On a 412 for a stale If-Match: the resource as stored now, so the client can show what changed. */
  current?: unknown;
}

/** The reason phrase of a status code ("Precondition Required"). */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** An error answer with its machine-readable `code`: `throw new ApiException(409, 'inUse', '…')`. */
export class ApiException extends HttpException {
  constructor(
    status: HttpStatus,
    code: ApiErrorCode,
    message: string,
    extra: Pick<ApiErrorBody, 'details' | 'current'> = {},
  ) {
    super(
      {
        statusCode: status,
        error: reasonPhrase(status),
        code,
        message,
        ...extra,
      } satisfies ApiErrorBody,
      status,
    );
  }
}

/** A 409 whose code says which state of the record stands in the way. */
export function conflict(code: ApiErrorCode, message: string): ApiException {
  return new ApiException(HttpStatus.CONFLICT, code, message);
}

/** A 400 that names the fields at fault. */
export class FieldValidationException extends ApiException {
  constructor(details: FieldError[]) {
    super(
      HttpStatus.BAD_REQUEST,
      'validation',
      details.map((d) => `${d.field}: ${d.message}`).join('; '),
      { details },
    );
  }
}
