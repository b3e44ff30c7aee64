import { COMMITMENT_SORTS } from '@spct/contracts';
import { insertSyntheticCommitments } from '../src/benchmarks/synthetic-commitments';
import { cursorAfter, parseSort } from '../src/commitments/commitment-cursor';
import { type CommitmentFilters, tallyCount } from '../src/commitments/commitment-filters';
import { CommitmentsRepository } from '../src/commitments/commitments.repository';
import { DashboardRepository } from '../src/dashboard/dashboard.repository';
import { todayUtc } from '../src/common/dates';
import { Prisma } from '../src/generated/prisma/client';
import { listScenarios } from '../src/benchmarks/list-scenarios';
import { createTestApp, type TestApp } from './test-app';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/** The tables a plan reads sequentially, among those holding every workspace's rows. */
async function sharedSeqScans(t: TestApp, query: Prisma.Sql): Promise<string[]> {
  const [row] = await t.prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`,
  );
  // Organization and Framework hold a few rows per workspace: a scan of them is the cheap plan.
  return seqScans(row!['QUERY PLAN'][0].Plan).filter(
    (table) => !['Organization', 'Framework'].includes(table),
  );
}

describe('commitments list and dashboard query plans at scale', () => {
  let t: TestApp;
  let workspaceId: string;
  let scenarios: { name: string; filters: CommitmentFilters }[];

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    workspaceId = workspace.id;
    const frameworks = await t.prisma.framework.findMany({ where: { workspaceId } });
    const organizations = await t.prisma.organization.findMany({ where: { workspaceId } });
    await insertSyntheticCommitments(
      t.databaseUrl,
      {
        workspaceId,
        frameworkIds: frameworks.map((f) => f.id),
        organizationIds: organizations.map((o) => o.id),
      },
      30_000,
    );
    // A shared database's tally holds other workspaces' rows too (a thousand workspaces here):
    // the dashboard must read its own through the index, not scan them.
    await t.prisma.$executeRaw`
      INSERT INTO "CommitmentTally" ("workspaceId", "frameworkId", status, "targetGroups",
        "coOrgIds", "positionKeys", items, "progressWeight", weight, "pendingReports",
        "pendingItems", "offTrackIndicators", "offTrackItems")
      SELECT w, gen_random_uuid(), 'ON_TRACK', '{}', '{}', '{}', 1, 50, 1, 0, 0, 0, 0
      FROM (SELECT gen_random_uuid() AS w FROM generate_series(1, 1000)) other,
        generate_series(1, 40)`;
    await t.prisma.$executeRaw`ANALYZE "CommitmentTally"`;
    scenarios = listScenarios({ frameworkId: frameworks[0]!.id, leadOrgId: organizations[0]!.id });
  }, 120_000);
  afterAll(() => t.close());

  it('serves every filter, the search and every sort without a sequential scan of commitments', async () => {
    const repository = t.app.get(CommitmentsRepository);
    for (const scenario of scenarios) {
      for (const sort of COMMITMENT_SORTS) {
        const parsed = parseSort(sort);
        // The first page, and the next one (the keyset condition on the cursor).
        const { rows: first } = await repository.findPage(
          workspaceId,
          scenario.filters,
          parsed,
          null,
          25,
          todayUtc(),
        );
        const last = first[first.length - 1];
        // Every scenario matches rows, so the keyset condition after a cursor is planned too.
        expect(last).toBeDefined();
        const cursors = [null, cursorAfter(last!, parsed.field)];
        for (const cursor of cursors) {
          const query = repository.pageQuery(
            workspaceId,
            scenario.filters,
            parsed,
            cursor,
            26,
            todayUtc(),
          );
          expect({
            scenario: scenario.name,
            sort,
            cursor,
            seqScans: await sharedSeqScans(t, query),
          }).toEqual({
            scenario: scenario.name,
            sort,
            cursor,
            seqScans: [],
          });
        }
      }
    }
  });

  it('counts the totals the dashboard opens, and answers the dashboard, without a sequential scan', async () => {
    const commitments = t.app.get(CommitmentsRepository);
    const dashboard = t.app.get(DashboardRepository);
    // The totals of a search or a date filter over all commitments are counts capped at
    // TOTAL_CAP: on this one-workspace database a scan that stops at the cap is their cheapest
    // plan. What the dashboard's numbers open (trackable items, tally-shaped filters) is checked.
    const drillDowns = scenarios.filter(
      (s) => s.filters.leaf || tallyCount(workspaceId, s.filters) !== null,
    );
    expect(drillDowns.length).toBeGreaterThan(10);
    for (const scenario of drillDowns) {
      expect({
        scenario: scenario.name,
        seqScans: await sharedSeqScans(
          t,
          commitments.totalQuery(workspaceId, scenario.filters, todayUtc()),
        ),
      }).toEqual({ scenario: scenario.name, seqScans: [] });
    }
    const framework = await t.prisma.framework.findFirstOrThrow({ where: { workspaceId } });
    for (const population of [{}, { frameworkId: [framework.id], theme: ['SKILLS' as const] }]) {
      expect(
        await sharedSeqScans(t, dashboard.summaryQuery(workspaceId, population, todayUtc())),
      ).toEqual([]);
    }
  });
});
