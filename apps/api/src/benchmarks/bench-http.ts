// `npm run bench:http`: throughput of the hot endpoints of the BUILT app (dist/main.js, a process
// of its own, NODE_ENV=production) on the workspace `npm run seed:large` made, with autocannon at
// 10 and 50 connections. Next to each endpoint, in the same run and interleaved with it, its raw
// baseline: the very statements it sends (read from PostgreSQL's statement log for one request),
// replayed through a plain `pg` pool at the same concurrency. Also SQL statements per request
// (pg_stat_statements), the CPU time each process spends per request (the API, PostgreSQL, the
// load generator) and the API's resident memory. Adding an endpoint is one line in ENDPOINTS.
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '../auth/passwords';
import { loadConfig, REPO_ROOT } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';
import { preparePersonas, RssSampler, signIn, startApp } from './built-app';
import { type CpuPerRequest, measureCpu } from './cpu-time';
import { LARGE_WORKSPACE } from './large-workspace';
import { closedLoop, type LoadResult, replay } from './sql-replay';
import { type LoggedStatement, StatementLog } from './statement-log';

type Persona = 'viewer' | 'editor';
interface Ids {
  commitmentId: string;
}
interface Endpoint {
  name: string;
  /** Who calls it (null: anonymous). */
  as: Persona | null;
  path: (ids: Ids) => string;
}

const W = `/api/workspaces/${LARGE_WORKSPACE.slug}`;
const ENDPOINTS: Endpoint[] = [
  { name: 'health', as: null, path: () => '/api/health' },
  { name: 'auth/me', as: 'viewer', path: () => '/api/auth/me' },
  { name: 'list', as: 'viewer', path: () => `${W}/commitments` },
  { name: 'list status=AT_RISK', as: 'viewer', path: () => `${W}/commitments?status=AT_RISK` },
  { name: 'list q="dien bien"', as: 'viewer', path: () => `${W}/commitments?q=dien%20bien` },
  { name: 'detail', as: 'viewer', path: (ids) => `${W}/commitments/${ids.commitmentId}` },
  { name: 'my work', as: 'editor', path: () => `${W}/my-work` },
  { name: 'frameworks', as: 'viewer', path: () => `${W}/frameworks` },
  { name: 'dashboard', as: 'viewer', path: () => `${W}/dashboard/summary` },
];

const CONNECTIONS = [10, 50];
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The raw baseline's pool: as many connections as the API's pool has. */
const RAW_POOL_SIZE = 10;
/** Requests sent one after the other to count the statements of each endpoint. */
const COUNTED_REQUESTS = 20;
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());

