import { Inject, Injectable } from '@nestjs/common';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';
import { SessionsRepository } from './sessions.repository';

const MINUTE = 60_000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = MINUTE;

export interface SessionUser {
  sessionId: string;
  userId: string;
  email: string;
}

/** Sessions live in PostgreSQL, so any API replica can serve any browser. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  get idleMs(): number {
    return this.config.sessionIdleMinutes * MINUTE;
  }

  /** Starts a session and returns the token for the cookie (never stored as such). */
  async start(userId: string, meta: { userAgent?: string; ip?: string }): Promise<string> {
    const token = newSecretToken('spct_s');
    await this.sessions.create({
      userId,
      tokenHash: hashSecretToken(this.config.sessionSecret, token),
      expiresAt: new Date(Date.now() + this.config.sessionAbsoluteHours * 60 * MINUTE),
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      ip: meta.ip ?? null,
    });
    return token;
  }

  /** The live session for a cookie token: unexpired, not idle too long, its user active. */
  async authenticate(token: string): Promise<SessionUser | null> {
    const session = await this.sessions.findByTokenHash(
      hashSecretToken(this.config.sessionSecret, token),
    );
    if (!session || !session.user.active) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + this.idleMs <= now) {
      await this.sessions.delete(session.id);
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.touch(session.id, new Date(now));
    }
    return { sessionId: session.id, userId: session.user.id, email: session.user.email };
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }

  /** Ends every session of a user (deactivation), or all but the current one (new password). */
  async endAllForUser(userId: string, exceptSessionId?: string): Promise<void> {
    await this.sessions.deleteForUser(userId, exceptSessionId);
  }

  async deleteExpired(): Promise<number> {
    const now = new Date();
    const { count } = await this.sessions.deleteExpired(new Date(now.getTime() - this.idleMs), now);
    return count;
  }
}
