import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface RunningProduct {
  url: string;
  stop(): Promise<void>;
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The product exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The product was not ready in 90 s:\n${output()}`);
}

/** Starts the built product as `npm start` does, on its own port and embedded database. */
export async function startProduct(): Promise<RunningProduct> {
  const dataParent = await mkdtemp(path.join(os.tmpdir(), 'spct-e2e-'));
  await chmod(dataParent, 0o755); // PostgreSQL runs as the `postgres` user when we are root
  const port = 41000 + Math.floor(Math.random() * 2000);
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    // The exact origin the browser uses: the API refuses cookie-authenticated writes from others.
    PUBLIC_URL: url,
    EMBEDDED_PG_DIR: path.join(dataParent, 'postgres'),
    EMBEDDED_PG_PORT: String(port + 10_000),
    // Uploaded evidence stays with this run's data and goes with it.
    UPLOADS_DIR: path.join(dataParent, 'uploads'),
  };
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js')], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitUntilReady(url, child, () => log);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataParent, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
