import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import pg from 'pg';
import type { DatabaseTimeouts } from './database-timeouts';
import { DATABASE_TIMEOUTS, DATABASE_URL, PrismaService } from './prisma.service';

/** How often the watchdog looks for stalled connections, and a down database is probed. */
const TICK_MS = 250;

/**
 * Whether the database answers, kept up to date so that requests fail fast while it does not.
 *
 * A stopped server refuses connections at once, but a frozen one (or a lost network) accepts
 * them and never answers: requests would wait out their timeouts one after the other. So a
 * failed query, a connection busy for longer than half a probe, or a readiness check probes the
 * server with a new connection and `SELECT 1`; when the probe fails, the database is marked
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
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(DATABASE_TIMEOUTS) private readonly timeouts: DatabaseTimeouts,
  ) {}

  onModuleInit(): void {
    const pool = this.prisma.pool;
    pool.on('acquire', (client) => this.busySince.set(client, Date.now()));
    pool.on('release', (_error, client) => this.busySince.delete(client));
    pool.on('remove', (client) => this.busySince.delete(client));
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
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

  private async ping(): Promise<boolean> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: this.timeouts.probeMs,
      query_timeout: this.timeouts.probeMs,
    });
    client.on('error', () => undefined); // a failed probe is an answer, not a crash
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      // end() destroys the socket of a query still waiting, so a frozen server cannot hold it.
      void client.end().catch(() => undefined);
    }
  }

  private markAway(): void {
    if (!this.away)
      this.logger.error('The database does not answer: requests get 503 until it does');
    this.away = true;
    // Their server will not answer: end them, so their requests fail now rather than at their
    // timeouts (the pool then discards them).
    for (const client of this.busySince.keys()) {
      (client as pg.PoolClient & { end(): Promise<void> }).end().catch(() => undefined);
    }
    this.busySince.clear();
  }

  private markUp(): void {
    if (this.away) this.logger.log('The database answers again');
    this.away = false;
  }
}
