import type { FastifyReply, FastifyRequest } from 'fastify';

/** `__Host-` pins the cookie to this host over HTTPS; plain HTTP (development) cannot use it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-spct_session' : 'spct_session';
}

export function readSessionCookie(request: FastifyRequest, secure: boolean): string | undefined {
  return request.cookies[sessionCookieName(secure)] || undefined;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  void reply.setCookie(sessionCookieName(options.secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(sessionCookieName(secure), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
  });
}
