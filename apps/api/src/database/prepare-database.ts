import pg from 'pg';
import { type AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, withDatabase } from './embedded-postgres';
import { migrateDeploy } from './migrate';

export const EMBEDDED_DATABASE_NAME = 'spct';

export interface PreparedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Creates `database` on the server of `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL in the
 * project's data folder. Either way the committed migrations are applied before the app starts.
 */
export async function prepareDatabase(
  config: AppConfig,
  log: (message: string) => void,
  embedded: Pick<Parameters<typeof startEmbeddedPostgres>[0], 'onServerOutput'> = {},
): Promise<PreparedDatabase> {
  let url = config.databaseUrl;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    const server = await startEmbeddedPostgres({
      dataDir: config.embeddedDataDir,
      port: config.embeddedPort,
      persistent: true,
      log,
      ...embedded,
    });
    await ensureDatabase(server.url, EMBEDDED_DATABASE_NAME);
    url = withDatabase(server.url, EMBEDDED_DATABASE_NAME);
    stop = server.stop;
  }
  const started = Date.now();
  await migrateDeploy(url);
  log(`Database ready (migrations applied in ${Date.now() - started} ms)`);
  return { url, stop };
}
