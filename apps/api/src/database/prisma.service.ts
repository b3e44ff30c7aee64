import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import type { DatabaseTimeouts } from './database-timeouts';

export const DATABASE_URL = Symbol('DATABASE_URL');
export const DATABASE_TIMEOUTS = Symbol('DATABASE_TIMEOUTS');

/** The connection pool every query of the app goes through, with its timeouts. */
function createPool(url: string, timeouts: DatabaseTimeouts, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    // A server that stops answering altogether (frozen, or the network gone) never sends the
    // statement timeout's error: the client stops waiting a little after it would have.
    query_timeout: timeouts.statementMs + timeouts.connectMs,
    keepAlive: true,
  });
  // An idle connection the server dropped (a restart): the pool discards it; nothing to crash.
  pool.on('error', (error) => logger.warn(`Idle database connection lost: ${error.message}`));
  return pool;
}

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
