import { createHmac } from 'node:crypto';

export const MAIL_CONFIG = Symbol('MAIL_CONFIG');

/** How e-mail leaves the app (issue 12): through SMTP, or kept in the outbox when none is set. */
export interface MailConfig {
  /** `smtp://` or `smtps://`; unset: messages are kept in the outbox, marked not sent. */
  smtpUrl: string | undefined;
  /** The From header. */
  from: string;
  /** Where users open the app: links in e-mails point here. */
  publicUrl: string;
  /** Key of the HMAC that signs unsubscribe links. */
  tokenSecret: string;
  /** Seconds between two sweeps of the e-mail that has fallen due. */
  sweepSeconds: number;
  /** A failed delivery is retried this many times by its job, waiting retryDelaySeconds, doubled each time. */
  retryLimit: number;
  retryDelaySeconds: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

/**
 * The unsubscribe key: MAIL_TOKEN_SECRET, or one derived from the session secret (which
 * production already refuses to leave at its public development default).
 */
function tokenSecret(sessionSecret: string): string {
  const own = process.env.MAIL_TOKEN_SECRET;
  if (own !== undefined && own !== '') {
    if (own.length < 32) throw new Error('MAIL_TOKEN_SECRET must be at least 32 characters');
    return own;
  }
  return createHmac('sha256', sessionSecret).update('spct unsubscribe links').digest('hex');
}

export function loadMailConfig(publicUrl: string, sessionSecret: string): MailConfig {
  const smtpUrl = process.env.SMTP_URL || undefined;
  if (smtpUrl !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      throw new Error('SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587');
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') {
      throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${protocol}"`);
    }
  }
  return {
    smtpUrl,
    from: process.env.MAIL_FROM || `Commitments Tracker <no-reply@${new URL(publicUrl).hostname}>`,
    publicUrl,
    tokenSecret: tokenSecret(sessionSecret),
    sweepSeconds: positiveInt('MAIL_SWEEP_SECONDS', 30),
    retryLimit: positiveInt('MAIL_RETRY_LIMIT', 12),
    retryDelaySeconds: positiveInt('MAIL_RETRY_DELAY_SECONDS', 30),
  };
}

/** No mail server: what development, tests and tools get unless they say otherwise. */
export function developmentMailConfig(
  publicUrl: string,
  sessionSecret: string,
  overrides: Partial<MailConfig> = {},
): MailConfig {
  return {
    smtpUrl: undefined,
    from: 'Commitments Tracker <no-reply@localhost>',
    publicUrl,
    tokenSecret: createHmac('sha256', sessionSecret).update('spct unsubscribe links').digest('hex'),
    sweepSeconds: 30,
    retryLimit: 12,
    retryDelaySeconds: 30,
    ...overrides,
  };
}
