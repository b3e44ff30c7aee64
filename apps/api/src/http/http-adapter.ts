import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { type ApiErrorBody, reasonPhrase } from '../common/api-error';
import { logAnswered } from '../logging/logging';
import { securityHeaders } from './security-headers';

export interface HttpServerConfig {
  /**
   * The proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client. Empty: none,
   * and the client is the socket's peer, whatever the request's headers claim.
   */
  trustProxy: string[];
  /** How long a request may take to arrive entirely (slow clients hold a socket no longer). */
  requestTimeoutMs: number;
}

export const DEFAULT_HTTP_SERVER: HttpServerConfig = { trustProxy: [], requestTimeoutMs: 30_000 };

/** An incoming X-Request-Id is kept when it looks like one (a proxy's), else one is made. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The HTTP server of the app (main.ts) and of every integration test. */
export function createHttpAdapter(config: HttpServerConfig = DEFAULT_HTTP_SERVER): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    // Long enough for any id or slug to reach the API's own validation (a 400 naming it).
    routerOptions: { maxParamLength: 500 },
    // Requests the router refuses itself (a malformed or overlong URL) get the API's error shape,
    // and what every answer has: a request id, the security headers, a log line (no hook runs).
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply
        .code(status)
        .headers({ ...securityHeaders(), 'x-request-id': request.id })
        .send({
          statusCode: status,
          error: reasonPhrase(status),
          code: 'malformedRequest',
          message: error.message,
        } satisfies ApiErrorBody);
      logAnswered(request, reply);
    },
    requestTimeout: config.requestTimeoutMs,
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
}
