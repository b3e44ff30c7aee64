import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

export interface LoggingOptions {
  /** pino's level (`silent` turns logging off). */
  level: string;
  /** Where the JSON lines go (default: standard output). */
  destination?: DestinationStream;
}

/** Requests too frequent and too dull to log one line each (probes). */
const QUIET_URLS = ['/api/health', '/api/ready', '/metrics'];

/** What a log line says of the request and the response (no headers: they carry credentials). */
const serializers = {
  req: (req: {
    id: unknown;
    method: string;
    url: string;
    raw?: IncomingMessage & { ip?: string };
  }) => ({
    id: req.id,
    method: req.method,
    url: req.url,
    ip: req.raw?.ip,
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/**
 * JSON logs through pino for the Nest logger and every request: each line written while a
 * request is handled carries its `reqId` (the X-Request-Id answered), and each request ends with
 * one line of its method, URL, client address, status and duration.
 */
export function loggingModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: options.level,
        // Fastify's request id (http-adapter.ts), which X-Request-Id answers with.
        genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? '',
        quietReqLogger: true,
        serializers,
        autoLogging: {
          // Mounted under the global prefix, the middleware sees `url` without it.
          ignore: (req: IncomingMessage & { originalUrl?: string }) =>
            QUIET_URLS.includes((req.originalUrl ?? req.url ?? '').split('?')[0]!),
        },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
          error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      },
      options.destination ?? process.stdout,
    ],
  });
}
