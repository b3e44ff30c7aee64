import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  type EmbeddedDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '../src/database/embedded-postgres';
import { migrateDeploy } from '../src/database/migrate';
import { adminQuery, SERVER_URL_ENV, TEMPLATE_DATABASE } from './database';
import { freePort } from '../src/common/free-port';

declare global {
  var __SPCT_STOP_DATABASE__: (() => Promise<void>) | undefined;
}

/** Another process can take the chosen port before PostgreSQL binds it; then try another. */
async function startOnAFreePort(dataDir: string, attempts = 3): Promise<EmbeddedDatabase> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

/**
 * One PostgreSQL for the run: DATABASE_URL's server when set, otherwise a throw-away embedded
 * server. A template database gets the migrations once; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  let url = process.env.DATABASE_URL;
  if (!url) {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'spct-test-pg-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
    await chmod(parent, 0o755);
    const server = await startOnAFreePort(path.join(parent, 'data'));
    url = server.url;
    globalThis.__SPCT_STOP_DATABASE__ = server.stop;
  }
  process.env[SERVER_URL_ENV] = url;
  await adminQuery(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await migrateDeploy(withDatabase(url, TEMPLATE_DATABASE));
}
