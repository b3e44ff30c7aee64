import { Inject, Injectable } from '@nestjs/common';
import type { Authenticated } from './actor';
import { CallerCache } from './caller-cache';
import { membershipOf } from './caller.query';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';
import { SessionsRepository } from './sessions.repository';

const MINUTE = 60_000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = MINUTE;

type SessionRow = NonNullable<Awaited<ReturnType<SessionsRepository['findByTokenHash']>>>;

/** Sessions live in PostgreSQL, so any API replica can serve any browser. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly cache: CallerCache,
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

  /**
   * The live session for a cookie token (unexpired, not idle too long, its user active), with the
   * membership of the workspace `slug`: from the caller cache, or one statement; and a write at
   * most once a minute.
   */
  async authenticate(token: string, slug: string | undefined): Promise<Authenticated | null> {
    const tokenHash = hashSecretToken(this.config.sessionSecret, token);
    const key = `s ${tokenHash} ${slug ?? ''}`;
    // Real time, not the app's Clock: tests move the Clock to other dates, not the credentials' age.
    const now = Date.now();
    let row = await this.cache.get<SessionRow>(key);
    // Expired or idle by the cached times: the database decides (another process may have
    // recorded a later use), and deletes the session if it is over.
    if (row && !this.isLive(row, now)) {
      this.cache.delete(key);
      row = undefined;
    }
    if (!row) {
      const fill = this.cache.beginFill();
      row = await this.sessions.findByTokenHash(tokenHash, slug);
      if (!row || !row.active) return null;
      if (!this.isLive(row, now)) {
        await this.sessions.delete(row.sessionId);
        return null;
      }
      // A non-member's 404 is not worth a place in the cache.
      if (slug === undefined || membershipOf(row)) fill(key, row);
    }
    if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.touch(row.sessionId, new Date(now));
      row.lastSeenAt = new Date(now);
    }
    return {
      actor: { userId: row.userId, email: row.email, sessionId: row.sessionId },
      membership: membershipOf(row),
    };
  }

  private isLive(row: SessionRow, now: number): boolean {
    return row.expiresAt.getTime() > now && row.lastSeenAt.getTime() + this.idleMs > now;
  }

  /** Ends a session (logout). */
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
