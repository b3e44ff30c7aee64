import { COMMITMENT_SORTS } from '@spct/contracts';
import { demoActor } from '../../test/demo-actor';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { WorkspaceActor } from '../auth/actor';
import { KyselyService } from '../database/kysely.service';
import { parseSort } from './commitment-cursor';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';
import type { ListCommitmentsQuery } from './dto/list-commitments.query';

// The list's answer is JSON built by PostgreSQL (findPageJson); everything else that shows a
// commitment goes through CommitmentsService.toDto. Both must say the same, byte for byte.
describe('the list answer built by PostgreSQL', () => {
  let t: TestApp;
  let service: CommitmentsService;
  let member: WorkspaceActor;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    service = t.app.get(CommitmentsService);
    member = await demoActor(t, 'viewer@demo.test');
    // Values the serializers could disagree on: quotes, control characters and non-Latin text;
    // a description in one language only; a past target date (overdue); an archived item.
    const rows = await t.prisma.commitment.findMany({
      where: { workspaceId: member.workspaceId, archived: false, parentId: { not: null } },
      orderBy: { referenceKey: 'asc' },
      take: 4,
    });
    await t.prisma.commitment.update({
      where: { id: rows[0]!.id },
      data: {
        titleEn: 'Quote " backslash \\ tab \t newline \n bell \u0007 / <b> – “x” 😀',
        descriptionVi: null,
        descriptionEn: 'English only',
      },
    });
    await t.prisma.commitment.update({
      where: { id: rows[1]!.id },
      data: { targetDate: new Date('2001-02-03T00:00:00Z'), status: 'ON_TRACK' },
    });
    await t.prisma.commitment.update({
      where: { id: rows[2]!.id },
      data: { descriptionVi: null, descriptionEn: null, startDate: null, theme: null },
    });
    await t.prisma.commitment.update({ where: { id: rows[3]!.id }, data: { archived: true } });
  });
  afterAll(() => t.close());

  async function expectSame(query: ListCommitmentsQuery): Promise<number> {
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = { ...query, cursor };
      const text = await service.listJson(member, page);
      const dto = await service.list(member, page);
      expect(text).toBe(JSON.stringify(dto));
      cursor = dto.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    return pages;
  }

  it.each(COMMITMENT_SORTS)('gives the same pages as toDto, sorted by %s', async (sort) => {
    expect(await expectSame({ sort, limit: 9 })).toBeGreaterThan(1);
  });

  it('gives the same answer for filters, a search, archived items and an empty page', async () => {
    await expectSame({ archived: true });
    await expectSame({ overdue: true, limit: 3 });
    await expectSame({ leaf: false });
    await expectSame({ q: 'an sinh', limit: 5 });
    await expectSame({ q: 'no commitment says this' });
  });

  it('sends the unfiltered list as a named statement, and a filtered one unnamed', async () => {
    const repository = t.app.get(CommitmentsRepository);
    const { pool } = t.app.get(KyselyService);
    /** What every connection of the pool has prepared, as PostgreSQL lists it. */
    async function prepared(): Promise<string[]> {
      const clients = await Promise.all(
        Array.from({ length: pool.totalCount }, () => pool.connect()),
      );
      try {
        const results = await Promise.all(
          clients.map((client) =>
            client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements'),
          ),
        );
        return results.flatMap(({ rows }) => rows.map((row) => row.statement));
      } finally {
        for (const client of clients) client.release();
      }
    }
    const { workspaceId } = member;
    const sort = parseSort();
    const now = new Date();
    // A limit no other test uses (it is written in the text): statements new to every connection.
    const limit = 7;
    const text = (filters: { overdue?: boolean }) =>
      repository.pageJsonQuery(workspaceId, filters, sort, null, limit, now).text;
    const isPrepared = async () => {
      const statements = await prepared();
      return {
        unfiltered: statements.includes(text({})),
        filtered: statements.includes(text({ overdue: true })),
      };
    };
    expect(await isPrepared()).toEqual({ unfiltered: false, filtered: false });
    await repository.findPageJson(workspaceId, {}, sort, null, limit, now);
    await repository.findPageJson(workspaceId, { overdue: true }, sort, null, limit, now);
    expect(await isPrepared()).toEqual({ unfiltered: true, filtered: false });
  });
});
