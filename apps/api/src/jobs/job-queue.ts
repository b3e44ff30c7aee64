import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { DATABASE_URL } from '../database/prisma.service';

/** false: the app never starts the queue (writing the OpenAPI document, with no database). */
export const RUN_JOBS = Symbol('RUN_JOBS');
/**
 * false: the queue runs jobs but keeps no cron schedules (tests, whose clock-driven sweeps must
 * not fire in the middle of another test's assertions).
 */
export const RUN_SCHEDULES = Symbol('RUN_SCHEDULES');

const RETRY_MS = 2_000;

type Handler = (data: Record<string, unknown>) => Promise<void>;

export type SendOptions = Pick<
  PgBoss.SendOptions,
  'retryLimit' | 'retryDelay' | 'retryBackoff' | 'startAfter' | 'singletonKey' | 'singletonSeconds'
>;

/**
 * Background work on pg-boss (its own schema `pgboss` in the app's database): features register
 * a handler per queue while the app starts (and maybe a schedule for it), and send jobs that any
 * replica's worker takes. A job left by a stopped process is retried once, so handlers must be
 * safe to run again.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, Handler>();
  private readonly schedules = new Map<string, string>();
  private started: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(RUN_JOBS) private readonly enabled: boolean,
    @Inject(RUN_SCHEDULES) private readonly scheduling: boolean,
  ) {
    this.boss = new PgBoss({ connectionString: databaseUrl, max: 4, schedule: scheduling });
    this.boss.on('error', (error) => this.logger.warn(`Job queue: ${error.message}`));
  }

  /** Called from a feature's onModuleInit: `handler` runs each job sent to `queue`. */
  register<T extends object>(queue: string, handler: (data: T) => Promise<void>): void {
    this.handlers.set(queue, handler as unknown as Handler);
  }

  /**
   * Called from a feature's onModuleInit, after `register`: a job is sent to `queue` at each time
   * of `cron` (UTC). pg-boss keeps schedules in the database and sends each tick once, whichever
   * replica's clock sees it first.
   */
  schedule(queue: string, cron: string): void {
    this.schedules.set(queue, cron);
  }

  /** `options` override the default of one retry after 5 seconds (see pg-boss's SendOptions). */
  async send(queue: string, data: object, options: SendOptions = {}): Promise<void> {
    if (!this.started) throw new Error('The job queue is not running in this process');
    await this.started;
    await this.boss.send(queue, data, { retryLimit: 1, retryDelay: 5, ...options });
  }

  /**
   * Starts in the background: the app comes up (alive, not ready) while the database is away,
   * and the queue starts once it answers.
   */
  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.started = this.start();
    this.started.catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (!this.started) return;
    const running = await this.started.then(
      () => true,
      () => false,
    );
    if (running) await this.boss.stop({ graceful: true, close: true, wait: true, timeout: 10_000 });
  }

  private async start(): Promise<void> {
    // pg-boss cannot start again after a failed start: wait until the database answers first.
    while (!(await reachable(this.databaseUrl))) {
      if (this.stopping) throw new Error('Stopped before the database answered');
      this.logger.warn('Job queue waiting for the database');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
    }
    await this.boss.start();
    for (const [queue, handler] of this.handlers) {
      await this.boss.createQueue(queue);
      await this.boss.work<Record<string, unknown>>(
        queue,
        { pollingIntervalSeconds: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data);
        },
      );
    }
    if (!this.scheduling) return;
    for (const [queue, cron] of this.schedules) {
      await this.boss.schedule(queue, cron, {}, { tz: 'UTC', retryLimit: 1, retryDelay: 5 });
    }
  }
}

async function reachable(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
