import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/common/free-port';
import { API_NODE_FLAGS } from '../src/config/node-flags';
import { TEST_ORIGIN } from './test-app';

const API_DIR = path.resolve(__dirname, '..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Every API process a test started and has not stopped: killed if the Jest worker exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ApiProcess {
  base: string;
  pid: number;
  /** The status of a GET to the process over HTTP, as `caller` (a cookie or a bearer token). */
  status(url: string, caller: Record<string, string>): Promise<number>;
  /** SIGTERM (graceful shutdown), then SIGKILL if it has not ended in time. */
  stop(): Promise<void>;
}

/**
 * The API's main entry (src/main.ts, compiled on the fly by @swc-node/register with the
 * decorator metadata Nest needs: no build) in an OS process of its own, on `databaseUrl` (already
 * migrated), listening on a free loopback port. Resolves once /api/health answers.
 */
export async function startApiProcess(options: {
  databaseUrl: string;
  sessionSecret: string;
}): Promise<ApiProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'spct-test-uploads-'));
  const child = spawn(
    process.execPath,
    [
      ...API_NODE_FLAGS,
      '--require',
      require.resolve('@swc-node/register'),
      path.join(API_DIR, 'src', 'main.ts'),
    ],
    {
      cwd: API_DIR,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        SWC_NODE_PROJECT: path.join(API_DIR, 'tsconfig.json'),
        NODE_ENV: 'test',
        DATABASE_URL: options.databaseUrl,
        SESSION_SECRET: options.sessionSecret,
        // The Jest-side app's origin: both accept the same browser.
        PUBLIC_URL: TEST_ORIGIN,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        UPLOADS_DIR: uploadsDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    await rm(uploadsDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The API process exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API process did not answer in ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    base,
    pid: child.pid!,
    status: async (url, caller) => {
      const response = await fetch(`${base}${url}`, {
        headers: { origin: TEST_ORIGIN, ...caller },
      });
      await response.arrayBuffer();
      return response.status;
    },
    stop,
  };
}
