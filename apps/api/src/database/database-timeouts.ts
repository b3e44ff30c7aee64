/** How long the API waits on its database before it answers 503 instead. */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One SQL statement (PostgreSQL's `statement_timeout`; the client gives up a little later). */
  statementMs: number;
  /**
   * A readiness probe (a new connection and `SELECT 1`). Requests whose connection has been busy
   * for half of it make the API probe; a failed probe marks the database away.
   */
  probeMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 1_000,
  statementMs: 15_000,
  probeMs: 1_000,
};