interface Run {
  endpoint: string;
  connections: number;
  api: LoadResult;
  apiCpu: CpuPerRequest;
  raw: LoadResult | null;
  rawCpu: CpuPerRequest | null;
  /** The API's peak resident memory (MB) during the endpoint's run. */
  rssPeak: number;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = config.databaseUrl ? undefined : new StatementLog();
  const database = await prepareDatabase(config, () => undefined, {
    onServerOutput: (text) => log?.feed(text),
  });
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const rawPool = new pg.Pool({ connectionString: database.url, max: RAW_POOL_SIZE });
  const rss = new RssSampler();
  let app: ChildProcess | undefined;
  try {
    const workspace = await admin.query<{ id: string }>(
      'SELECT id FROM "Workspace" WHERE slug = $1',
      [LARGE_WORKSPACE.slug],
    );
    const workspaceId = workspace.rows[0]?.id;
    if (!workspaceId) throw new Error('No "large" workspace: run `npm run seed:large` first');
    const counting = await enableStatementCounts(admin);
    const password = randomBytes(18).toString('base64url');
    await preparePersonas(admin, workspaceId, await hashPassword(password));
    const ids: Ids = {
      commitmentId: (
        await admin.query<{ id: string }>(
          `SELECT id FROM "Commitment" WHERE "workspaceId" = $1 AND NOT archived
           ORDER BY "referenceKey" OFFSET 500 LIMIT 1`,
          [workspaceId],
        )
      ).rows[0]!.id,
    };

    const started = await startApp(database.url);
    app = started.child;
    const base = started.base;
    rss.watch(app.pid!);
    const cookies: Record<Persona, string> = {
      viewer: await signIn(base, 'bench-viewer@large.test', password),
      editor: await signIn(base, LARGE_WORKSPACE.editor.email, password),
    };
    const endpoints = ENDPOINTS.filter((e) => !ONLY || ONLY.includes(e.name));
    const headersOf = (e: Endpoint): Record<string, string> =>
      e.as ? { cookie: cookies[e.as] } : {};
    const get = async (e: Endpoint) => {
      const response = await fetch(base + e.path(ids), { headers: headersOf(e) });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${e.name} answered ${response.status}`);
    };

    // What each endpoint sends, learnt from one request after a warm-up one, and how many
    // statements it sends on average over a series of requests one after the other.
    const statements = new Map<string, LoggedStatement[]>();
    const perRequest = new Map<string, number>();
    for (const e of endpoints) {
      await get(e);
      if (log && e.as) statements.set(e.name, await fewestStatements(log, admin, () => get(e)));
      if (counting) {
        const before = await statementCount(admin);
        for (let i = 0; i < COUNTED_REQUESTS; i++) await get(e);
        perRequest.set(e.name, ((await statementCount(admin)) - before) / COUNTED_REQUESTS);
      }
    }
    const rssBefore = rss.current();
    rss.resetPeak();
    rss.takeWindowPeak();

    console.log(
      `HTTP throughput, workspace "${LARGE_WORKSPACE.slug}", ${ROUNDS} rounds of ${DURATION_S} s per run, interleaved\n`,
    );
    for (const e of endpoints) {
      for (const connections of CONNECTIONS) {
        await load(base + e.path(ids), headersOf(e), connections, WARMUP_S);
        await drained(admin);
        const sql = statements.get(e.name);
        if (sql) await closedLoop(() => replay(rawPool, sql), connections, WARMUP_S * 1000);
      }
    }
    const runs: Run[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const e of endpoints) {
        for (const connections of CONNECTIONS) {
          const api = await measureCpu(admin, app.pid!, () =>
            load(base + e.path(ids), headersOf(e), connections, DURATION_S),
          );
          await drained(admin);
          const rssPeak = rss.takeWindowPeak();
          const sql = statements.get(e.name);
          const raw = sql
            ? await measureCpu(admin, null, () =>
                closedLoop(() => replay(rawPool, sql), connections, DURATION_S * 1000),
              )
            : null;
          runs.push({
            endpoint: e.name,
            connections,
            api: api.result,
            apiCpu: api.cpu,
            raw: raw?.result ?? null,
            rawCpu: raw?.cpu ?? null,
            rssPeak,
          });
          process.stdout.write('.');
        }
      }
      process.stdout.write(` round ${round}\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const memory = { before: rssBefore, peak: rss.peak(), after: rss.current() };
    await report(endpoints, runs, statements, perRequest, memory);
  } finally {
    rss.stop();
    app?.kill('SIGTERM');
    await rawPool.end();
    await admin.end();
    await database.stop();
  }
}

/**
 * The statements of one request: the fewest of three captures, since the API's own background
 * work (a job's sweep, on the same pools) may run during one of them.
 */
async function fewestStatements(
  log: StatementLog,
  admin: pg.Client,
  send: () => Promise<void>,
): Promise<LoggedStatement[]> {
  let fewest: LoggedStatement[] | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const captured = await log.capture(admin, send);
    if (!fewest || captured.length < fewest.length) fewest = captured;
  }
  return fewest!;
}

/** pg_stat_statements in this database; false where the server does not load it. */
async function enableStatementCounts(admin: pg.Client): Promise<boolean> {
  try {
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await statementCount(admin);
    return true;
  } catch {
    console.warn('pg_stat_statements is not loaded by this server: no statement counts\n');
    return false;
  }
}

/**
 * Statements run in this database so far, other than the benchmark's own looks at pg_stat_* and
 * the caller cache's liveness probes (a notification every few seconds, not per request).
 */
async function statementCount(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ calls: string | null }>(
    `SELECT sum(calls) AS calls FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT LIKE '%pg_stat_%' AND query NOT LIKE '%pg_notify%'`,
  );
  return Number(rows[0]?.calls ?? 0);
}

/**
 * Waits until no statement of the API is running: autocannon stops at the deadline, but the
 * requests it left in flight are still served, and must not weigh on the next run.
 */
