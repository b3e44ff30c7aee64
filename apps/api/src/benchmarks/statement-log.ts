import pg from 'pg';
import { CALLER_LISTENER_NAME } from '../auth/caller-cache';

/** One statement as PostgreSQL received it: the backend that ran it, its text and parameters. */
export interface LoggedStatement {
  pid: number;
  sql: string;
  params: (string | null)[];
  /** The prepared statement's name when the API sent it named (planned once per connection). */
  name?: string;
}

const PREFIX = 'spct-bench ';
const RECORD = new RegExp(`^${PREFIX}\\[(\\d+)\\] ([A-Z]+):  ([\\s\\S]*)$`);

/**
 * Reads the statement log of an embedded PostgreSQL from its output, to learn which statements
 * (with their parameters) one HTTP request makes the API send. Logging is switched on only while
 * a request is captured, so it costs nothing during the measured runs.
 */
export class StatementLog {
  private pending = '';
  private records: { pid: number; level: string; text: string }[] = [];
  private waiters: (() => void)[] = [];

  /** Feed it everything the server writes (startEmbeddedPostgres's onServerOutput). */
  feed(chunk: string): void {
    this.pending += chunk;
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = RECORD.exec(line);
      if (match) {
        this.records.push({ pid: Number(match[1]), level: match[2]!, text: match[3]! });
      } else if (line.startsWith('\t') && this.records.length > 0) {
        // A statement's further lines are written with a leading tab.
        this.records[this.records.length - 1]!.text += `\n${line.slice(1)}`;
      }
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  /**
   * The statements PostgreSQL ran, from other sessions than `admin`'s, while `send` ran: between
   * two marker queries of `admin`, each awaited until it shows in the log.
   */
  async capture(admin: pg.Client, send: () => Promise<void>): Promise<LoggedStatement[]> {
    // Not the request's: the benchmark's own connection, the caller cache's listener (whose
    // liveness probe notifies every few seconds) and the job queue's (pg-boss polls every 2 s).
    const skipped = new Set(
      (
        await admin.query<{ pid: number }>(
          `SELECT pg_backend_pid() AS pid
           UNION SELECT pid FROM pg_stat_activity WHERE application_name = ANY($1)`,
          [[CALLER_LISTENER_NAME, 'pgboss']],
        )
      ).rows.map((row) => row.pid),
    );
    await admin.query(`ALTER SYSTEM SET log_line_prefix = '${PREFIX}[%p] '`);
    await admin.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await admin.query('SELECT pg_reload_conf()');
    try {
      const start = await this.mark(admin, 'start');
      await send();
      const end = await this.mark(admin, 'end');
      return this.statementsBetween(start, end).filter((s) => !skipped.has(s.pid));
    } finally {
      await admin.query('ALTER SYSTEM RESET log_statement');
      await admin.query('ALTER SYSTEM RESET log_line_prefix');
      await admin.query('SELECT pg_reload_conf()');
    }
  }

  /** Runs a marker query until the log shows it (a reload reaches the backends asynchronously). */
  private async mark(admin: pg.Client, name: string): Promise<number> {
    const marker = `spct-bench-marker-${name}-${Date.now()}-${Math.random()}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      await admin.query(`SELECT '${marker}'`);
      const index = await this.waitFor(marker, 500);
      if (index >= 0) return index;
      if (Date.now() > deadline) throw new Error('The statement log did not show the marker');
    }
  }

  private async waitFor(text: string, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.records.findIndex((r) => r.text.includes(text));
      if (index >= 0) return index;
      const left = deadline - Date.now();
      if (left <= 0) return -1;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private statementsBetween(start: number, end: number): LoggedStatement[] {
    const statements: LoggedStatement[] = [];
    for (const record of this.records.slice(start + 1, end)) {
      if (record.level === 'LOG') {
        const simple = /^statement: ([\s\S]*)$/.exec(record.text);
        const extended = /^execute (\S+?): ([\s\S]*)$/.exec(record.text);
        const sql = simple?.[1] ?? extended?.[2];
        const name = extended?.[1] === '<unnamed>' ? undefined : extended?.[1];
        if (sql !== undefined) statements.push({ pid: record.pid, sql, params: [], name });
      } else if (record.level === 'DETAIL' && /^parameters: /i.test(record.text)) {
        const last = statements.findLast((s) => s.pid === record.pid);
        if (last) last.params = parseParameters(record.text.replace(/^parameters: /i, ''));
      }
    }
    this.records = this.records.slice(end + 1);
    return statements;
  }
}

/** `$1 = 'a''b', $2 = NULL` → ['a\'b', null]. */
export function parseParameters(text: string): (string | null)[] {
  const params: (string | null)[] = [];
  const item = /\$(\d+) = (?:NULL|'((?:[^']|'')*)')(?:, |$)/y;
  let match: RegExpExecArray | null;
  while ((match = item.exec(text))) {
    params[Number(match[1]) - 1] = match[2] === undefined ? null : match[2].replace(/''/g, "'");
  }
  return params;
}
