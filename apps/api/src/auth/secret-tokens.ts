import { createHmac, randomBytes } from 'node:crypto';

/** A new random token, `<prefix>_<43 url-safe characters>` (256 bits). */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the database stores for a token: an HMAC, useless without the server's secret. */
export function hashSecretToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