async function drained(admin: pg.Client): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await admin.query<{ busy: number }>(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
       WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
    );
    if (rows[0]!.busy === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed: result['2xx'],
    failed: result.non2xx + result.errors,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function report(
  endpoints: Endpoint[],
  runs: Run[],
  statements: Map<string, LoggedStatement[]>,
  perRequest: Map<string, number>,
  memory: { before: number; peak: number; after: number },
): Promise<void> {
  const rows = endpoints.flatMap((e) =>
    CONNECTIONS.map((connections) => {
      const mine = runs.filter((r) => r.endpoint === e.name && r.connections === connections);
      const health = runs.filter((r) => r.endpoint === 'health' && r.connections === connections);
      const rps = median(mine.map((r) => r.api.requestsPerSecond));
      const raws = mine.flatMap((r) => (r.raw ? [r.raw] : []));
      const rawRps = raws.length ? median(raws.map((r) => r.requestsPerSecond)) : NaN;
      const healthRps = health.length ? median(health.map((r) => r.api.requestsPerSecond)) : NaN;
      return {
        endpoint: e.name,
        conn: connections,
        'req/s': Math.round(rps),
        p50: median(mine.map((r) => r.api.p50)),
        p99: median(mine.map((r) => r.api.p99)),
        'raw req/s': round(rawRps, 0),
        'raw p50': round(median(raws.map((r) => r.p50))),
        'raw p99': round(median(raws.map((r) => r.p99))),
        '÷ raw': round(rps / rawRps, 2),
        '÷ health': round(rps / healthRps, 3),
        'SQL/req': round(perRequest.get(e.name) ?? NaN, 2),
        'raw SQL/req': round(statements.get(e.name)?.length ?? NaN, 0),
        // Answers other than 2xx, timeouts (10 s) and connection errors, all rounds together.
        failed: mine.reduce((sum, r) => sum + (r.api.failed ?? 0), 0),
        'RSS peak MB': Math.round(Math.max(...mine.map((r) => r.rssPeak))),
      };
    }),
  );
  console.table(rows);
  const cpuRows = endpoints.flatMap((e) =>
    CONNECTIONS.map((connections) => {
      const mine = runs.filter((r) => r.endpoint === e.name && r.connections === connections);
      const of = (pick: (r: Run) => number | undefined) =>
        round(median(mine.map(pick).filter((v): v is number => v !== undefined)), 3);
      return {
        endpoint: e.name,
        conn: connections,
        API: of((r) => r.apiCpu.api),
        PostgreSQL: of((r) => r.apiCpu.postgres),
        autocannon: of((r) => r.apiCpu.client),
        'raw: PostgreSQL': of((r) => r.rawCpu?.postgres),
        'raw: pg client': of((r) => r.rawCpu?.client),
      };
    }),
  );
  console.log('\nCPU time per request (ms), by process:');
  console.table(cpuRows);
  const rssLine = `API resident memory (MB): before ${memory.before.toFixed(0)}, peak ${memory.peak.toFixed(0)}, after ${memory.after.toFixed(0)}`;
  console.log(rssLine);
  console.log(
    'req/s: median of the rounds; p50/p99 in ms; raw: the same statements through a plain pg pool ' +
      `of ${RAW_POOL_SIZE} at the same concurrency; SQL/req: pg_stat_statements over ${COUNTED_REQUESTS} requests ` +
      'in a row; raw SQL/req: the statements of one request, read from the statement log. ' +
      'CPU time: /proc of the API, of the PostgreSQL backends of this database and of this process ' +
      '(autocannon, or the raw pg client), over the run, per completed request.',
  );
  const folder = path.join(REPO_ROOT, '.data', 'bench');
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `http-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const markdown = [
    markdownTable(rows),
    '',
    'CPU time per request (ms), by process:',
    '',
    markdownTable(cpuRows),
    '',
    rssLine,
    '',
  ].join('\n');
  await writeFile(`${file}.md`, markdown);
  await writeFile(
    `${file}.json`,
    JSON.stringify(
      { rows, cpuRows, memory, runs, statements: Object.fromEntries(statements) },
      null,
      2,
    ),
  );
  console.log(`\nWritten to ${file}.md and .json`);
}

function markdownTable(rows: Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => String(row[c])).join(' | ')} |`),
  ].join('\n');
}

/** `value` rounded to `digits`; '–' where there is nothing to show (no raw baseline for health). */
function round(value: number, digits = 1): number | string {
  if (!Number.isFinite(value)) return '–';
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
