import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Set by the global set-up: the data folder of a product that started once and stopped, its
 * embedded PostgreSQL initialised, migrated and seeded with the demo workspace. Each test file's
 * product starts on a copy, as `npm start` restarts on its data, and skips those steps.
 */
export const TEMPLATE_DATA_ENV = 'SPCT_E2E_TEMPLATE_DATA';

export interface RunningProduct {
  url: string;
  /** Its embedded PostgreSQL's folder and uploaded evidence. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Leave the data folder behind on stop (the template); otherwise it goes with the product. */
  keepData?: boolean;
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

/** A loopback port nothing listens on right now, chosen by the operating system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built product as `npm start` does, on its own ports and embedded database. Another
 * process can take a chosen port before the product binds it, so a failed start is retried on
 * new ports.
 */
export async function startProduct(
  options: StartOptions = {},
  attempts = 3,
): Promise<RunningProduct> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startProductOnce(options);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

async function startProductOnce({ keepData = false }: StartOptions): Promise<RunningProduct> {
  const dataParent = await mkdtemp(path.join(os.tmpdir(), 'spct-e2e-'));
  await chmod(dataParent, 0o755); // PostgreSQL runs as the `postgres` user when we are root
  const template = process.env[TEMPLATE_DATA_ENV];
  // `cp -a` keeps the files' owner: the `postgres` user's when we are root.
  if (template)
    await promisify(execFile)('cp', ['-a', path.join(template, 'postgres'), dataParent]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    // Always the embedded database of this run's data folder, whatever the caller's environment.
    DATABASE_URL: undefined,
    PORT: String(port),
    HOST: '127.0.0.1',
    // The exact origin the browser uses: the API refuses cookie-authenticated writes from others.
    PUBLIC_URL: url,
    EMBEDDED_PG_DIR: path.join(dataParent, 'postgres'),
    EMBEDDED_PG_PORT: String(await freePort()),
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
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (!keepData) await rm(dataParent, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => log);
  } catch (error) {
    await stop();
    // A failed start leaves nothing behind, even a template's folder.
    await rm(dataParent, { recursive: true, force: true });
    throw error;
  }
  return { url, dataDir: dataParent, stop };
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
