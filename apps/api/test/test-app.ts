import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module';
import { CallerCache } from '../src/auth/caller-cache';
import { developmentSecurityConfig, type SecurityConfig } from '../src/config/app-config';
import { configureApp } from '../src/configure-app';
import type { DatabaseTimeouts } from '../src/database/database-timeouts';
import { developmentMailConfig, type MailConfig } from '../src/email/mail-config';
import { PrismaService } from '../src/database/prisma.service';
import { createHttpAdapter, DEFAULT_HTTP_SERVER } from '../src/http/http-adapter';
import type { LoggingOptions } from '../src/logging/logging';
import type { MetricsConfig } from '../src/metrics/metrics-config';
import { DemoSeeder } from '../src/seed/demo-seeder';
import { createTestDatabase } from './database';
import { MultipartForm } from './multipart-form';

export const TEST_ORIGIN = 'http://localhost:3000';

/**
 * Patient database timeouts: on a loaded test machine opening a connection or answering a
 * probe can take many times the production second, which must not fail a test that is not
 * about it (the outage test uses the production values).
 */
const RELAXED_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 60_000,
  statementMs: 60_000,
  probeMs: 30_000,
};
export const DEMO_PASSWORD = 'tripartite-demo';

export interface TestResponse<T> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests through the app (no socket), as one caller: anonymous, a session, or a token. */
export class TestClient {
  constructor(
    private readonly app: NestFastifyApplication,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = unknown>(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    // Whatever the test wrote just before (sessions, roles, …) has reached the caller cache.
    await this.app.get(CallerCache).settled();
    const options: InjectOptions = {
      method,
      url,
      // Our own web page's origin, as a browser would send it.
      headers: { origin: TEST_ORIGIN, ...this.headers, ...headers },
    };
    if (body instanceof MultipartForm) {
      const form = body.toRequest();
      options.payload = form.payload;
      Object.assign(options.headers!, form.headers);
    } else if (body !== undefined) options.payload = body as InjectOptions['payload'];
    else if (method !== 'GET') options.headers!['x-requested-with'] = 'test';
    return this.app.inject(options).then((response) => ({
      status: response.statusCode,
      body: (response.body ? safeJson(response.body) : undefined) as T,
      headers: response.headers,
    }));
  }

  get<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }
  put<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', url, body, headers);
  }
  patch<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  delete<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }

  /** A GET whose answer is a file: its bytes as they came. */
  async download(
    url: string,
  ): Promise<{ status: number; headers: Record<string, unknown>; file: Buffer }> {
    await this.app.get(CallerCache).settled();
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { origin: TEST_ORIGIN, ...this.headers },
    });
    return { status: response.statusCode, headers: response.headers, file: response.rawPayload };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  prisma: PrismaService;
  databaseUrl: string;
  uploadsDir: string;
  /** Every route the app registered: method and URL pattern. */
  routes: { method: string; url: string }[];
  anonymous: TestClient;
  /** Signs in through POST /api/auth/login and returns a client carrying the session cookie. */
  signIn(email: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** The real app, through the real request pipeline, on a database of its own. */
export async function createTestApp(
  options: {
    seedDemo?: boolean;
    webDistDir?: string;
    security?: Partial<SecurityConfig>;
    /** Runs before the app is initialised: the last moment routes can be added. */
    beforeInit?: (app: NestFastifyApplication) => void;
    /** A database of the test's own (already migrated), instead of a fresh copy of the template. */
    database?: { url: string; drop(): Promise<void> };
    databaseTimeouts?: DatabaseTimeouts;
    /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
    trustProxy?: string[];
    /** Default: silent. */
    logging?: LoggingOptions;
    metrics?: MetricsConfig;
    /** Default: no mail server. */
    mail?: Partial<MailConfig>;
    /** Default true: the background job queue runs (imports, e-mail, reports). */
    runJobs?: boolean;
    /** Default false: no cron schedule (the reminder sweep) fires in the middle of a test. */
    runSchedules?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'spct-test-uploads-'));
  const security = { ...developmentSecurityConfig(TEST_ORIGIN), ...options.security };
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.register({
        databaseUrl: database.url,
        security,
        uploadsDir,
        databaseTimeouts: options.databaseTimeouts ?? RELAXED_DATABASE_TIMEOUTS,
        logging: options.logging ?? { level: 'silent' },
        metrics: options.metrics,
        runJobs: options.runJobs ?? true,
        runSchedules: options.runSchedules ?? false,
        mail: developmentMailConfig(security.publicUrl, security.sessionSecret, options.mail),
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createHttpAdapter({ ...DEFAULT_HTTP_SERVER, trustProxy: options.trustProxy ?? [] }),
  );
  const routes: { method: string; url: string }[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
  await configureApp(app, { webDistDir: options.webDistDir });
  options.beforeInit?.(app);
  const close = async () => {
    await app.close();
    await database.drop();
    await rm(uploadsDir, { recursive: true, force: true });
  };
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    if (options.seedDemo) await app.get(DemoSeeder).seedIfMissing();
  } catch (error) {
    await close().catch(() => undefined); // leave no timers or connections behind
    throw error;
  }
  const anonymous = new TestClient(app);
  return {
    app,
    prisma: app.get(PrismaService),
    databaseUrl: database.url,
    uploadsDir,
    routes,
    anonymous,
    signIn: async (email, password = DEMO_PASSWORD) => {
      const response = await anonymous.post('/api/auth/login', { email, password });
      if (response.status !== 200) {
        throw new Error(`Sign-in of ${email} answered ${response.status}`);
      }
      return new TestClient(app, { cookie: sessionCookieFrom(response.headers) });
    },
    close,
  };
}

/** `name=value` of the session cookie a response set. */
export function sessionCookieFrom(headers: TestResponse<unknown>['headers']): string {
  const setCookie = [headers['set-cookie'] ?? []].flat().map(String);
  const cookie = setCookie.find((c) => c.includes('spct_session='));
  if (!cookie) throw new Error('No session cookie was set');
  return cookie.split(';')[0]!;
}

/** GET `url` through the app (no socket) and parse the JSON body. */
export async function getJson<T = unknown>(
  app: NestFastifyApplication,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json() as T };
}

/** The body of an injected response as the client reads it, decoded from gzip or brotli. */
export function decodedBody(response: {
  headers: Record<string, unknown>;
  rawPayload: Buffer;
}): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(response.rawPayload);
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload);
  if (encoding !== undefined) throw new Error(`Unexpected content-encoding ${String(encoding)}`);
  return response.rawPayload;
}
