import path from 'node:path';

/** The repository root: prisma/, the web build and the embedded database live relative to it. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface AppConfig {
  nodeEnv: string;
  port: number;
  host: string;
  /** Unset means: start an embedded PostgreSQL under `embeddedDataDir`. */
  databaseUrl: string | undefined;
  embeddedDataDir: string;
  embeddedPort: number;
  seedDemo: boolean;
  webDistDir: string;
  publicUrl: string;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return value;
}

function boolFromEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(): AppConfig {
  const nodeEnv = process.env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const port = intFromEnv('PORT', 3000);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (production && !databaseUrl) {
    throw new Error(
      'DATABASE_URL is required in production (the embedded database is for development)',
    );
  }
  return {
    nodeEnv,
    port,
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl,
    embeddedDataDir: path.resolve(
      process.env.EMBEDDED_PG_DIR ?? path.join(REPO_ROOT, '.data', 'postgres'),
    ),
    embeddedPort: intFromEnv('EMBEDDED_PG_PORT', 54329),
    seedDemo: boolFromEnv('SEED_DEMO', !production),
    webDistDir: path.resolve(
      process.env.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'apps', 'web', 'dist'),
    ),
    publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  };
}
