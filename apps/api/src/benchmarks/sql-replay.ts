import type pg from 'pg';
import type { LoggedStatement } from './statement-log';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  completed: number;
  /** Requests that did not end in a 2xx answer (HTTP runs only). */
  failed?: number;
}

/**
 * Sends the statements of one request, in their order, through a plain `pg` pool: each on any
 * pooled connection, except that a transaction (BEGIN … COMMIT) keeps one connection throughout.
 * A statement the API sent named is sent named here too, so both sides plan it once per connection.
 */
export async function replay(pool: pg.Pool, statements: LoggedStatement[]): Promise<void> {
  let transaction: pg.PoolClient | undefined;
  for (const { sql, params, name } of statements) {
    if (/^\s*BEGIN\b/i.test(sql)) transaction = await pool.connect();
    const client = transaction ?? pool;
    try {
      await client.query(
        name ? { name, text: sql, values: params } : { text: sql, values: params },
      );
    } finally {
      if (transaction && /^\s*(COMMIT|ROLLBACK)\b/i.test(sql)) {
        transaction.release();
        transaction = undefined;
      }
    }
  }
  transaction?.release();
}

/** `connections` loops each sending `work` again as soon as it ends, for `durationMs`. */
export async function closedLoop(
  work: () => Promise<void>,
  connections: number,
  durationMs: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await work();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    completed: latencies.length,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
