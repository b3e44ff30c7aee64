import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './app-config';
import { API_NODE_FLAGS } from './node-flags';

describe('the production Node flags', () => {
  it('are those of `npm start`', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'apps', 'api', 'package.json'), 'utf8'),
    ) as { scripts: Record<string, string> };
    expect(manifest.scripts.start).toBe(`node ${API_NODE_FLAGS.join(' ')} dist/main.js`);
  });

  it('are those of the Docker image', () => {
    const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...API_NODE_FLAGS, 'apps/api/dist/main.js']);
  });
});
