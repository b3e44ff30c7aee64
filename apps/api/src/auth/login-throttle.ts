import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiException } from '../common/api-error';
import { type List, listOf } from '../common/list';
import { type FailureCounts, LoginFailuresRepository } from './login-failures.repository';
import type { SignInFailureDto } from './sign-in-failures.dto';

const RECENT_FAILURES_SHOWN = 200;

/**
 * The sign-in throttle's rules (OWASP's authentication and credential-stuffing guidance): failed
 * attempts slow the one who fails down, progressively, instead of locking the account for
 * everyone. Failures count per (account, address) and per address, never per account alone:
 * the owner signing in from elsewhere is never refused because someone failed on their account.
 */
export const THROTTLE = {
  /** Failures older than this no longer count. */
  windowMs: 60 * 60_000,
  /** Failures of one account from one address that are free; each further one waits. */
  freePairFailures: 5,
  /**
   * An address (an office behind NAT is one) waits only past this many failures, or failures
   * on this many different accounts: several people mistyping do not slow the office down.
   */
  freeAddressFailures: 50,
  freeAddressAccounts: 20,
  /** The first wait; each further failure doubles it, up to maxDelayMs. */
  firstDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  /** How long failures are kept, for the administrators' view of recent failed sign-ins. */
  keepMs: 24 * 60 * 60_000,
} as const;

/** 429 with the seconds to wait (ApiErrorFilter sends them as Retry-After). */
export class TooManyAttemptsException extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'tooManyRequests',
      `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
    );
  }
}

/** The wait after the `excess`-th failure past the free ones (0: none). */
function delayMs(excess: number): number {
  if (excess <= 0) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (excess - 1), THROTTLE.maxDelayMs);
}

/** When the next attempt of this account from this address may be made, and which count says so. */
export function nextAttemptAt(counts: FailureCounts): { at: number; by: 'account' | 'address' } {
  const pair =
    (counts.pairLatest?.getTime() ?? 0) +
    delayMs(counts.pairFailures - THROTTLE.freePairFailures + 1);
  const addressExcess = Math.max(
    counts.addressFailures - THROTTLE.freeAddressFailures + 1,
    counts.addressAccounts - THROTTLE.freeAddressAccounts + 1,
  );
  const address = (counts.addressLatest?.getTime() ?? 0) + delayMs(addressExcess);
  return pair >= address ? { at: pair, by: 'account' } : { at: address, by: 'address' };
}

/** Where a sign-in attempt comes from: the address it counts against, the request its log lines name. */
export interface SignInClient {
  ip: string;
  requestId: string;
}

export function signInClient(request: FastifyRequest): SignInClient {
  return { ip: request.ip, requestId: request.id };
}

/**
 * Counts failed sign-ins in PostgreSQL, so the limits hold across every API replica, and logs
 * every decision with the account and the address.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('SignIn');

  constructor(private readonly failures: LoginFailuresRepository) {}

  /** Throws a 429 when this account may not try again from this address yet. */
  async assertMayTry(email: string, { ip, requestId }: SignInClient): Promise<void> {
    const now = Date.now();
    const counts = await this.failures.countsSince(email, ip, new Date(now - THROTTLE.windowMs));
    const next = nextAttemptAt(counts);
    if (next.at <= now) return;
    const retryAfterSeconds = Math.ceil((next.at - now) / 1000);
    this.logger.warn({
      msg: 'sign-in throttled',
      reqId: requestId,
      email,
      ip,
      by: next.by,
      retryAfterSeconds,
      ...counts,
    });
    throw new TooManyAttemptsException(retryAfterSeconds);
  }

  async recordFailure(email: string, { ip, requestId }: SignInClient): Promise<void> {
    await this.failures.record(email, ip);
    this.logger.warn({ msg: 'sign-in failed', reqId: requestId, email, ip });
  }

  /** The owner got in from this address: their earlier failures there are forgiven. */
  async recordSuccess(email: string, { ip, requestId }: SignInClient): Promise<void> {
    await this.failures.forgive(email, ip);
    this.logger.log({ msg: 'sign-in allowed', reqId: requestId, email, ip });
  }

  /** The workspace's members' failures of the last day, per account and address. */
  async recentFailures(workspaceId: string): Promise<List<SignInFailureDto>> {
    const since = new Date(Date.now() - THROTTLE.keepMs);
    const rows = await this.failures.recentForWorkspace(workspaceId, since, RECENT_FAILURES_SHOWN);
    return listOf(rows.map((row) => ({ ...row, lastFailedAt: row.lastFailedAt.toISOString() })));
  }

  deleteExpired(): Promise<number> {
    return this.failures.deleteBefore(new Date(Date.now() - THROTTLE.keepMs));
  }
}
