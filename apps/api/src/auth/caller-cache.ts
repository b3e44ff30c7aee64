import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { DatabaseTimeouts } from '../database/database-timeouts';
import { DATABASE_TIMEOUTS, DATABASE_URL } from '../database/prisma.service';

/** The channel of the triggers of migration 20261205231800_caller_change_notify. */
export const CALLER_CHANNEL = 'spct_caller';
/** The listening connection's application_name (what an operator sees in pg_stat_activity). */
export const CALLER_LISTENER_NAME = 'spct-caller-listener';

/** A second guard behind the notifications: an entry is read from the database again after it. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;
/**
 * How often the listening connection is probed (settled()): a half-open connection delivers
 * nothing and reports no error, and would otherwise keep serving revoked callers.
 */
export const LIVENESS_INTERVAL_MS = 5_000;
/** TCP keepalive on the listening connection: a dead peer is noticed by the kernel too. */
const KEEPALIVE_DELAY_MS = 5_000;
/** The payloads of `settled`'s own notifications, which invalidate nothing. */
const SETTLE_PREFIX = 'settled:';

/** What is cached: an authentication row of one user. */
export interface CallerRow {
  userId: string;
}

/**
 * Authenticated callers (a session's or an API token's row, with the membership of a workspace),
 * kept a few seconds in this process so that a hot request reads no authentication row: it waits
 * instead for an empty statement on the listening connection, shared by concurrent requests
 * (caughtUp()), which brings in every notification committed before it.
 *
 * Every write that can end a session or a token or change a user's membership notifies
 * CALLER_CHANNEL from a trigger, in its transaction; this process LISTENs on one connection of
 * its own and drops that user's entries when the notification arrives. Without that connection
 * (not yet listening, or lost) nothing is served from the cache nor stored in it: the cache is
 * cleared and every request reads the database, until it listens again. A connection that stays
 * open but delivers nothing is found by a periodic probe (settled()) and counts as lost.
 */
