// What the HTTP benchmarks share: the built API in a process of its own on the large workspace,
// its personas, signing in, and the API's resident memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { freePort } from '../common/free-port';
import { REPO_ROOT } from '../config/app-config';
import { API_NODE_FLAGS } from '../config/node-flags';
import { LARGE_WORKSPACE } from './large-workspace';

/** A VIEWER of the large workspace and its synthetic EDITOR, both with `passwordHash`. */
export async function preparePersonas(admin: pg.Client, workspaceId: string, passwordHash: string) {
  const viewer = await admin.query<{ id: string }>(
    `INSERT INTO "User" (id, email, "displayName", "passwordHash", "updatedAt")
     VALUES (gen_random_uuid(), 'bench-viewer@large.test', 'Benchmark viewer', $1, now())
     ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", active = true
     RETURNING id`,
    [passwordHash],
  );
  await admin.query(
    `INSERT INTO "Membership" (id, "userId", "workspaceId", role, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'VIEWER', now())
     ON CONFLICT ("userId", "workspaceId") DO UPDATE SET active = true`,
    [viewer.rows[0]!.id, workspaceId],
  );
  await admin.query(`UPDATE "User" SET "passwordHash" = $1, active = true WHERE email = $2`, [
    passwordHash,
    LARGE_WORKSPACE.editor.email,
  ]);
}

/** The built API in a process of its own, as in production, on a free port. */
export async function startApp(
  databaseUrl: string,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...API_NODE_FLAGS, path.join(__dirname, '..', 'main.js')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: base,
        SESSION_SECRET: randomBytes(36).toString('base64url'),
        SEED_DEMO: 'false',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited:\n${errors}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The API did not start:\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.includes('spct_session='));
  if (response.status !== 200 || !cookie) {
    throw new Error(`Sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  }
  return cookie.split(';')[0]!;
}

/** The resident memory of a process, sampled every 100 ms. */
export class RssSampler {
  private pid = 0;
  private last = 0;
  private max = 0;
  private windowMax = 0;
  private timer: NodeJS.Timeout | undefined;

  watch(pid: number): void {
    this.pid = pid;
    this.timer = setInterval(() => void this.sample(), 100);
  }
  current(): number {
    return this.last;
  }
  peak(): number {
    return this.max;
  }
  resetPeak(): void {
    this.max = this.last;
  }
  /** The peak since the previous call (or since `watch`), then a new window starts. */
  takeWindowPeak(): number {
    const peak = this.windowMax;
    this.windowMax = this.last;
    return peak;
  }
  stop(): void {
    clearInterval(this.timer);
  }
  private async sample(): Promise<void> {
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    if (kb > 0) {
      this.last = kb / 1024;
      this.max = Math.max(this.max, this.last);
      this.windowMax = Math.max(this.windowMax, this.last);
    }
  }
}
