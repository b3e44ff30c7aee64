// `npm run bench:import`: a 10,000-row XLSX import into the workspace `npm run seed:large` made,
// through the BUILT app in a process of its own: the dry run (upload) and the run (the background
// job, followed to its end as the web app's progress bar does), each timed, while a client keeps
// reading the commitments list; the list's p95 during each phase is reported as a ratio to its
// p95 when the API is quiet, measured in the same run. The imported rows are removed afterwards.
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { hashPassword } from '../auth/passwords';
import { loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';
import { preparePersonas, RssSampler, signIn, startApp } from './built-app';
import { LARGE_WORKSPACE } from './large-workspace';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const QUIET_S = 10;
const W = `/api/workspaces/${LARGE_WORKSPACE.slug}`;
const ADMIN_EMAIL = 'bench-admin@large.test';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, () => undefined);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const rss = new RssSampler();
  let app: ChildProcess | undefined;
  const prefix = `BENCH-${Date.now().toString(36)}-`;
  let workspaceId: string | undefined;
  try {
    workspaceId = (
      await admin.query<{ id: string }>('SELECT id FROM "Workspace" WHERE slug = $1', [
        LARGE_WORKSPACE.slug,
      ])
    ).rows[0]?.id;
    if (!workspaceId) throw new Error('No "large" workspace: run `npm run seed:large` first');
    const password = randomBytes(18).toString('base64url');
    const hash = await hashPassword(password);
    await preparePersonas(admin, workspaceId, hash);
    await prepareAdmin(admin, workspaceId, hash);
    const framework = (
      await admin.query<{ code: string }>(
        'SELECT code FROM "Framework" WHERE "workspaceId" = $1 ORDER BY code LIMIT 1',
        [workspaceId],
      )
    ).rows[0]!.code;
    const organization = (
      await admin.query<{ shortName: string }>(
        'SELECT "shortName" FROM "Organization" WHERE "workspaceId" = $1 ORDER BY "shortName" LIMIT 1',
        [workspaceId],
      )
    ).rows[0]!.shortName;
    const file = await workbook(framework, organization, prefix);

    const started = await startApp(database.url);
    app = started.child;
    rss.watch(app.pid!);
    const base = started.base;
    const viewer = await signIn(base, 'bench-viewer@large.test', password);
    const importer = await signIn(base, ADMIN_EMAIL, password);
    const list = async () => {
      const response = await fetch(`${base}${W}/commitments`, { headers: { cookie: viewer } });
      await response.arrayBuffer();
    };
    for (let i = 0; i < 20; i++) await list(); // warm-up

    const quiet = await latenciesWhile(list, sleep(QUIET_S * 1000));
    const rssBefore = rss.current();
    rss.resetPeak();

    let importId = '';
    const dryRunStart = performance.now();
    const dryRunLatencies = await latenciesWhile(
      list,
      (async () => {
        const form = new FormData();
        form.append('file', new Blob([file]), 'bench.xlsx');
        const response = await fetch(`${base}${W}/imports`, {
          method: 'POST',
          headers: { cookie: importer, origin: base, 'x-requested-with': 'bench' },
          body: form,
        });
        const body = (await response.json()) as { id: string; creates: number; errors: number };
        if (response.status !== 200 || body.creates !== ROWS) {
          throw new Error(
            `Dry run answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`,
          );
        }
        importId = body.id;
      })(),
    );
    const dryRunSeconds = (performance.now() - dryRunStart) / 1000;

    const runStart = performance.now();
    const runLatencies = await latenciesWhile(
      list,
      (async () => {
        const response = await fetch(`${base}${W}/imports/${importId}/run`, {
          method: 'POST',
          headers: { cookie: importer, origin: base, 'x-requested-with': 'bench' },
        });
        if (response.status !== 202) throw new Error(`Run answered ${response.status}`);
        for (;;) {
          const state = (await (
            await fetch(`${base}${W}/imports/${importId}?rows=false`, {
              headers: { cookie: importer },
            })
          ).json()) as { state: string; failure: string | null };
          if (state.state === 'SUCCEEDED') return;
          if (state.state === 'FAILED') throw new Error(`The run failed: ${state.failure}`);
          await sleep(250);
        }
      })(),
    );
    const runSeconds = (performance.now() - runStart) / 1000;

    const p95 = (values: number[]) => percentile(values, 0.95);
    const quietP95 = p95(quiet);
    console.log(
      `\nImport of ${ROWS} rows (XLSX, ${(file.length / 2 ** 20).toFixed(1)} MB), workspace "${LARGE_WORKSPACE.slug}"\n`,
    );
    console.log('| phase | seconds | list requests | list p95 ms | p95 ÷ quiet |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(`| quiet | ${QUIET_S} | ${quiet.length} | ${quietP95.toFixed(0)} | 1.00 |`);
    for (const [phase, seconds, latencies] of [
      ['dry run (upload)', dryRunSeconds, dryRunLatencies],
      ['run (background job)', runSeconds, runLatencies],
    ] as const) {
      console.log(
        `| ${phase} | ${seconds.toFixed(1)} | ${latencies.length} | ${p95(latencies).toFixed(0)} | ${(p95(latencies) / quietP95).toFixed(2)} |`,
      );
    }
    console.log(`\nAPI RSS before ${rssBefore.toFixed(0)} MB, peak ${rss.peak().toFixed(0)} MB`);
  } finally {
    rss.stop();
    app?.kill('SIGTERM');
    if (workspaceId) await removeImported(admin, workspaceId, prefix);
    await admin.end();
    await database.stop();
  }
}

