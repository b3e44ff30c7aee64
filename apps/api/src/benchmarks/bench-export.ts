// `npm run bench:export`: streamed exports of the workspace `npm run seed:large` made, through the
// BUILT app in a process of its own. The API's resident memory is sampled before and during each
// download; a streamed export holds one page of rows at a time, so its peak must not grow with the
// row count: the 100,000-row file is compared with a tenth of it, in the same run.
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../auth/passwords';
import { loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';
import { preparePersonas, RssSampler, signIn, startApp } from './built-app';
import { LARGE_WORKSPACE } from './large-workspace';

interface Scenario {
  name: string;
  path: string;
  /** SQL counting the rows the file holds (the workspace id is $1). */
  rows: string;
}

const W = `/api/workspaces/${LARGE_WORKSPACE.slug}/exports`;
const ACTIVE = `SELECT count(*)::int AS n FROM "Commitment" WHERE "workspaceId" = $1 AND NOT archived`;
const SCENARIOS: Scenario[] = [
  {
    name: 'commitments.xlsx, one status',
    path: `${W}/commitments.xlsx?status=AT_RISK`,
    rows: `${ACTIVE} AND status = 'AT_RISK'`,
  },
  { name: 'commitments.xlsx, all', path: `${W}/commitments.xlsx`, rows: ACTIVE },
  { name: 'commitments.csv, all', path: `${W}/commitments.csv`, rows: ACTIVE },
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Result {
  rows: number;
  megabytes: number;
  seconds: number;
  peakRss: number;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, () => undefined);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const rss = new RssSampler();
  let app: ChildProcess | undefined;
  try {
    const workspace = await admin.query<{ id: string }>(
      'SELECT id FROM "Workspace" WHERE slug = $1',
      [LARGE_WORKSPACE.slug],
    );
    const workspaceId = workspace.rows[0]?.id;
    if (!workspaceId) throw new Error('No "large" workspace: run `npm run seed:large` first');
    const password = randomBytes(18).toString('base64url');
    await preparePersonas(admin, workspaceId, await hashPassword(password));
    const started = await startApp(database.url);
    app = started.child;
    rss.watch(app.pid!);
    const cookie = await signIn(started.base, 'bench-viewer@large.test', password);
    const download = async (path: string): Promise<{ bytes: number; seconds: number }> => {
      const start = performance.now();
      const response = await fetch(started.base + path, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      let bytes = 0;
      for await (const chunk of response.body!) bytes += (chunk as Uint8Array).byteLength;
      return { bytes, seconds: (performance.now() - start) / 1000 };
    };

    await download(`${W}/commitments.xlsx?status=COMPLETED`); // warm-up
    await settle();
    const before = rss.current();
    const results = new Map<string, Result[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const scenario of SCENARIOS) {
        const rows = (await admin.query<{ n: number }>(scenario.rows, [workspaceId])).rows[0]!.n;
        rss.resetPeak();
        const { bytes, seconds } = await download(scenario.path);
        await settle();
        const result = { rows, megabytes: bytes / 2 ** 20, seconds, peakRss: rss.peak() };
        results.set(scenario.name, [...(results.get(scenario.name) ?? []), result]);
        process.stdout.write('.');
      }
      process.stdout.write(` round ${round}\n`);
    }
    report(before, rss.current(), results);
  } finally {
    rss.stop();
    app?.kill('SIGTERM');
    await admin.end();
    await database.stop();
  }
}

/** Long enough for the memory sampler (every 100 ms) to see the end of a download. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 500));
}

function report(before: number, after: number, results: Map<string, Result[]>): void {
  const mb = (value: number) => value.toFixed(0);
  console.log(
    `\nStreamed exports, workspace "${LARGE_WORKSPACE.slug}", ${ROUNDS} rounds; API RSS before: ${mb(before)} MB\n`,
  );
  console.log('| export | rows | MB | s (best) | rows/s | peak RSS MB | peak ÷ before |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const peaks = new Map<string, number>();
  for (const [name, runs] of results) {
    const best = runs.reduce((a, b) => (a.seconds < b.seconds ? a : b));
    const peak = Math.max(...runs.map((r) => r.peakRss));
    peaks.set(name, peak);
    console.log(
      `| ${name} | ${best.rows} | ${best.megabytes.toFixed(1)} | ${best.seconds.toFixed(1)} | ${(best.rows / best.seconds).toFixed(0)} | ${mb(peak)} | ${(peak / before).toFixed(2)} |`,
    );
  }
  const small = peaks.get(SCENARIOS[0]!.name)!;
  const large = peaks.get(SCENARIOS[1]!.name)!;
  const smallRows = results.get(SCENARIOS[0]!.name)![0]!.rows;
  const largeRows = results.get(SCENARIOS[1]!.name)![0]!.rows;
  console.log(
    `\nXLSX peak RSS with ${largeRows} rows ÷ with ${smallRows} rows (${(largeRows / smallRows).toFixed(1)}× the rows): ${(large / small).toFixed(2)}; RSS after: ${mb(after)} MB`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
