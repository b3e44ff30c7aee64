import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { Clock } from '../common/clock';
import { quarterId } from '../../test/periods';

interface Item {
  id: string;
  reference: string;
  frameworkId: string;
  frameworkCode: string;
  title: { vi: string; en: string };
  status: string;
  trackedStatus: string | null;
  childCount: number;
  progress: number;
  leadOrgId: string | null;
  theme: string | null;
  targetGroups: string[];
  targetDate: string | null;
  overdue: boolean;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
  total: number | null;
  totalIsExact: boolean | null;
}
interface ErrorBody {
  statusCode: number;
  details?: { field: string }[];
}

const BASE = '/api/workspaces/viet-nam/commitments';

describe('GET /api/workspaces/:slug/commitments', () => {
  let t: TestApp;
  let viewer: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    viewer = await t.signIn('viewer@demo.test');
  });
  afterAll(() => t.close());

  async function all(query: string, limit = 7): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${BASE}?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await viewer.get<Page>(url);
      expect(status).toBe(200);
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  it('finds "sàn an sinh xã hội" when searched without accents', async () => {
    const { body } = await viewer.get<Page>(
      `${BASE}?q=${encodeURIComponent('san an sinh xa hoi')}`,
    );
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      const text = await t.prisma.commitment.findUniqueOrThrow({ where: { id: item.id } });
      const haystack = [
        text.titleVi,
        text.titleEn,
        text.descriptionVi,
        text.descriptionEn,
        text.reference,
      ]
        .join(' ')
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/đ/gi, 'd')
        .toLowerCase();
      expect(haystack).toContain('san an sinh xa hoi');
    }
    const accented = await viewer.get<Page>(
      `${BASE}?q=${encodeURIComponent('Sàn An Sinh Xã Hội')}`,
    );
    expect(accented.body.items.map((i) => i.id)).toEqual(body.items.map((i) => i.id));
  });

  it('treats LIKE wildcards in the search as plain characters', async () => {
    const { status, body } = await viewer.get<Page>(`${BASE}?q=${encodeURIComponent('%_%')}`);
    expect(status).toBe(200);
    expect(body.items).toEqual([]);
  });

  it("leaves a search's count out of its first page, to GET …/count, which counts what the pages hold", async () => {
    const search = `q=${encodeURIComponent('an sinh')}&status=ON_TRACK&status=NOT_STARTED`;
    const first = await viewer.get<Page>(`${BASE}?${search}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: null, totalIsExact: null });
    const matching = await all(search);
    expect(matching.length).toBeGreaterThan(1);
    const counted = await viewer.get(`${BASE}/count?${search}`);
    expect(counted.status).toBe(200);
    expect(counted.body).toEqual({ total: matching.length, totalIsExact: true });

    // Without a search the first page counts, and agrees with the count.
    const unfiltered = await viewer.get<Page>(`${BASE}?status=ON_TRACK`);
    const count = await viewer.get(`${BASE}/count?status=ON_TRACK`);
    expect(unfiltered.body.total).toBeGreaterThan(0);
    expect(count.body).toEqual({ total: unfiltered.body.total, totalIsExact: true });
  });

  it('refuses a count with paging or a bad filter, naming the parameter', async () => {
    for (const [query, field] of [
      ['cursor=abc', 'cursor'],
      ['sort=title', 'sort'],
      ['status=LOST', 'status'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ]) {
      const { status, body } = await viewer.get<ErrorBody>(`${BASE}/count?${query}`);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body.details?.map((d) => d.field)).toContain(field);
    }
  });

  it('pages through every commitment once, in reference order, with cursors', async () => {
    const total = await t.prisma.commitment.count({ where: { archived: false } });
    const items = await all('sort=reference');
    expect(items).toHaveLength(total);
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
    const ilc = items.filter((i) => i.frameworkCode === 'ILC-2021').map((i) => i.reference);
    // Natural order: 11.A.2 before 11.A.10.
    expect(ilc.indexOf('11.A.2')).toBeLessThan(ilc.indexOf('11.A.10'));
    // Roman-numbered parts by their value, lettered parts ("11.C", "11.D") alphabetically.
    expect(ilc.indexOf('11.B')).toBeLessThan(ilc.indexOf('11.C'));
    expect(ilc.indexOf('11.C')).toBeLessThan(ilc.indexOf('11.D'));
    const c102 = items.filter((i) => i.frameworkCode === 'C102').map((i) => i.reference);
    expect(c102).toEqual(['II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
  });

  it('keys references by the value of their roman-numbered parts', async () => {
    const keys = await t.prisma.$queryRaw<{ reference: string; key: string }[]>`
      SELECT reference, spct_reference_key(reference) AS key
        FROM unnest(ARRAY['IX', 'X', 'XIV', 'XL', '11.C.2', '5.i', 'IIII', '']) AS reference`;
    expect(Object.fromEntries(keys.map((k) => [k.reference, k.key]))).toEqual({
      IX: '000009',
      X: '000010',
      XIV: '000014',
      XL: 'xl',
      '11.C.2': '000011.c.000002',
      '5.i': '000005.i',
      IIII: 'iiii',
      '': '',
    });
  });

  it.each(['-progress', 'progress', 'targetDate', '-targetDate', '-updatedAt'])(
    'keeps every row exactly once when sorted by %s',
    async (sort) => {
      const items = await all(`sort=${sort}`, 9);
      const total = await t.prisma.commitment.count({ where: { archived: false } });
      expect(new Set(items.map((i) => i.id)).size).toBe(total);
      if (sort === '-progress') {
        const values = items.map((i) => i.progress);
        expect(values).toEqual([...values].sort((a, b) => b - a));
      }
      if (sort === 'targetDate') {
        const dated = items.filter((i) => i.targetDate !== null).map((i) => i.targetDate!);
        expect(dated).toEqual([...dated].sort());
        // Undated items come last.
        expect(items.slice(0, dated.length).every((i) => i.targetDate !== null)).toBe(true);
      }
    },
  );

  /** The ids of the non-archived commitments in (key, id) order, NULL keys last ascending. */
  async function expectedOrder(
    key: (row: { status: string; leadOrg: { shortName: string } | null }) => string | number | null,
    descending: boolean,
  ): Promise<string[]> {
    const rows = await t.prisma.commitment.findMany({
      where: { archived: false },
      select: { id: true, status: true, leadOrg: { select: { shortName: true } } },
    });
    const compare = (a: (typeof rows)[number], b: (typeof rows)[number]): number => {
      const [ka, kb] = [key(a), key(b)];
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) {
        return ka < kb ? -1 : 1;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
    const ordered = [...rows].sort(compare).map((r) => r.id);
    return descending ? ordered.reverse() : ordered;
  }

  const statusRank = (status: string) =>
    ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'COMPLETED', 'DISCONTINUED'].indexOf(
      status,
    );

  it.each([
    ['status', false],
    ['-status', true],
  ] as const)(
    'sorts by status in declaration order (%s), paging without duplicates or gaps',
    async (sort, descending) => {
      const items = await all(`sort=${sort}`, 4);
      expect(items.map((i) => i.id)).toEqual(
        await expectedOrder((row) => statusRank(row.status), descending),
      );
      expect(new Set(items.map((i) => i.status)).size).toBeGreaterThan(2);
    },
  );

  it.each([
    ['leadOrg', false],
    ['-leadOrg', true],
  ] as const)(
    'sorts by lead organization short name (%s), without one last ascending and first descending',
    async (sort, descending) => {
      const items = await all(`sort=${sort}`, 4);
      expect(items.map((i) => i.id)).toEqual(
        await expectedOrder((row) => row.leadOrg?.shortName.toLowerCase() ?? null, descending),
      );
      const withoutLead = items.map((i) => i.leadOrgId === null);
      expect(withoutLead).toContain(true);
      expect(withoutLead).toContain(false);
      // NULLs form one block at the end (ascending) or the start (descending).
      const flips = withoutLead.filter((v, i) => i > 0 && v !== withoutLead[i - 1]).length;
      expect(flips).toBe(1);
      expect(withoutLead[0]).toBe(descending);
    },
  );

  it('rejects a cursor of another sort with 400 naming cursor', async () => {
    const { body } = await viewer.get<Page>(`${BASE}?sort=progress&limit=2`);
    const { status, body: error } = await viewer.get<ErrorBody>(
      `${BASE}?sort=status&cursor=${body.nextCursor}`,
    );
    expect(status).toBe(400);
    expect(error.details?.map((d) => d.field)).toEqual(['cursor']);
  });

  it('filters by status, framework, lead organization, theme, target group and overdue', async () => {
    const nq = await t.prisma.framework.findFirstOrThrow({ where: { code: 'NQ-42' } });
    const molisa = await t.prisma.organization.findFirstOrThrow({ where: { shortName: 'MOLISA' } });

    const byStatus = await all('status=AT_RISK&status=OFF_TRACK');
    expect(byStatus.length).toBe(
      await t.prisma.commitment.count({ where: { status: { in: ['AT_RISK', 'OFF_TRACK'] } } }),
    );
    expect(byStatus.every((i) => ['AT_RISK', 'OFF_TRACK'].includes(i.status))).toBe(true);

    const byFramework = await all(`frameworkId=${nq.id}`);
    expect(byFramework.map((i) => i.reference).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);

    const byLead = await all(`leadOrgId=${molisa.id}`);
    expect(byLead.length).toBe(
      await t.prisma.commitment.count({ where: { leadOrgId: molisa.id } }),
    );
    expect(byLead.length).toBeGreaterThan(0);

    const byTheme = await all('theme=SOCIAL_DIALOGUE');
    expect(byTheme.length).toBeGreaterThan(0);
    expect(byTheme.every((i) => i.theme === 'SOCIAL_DIALOGUE')).toBe(true);

    const byGroup = await all('targetGroup=WOMEN');
    expect(byGroup.length).toBeGreaterThan(0);
    expect(byGroup.every((i) => i.targetGroups.includes('WOMEN'))).toBe(true);

    const overdue = await all('overdue=true');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((i) => i.overdue)).toBe(true);
    const notOverdue = await all('overdue=false');
    expect(notOverdue.some((i) => i.overdue)).toBe(false);
    expect(overdue.length + notOverdue.length).toBe(await t.prisma.commitment.count());

    const combined = await all(`frameworkId=${nq.id}&q=an%20sinh`);
    expect(combined.every((i) => i.frameworkId === nq.id)).toBe(true);
  });

  it('filters the commitments that need a progress report for the periods due (needsUpdate)', async () => {
    const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    const author = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'official@demo.test' },
    });
    const framework = await t.prisma.framework.create({
      data: {
        workspaceId: workspace.id,
        code: `NU-${Date.now()}`,
        titleVi: 'Khung kiểm tra',
        titleEn: 'Needs-update test framework',
      },
    });
    const lead = await t.prisma.organization.findFirstOrThrow({
      where: { workspaceId: workspace.id, shortName: 'MOLISA' },
    });
    const make = async (
      reference: string,
      extra: {
        status?: 'COMPLETED' | 'ON_TRACK';
        archived?: boolean;
        leadOrgId?: string | null;
      } = {},
      reports: { period: string; state: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED' }[] = [],
    ) => {
      const commitment = await t.prisma.commitment.create({
        data: {
          workspaceId: workspace.id,
          frameworkId: framework.id,
          reference,
          titleVi: reference,
          titleEn: reference,
          leadOrgId: lead.id,
          ...extra,
        },
      });
      for (const report of reports) {
        await t.prisma.progressUpdate.create({
          data: {
            workspaceId: workspace.id,
            commitmentId: commitment.id,
            authorId: author.id,
            periodId: await quarterId(t.prisma, workspace.id, report.period),
            status: 'ON_TRACK',
            progress: 10,
            narrative: 'x',
            state: report.state,
            submittedAt: report.state === 'DRAFT' ? null : new Date('2026-10-01T00:00:00Z'),
          },
        });
      }
      return reference;
    };
    const always = [
      await make('never-reported'),
      await make('only-a-draft', {}, [{ period: '2026-Q4', state: 'DRAFT' }]),
      await make('returned', {}, [{ period: '2026-Q4', state: 'RETURNED' }]),
      // A report for another period does not count for the current one.
      await make('reported-last-year', {}, [{ period: '2025-Q4', state: 'APPROVED' }]),
    ];
    const onlyQ4 = await make('approved-for-q4', {}, [{ period: '2026-Q4', state: 'APPROVED' }]);
    const never = [
      await make('both-quarters', {}, [
        { period: '2026-Q3', state: 'APPROVED' },
        { period: '2026-Q4', state: 'SUBMITTED' },
      ]),
      await make('completed', { status: 'COMPLETED' }),
      // Nobody leads it: no report is expected.
      await make('without-a-lead', { leadOrgId: null }),
    ];
    await make('archived', { archived: true });

    const refs = (items: Item[]) => items.map((i) => i.reference).sort();
    const expectNeeding = async (at: string, needing: string[]) => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(at));
      const others = [...always, onlyQ4, ...never].filter((ref) => !needing.includes(ref));
      expect({
        at,
        needing: refs(await all(`frameworkId=${framework.id}&needsUpdate=true`)),
      }).toEqual({ at, needing: [...needing].sort() });
      expect({
        at,
        others: refs(await all(`frameworkId=${framework.id}&needsUpdate=false`)),
      }).toEqual({ at, others: others.sort() });
    };
    // 10 October (Viet Nam time): 2026-Q4 is current, 2026-Q3 is due on the 15th.
    await expectNeeding('2026-10-10T05:00:00Z', always);
    // 16 October, Viet Nam time (still the 15th in UTC): 2026-Q3 is past due as well.
    await expectNeeding('2026-10-15T18:00:00Z', [...always, onlyQ4]);
    // An administrator closes 2026-Q3: only the current quarter is asked for again.
    const q3 = await quarterId(t.prisma, workspace.id, '2026-Q3');
    await t.prisma.reportingPeriod.update({ where: { id: q3 }, data: { state: 'CLOSED' } });
    await expectNeeding('2026-11-20T05:00:00Z', always);
    await t.prisma.reportingPeriod.update({ where: { id: q3 }, data: { state: 'OPEN' } });
    jest.restoreAllMocks();
    // An archived commitment never needs an update, even when archived ones are asked for.
    expect(await all(`frameworkId=${framework.id}&needsUpdate=true&archived=true`)).toEqual([]);

    // The other tests of this file count the demo workspace's commitments.
    await t.prisma.commitment.deleteMany({ where: { frameworkId: framework.id } });
    await t.prisma.framework.delete({ where: { id: framework.id } });
  });

  it.each([
    ['unknown parameter', 'colour=red', 'colour'],
    ['unknown status', 'status=LATE', 'status'],
    ['limit over 100', 'limit=101', 'limit'],
    ['limit not a number', 'limit=ten', 'limit'],
    ['framework id not a UUID', 'frameworkId=42', 'frameworkId'],
    ['overdue not a boolean', 'overdue=maybe', 'overdue'],
    ['needsUpdate not a boolean', 'needsUpdate=soon', 'needsUpdate'],
    ['unknown sort', 'sort=colour', 'sort'],
    ['forged cursor', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('answers 400 naming the parameter for %s', async (_name, query, field) => {
    const { status, body } = await viewer.get<ErrorBody>(`${BASE}?${query}`);
    expect(status).toBe(400);
    expect(body.details?.map((d) => d.field)).toContain(field);
  });

  it('answers 404 for an unknown workspace or commitment', async () => {
    expect((await viewer.get('/api/workspaces/atlantis/commitments')).status).toBe(404);
    expect((await viewer.get(`${BASE}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it("shows no status beside a parent's rolled-up progress nor for a clause no organization has taken up", async () => {
    const items = await all('sort=reference', 100);
    const parents = items.filter((i) => i.childCount > 0);
    const untracked = items.filter((i) => i.childCount === 0 && i.leadOrgId === null);
    expect(parents.some((i) => i.status === 'NOT_STARTED' && i.progress > 0)).toBe(true);
    expect(untracked.length).toBeGreaterThan(0);
    for (const item of items) {
      const trackable = item.childCount === 0 && item.leadOrgId !== null;
      expect([item.reference, item.trackedStatus]).toEqual([
        item.reference,
        trackable ? item.status : null,
      ]);
    }

    const parent = parents[0]!;
    const { body } = await viewer.get<Item & { children: (Item & { id: string })[] }>(
      `${BASE}/${parent.id}`,
    );
    expect(body.trackedStatus).toBeNull();
    for (const child of body.children) {
      const row = items.find((i) => i.id === child.id)!;
      expect(child.trackedStatus).toBe(row.trackedStatus);
    }
  });

  it('returns a commitment with its framework, parent, children and alignments', async () => {
    const c = await t.prisma.commitment.findFirstOrThrow({
      where: { reference: '11.C', framework: { code: 'ILC-2021' } },
    });
    const { status, body } = await viewer.get<{
      reference: string;
      framework: { code: string };
      parent: { reference: string } | null;
      children: { reference: string }[];
      alignments: { direction: string; commitment: { frameworkCode: string } }[];
    }>(`${BASE}/${c.id}`);
    expect(status).toBe(200);
    expect(body.framework.code).toBe('ILC-2021');
    expect(body.parent?.reference).toBe('11');
    expect(body.children.map((x) => x.reference)).toEqual([
      '11.C.1',
      '11.C.2',
      '11.C.3',
      '11.C.4',
      '11.C.5',
    ]);
    expect(
      body.alignments.some(
        (a) => a.commitment.frameworkCode === 'NQ-42' || a.commitment.frameworkCode === 'R202',
      ),
    ).toBe(true);
  });

  it('serves the tracking records of a commitment', async () => {
    const tracked = await t.prisma.commitment.findFirstOrThrow({
      where: { indicators: { some: {} }, progressUpdates: { some: {} } },
    });
    const indicators = await viewer.get<{
      items: { onTrack: boolean | null; measurements: unknown[] }[];
    }>(`${BASE}/${tracked.id}/indicators`);
    expect(indicators.status).toBe(200);
    expect(indicators.body.items[0]?.measurements.length).toBeGreaterThan(0);
    const where = { commitmentId: tracked.id };
    const expected: Record<string, number> = {
      updates: await t.prisma.progressUpdate.count({ where }),
      comments: await t.prisma.comment.count({ where }),
      positions: await t.prisma.position.count({ where }),
      evidence: await t.prisma.evidence.count({ where }),
    };
    expect(expected.updates).toBeGreaterThan(0);
    for (const [path, count] of Object.entries(expected)) {
      const { status, body } = await viewer.get<{ items: { id: string }[] }>(
        `${BASE}/${tracked.id}/${path}`,
      );
      expect({ path, status, count: body.items.length }).toEqual({ path, status: 200, count });
    }
    // Another commitment's records never leak into this one's lists.
    const other = await t.prisma.progressUpdate.findFirstOrThrow({
      where: { commitmentId: { not: tracked.id } },
    });
    const updates = await viewer.get<{ items: { id: string }[] }>(`${BASE}/${tracked.id}/updates`);
    expect(updates.body.items.map((u) => u.id)).not.toContain(other.id);
    const offTrack = await t.prisma.indicator.findMany({ select: { commitmentId: true } });
    const flags = await Promise.all(
      [...new Set(offTrack.map((i) => i.commitmentId))].map((id) =>
        viewer.get<{ items: { onTrack: boolean | null }[] }>(`${BASE}/${id}/indicators`),
      ),
    );
    const all = flags.flatMap((f) => f.body.items.map((i) => i.onTrack));
    expect(all).toContain(true);
    expect(all).toContain(false);
  });
});

describe('commitments sorted by lead organization', () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
  });
  afterAll(() => t.close());

  const leadsInOrder = async (sort: string) => {
    const { body } = await admin.get<Page>(`${BASE}?sort=${sort}&limit=100`);
    return body.items.map((i) => i.leadOrgId);
  };

  it('follows a renamed organization and a deleted one', async () => {
    const organizations = await t.prisma.organization.findMany({
      where: { ledCommitments: { some: { archived: false } } },
      orderBy: { shortName: 'asc' },
    });
    expect(organizations.length).toBeGreaterThan(1);
    const [first, second] = organizations as [(typeof organizations)[0], (typeof organizations)[0]];
    expect((await leadsInOrder('leadOrg'))[0]).toBe(first.id);

    // Renamed to sort after every other name: its commitments move to the end of the named ones.
    await t.prisma.organization.update({
      where: { id: first.id },
      data: { shortName: 'zzz-last' },
    });
    const renamed = (await leadsInOrder('leadOrg')).filter((id) => id !== null);
    expect(renamed[0]).not.toBe(first.id);
    expect(renamed[renamed.length - 1]).toBe(first.id);
    // Case-insensitive: a lower-case name sorts first (byte order would put it after "VSS").
    await t.prisma.organization.update({ where: { id: first.id }, data: { shortName: 'aaa' } });
    expect((await leadsInOrder('leadOrg'))[0]).toBe(first.id);

    // Deleting the organization leaves its commitments without a lead: first when descending.
    const led = await t.prisma.commitment.count({
      where: { leadOrgId: second.id, archived: false },
    });
    await t.prisma.organization.delete({ where: { id: second.id } });
    const rows = await t.prisma.commitment.findMany({
      where: { leadOrgId: null },
      select: { leadOrgKey: true },
    });
    expect(rows.length).toBeGreaterThanOrEqual(led);
    expect(rows.every((r) => r.leadOrgKey === null)).toBe(true);
    const descending = await leadsInOrder('-leadOrg');
    expect(descending.slice(0, rows.length).every((id) => id === null)).toBe(true);
  });
});
