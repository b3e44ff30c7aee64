import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('embedded PostgreSQL', () => {
  it('keeps its data across a restart on the same data directory', async () => {
    const script = path.join(__dirname, '..', '..', 'test', 'embedded-restart.ts');
    const { stdout } = await run(process.execPath, [require.resolve('tsx/cli'), script], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual([{ note: 'still here' }]);
  });
});
