import { randomUUID } from 'node:crypto';
import { createOtherWorkspace, type OtherWorkspace } from '../../test/other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

interface Item {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  entityType: string;
  entityId: string;
  commitmentId: string | null;
  commitment: { id: string; reference: string; title: { vi: string; en: string } } | null;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}
interface ErrorBody {
  details?: { field: string }[];
}

const URL = '/api/workspaces/viet-nam/activity';

describe('GET /api/workspaces/:slug/activity', () => {
  let t: TestApp;
  let admin: TestClient;
  let workspaceId: string;
  let adminUser: { id: string; displayName: string };
  let managerId: string;
  let commitment: { id: string; reference: string; titleVi: string; titleEn: string };
  let other: OtherWorkspace;
  /** Events created by the test at known times, newest first. */
  const seeded: { id: string; entityType: string; actorId: string | null; at: Date }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
    adminUser = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'admin@demo.test' },
      select: { id: true, displayName: true },
    });
    managerId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'manager@demo.test' } }))
      .id;
    commitment = await t.prisma.commitment.findFirstOrThrow({
      where: { workspaceId },
      select: { id: true, reference: true, titleVi: true, titleEn: true },
    });
    other = await createOtherWorkspace(t.prisma);
    // 30 events in the future (so that they come first), one every hour from 2099-01-01,
    // cycling through kinds and actors; several share a timestamp to test the id tie-break.
    const base = Date.UTC(2099, 0, 1);
    const kinds = ['member', 'organization', 'framework', 'comment', 'commitment'];
    for (let i = 0; i < 30; i++) {
      const entityType = kinds[i % kinds.length]!;
      const actorId = i % 3 === 0 ? managerId : adminUser.id;
      const at = new Date(base + Math.floor(i / 2) * 3_600_000);
      const row = await t.prisma.activityEvent.create({
        data: {
          workspaceId,
          actorId,
          commitmentId: entityType === 'comment' ? commitment.id : null,
          entityType,
          entityId: randomUUID(),
          action: 'updated',
          changes: { n: { before: i, after: i + 1 } },
          createdAt: at,
        },
      });
      seeded.push({ id: row.id, entityType, actorId, at });
    }
    seeded.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
    // An event of the other workspace, which must never show.
    await t.prisma.activityEvent.create({
      data: {
        workspaceId: other.workspaceId,
        actorId: other.userId,
        entityType: 'member',
        entityId: randomUUID(),
        action: 'updated',
        createdAt: new Date(base + 100 * 3_600_000),
      },
    });
  });
  afterAll(() => t.close());

  async function page(query: string): Promise<Page> {
    const response = await admin.get<Page>(`${URL}?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Every item the query lists, following nextCursor. */
  async function all(query: string, limit = 7): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const body = await page(
        `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  it("lists the workspace's events newest first with actor, record, commitment and changes", async () => {
    const body = await page('limit=3');
    expect(body.items.map((i) => i.id)).toEqual(seeded.slice(0, 3).map((s) => s.id));
    expect(body.nextCursor).toEqual(expect.any(String));
    const withCommitment = (await page('entityType=comment&limit=1')).items[0]!;
    expect(withCommitment).toMatchObject({
      entityType: 'comment',
      commitmentId: commitment.id,
      commitment: {
        id: commitment.id,
        reference: commitment.reference,
        title: { vi: commitment.titleVi, en: commitment.titleEn },
      },
      action: 'updated',
    });
    const member = (await page('entityType=member&actorId=' + adminUser.id + '&limit=1')).items[0]!;
    expect(member).toMatchObject({ actor: adminUser, commitmentId: null, commitment: null });
    expect(member.changes).toEqual({ n: expect.any(Object) });
  });

  it('pages through everything without gaps or repeats, ties included', async () => {
    const from = '2099-01-01';
    const items = await all(`from=${from}`, 4);
    expect(items.map((i) => i.id)).toEqual(seeded.map((s) => s.id));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('filters by kind of record (repeatable), person and dates', async () => {
    const from = 'from=2099-01-01';
    const kinds = await all(`${from}&entityType=member&entityType=framework`);
    expect(kinds.map((i) => i.id)).toEqual(
      seeded.filter((s) => ['member', 'framework'].includes(s.entityType)).map((s) => s.id),
    );
    const byManager = await all(`${from}&actorId=${managerId}`);
    expect(byManager.map((i) => i.id)).toEqual(
      seeded.filter((s) => s.actorId === managerId).map((s) => s.id),
    );
    // 2099-01-01 holds hours 0..14 (i = 0..29 → hours 0..14): all 30; 2099-01-02 none.
    expect(await all('from=2099-01-01&to=2099-01-01')).toHaveLength(30);
    expect(await all('from=2099-01-02')).toHaveLength(0);
    // `to` takes the whole day, up to its last moment.
    const lateEvening = await t.prisma.activityEvent.create({
      data: {
        workspaceId,
        actorId: adminUser.id,
        entityType: 'organization',
        entityId: randomUUID(),
        action: 'created',
        createdAt: new Date('2098-12-31T23:59:59.500Z'),
      },
    });
    const upTo = await all('from=2098-12-31&to=2098-12-31');
    expect(upTo.map((i) => i.id)).toEqual([lateEvening.id]);
    await t.prisma.activityEvent.delete({ where: { id: lateEvening.id } });
  });

  it('answers 400 naming the field for a bad filter or cursor', async () => {
    for (const [query, field] of [
      ['entityType=password', 'entityType'],
      ['actorId=nope', 'actorId'],
      ['from=2026-02-30', 'from'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['cursor=garbage', 'cursor'],
      ['limit=500', 'limit'],
    ] as const) {
      const response = await admin.get<ErrorBody>(`${URL}?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
  });

  it('is for administrators only: 403 for every other role', async () => {
    for (const email of [
      'manager@demo.test',
      'official@demo.test',
      'union@demo.test',
      'viewer@demo.test',
    ]) {
      const client = await t.signIn(email);
      expect([email, (await client.get(URL)).status]).toEqual([email, 403]);
    }
    expect((await t.anonymous.get(URL)).status).toBe(401);
  });

  it("never shows another workspace's events, and another workspace answers 404", async () => {
    const items = await all('from=2099-01-01');
    expect(items.every((i) => seeded.some((s) => s.id === i.id))).toBe(true);
    expect((await admin.get(`/api/workspaces/${other.slug}/activity`)).status).toBe(404);
    // An administrator of the other workspace sees only its events.
    await t.prisma.membership.updateMany({
      where: { userId: other.userId },
      data: { role: 'ADMIN' },
    });
    const otherAdmin = await t.signIn(other.email);
    const theirs = await otherAdmin.get<Page>(`/api/workspaces/${other.slug}/activity`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toHaveLength(1);
    expect((await otherAdmin.get(URL)).status).toBe(404);
  });
});
