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
  'ReportingPeriod',
  'Notification',
];

/** A digest of every row a workspace owns: equal digests mean nothing changed. */
export async function workspaceFingerprint(t: TestApp, workspaceId: string): Promise<string[]> {
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
