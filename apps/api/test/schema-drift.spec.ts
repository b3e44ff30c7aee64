import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import * as contracts from '@spct/contracts';
import { REPO_ROOT } from '../src/config/app-config';
import { withDatabase } from '../src/database/embedded-postgres';
import { $Enums } from '../src/generated/prisma/client';
import { serverUrl } from './database';

const run = promisify(execFile);

describe('database schema', () => {
  it('has migrations that produce exactly prisma/schema.prisma (no drift)', async () => {
    const cli = require.resolve('prisma/build/index.js');
    const result = await run(
      process.execPath,
      [
        '--require',
        path.join(REPO_ROOT, 'prisma', 'unref-engine-timers.cjs'),
        cli,
        'migrate',
        'diff',
        '--config',
        path.join(REPO_ROOT, 'prisma.config.ts'),
        '--from-migrations',
        path.join(REPO_ROOT, 'prisma', 'migrations'),
        '--to-schema-datamodel',
        path.join(REPO_ROOT, 'prisma', 'schema.prisma'),
        '--exit-code',
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: withDatabase(serverUrl(), 'postgres') },
      },
    ).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    // Exit code 0: no difference; 2: the migrations and the schema differ.
    expect({ code: (result as { code?: number }).code ?? 0, stdout: result.stdout }).toEqual({
      code: 0,
      stdout: expect.stringContaining('No difference detected'),
    });
  });

  it('shares its enumerations with @spct/contracts', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [contracts.CONSTITUENCIES, $Enums.Constituency],
      [contracts.ROLES, $Enums.Role],
      [contracts.COMMITMENT_STATUSES, $Enums.CommitmentStatus],
      [contracts.THEMES, $Enums.Theme],
      [contracts.TARGET_GROUPS, $Enums.TargetGroup],
      [contracts.UPDATE_STATES, $Enums.UpdateState],
      [contracts.INDICATOR_DIRECTIONS, $Enums.IndicatorDirection],
      [contracts.EVIDENCE_KINDS, $Enums.EvidenceKind],
      [contracts.STANCES, $Enums.Stance],
      [contracts.POSITION_KINDS, $Enums.PositionKind],
    ];
    for (const [shared, database] of pairs) expect([...shared]).toEqual(Object.values(database));
  });
});
