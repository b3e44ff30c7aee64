import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../src/database/embedded-postgres';

/** Set by global-setup: the server URL and the migrated template every test database copies. */
export const SERVER_URL_ENV = 'SPCT_TEST_SERVER_URL';
export const TEMPLATE_DATABASE = 'spct_test_template';

export function serverUrl(): string {
  const url = process.env[SERVER_URL_ENV];
  if (!url)
    throw new Error(`${SERVER_URL_ENV} is not set: run the tests through jest (global-setup)`);
  return url;
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database with every migration applied, for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `spct_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  return {
    url: withDatabase(serverUrl(), name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
