import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

interface Event {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}
interface Page {
  items: Event[];
  nextCursor: string | null;
}
interface ErrorBody {
  statusCode: number;
  details?: { field: string }[];
}

const BASE = '/api/workspaces/viet-nam/commitments';

describe('GET /api/workspaces/:slug/commitments/:id/history', () => {
  let t: TestApp;
  let admin: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let frameworkId: string;
  let molisa: string;
  let adminUser: { id: string; displayName: string };

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    workspaceId = workspace.id;
    frameworkId = (
      await t.prisma.framework.create({
        data: { workspaceId, code: 'TEST-H', titleVi: 'Khung thử', titleEn: 'Test framework' },
      })
    ).id;
    molisa = (
      await t.prisma.organization.findFirstOrThrow({ where: { workspaceId, shortName: 'MOLISA' } })
    ).id;
    adminUser = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'admin@demo.test' },
      select: { id: true, displayName: true },
    });
  });
  afterAll(() => t.close());

  let counter = 0;
  async function create(overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
    const response = await admin.post<{ id: string }>(BASE, {
      frameworkId,
      reference: `H.${++counter}`,
      title: { vi: 'Tiêu đề', en: 'Title' },
      leadOrgId: molisa,
      startDate: '2026-01-01',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function history(id: string, client = viewer): Promise<Event[]> {
    const response = await client.get<Page>(`${BASE}/${id}/history?limit=100`);
    expect(response.status).toBe(200);
    return response.body.items;
  }

  it('records each mutation as exactly one event with its before and after, newest first', async () => {
    const item = await create();
    const created = await history(item.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      actor: adminUser,
      entityType: 'commitment',
      entityId: item.id,
      action: 'created',
    });
    expect(created[0]!.changes).toMatchObject({
      reference: { before: null, after: `H.${counter}` },
      title: { before: null, after: { vi: 'Tiêu đề', en: 'Title' } },
      startDate: { before: null, after: '2026-01-01' },
      weight: { before: null, after: 1 },
      status: { before: null, after: 'NOT_STARTED' },
      progress: { before: null, after: 0 },
    });

    const edited = await admin.patch(
      `${BASE}/${item.id}`,
      { weight: 4, targetDate: '2027-06-30', targetGroups: ['WOMEN'] },
      { 'if-match': '"1"' },
    );
    expect(edited.status).toBe(200);
    const afterEdit = await history(item.id);
    expect(afterEdit).toHaveLength(2);
    expect(afterEdit[0]).toMatchObject({ action: 'updated', actor: adminUser });
    expect(afterEdit[0]!.changes).toEqual({
      weight: { before: 1, after: 4 },
      targetDate: { before: null, after: '2027-06-30' },
      targetGroups: { before: [], after: ['WOMEN'] },
    });

    // A write that changes nothing records nothing.
    await admin.patch(`${BASE}/${item.id}`, { weight: 4 }, { 'if-match': '"2"' });
    // A refused write records nothing either.
    await admin.patch(`${BASE}/${item.id}`, { weight: 5 }, { 'if-match': '"1"' });
    await admin.patch(`${BASE}/${item.id}`, { targetDate: '2025-01-01' }, { 'if-match': '"2"' });
    expect(await history(item.id)).toHaveLength(2);

    expect((await admin.delete(`${BASE}/${item.id}`)).status).toBe(200);
    expect((await admin.post(`${BASE}/${item.id}/restore`)).status).toBe(200);
    const all = await history(item.id);
    expect(all.map((e) => e.action)).toEqual(['restored', 'archived', 'updated', 'created']);
    expect(all[0]!.changes).toEqual({ archived: { before: true, after: false } });
    expect(all[1]!.changes).toEqual({ archived: { before: false, after: true } });
    const times = all.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('includes what was recorded under the commitment for its updates, evidence and the like', async () => {
    const item = await create();
    const other = await create();
    const updateId = randomUUID();
    await t.prisma.activityEvent.create({
      data: {
        workspaceId,
        actorId: null,
        commitmentId: item.id,
        entityType: 'progressUpdate',
        entityId: updateId,
        action: 'submitted',
        changes: { state: { before: 'DRAFT', after: 'SUBMITTED' } },
        createdAt: new Date(Date.now() + 60_000),
      },
    });
    const events = await history(item.id);
    expect(events[0]).toMatchObject({
      actor: null,
      entityType: 'progressUpdate',
      entityId: updateId,
      action: 'submitted',
      changes: { state: { before: 'DRAFT', after: 'SUBMITTED' } },
    });
    expect(events).toHaveLength(2);
    expect((await history(other.id)).map((e) => e.entityId)).toEqual([other.id]);
  });

  it('pages with limit and cursor, without gaps or repeats', async () => {
    const item = await create();
    for (let version = 1; version <= 6; version++) {
      const response = await admin.patch(
        `${BASE}/${item.id}`,
        { weight: version + 1 },
        { 'if-match': `"${version}"` },
      );
      expect(response.status).toBe(200);
    }
    const everything = await history(item.id);
    expect(everything).toHaveLength(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${BASE}/${item.id}/history?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await viewer.get<Page>(url);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything.map((e) => e.id));
  });

  it('answers 400 naming the parameter for a forged cursor, a bad limit or a malformed id', async () => {
    const item = await create();
    for (const [query, field] of [
      ['cursor=bm9wZQ', 'cursor'],
      [`cursor=${Buffer.from('["yesterday","x"]').toString('base64url')}`, 'cursor'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['since=2020', 'since'],
    ]) {
      const response = await viewer.get<ErrorBody>(`${BASE}/${item.id}/history?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
    const malformed = await viewer.get<ErrorBody>(`${BASE}/not-a-uuid/history`);
    expect(malformed.status).toBe(400);
  });

  it("answers 404 for another workspace's commitment and an unknown id", async () => {
    const elsewhere = await t.prisma.workspace.create({
      data: { slug: `elsewhere-${randomUUID().slice(0, 8)}`, name: 'Elsewhere' },
    });
    const framework = await t.prisma.framework.create({
      data: { workspaceId: elsewhere.id, code: 'ELSE', titleVi: 'Khác', titleEn: 'Other' },
    });
    const foreign = await t.prisma.commitment.create({
      data: {
        workspaceId: elsewhere.id,
        frameworkId: framework.id,
        reference: '1',
        titleVi: 'Khác',
        titleEn: 'Other',
      },
    });
    await t.prisma.activityEvent.create({
      data: {
        workspaceId: elsewhere.id,
        commitmentId: foreign.id,
        entityType: 'commitment',
        entityId: foreign.id,
        action: 'created',
      },
    });
    expect((await admin.get(`${BASE}/${foreign.id}/history`)).status).toBe(404);
    expect((await admin.get(`${BASE}/${randomUUID()}/history`)).status).toBe(404);
  });
});
