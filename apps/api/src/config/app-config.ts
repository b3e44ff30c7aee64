import path from 'node:path';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../database/database-timeouts';
import type { HttpServerConfig } from '../http/http-adapter';
import { loadMailConfig, type MailConfig } from '../email/mail-config';
import type { MetricsConfig } from '../metrics/metrics-config';
import { parseAddressList } from './address-list';

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
  /** Uploaded evidence files (the local storage backend). */
  uploadsDir: string;
  security: SecurityConfig;
  http: HttpServerConfig;
  databaseTimeouts: DatabaseTimeouts;
  /** How long a shutdown waits for requests in flight before it closes their connections. */
  shutdownTimeoutMs: number;
  /** pino's level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  metrics: MetricsConfig;
  mail: MailConfig;
}

/** What sign-in, sessions and request-forgery checks need; handed to the app module. */
export interface SecurityConfig {
  /** Key for the HMAC under which session, API and set-password tokens are stored. */
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Cookies get `Secure` and the `__Host-` prefix (production, served over HTTPS). */
  secureCookies: boolean;
  /** Where users open the app; links in invitations point here. */
  publicUrl: string;
  /** Origins whose browsers may send cookie-authenticated writes. */
  allowedOrigins: string[];
  /** Password of the demo accounts; undefined means the demo accounts get no password. */
  demoPassword: string | undefined;
}

export const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-change-me';
export const DEVELOPMENT_DEMO_PASSWORD = 'tripartite-demo';

/** The development origins that reach the same server: localhost and 127.0.0.1, and Vite's dev server. */
function developmentOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twin = new URL(publicUrl);
  if (url.hostname === 'localhost') twin.hostname = '127.0.0.1';
  else if (url.hostname === '127.0.0.1') twin.hostname = 'localhost';
  return [twin.origin, 'http://localhost:5173', 'http://127.0.0.1:5173'];
}

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

function loadSecurityConfig(
  production: boolean,
  publicUrl: string,
  seedDemo: boolean,
): SecurityConfig {
  const sessionSecret = process.env.SESSION_SECRET || DEVELOPMENT_SESSION_SECRET;
  if (production && sessionSecret === DEVELOPMENT_SESSION_SECRET) {
    throw new Error('SESSION_SECRET must be set in production (the development default is public)');
  }
  if (sessionSecret.length < 32) {
    throw new Error('SESSION_SECRET must be at least 32 characters');
  }
  let demoPassword = process.env.DEMO_PASSWORD || undefined;
  if (seedDemo && production && (!demoPassword || demoPassword === DEVELOPMENT_DEMO_PASSWORD)) {
    throw new Error(
      'SEED_DEMO in production needs a DEMO_PASSWORD other than the development default',
    );
  }
  if (!production) demoPassword ??= DEVELOPMENT_DEMO_PASSWORD;
  return {
    sessionSecret,
    sessionIdleMinutes: positiveIntFromEnv('SESSION_IDLE_MINUTES', 8 * 60),
    sessionAbsoluteHours: positiveIntFromEnv('SESSION_ABSOLUTE_HOURS', 7 * 24),
    secureCookies: production,
    publicUrl,
    allowedOrigins: [
      new URL(publicUrl).origin,
      ...(production ? [] : developmentOrigins(publicUrl)),
    ],
    demoPassword,
  };
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

/** The development security settings, for tools and tests that build the app in-process. */
export function developmentSecurityConfig(publicUrl = 'http://localhost:3000'): SecurityConfig {
  return loadSecurityConfig(false, publicUrl, true);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevelFromEnv(): string {
  const level = process.env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  return level;
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
  const seedDemo = boolFromEnv('SEED_DEMO', !production);
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  const security = loadSecurityConfig(production, publicUrl, seedDemo);
  return {
    nodeEnv,
    port,
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl,
    embeddedDataDir: path.resolve(
      process.env.EMBEDDED_PG_DIR ?? path.join(REPO_ROOT, '.data', 'postgres'),
    ),
    embeddedPort: intFromEnv('EMBEDDED_PG_PORT', 54329),
    seedDemo,
    webDistDir: path.resolve(
      process.env.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'apps', 'web', 'dist'),
    ),
    publicUrl,
    uploadsDir: path.resolve(process.env.UPLOADS_DIR ?? path.join(REPO_ROOT, '.data', 'uploads')),
    security,
    http: {
      trustProxy: parseAddressList('TRUST_PROXY', process.env.TRUST_PROXY),
      requestTimeoutMs: positiveIntFromEnv('REQUEST_TIMEOUT_MS', 30_000),
    },
    databaseTimeouts: {
      connectMs: positiveIntFromEnv('DB_CONNECT_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.connectMs),
      statementMs: positiveIntFromEnv(
        'DB_STATEMENT_TIMEOUT_MS',
        DEFAULT_DATABASE_TIMEOUTS.statementMs,
      ),
      probeMs: positiveIntFromEnv('DB_PROBE_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.probeMs),
    },
    shutdownTimeoutMs: positiveIntFromEnv('SHUTDOWN_TIMEOUT_MS', 10_000),
    logLevel: logLevelFromEnv(),
    metrics: {
      token: process.env.METRICS_TOKEN || undefined,
      allow: parseAddressList('METRICS_ALLOW', process.env.METRICS_ALLOW ?? '127.0.0.0/8, ::1'),
    },
    mail: loadMailConfig(publicUrl, security.sessionSecret),
  };
}
