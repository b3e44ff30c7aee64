import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import pg from 'pg';
import type { DatabaseTimeouts } from './database-timeouts';
import { KyselyService } from './kysely.service';
import { DATABASE_TIMEOUTS, DATABASE_URL, PrismaService } from './prisma.service';

/** How often the watchdog looks for stalled connections, and a down database is probed. */
const TICK_MS = 250;

/**
 * Whether the database answers, kept up to date so that requests fail fast while it does not.
 *
 * A stopped server refuses connections at once, but a frozen one (or a lost network) accepts
 * them and never answers: requests would wait out their timeouts one after the other. So a
 * failed query, a connection busy for longer than half a probe, or a readiness check probes the
 * server (`SELECT 1` within `probeMs`); when the probe fails, the database is marked
 * away, the connections still waiting are closed (their requests answer 503 at once), and every
 * request that needs the database answers 503 without trying, until a probe — repeated every
 * quarter second — succeeds again.
 */
@Injectable()
export class DatabaseAvailability implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private away = false;
  private probe: Promise<boolean> | null = null;
  /** When each checked-out connection was taken from the pool. */
  private readonly busySince = new Map<pg.PoolClient, number>();
  /** Connections whose socket has closed, and when it was seen. */
  private readonly endedAt = new Map<pg.PoolClient, number>();
  private timer: NodeJS.Timeout | undefined;
  private monitor: Promise<pg.Client> | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly kysely: KyselyService,
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(DATABASE_TIMEOUTS) private readonly timeouts: DatabaseTimeouts,
  ) {}

  onModuleInit(): void {
    // Opened now so the first probe need not open a connection; a failure here is no verdict.
    const monitor = this.monitorConnection();
    monitor.catch(() => this.forgetMonitor(monitor));
    for (const pool of [this.prisma.pool, this.kysely.pool]) this.watch(pool);
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Follows the connections of one of the app's pools: which are busy since when, which died. */
  private watch(pool: pg.Pool): void {
    pool.on('connect', (client) => client.once('end', () => this.endedAt.set(client, Date.now())));
    pool.on('acquire', (client) => this.busySince.set(client, Date.now()));
    pool.on('release', (_error, client) => this.busySince.delete(client));
    pool.on('remove', (client) => {
      this.busySince.delete(client);
      this.endedAt.delete(client);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.probe?.catch(() => undefined);
    const monitor = this.monitor;
    this.monitor = null;
    await monitor?.then((client) => client.end()).catch(() => undefined);
  }

  /** False while the database is known to be unreachable. */
  get available(): boolean {
    return !this.away;
  }

  /** Readiness: probes now (unless a probe is under way or the database is known away). */
  async isReachable(): Promise<boolean> {
    if (this.away) return false;
    return this.checkNow();
  }

  /** A request failed on its connection to the database: find out whether the server is away. */
  reportFailure(): void {
    if (!this.away) void this.checkNow();
  }

  private tick(): void {
    this.reclaimDeadConnections();
    if (this.away) {
      void this.checkNow();
      return;
    }
    const stalledSince = Date.now() - this.timeouts.probeMs / 2;
    for (const since of this.busySince.values()) {
      if (since < stalledSince) {
        void this.checkNow();
        return;
      }
    }
  }

  /**
   * Gives back to the pool the checked-out connections that died a tick ago or more. Prisma
   * 6.19's driver adapter releases a transaction's connection only once its COMMIT or ROLLBACK
   * has succeeded, which never happens on a dead connection: each outage would otherwise take
   * connections from the pool for good (and `pool.end()` would wait for them for ever).
   */
  private reclaimDeadConnections(): void {
    const endedBefore = Date.now() - TICK_MS;
    for (const client of this.busySince.keys()) {
      const ended = this.endedAt.get(client);
      if (ended === undefined || ended > endedBefore) continue;
      const release = client.release;
      // Should its owner release it after all, that second release must not throw.
      client.release = () => undefined;
      release(new Error('The connection was lost'));
    }
  }

  /** One probe at a time; its answer decides the state. */
  private checkNow(): Promise<boolean> {
    this.probe ??= this.ping()
      .then((reachable) => {
        if (reachable) this.markUp();
        else this.markAway();
        return reachable;
      })
      .finally(() => {
        this.probe = null;
      });
    return this.probe;
  }

  /**
   * `SELECT 1` on a connection kept for the purpose: an existing backend answers at once even
   * on a busy server, where opening a connection (a fork and an authentication) could take
   * longer than the probe may. Without that connection (first use, or lost), one is opened.
   */
  private async ping(): Promise<boolean> {
    const started = performance.now();
    if (await this.pingOnce()) return true;
    // A timeout that fired well after its time means the event loop was blocked (a long
    // synchronous task: a big spreadsheet, a PDF), not that the server is silent: its answer may
    // be waiting unread behind the timer. Ask once more before ending every busy connection.
    return performance.now() - started > this.timeouts.probeMs * 1.5 && this.pingOnce();
  }

  private async pingOnce(): Promise<boolean> {
    const monitor = this.monitorConnection();
    try {
      await (await monitor).query('SELECT 1');
      return true;
    } catch {
      this.forgetMonitor(monitor);
      return false;
    }
  }

  private monitorConnection(): Promise<pg.Client> {
    if (!this.monitor) {
      const client = new pg.Client({
        connectionString: this.url,
        // Opening a connection is slow on a busy server (a fork and an authentication): it
        // gets the pool's patience. The query that probes gets the probe's.
        connectionTimeoutMillis: this.timeouts.connectMs,
        query_timeout: this.timeouts.probeMs,
        application_name: 'spct-availability-probe',
      });
      const monitor = client.connect().then(
        () => client,
        (error: unknown) => {
          void client.end().catch(() => undefined);
          throw error;
        },
      );
      client.on('error', () => this.forgetMonitor(monitor)); // the next probe opens another
      this.monitor = monitor;
    }
    return this.monitor;
  }

  /** Closes the probe's connection (unless another has replaced it meanwhile). */
  private forgetMonitor(monitor: Promise<pg.Client>): void {
    if (this.monitor !== monitor) return;
    this.monitor = null;
    // end() destroys the socket of a query still waiting, so a frozen server cannot hold it.
    monitor.then((client) => client.end()).catch(() => undefined);
  }

  private markAway(): void {
    if (!this.away)
      this.logger.error('The database does not answer: requests get 503 until it does');
    this.away = true;
    // Their server will not answer: end them, so their requests fail now rather than at their
    // timeouts (the pool discards them when they are released, or reclaimDeadConnections does).
    for (const client of this.busySince.keys()) {
      (client as pg.PoolClient & { end(): Promise<void> }).end().catch(() => undefined);
    }
  }

  private markUp(): void {
    if (this.away) this.logger.log('The database answers again');
    this.away = false;
  }
}
