import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every answer. They depend on nothing in the request, so helmet's
 * middleware runs once, at start-up, into a plain object that each answer then carries: running
 * it per request (as @fastify/helmet does, and the CSP parse with it) cost about 5 % of the CPU of
 * a small authenticated GET (`npm run bench:http`).
 */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

let computed: Record<string, string> | undefined;

/** Helmet's headers, computed on first use (also sent by answers the router gives itself). */
export function securityHeaders(): Record<string, string> {
  if (computed) return computed;
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and Swagger UI set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  apply({} as IncomingMessage, collector as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error as Error;
  });
  computed = headers;
  return headers;
}