@Injectable()
export class CallerCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CallerCache.name);
  private readonly entries = new LRUCache<string, CallerRow>({
    max: MAX_ENTRIES,
    ttl: TTL_MS,
    dispose: (row, key) => this.unindex(row.userId, key),
  });
  private readonly keysOfUser = new Map<string, Set<string>>();
  /**
   * Moves on at every invalidation and every (re)start of listening: a row read from the database
   * before a notification arrived, and stored after it, would undo it.
   */
  private generation = 0;
  private listener: pg.Client | undefined;
  private listening = false;
  private stopped = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private livenessTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private readonly listeningWaiters = new Set<() => void>();
  private readonly settleWaiters = new Map<string, () => void>();
  /** The round trip on the listening connection in flight (caughtUp()), and the one queued. */
  private roundInFlight: Promise<void> | undefined;
  private roundQueued: Promise<void> | undefined;
  private readonly settleNonce = randomUUID();
  private settleCount = 0;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(DATABASE_TIMEOUTS) private readonly timeouts: DatabaseTimeouts,
  ) {}

  onModuleInit(): void {
    // Not awaited: a database away at start delays the cache, not the API.
    void this.listen();
    this.livenessTimer = setInterval(() => void this.probe(), LIVENESS_INTERVAL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.livenessTimer);
    this.lose();
  }

  /** Whether the cache is in use: its listening connection is up. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Resolves once the cache listens (tests, after starting or after a lost connection). */
  whenListening(): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve) => this.listeningWaiters.add(resolve));
  }

  /**
   * Resolves once this process has received every notification committed before the call: it
   * notifies a payload of its own and waits for it, and notifications arrive in commit order.
   * The test client calls it before each request, so that a test sees its own writes at once;
   * a timer calls it every LIVENESS_INTERVAL_MS, as the probe of the listening connection.
   */
  async settled(): Promise<void> {
    const client = this.listener;
    if (!this.listening || !client) return;
    const payload = `${SETTLE_PREFIX}${this.settleNonce}:${++this.settleCount}`;
    const arrived = new Promise<void>((resolve) => this.settleWaiters.set(payload, resolve));
    // Its own notification must come back: a frozen server answers neither.
    await this.answeredInTime(
      client,
      client.query('SELECT pg_notify($1, $2)', [CALLER_CHANNEL, payload]).then(() => arrived),
    );
    this.settleWaiters.delete(payload);
  }

  /**
   * Waits for `work` on the listening connection `client`, at most the probe time. Not answered
   * by then, the connection does not work and what it would have announced is unknown: the cache
   * is turned off until it listens again. A failed connection has turned it off already (lose()).
   */
  private async answeredInTime(client: pg.Client, work: Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), this.timeouts.probeMs);
    });
    const answered = work.then(
      () => false,
      () => false,
    );
    const late = await Promise.race([answered, timedOut]);
    clearTimeout(timer);
    if (late && this.listener === client) {
      this.logger.warn('Caller cache off, its listening connection does not answer');
      this.lose();
      this.retry();
    }
  }

  /**
   * The entry of `key`, once every notification committed before the call has arrived: a change
   * another process has answered for is never served stale, however late its notification.
   */
  async get<R extends CallerRow>(key: string): Promise<R | undefined> {
    if (!this.listening || !this.entries.has(key)) return undefined;
    await this.caughtUp();
    return this.listening ? (this.entries.get(key) as R | undefined) : undefined;
  }

  /**
   * To call before reading a row from the database: stores it afterwards, unless an invalidation
   * (or a lost connection) came in between.
   */
  beginFill(): (key: string, row: CallerRow) => void {
    const generation = this.generation;
    return (key, row) => {
      if (!this.listening || generation !== this.generation) return;
      this.entries.set(key, row);
      let keys = this.keysOfUser.get(row.userId);
      if (!keys) this.keysOfUser.set(row.userId, (keys = new Set()));
      keys.add(key);
    };
  }

  /** Drops an entry that no longer authenticates (expired, idle). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /**
   * Resolves after a round trip on the listening connection that began after the call. PostgreSQL
   * signals the listening sessions before it acknowledges a commit, and a listening session sends
   * the notifications it was signalled before the end (ReadyForQuery) of its next statement: so
   * every notification committed before the call has been handled (invalidate()) when it resolves.
   * Concurrent callers share a round: a caller arriving while one is in flight waits for the next.
   */
  private caughtUp(): Promise<void> {
    if (!this.roundInFlight) {
      this.roundInFlight = this.roundTrip().finally(() => (this.roundInFlight = undefined));
      return this.roundInFlight;
    }
    this.roundQueued ??= this.roundInFlight.then(() => {
      this.roundQueued = undefined;
      return this.caughtUp();
    });
    return this.roundQueued;
  }

  private async roundTrip(): Promise<void> {
    const client = this.listener;
    if (!this.listening || !client) return;
    await this.answeredInTime(client, client.query(''));
  }

  private invalidate(payload: string): void {
    if (payload.startsWith(SETTLE_PREFIX)) {
      this.settleWaiters.get(payload)?.();
      this.settleWaiters.delete(payload);
      return;
    }
    if (payload === '*') {
      this.generation++;
      this.clear();
      return;
    }
    this.generation++;
    for (const key of this.keysOfUser.get(payload) ?? []) this.entries.delete(key);
    this.keysOfUser.delete(payload);
  }

  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.settled();
    } finally {
      this.probing = false;
    }
  }

  private clear(): void {
    this.entries.clear();
    this.keysOfUser.clear();
  }

  private unindex(userId: string, key: string): void {
    const keys = this.keysOfUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysOfUser.delete(userId);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: CALLER_LISTENER_NAME,
      connectionTimeoutMillis: this.timeouts.connectMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    });
    this.listener = client;
    client.on('notification', (message) => {
      if (message.channel === CALLER_CHANNEL) this.invalidate(message.payload ?? '*');
    });
    client.on('error', (error) => {
      if (this.listener !== client) return;
      this.logger.warn(`Caller cache off, its listening connection failed: ${error.message}`);
      this.lose();
      this.retry();
    });
    client.on('end', () => {
      if (this.listener !== client || this.stopped) return;
      this.logger.warn('Caller cache off, its listening connection ended');
      this.lose();
      this.retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CALLER_CHANNEL}`);
    } catch (error) {
      if (this.listener !== client) return;
      this.logger.warn(`Caller cache off, cannot listen: ${(error as Error).message}`);
      this.lose();
      this.retry();
      return;
    }
    if (this.listener !== client || this.stopped) return;
    // Whatever changed while nobody listened is unknown: start from an empty cache.
    this.generation++;
    this.clear();
    this.listening = true;
    this.retryMs = RETRY_MIN_MS;
    for (const resolve of this.listeningWaiters) resolve();
    this.listeningWaiters.clear();
  }

  /** Stops serving from the cache and closes the listening connection, if any. */
  private lose(): void {
    this.listening = false;
    this.generation++;
    this.clear();
    const client = this.listener;
    this.listener = undefined;
    client?.removeAllListeners('notification');
    client?.end().catch(() => undefined);
    for (const resolve of this.settleWaiters.values()) resolve();
    this.settleWaiters.clear();
  }

  private retry(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.listen(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
