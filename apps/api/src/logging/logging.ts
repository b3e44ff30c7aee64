import type { DynamicModule } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

export interface LoggingOptions {
  /** pino's level (`silent` turns logging off). */
  level: string;
  /** Where the JSON lines go (default: standard output). */
  destination?: DestinationStream;
}

/** Requests too frequent and too dull to log one line each (probes). */
const QUIET_URLS = new Set(['/api/health', '/api/ready', '/metrics']);

/**
 * JSON logs through pino for the Nest logger. nestjs-pino's request middleware is left out
 * (`forRoutes: []`): it keeps each request's logger in an AsyncLocalStorage, whose promise hooks
 * cost Node 20 about a third of the CPU of a small authenticated GET (`npm run bench:http`).
 * Requests are logged by `registerRequestLogging`; a line the app writes while it handles a
 * request names that request with `reqId` itself (the sign-in throttle, the error filter).
 */
export function loggingModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: options.level,
        // pino-http serializes `req` and `res` as Node's request and response objects, handing
        // the serializers a wrapper whose `raw` is the object logged: the request line's own.
        serializers: { req: unwrap, res: unwrap },
      },
      options.destination ?? process.stdout,
    ],
    forRoutes: [],
  });
}

const unwrap = ({ raw }: { raw: unknown }) => raw;

/**
 * One line per request when it has been answered: its id (the X-Request-Id answered), method,
 * URL, client address, status and duration — never a header, since headers carry credentials.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?', 1)[0]!;
    if (!QUIET_URLS.has(path)) {
      const status = reply.statusCode;
      PinoLogger.root[status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'](
        {
          reqId: request.id,
          req: { id: request.id, method: request.method, url: loggedUrl(request), ip: request.ip },
          res: { statusCode: status },
          responseTime: reply.elapsedTime,
        },
        'request completed',
      );
    }
    done();
  });
}

/** The URL with a one-time token in its path (a set-password link) replaced by `:token`. */
function loggedUrl(request: FastifyRequest): string {
  const token = (request.params as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token ? request.url.replace(token, ':token') : request.url;
}
