import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { REPO_ROOT } from '../config/app-config';

const run = promisify(execFile);
const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma', 'migrations');

/** Whether every committed migration is recorded as applied: then start-up skips the CLI (~3 s). */
async function allApplied(databaseUrl: string): Promise<boolean> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const committed = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.name));
    return committed.every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet
  } finally {
    await client.end();
  }
}

/** Runs a Prisma CLI command on `databaseUrl` (WebAssembly schema engine, no download). */
export function prismaCli(args: string[], databaseUrl: string) {
  const cli = require.resolve('prisma/build/index.js');
  return run(
    process.execPath,
    [
      '--require',
      path.join(REPO_ROOT, 'prisma', 'unref-engine-timers.cjs'),
      cli,
      ...args,
      '--config',
      path.join(REPO_ROOT, 'prisma.config.ts'),
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      maxBuffer: 10 * 1024 * 1024,
    },
  );
}

/** Applies the committed migrations. */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  if (await allApplied(databaseUrl)) return;
  await prismaCli(['migrate', 'deploy'], databaseUrl);
}
