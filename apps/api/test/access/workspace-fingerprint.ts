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

/** How long the fingerprint waits for the background work of earlier requests before it throws. */
export const SETTLE_TIMEOUT_MS = 90_000;

/**
 * A digest of every row a workspace owns, a line per table: equal digests mean nothing changed.
 * Taken once the workspace's background work has finished (imports and period reports queued or
 * running: their jobs write nothing once the row has left those states), so that a job an earlier
 * request started does not pass for a change made by the request under test.
 */
export async function workspaceFingerprint(t: TestApp, workspaceId: string): Promise<string[]> {
  await backgroundWorkFinished(t, workspaceId);
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

/** The tables whose rows differ between two fingerprints of a workspace (none: nothing changed). */
export function changedTables(before: string[], after: string[]): string[] {
  return WORKSPACE_TABLES.filter((_, i) => before[i] !== after[i]);
}

/**
 * Waits until no import or period report of the workspace is queued or running. A wait that runs
 * out throws rather than read the workspace anyway: when the test machine stalled for longer than
 * the wait (some 40 s, once in CI), a job that finished just after was taken for a change made by
 * the request under test.
 */
async function backgroundWorkFinished(t: TestApp, workspaceId: string): Promise<void> {
  const unfinished = { workspaceId, state: { in: ['QUEUED' as const, 'RUNNING' as const] } };
  const select = { id: true, state: true };
  for (const deadline = Date.now() + SETTLE_TIMEOUT_MS; ;) {
    const [imports, reports] = await Promise.all([
      t.prisma.importJob.findMany({ where: unfinished, select }),
      t.prisma.periodReport.findMany({ where: unfinished, select }),
    ]);
    const busy = [
      ...imports.map((job) => `import ${job.id} ${job.state}`),
      ...reports.map((report) => `period report ${report.id} ${report.state}`),
    ];
    if (busy.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Background work unfinished after ${SETTLE_TIMEOUT_MS / 1000} s: ${busy.join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
