import { COMMITMENT_SORTS } from '@spct/contracts';
import { insertSyntheticCommitments } from '../src/benchmarks/synthetic-commitments';
import { cursorAfter, parseSort, SORT_COLUMNS } from '../src/commitments/commitment-cursor';
import {
  commitmentConditions,
  type CommitmentFilters,
  tallyCount,
} from '../src/commitments/commitment-filters';
import { CommitmentsRepository } from '../src/commitments/commitments.repository';
import { DashboardRepository } from '../src/dashboard/dashboard.repository';
import { REPORT_SECTIONS_JSON } from '../src/my-work/my-work.repository';
import { MY_WORK_LIMIT } from '../src/my-work/my-work.dto';
import { todayUtc } from '../src/common/dates';
import { Prisma } from '../src/generated/prisma/client';
import { listScenarios } from '../src/benchmarks/list-scenarios';
import { createTestApp, type TestApp } from './test-app';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

function seqScans(node: PlanNode): string[] {
  return nodes(node)
    .filter((n) => n['Node Type'] === 'Seq Scan')
    .map((n) => n['Relation Name'] ?? '?');
}

async function plan(t: TestApp, query: Prisma.Sql): Promise<PlanNode> {
  const [row] = await t.prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`,
  );
  return row!['QUERY PLAN'][0].Plan;
}

/**
 * The plan of a named statement's text once PostgreSQL settles on a generic plan (made without
 * the values), which it may do after five runs on a connection.
 */
async function genericPlan(t: TestApp, text: string): Promise<PlanNode> {
  const [row] = await t.prisma.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    `EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${text}`,
  );
  return row!['QUERY PLAN'][0].Plan;
}

/** The tables among `tables` that hold every workspace's rows. */
function sharedTables(tables: string[]): string[] {
  // Organization, Framework, User and ReportingPeriod hold a few rows per workspace: a scan of
  // them is the cheap plan.
  return tables.filter(
    (table) => !['Organization', 'Framework', 'User', 'ReportingPeriod'].includes(table),
  );
}

/** The tables a plan reads sequentially, among those holding every workspace's rows. */
async function sharedSeqScans(t: TestApp, query: Prisma.Sql): Promise<string[]> {
  return sharedTables(seqScans(await plan(t, query)));
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

  it("reads the first page of one status, framework, lead organization or theme in order from that dimension's index", async () => {
    // Walking the reference order and filtering costs as much as the matches lie far down it.
    const repository = t.app.get(CommitmentsRepository);
    const filtersOf = (name: string) => scenarios.find((s) => s.name === name)!.filters;
    const dimensions: [CommitmentFilters, string][] = [
      [{ status: ['AT_RISK'] }, 'Commitment_workspaceId_status_referenceKey_idx'],
      [
        { frameworkId: filtersOf('framework').frameworkId },
        'Commitment_workspaceId_frameworkId_referenceKey_idx',
      ],
      [
        { leadOrgId: filtersOf('lead organization').leadOrgId },
        'Commitment_workspaceId_leadOrgId_referenceKey_idx',
      ],
      [{ theme: ['SOCIAL_DIALOGUE'] }, 'Commitment_workspaceId_theme_referenceKey_idx'],
    ];
    for (const [filters, index] of dimensions) {
      const query = repository.pageQuery(
        workspaceId,
        filters,
        parseSort('reference'),
        null,
        26,
        todayUtc(),
      );
      const indexes = nodes(await plan(t, query)).map((n) => n['Index Name']);
      expect({ filters, indexes }).toEqual({ filters, indexes: expect.arrayContaining([index]) });
    }
  });

  it('pages a search as the plain query does, whether its matches come early in the order or far down it', async () => {
    const repository = t.app.get(CommitmentsRepository);
    const now = new Date();
    const ids = (json: string) => (JSON.parse(json) as { id: string }[]).map((item) => item.id);
    // "S.299" matches S.299, S.2990… and S.29900…: too few in the first rows of any order, so a
    // search alone reads all matches; the other phrases find their page in the first rows. With
    // another filter the search is one condition among others.
    const searches: CommitmentFilters[] = [
      ...['S.299', 'commitment 1', 'tại', 'no commitment says this'].map((q) => ({ q })),
      { q: 'S.299', status: ['AT_RISK', 'OFF_TRACK'] },
      { q: 'commitment 2', needsUpdate: true },
    ];
    for (const filters of searches) {
      for (const sort of COMMITMENT_SORTS) {
        const parsed = parseSort(sort);
        const column = Prisma.raw(`c."${SORT_COLUMNS[parsed.field].column}"`);
        const direction = Prisma.raw(parsed.descending ? 'DESC' : 'ASC');
        // NULLs last ascending, first descending: PostgreSQL's default, which the list keeps.
        const expected = (
          await t.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
            SELECT c.id FROM "Commitment" c
            WHERE ${Prisma.join(commitmentConditions(workspaceId, filters, now), ' AND ')}
            ORDER BY ${column} ${direction}, c.id ${direction} LIMIT 50`)
        ).map((r) => r.id);
        const first = await repository.findPage(workspaceId, filters, parsed, null, 25, now);
        const last = first.rows.at(-1);
        const cursor = last ? cursorAfter(last, parsed.field) : null;
        const second = cursor
          ? await repository.findPage(workspaceId, filters, parsed, cursor, 25, now)
          : { rows: [] };
        expect({ filters, sort, ids: [...first.rows, ...second.rows].map((r) => r.id) }).toEqual({
          filters,
          sort,
          ids: expected,
        });
        // The JSON page the API sends: the same items, and the same cursor after them.
        const json = await repository.findPageJson(workspaceId, filters, parsed, null, 25, now);
        expect({ filters, sort, ids: ids(json.items) }).toEqual({
          filters,
          sort,
          ids: expected.slice(0, 25),
        });
        expect(json.last && cursorAfter(json.last, parsed.field)).toEqual(
          expected.length > 25 ? cursor : null,
        );
      }
    }
  });

  it('plans the unfiltered list, a named statement, without a sequential scan or a large sort whatever the values', async () => {
    // A named statement may run on a generic plan (made without the values) after five runs.
    const repository = t.app.get(CommitmentsRepository);
    for (const sort of COMMITMENT_SORTS) {
      const parsed = parseSort(sort);
      const { rows } = await repository.findPage(workspaceId, {}, parsed, null, 25, todayUtc());
      const after = cursorAfter(rows[rows.length - 1]!, parsed.field);
      // No cursor, a cursor on a value, and one on an empty value (sorted last).
      for (const cursor of [null, after, { ...after, value: null }]) {
        for (const total of [true, false]) {
          const query = repository.pageJsonQuery(workspaceId, {}, parsed, cursor, 25, todayUtc(), {
            total,
          });
          const generic = await genericPlan(t, query.text);
          expect({
            sort,
            cursor,
            total,
            seqScans: sharedTables(seqScans(generic)),
            largeSorts: nodes(generic)
              .filter((n) => n['Node Type'].includes('Sort') && n['Plan Rows'] > 26)
              .map((n) => n['Plan Rows']),
          }).toEqual({ sort, cursor, total, seqScans: [], largeSorts: [] });
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
      const summary = await plan(t, dashboard.summaryQuery(workspaceId, population, todayUtc()));
      expect(sharedTables(seqScans(summary))).toEqual([]);
      // "Needs a report" subtracts the items up to date, found through their index only.
      expect(nodes(summary).map((n) => n['Index Name'])).toContain(
        'Commitment_open_reported_keys_idx',
      );
    }
  });

  it('answers My work without a sequential scan, and each report section without sorting', async () => {
    const commitments = t.app.get(CommitmentsRepository);
    // The synthetic reports' author (thousands in each state), and someone who decides them.
    const [author] = await t.prisma.$queryRaw<{ id: string }[]>`
      SELECT "authorId" AS id FROM "ProgressUpdate" WHERE "workspaceId" = ${workspaceId}::uuid
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const manager = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'manager@demo.test' },
    });
    const organization = await t.prisma.organization.findFirstOrThrow({ where: { workspaceId } });
    expect(
      await t.prisma.progressUpdate.count({ where: { authorId: author!.id, state: 'DRAFT' } }),
    ).toBeGreaterThan(1000);
    for (const userId of [author!.id, manager.id]) {
      // The served statement, with its parameters as literals (uuids and a boolean).
      const statement = Prisma.raw(
        REPORT_SECTIONS_JSON.replaceAll('$1::uuid', `'${workspaceId}'::uuid`)
          .replaceAll('$2::uuid', `'${userId}'::uuid`)
          .replaceAll('$3::boolean', 'true'),
      );
      const reportsPlan = await plan(t, statement);
      expect({ userId, seqScans: await sharedSeqScans(t, statement) }).toEqual({
        userId,
        seqScans: [],
      });
      // Each section stops after MY_WORK_LIMIT rows read in its order instead of sorting all its
      // reports (a sort of the manager's few own reports is the cheap plan).
      expect({
        userId,
        largeSorts: nodes(reportsPlan)
          .filter((n) => n['Node Type'].includes('Sort') && n['Plan Rows'] > MY_WORK_LIMIT)
          .map((n) => n['Plan Rows']),
      }).toEqual({ userId, largeSorts: [] });
    }
    // The served statement is named: its generic plan must be as good.
    const generic = await genericPlan(t, REPORT_SECTIONS_JSON);
    expect(sharedTables(seqScans(generic))).toEqual([]);
    expect(
      nodes(generic)
        .filter((n) => n['Node Type'].includes('Sort') && n['Plan Rows'] > MY_WORK_LIMIT)
        .map((n) => n['Plan Rows']),
    ).toEqual([]);
    const due = commitments.pageQuery(
      workspaceId,
      { needsUpdate: true, involvingOrgId: organization.id },
      parseSort('targetDate'),
      null,
      MY_WORK_LIMIT,
      new Date(),
    );
    expect(await sharedSeqScans(t, due)).toEqual([]);
  });
});
