import type { TestApp } from '../test-app';

const WORKSPACE_TABLES = [
  'Organization',
  'Membership',
  'Framework',
  'Commitment',
  'Alignment',
  'ProgressUpdate',
  'Indicator',
  'Measurement',
  'Evidence',
  'Comment',
  'Position',
  'ActivityEvent',
  'ImportJob',
  'PeriodReport',
  'ReportingPeriod',
  'Notification',
];

/**
 * A digest of every row a workspace owns: equal digests mean nothing changed. Taken once the
 * workspace's background work (imports and period reports queued or running) has finished, so that a job an earlier
 * request started does not pass for a change made by the request under test.
 */
export async function workspaceFingerprint(t: TestApp, workspaceId: string): Promise<string[]> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const busy = await Promise.all([
      t.prisma.importJob.count({ where: { workspaceId, state: { in: ['QUEUED', 'RUNNING'] } } }),
      t.prisma.periodReport.count({ where: { workspaceId, state: { in: ['QUEUED', 'RUNNING'] } } }),
    ]);
    if (busy.every((n) => n === 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Promise.all(
    WORKSPACE_TABLES.map(async (table) => {
      const [row] = await t.prisma.$queryRawUnsafe<{ digest: string | null }[]>(
        `SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) AS digest
           FROM "${table}" x WHERE x."workspaceId" = $1::uuid`,
        workspaceId,
      );
      return `${table}:${row?.digest ?? 'empty'}`;
    }),
  );
}
