import { COMMITMENT_SORTS } from '@spct/contracts';
import { insertSyntheticCommitments } from '../src/benchmarks/synthetic-commitments';
import { cursorAfter, parseSort } from '../src/commitments/commitment-cursor';
import { type CommitmentFilters } from '../src/commitments/commitment-filters';
import { CommitmentsRepository } from '../src/commitments/commitments.repository';
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

describe('commitments list query plans at scale', () => {
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
          const [row] = await t.prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
            Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`,
          );
          expect({
            scenario: scenario.name,
            sort,
            cursor,
            seqScans: seqScans(row!['QUERY PLAN'][0].Plan),
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
});
