import type { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DatabaseTimeouts } from './database-timeouts';

/**
 * A connection pool of the app (Prisma's, and Kysely's for the hot reads), with the timeouts
 * that turn a database away into a quick 503 rather than a request hanging.
 */
export function createPool(
  url: string,
  timeouts: DatabaseTimeouts,
  logger: Logger,
  types?: pg.CustomTypesConfig,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    // A server that stops answering altogether (frozen, or the network gone) never sends the
    // statement timeout's error: the client stops waiting a little after it would have.
    query_timeout: timeouts.statementMs + timeouts.connectMs,
    keepAlive: true,
    ...(types ? { types } : {}),
  });
  // An idle connection the server dropped (a restart): the pool discards it; nothing to crash.
  pool.on('error', (error) => logger.warn(`Idle database connection lost: ${error.message}`));
  // pg-pool listens for errors only while a connection is idle: one checked out between two
  // statements (inside a transaction) when the server ends it would emit 'error' to no one and
  // end the process. Its holder sees the failure at its next statement and releases it broken.
  pool.on('connect', (client) =>
    client.on('error', (error) =>
      logger.warn(`Database connection lost while in use: ${error.message}`),
    ),
  );
  return pool;
}
