import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import type { DatabaseTimeouts } from './database-timeouts';
import { createPool } from './pool';

export const DATABASE_URL = Symbol('DATABASE_URL');
export const DATABASE_TIMEOUTS = Symbol('DATABASE_TIMEOUTS');

@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  readonly pool: pg.Pool;

  constructor(
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(DATABASE_TIMEOUTS) timeouts: DatabaseTimeouts,
  ) {
    const pool = createPool(databaseUrl, timeouts, new Logger('Database'));
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
  }

  /** After the HTTP server has finished its requests (graceful shutdown), not before. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    if (!this.pool.ending) await this.pool.end();
  }
}