/** The latency (ms) of each call of `request`, one after the other, until `until` settles. */
async function latenciesWhile(
  request: () => Promise<void>,
  until: Promise<void>,
): Promise<number[]> {
  let done = false;
  const finished = until.finally(() => (done = true));
  const latencies: number[] = [];
  const client = (async () => {
    while (!done) {
      const start = performance.now();
      await request();
      latencies.push(performance.now() - start);
    }
  })();
  await finished;
  await client;
  return latencies;
}

async function workbook(framework: string, organization: string, prefix: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Commitments');
  sheet.addRow([
    'Framework',
    'Reference',
    'Title (Vietnamese)',
    'Title (English)',
    'Theme',
    'Lead organization',
    'Target groups',
    'Target date',
  ]);
  for (let i = 1; i <= ROWS; i++) {
    sheet.addRow([
      framework,
      `${prefix}${i}`,
      `Cam kết nhập số ${i}: mở rộng bảo hiểm xã hội tự nguyện`,
      `Imported commitment ${i}: extend voluntary social insurance`,
      'An sinh xã hội',
      organization,
      'Phụ nữ; Thanh niên',
      new Date(Date.UTC(2030, i % 12, 1 + (i % 28))),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function prepareAdmin(admin: pg.Client, workspaceId: string, passwordHash: string) {
  const user = await admin.query<{ id: string }>(
    `INSERT INTO "User" (id, email, "displayName", "passwordHash", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Benchmark administrator', $2, now())
     ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", active = true
     RETURNING id`,
    [ADMIN_EMAIL, passwordHash],
  );
  await admin.query(
    `INSERT INTO "Membership" (id, "userId", "workspaceId", role, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'ADMIN', now())
     ON CONFLICT ("userId", "workspaceId") DO UPDATE SET active = true, role = 'ADMIN'`,
    [user.rows[0]!.id, workspaceId],
  );
}

/** Leaves the large workspace as the seed made it. */
async function removeImported(admin: pg.Client, workspaceId: string, prefix: string) {
  await admin.query(
    `DELETE FROM "ActivityEvent" WHERE "workspaceId" = $1 AND "importJobId" IS NOT NULL`,
    [workspaceId],
  );
  await admin.query(`DELETE FROM "ImportJob" WHERE "workspaceId" = $1`, [workspaceId]);
  await admin.query(`DELETE FROM "Commitment" WHERE "workspaceId" = $1 AND reference LIKE $2`, [
    workspaceId,
    `${prefix}%`,
  ]);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
