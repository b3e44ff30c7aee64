import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiErrorCode } from '@spct/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseAvailability } from '../database/database-availability';
import { isDatabaseUnavailable } from '../database/database-errors';
import { Prisma } from '../generated/prisma/client';
import { type ApiErrorBody, type FieldError, reasonPhrase } from './api-error';

/** Seconds a client is asked to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** The code of an error thrown without one, from its status. */
const CODE_OF_STATUS: Record<number, ApiErrorCode> = {
  400: 'malformedRequest',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'notFound',
  408: 'requestTimeout',
  409: 'conflict',
  412: 'stale',
  413: 'payloadTooLarge',
  415: 'unsupportedMediaType',
  428: 'preconditionRequired',
  429: 'tooManyRequests',
  503: 'unavailable',
};

function codeOf(status: number, details: FieldError[] | undefined): ApiErrorCode {
  if (status === 400 && details?.length) return 'validation';
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'malformedRequest');
}

/** The Prisma errors a request can cause, as the answers they deserve. */
function prismaBody(error: Prisma.PrismaClientKnownRequestError): ApiErrorBody | null {
  const target = (error.meta?.target ?? error.meta?.field_name) as unknown;
  const fields = Array.isArray(target) ? target.map(String) : target ? [String(target)] : [];
  const details = (detail: Pick<FieldError, 'code' | 'message'>) =>
    fields.map((field) => ({ field, ...detail }));
  switch (error.code) {
    case 'P2002':
      return body(
        409,
        'alreadyExists',
        'A record with these values already exists',
        details({ code: 'taken', message: 'is already used' }),
      );
    case 'P2003':
      return body(
        400,
        'validation',
        'A referenced record does not exist',
        details({ code: 'unknownReference', message: 'names no record that may be used here' }),
      );
    case 'P2025':
      return body(404, 'notFound', 'Not found', []);
    default:
      return null;
  }
}

function body(
  statusCode: number,
  code: ApiErrorCode,
  message: string,
  details: FieldError[],
): ApiErrorBody {
  return {
    statusCode,
    error: reasonPhrase(statusCode),
    code,
    message,
    ...(details.length ? { details } : {}),
  };
}

/** Every error leaves the API as { statusCode, error, code, message, details? }. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  constructor(private readonly database: DatabaseAvailability) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    if (body.code === 'databaseUnavailable') {
      this.database.reportFailure();
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, reqId: request.id });
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Partial<ApiErrorBody> & { message?: unknown };
        return {
          statusCode: status,
          error: r.error ?? reasonPhrase(status),
          code: r.code ?? codeOf(status, r.details),
          message: Array.isArray(r.message)
            ? r.message.join('; ')
            : String(r.message ?? exception.message),
          ...(r.details ? { details: r.details } : {}),
          ...(r.current !== undefined ? { current: r.current } : {}),
        };
      }
      return {
        statusCode: status,
        error: reasonPhrase(status),
        code: codeOf(status, undefined),
        message: String(response),
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: reasonPhrase(HttpStatus.SERVICE_UNAVAILABLE),
        code: 'databaseUnavailable',
        message: 'The database is unreachable: try again shortly',
      };
    }
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      const mapped = prismaBody(exception);
      if (mapped) return mapped;
    }
    // Fastify's own client errors (malformed JSON, oversized body...) carry a 4xx statusCode.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        error: reasonPhrase(status),
        code: codeOf(status, undefined),
        message: (exception as Error).message,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: reasonPhrase(HttpStatus.INTERNAL_SERVER_ERROR),
      code: 'internal',
      message: 'Something went wrong on our side',
    };
  }
}
