import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_URL } from '../database/prisma.service';

/** false: the app never starts the queue (writing the OpenAPI document, with no database). */
export const RUN_JOBS = Symbol('RUN_JOBS');

type Handler = (data: Record<string, unknown>) => Promise<void>;

/**
 * Background work on pg-boss (its own schema `pgboss` in the app's database): features register
 * a handler per queue while the app starts, and send jobs that any replica's worker takes. A job
 * left by a stopped process is retried once, so handlers must be safe to run again.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, Handler>();

  constructor(
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(RUN_JOBS) private readonly enabled: boolean,
  ) {
    this.boss = new PgBoss({ connectionString: databaseUrl, max: 4, schedule: false });
    this.boss.on('error', (error) => this.logger.warn(`Job queue: ${error.message}`));
  }

  /** Called from a feature's onModuleInit: `handler` runs each job sent to `queue`. */
  register<T extends object>(queue: string, handler: (data: T) => Promise<void>): void {
    this.handlers.set(queue, handler as unknown as Handler);
  }

  async send(queue: string, data: object): Promise<void> {
    await this.boss.send(queue, data, { retryLimit: 1, retryDelay: 5 });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
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
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.enabled) return;
    await this.boss.stop({ graceful: true, close: true, wait: true, timeout: 10_000 });
  }
}
