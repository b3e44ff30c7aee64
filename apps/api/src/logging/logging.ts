import type { DynamicModule } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
 * One line per request when it has been answered ("request completed", or "request errored" for
 * a 5xx), or when the client went away first ("request aborted"): its id (the X-Request-Id
 * answered), method, URL (tokens left out), client address, status and duration. Never a header,
 * since headers carry credentials.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!QUIET_URLS.has(request.url.split('?', 1)[0]!)) logAnswered(request, reply);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    PinoLogger.root.warn(requestLine(request), 'request aborted');
    done();
  });
}

/** The line of an answered request (also written for the answers the router gives itself). */
export function logAnswered(request: FastifyRequest, reply: FastifyReply): void {
  const status = reply.statusCode;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  PinoLogger.root[level](
    { ...requestLine(request), res: { statusCode: status }, responseTime: reply.elapsedTime },
    status >= 500 ? 'request errored' : 'request completed',
  );
}

function requestLine(request: FastifyRequest) {
  return {
    reqId: request.id,
    req: { id: request.id, method: request.method, url: loggedUrl(request), ip: request.ip },
  };
}

/**
 * The URL without the secrets some carry: a `token` in the path (a set-password link's, shown as
 * the route's pattern) or in the query (an invitation or unsubscribe link, shown as `:token`).
 */
function loggedUrl(request: FastifyRequest): string {
  const question = request.url.indexOf('?');
  const path = question < 0 ? request.url : request.url.slice(0, question);
  const query = question < 0 ? undefined : request.url.slice(question + 1);
  const params = request.params as Record<string, unknown> | undefined;
  const shownPath = params && 'token' in params ? (request.routeOptions.url ?? path) : path;
  if (query === undefined) return shownPath;
  return `${shownPath}?${query.replace(/(^|&)(token=)[^&]*/gi, '$1$2:token')}`;
}
