import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Prisma } from '../generated/prisma/client';

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[];
  /** On a 412 for a stale If-Match: the resource as stored now, so the client can show what changed. */
  current?: unknown;
}

/** A 400 that names the fields at fault. */
export class FieldValidationException extends HttpException {
  constructor(details: FieldError[]) {
    super(
      {
        statusCode: HttpStatus.BAD_REQUEST,
        error: 'Bad Request',
        message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
        details,
      } satisfies ApiErrorBody,
      HttpStatus.BAD_REQUEST,
    );
  }
}

const PRISMA_STATUS: Record<string, [number, string, string]> = {
  P2002: [HttpStatus.CONFLICT, 'Conflict', 'A record with these values already exists'],
  P2025: [HttpStatus.NOT_FOUND, 'Not Found', 'Not found'],
  P2003: [HttpStatus.BAD_REQUEST, 'Bad Request', 'A referenced record does not exist'],
};

/** Every error leaves the API as { statusCode, error, message, details? }. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
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
          error: r.error ?? HttpStatus[status] ?? 'Error',
          message: Array.isArray(r.message)
            ? r.message.join('; ')
            : String(r.message ?? exception.message),
          ...(r.details ? { details: r.details } : {}),
          ...(r.current !== undefined ? { current: r.current } : {}),
        };
      }
      return {
        statusCode: status,
        error: HttpStatus[status] ?? 'Error',
        message: String(response),
      };
    }
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      const mapped = PRISMA_STATUS[exception.code];
      if (mapped) {
        const [statusCode, error, message] = mapped;
        const target = (exception.meta?.target ?? exception.meta?.field_name) as unknown;
        const fields = Array.isArray(target) ? target.map(String) : target ? [String(target)] : [];
        return {
          statusCode,
          error,
          message,
          ...(fields.length ? { details: fields.map((field) => ({ field, message })) } : {}),
        };
      }
    }
    // Fastify's own client errors (malformed JSON, oversized body...) carry a 4xx statusCode.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        error: HttpStatus[status] ?? 'Error',
        message: (exception as Error).message,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side',
    };
  }
}
