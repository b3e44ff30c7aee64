import { Injectable } from '@nestjs/common';
import { LoginFailuresRepository } from './login-failures.repository';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Counts failed sign-ins per account and per address in PostgreSQL, so the limit holds across
 * every API replica: after 5 failures within 15 minutes, further attempts are refused.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly failures: LoginFailuresRepository) {}

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  async retryAfterSeconds(email: string, ip: string): Promise<number> {
    const now = Date.now();
    const since = new Date(now - FAILURE_WINDOW_MS);
    const [byEmail, byIp] = await Promise.all([
      this.failures.latest({ email }, since, MAX_FAILURES),
      this.failures.latest({ ip }, since, MAX_FAILURES),
    ]);
    // Attempts resume when the failure that completed the limit leaves the window.
    const until = Math.max(
      ...[byEmail, byIp].map((times) =>
        times.length < MAX_FAILURES ? 0 : times[MAX_FAILURES - 1]!.getTime() + FAILURE_WINDOW_MS,
      ),
    );
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  recordFailure(email: string, ip: string): Promise<void> {
    return this.failures.record(email, ip);
  }

  /** A successful sign-in forgives the account's earlier failures (not the address's). */
  clearAccount(email: string): Promise<void> {
    return this.failures.deleteForEmail(email);
  }

  deleteExpired(): Promise<number> {
    return this.failures.deleteBefore(new Date(Date.now() - FAILURE_WINDOW_MS));
  }
}
