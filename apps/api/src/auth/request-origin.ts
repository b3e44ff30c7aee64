import { ForbiddenException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-requested-with';

/**
 * Browser writes must come from our own pages: an `Origin` (or `Referer`) other than an allowed
 * origin is refused, and the request must be JSON or carry `X-Requested-With` — neither of which
 * a cross-site form can send without a CORS preflight, which this API never grants.
 */
export function assertSameOriginWrite(request: FastifyRequest, allowedOrigins: string[]): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (origin !== undefined && !allowedOrigins.includes(origin)) {
    throw new ForbiddenException(`Requests from ${origin} are not accepted`);
  }
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json') && !request.headers[CSRF_HEADER]) {
    throw new ForbiddenException(`A write must send JSON or the ${CSRF_HEADER} header`);
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}
