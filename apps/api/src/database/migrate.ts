import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../config/app-config';

const run = promisify(execFile);

/** Applies the committed migrations with the Prisma CLI (WebAssembly schema engine, no download). */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  const cli = require.resolve('prisma/build/index.js');
  await run(
    process.execPath,
    [cli, 'migrate', 'deploy', '--config', path.join(REPO_ROOT, 'prisma.config.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      maxBuffer: 10 * 1024 * 1024,
    },
  );
}
