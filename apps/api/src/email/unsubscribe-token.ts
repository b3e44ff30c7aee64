import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@spct/contracts';

/** What an unsubscribe link turns off: the e-mail of these kinds, for this person. */
export interface UnsubscribeClaim {
  userId: string;
  kinds: NotificationKind[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<payload>.<signature>`, both base64url: the payload names the user and the kinds. */
export function signUnsubscribe(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify({ u: claim.userId, k: claim.kinds })).toString(
    'base64url',
  );
  return `${payload}.${signature(secret, payload)}`;
}

/** The claim of a token signed with `secret`; null when it was altered or is not one. */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeClaim | null {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = Buffer.from(signature(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { u, k } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      u: unknown;
      k: unknown;
    };
    if (typeof u !== 'string' || !UUID.test(u) || !Array.isArray(k) || k.length === 0) return null;
    if (!k.every((kind) => (NOTIFICATION_KINDS as readonly unknown[]).includes(kind))) return null;
    return { userId: u, kinds: k as NotificationKind[] };
  } catch {
    return null;
  }
}

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}
