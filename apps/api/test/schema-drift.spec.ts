import path from 'node:path';
import * as contracts from '@spct/contracts';
import { REPO_ROOT } from '../src/config/app-config';
import { withDatabase } from '../src/database/embedded-postgres';
import { prismaCli } from '../src/database/migrate';
import { $Enums } from '../src/generated/prisma/client';
import { serverUrl } from './database';

describe('database schema', () => {
  it('has migrations that produce exactly prisma/schema.prisma (no drift)', async () => {
    const result = await prismaCli(
      [
        'migrate',
        'diff',
        '--from-migrations',
        path.join(REPO_ROOT, 'prisma', 'migrations'),
        '--to-schema-datamodel',
        path.join(REPO_ROOT, 'prisma', 'schema.prisma'),
        '--exit-code',
      ],
      withDatabase(serverUrl(), 'postgres'),
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
      [contracts.REPORTING_CADENCES, $Enums.ReportingCadence],
      [contracts.PERIOD_STATES, $Enums.PeriodState],
      [contracts.NOTIFICATION_KINDS, $Enums.NotificationKind],
    ];
    for (const [shared, database] of pairs) expect([...shared]).toEqual(Object.values(database));
  });
});
