import { randomUUID } from 'node:crypto';
import { createTestApp, TEST_ORIGIN, type TestApp, type TestClient } from '../../test/test-app';

interface Detail {
  id: string;
  frameworkId: string;
  parentId: string | null;
  reference: string;
  title: { vi: string; en: string };
  description: { vi: string; en: string } | null;
  theme: string | null;
  status: string;
  progress: number;
  weight: number;
  leadOrgId: string | null;
  coOrgIds: string[];
  focalUserId: string | null;
  targetGroups: string[];
  startDate: string | null;
  targetDate: string | null;
  archived: boolean;
  version: number;
  childCount: number;
}
interface ErrorBody {
  statusCode: number;
  message: string;
  details?: { field: string; message: string }[];
  current?: Detail;
}
interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}

const BASE = '/api/workspaces/viet-nam/commitments';

describe('commitment writes', () => {
  let t: TestApp;
  let admin: TestClient;
  let manager: TestClient;
  let official: TestClient;
  let union: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let org: Record<string, string>;
  let frameworkId: string;
  let otherFrameworkId: string;
  let officialUserId: string;
  let foreign: { frameworkId: string; orgId: string; commitmentId: string; userId: string };

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    manager = await t.signIn('manager@demo.test');
    official = await t.signIn('official@demo.test');
    union = await t.signIn('union@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    workspaceId = workspace.id;
    const orgs = await t.prisma.organization.findMany({ where: { workspaceId } });
    org = Object.fromEntries(orgs.map((o) => [o.shortName, o.id]));
    const framework = await t.prisma.framework.create({
      data: { workspaceId, code: 'TEST-W', titleVi: 'Khung thử', titleEn: 'Test framework' },
    });
    frameworkId = framework.id;
    otherFrameworkId = (
      await t.prisma.framework.findFirstOrThrow({ where: { workspaceId, code: 'NQ-42' } })
    ).id;
    officialUserId = (
      await t.prisma.user.findUniqueOrThrow({ where: { email: 'official@demo.test' } })
    ).id;
    foreign = await createForeignWorkspace(t);
  });
  afterAll(() => t.close());

  let counter = 0;
  const nextRef = () => `T.${++counter}`;

  function body(overrides: Record<string, unknown> = {}) {
    return {
      frameworkId,
      reference: nextRef(),
      title: { vi: 'Mở rộng bảo hiểm', en: 'Extend insurance' },
      leadOrgId: org.MOLISA,
      ...overrides,
    };
  }

  async function create(overrides: Record<string, unknown> = {}): Promise<Detail> {
    const response = await admin.post<Detail>(BASE, body(overrides));
    expect(response.status).toBe(201);
    return response.body;
  }

  const row = (id: string) =>
    t.prisma.commitment.findUniqueOrThrow({
      where: { id },
      include: { coOrganizations: true },
      omit: { searchText: true, updatedAt: true },
    });
  const eventsOf = (id: string) =>
    t.prisma.activityEvent.findMany({
      where: { entityType: 'commitment', entityId: id },
      orderBy: { createdAt: 'asc' },
    });
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  describe('POST /commitments', () => {
    it('creates a NOT_STARTED item at progress 0, version 1, with an ETag and one history event', async () => {
      const response = await admin.post<Detail>(
        BASE,
        body({
          description: { vi: 'Mô tả', en: 'Description' },
          theme: 'SOCIAL_PROTECTION',
          coOrgIds: [org.VGCL, org.VSS],
          focalUserId: officialUserId,
          targetGroups: ['YOUTH', 'WOMEN'],
          weight: 3,
          startDate: '2026-01-01',
          targetDate: '2028-06-30',
        }),
      );
      expect(response.status).toBe(201);
      expect(response.headers.etag).toBe('"1"');
      const created = response.body;
      expect(created).toMatchObject({
        frameworkId,
        parentId: null,
        status: 'NOT_STARTED',
        progress: 0,
        version: 1,
        archived: false,
        weight: 3,
        theme: 'SOCIAL_PROTECTION',
        leadOrgId: org.MOLISA,
        focalUserId: officialUserId,
        targetGroups: ['WOMEN', 'YOUTH'],
        startDate: '2026-01-01',
        targetDate: '2028-06-30',
        description: { vi: 'Mô tả', en: 'Description' },
      });
      expect([...created.coOrgIds].sort()).toEqual([org.VGCL, org.VSS].sort());
      const stored = await row(created.id);
      expect(stored).toMatchObject({ workspaceId, status: 'NOT_STARTED', progress: 0 });
      const events = await eventsOf(created.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'created', commitmentId: created.id });
      const changes = events[0]!.changes as Record<string, { before: unknown; after: unknown }>;
      expect(changes.reference).toEqual({ before: null, after: created.reference });
      expect(changes.targetDate).toEqual({ before: null, after: '2028-06-30' });
      expect(changes.status).toEqual({ before: null, after: 'NOT_STARTED' });
    });

    it('lets an EDITOR create for their own organization, as lead or co-responsible, only', async () => {
      const asLead = await official.post<Detail>(BASE, body({ leadOrgId: org.MOLISA }));
      expect(asLead.status).toBe(201);
      const asCo = await official.post<Detail>(
        BASE,
        body({ leadOrgId: org.VGCL, coOrgIds: [org.MOLISA] }),
      );
      expect(asCo.status).toBe(201);
      const reference = nextRef();
      const foreignOnly = await official.post<ErrorBody>(
        BASE,
        body({ reference, leadOrgId: org.VGCL, coOrgIds: [org.VCCI] }),
      );
      expect(foreignOnly.status).toBe(403);
      const noOrg = await official.post<ErrorBody>(BASE, body({ reference, leadOrgId: null }));
      expect(noOrg.status).toBe(403);
      expect(await t.prisma.commitment.count({ where: { frameworkId, reference } })).toBe(0);
    });

    it.each(['manager', 'union', 'viewer'])(
      'refuses a %s (403) and stores nothing',
      async (who) => {
        const client = { manager, union, viewer }[who]!;
        const reference = nextRef();
        const response = await client.post<ErrorBody>(BASE, body({ reference }));
        expect(response.status).toBe(403);
        expect(await t.prisma.commitment.count({ where: { frameworkId, reference } })).toBe(0);
      },
    );

    it.each([
      ['status', 'COMPLETED'],
      ['progress', 100],
      ['version', 7],
      ['workspaceId', randomUUID()],
      ['id', randomUUID()],
      ['archived', true],
    ])('refuses the unknown field %s with a 400 naming it', async (field, value) => {
      const reference = nextRef();
      const response = await admin.post<ErrorBody>(BASE, body({ reference, [field]: value }));
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
      expect(await t.prisma.commitment.count({ where: { frameworkId, reference } })).toBe(0);
    });

    it.each([
      [{ startDate: '2026-02-30' }, 'startDate'],
      [{ targetDate: 'next year' }, 'targetDate'],
      [{ targetDate: '2026-1-5' }, 'targetDate'],
      [{ startDate: '2027-01-01', targetDate: '2026-12-31' }, 'targetDate'],
      [{ weight: 0 }, 'weight'],
      [{ weight: 101 }, 'weight'],
      [{ weight: null }, 'weight'],
      [{ coOrgIds: null }, 'coOrgIds'],
      [{ title: { vi: 'Chỉ tiếng Việt' } }, 'title.en'],
      [{ title: undefined }, 'title'],
      [{ reference: ' 1.2' }, 'reference'],
      [{ theme: 'WEATHER' }, 'theme'],
      [{ targetGroups: ['WOMEN', 'CATS'] }, 'targetGroups'],
      [{ coOrgIds: ['not-a-uuid'] }, 'coOrgIds'],
      [{ frameworkId: 'x' }, 'frameworkId'],
    ])('answers %j with a 400 naming %s', async (overrides, field) => {
      const before = await t.prisma.commitment.count();
      const response = await admin.post<ErrorBody>(BASE, body(overrides));
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
      expect(await t.prisma.commitment.count()).toBe(before);
    });

    it('refuses ids of another workspace, field by field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ frameworkId: foreign.frameworkId }, 'frameworkId'],
        [{ leadOrgId: foreign.orgId }, 'leadOrgId'],
        [{ coOrgIds: [org.VSS, foreign.orgId] }, 'coOrgIds'],
        [{ parentId: foreign.commitmentId }, 'parentId'],
        [{ focalUserId: foreign.userId }, 'focalUserId'],
        [{ focalUserId: randomUUID() }, 'focalUserId'],
      ];
      const before = await t.prisma.commitment.count();
      for (const [overrides, field] of cases) {
        const response = await admin.post<ErrorBody>(BASE, body(overrides));
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body.details?.map((d) => d.field)).toEqual([field]);
      }
      expect(await t.prisma.commitment.count()).toBe(before);
    });

    it('refuses a parent of another framework and the lead among the co-responsible', async () => {
      const otherParent = await t.prisma.commitment.findFirstOrThrow({
        where: { frameworkId: otherFrameworkId },
      });
      const wrongFramework = await admin.post<ErrorBody>(BASE, body({ parentId: otherParent.id }));
      expect(wrongFramework.status).toBe(400);
      expect(wrongFramework.body.details).toEqual([
        { field: 'parentId', code: 'inOtherFramework', message: 'is in another framework' },
      ]);
      const leadTwice = await admin.post<ErrorBody>(
        BASE,
        body({ leadOrgId: org.VSS, coOrgIds: [org.VSS] }),
      );
      expect(leadTwice.status).toBe(400);
      expect(leadTwice.body.details?.map((d) => d.field)).toEqual(['coOrgIds']);
    });

    it('answers 409 for a reference already used in the framework', async () => {
      const first = await create();
      const again = await admin.post<ErrorBody>(BASE, body({ reference: first.reference }));
      expect(again.status).toBe(409);
      expect(again.body.details?.map((d) => d.field)).toEqual(['reference']);
      expect(
        await t.prisma.commitment.count({ where: { frameworkId, reference: first.reference } }),
      ).toBe(1);
      // The same reference in another framework is fine.
      const elsewhere = await admin.post<Detail>(
        BASE,
        body({ frameworkId: otherFrameworkId, reference: `X-${first.reference}` }),
      );
      expect(elsewhere.status).toBe(201);
    });

    it("rolls a new child's progress up into its parent, in the same write", async () => {
      const parent = await create();
      const child = await create({ parentId: parent.id, weight: 1 });
      await t.prisma.commitment.update({ where: { id: child.id }, data: { progress: 80 } });
      // Re-roll through a write: a second child of weight 3 at 0 → (80·1 + 0·3) / 4 = 20.
      await create({ parentId: parent.id, weight: 3 });
      expect((await row(parent.id)).progress).toBe(20);
    });
  });

  describe('GET /commitments/:id', () => {
    it('sends a strong ETag that names the version', async () => {
      const item = await create();
      await t.prisma.commitment.update({ where: { id: item.id }, data: { version: 5 } });
      const response = await viewer.get<Detail>(`${BASE}/${item.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.etag).toMatch(/^"5-[\w-]+"$/);
      expect(response.body.version).toBe(5);
    });
  });

  describe('PATCH /commitments/:id', () => {
    it('requires If-Match (428) and changes nothing without it', async () => {
      const item = await create();
      const before = await row(item.id);
      const response = await admin.patch<ErrorBody>(`${BASE}/${item.id}`, { weight: 9 });
      expect(response.status).toBe(428);
      expect(await row(item.id)).toEqual(before);
      const star = await admin.patch<ErrorBody>(
        `${BASE}/${item.id}`,
        { weight: 9 },
        {
          'if-match': '*',
        },
      );
      expect(star.status).toBe(428);
    });

    it('answers 404 and 403 before asking for If-Match', async () => {
      const vgclOnly = await create({ leadOrgId: org.VGCL });
      expect((await official.patch(`${BASE}/${vgclOnly.id}`, { weight: 2 })).status).toBe(403);
      expect((await admin.patch(`${BASE}/${foreign.commitmentId}`, { weight: 2 })).status).toBe(
        404,
      );
      expect((await admin.patch(`${BASE}/${randomUUID()}`, { weight: 2 })).status).toBe(404);
    });

    it('answers a stale If-Match with 412 carrying the stored commitment, and changes nothing', async () => {
      const item = await create();
      const first = await admin.patch<Detail>(
        `${BASE}/${item.id}`,
        { title: { vi: 'Bản mới', en: 'New version' } },
        ifMatch(1),
      );
      expect(first.status).toBe(200);
      const before = await row(item.id);
      const stale = await admin.patch<ErrorBody>(`${BASE}/${item.id}`, { weight: 7 }, ifMatch(1));
      expect(stale.status).toBe(412);
      const current = await admin.get<Detail>(`${BASE}/${item.id}`);
      expect(stale.body.current).toEqual(current.body);
      expect(stale.body.current?.title.en).toBe('New version');
      expect(stale.body.current?.version).toBe(2);
      expect(await row(item.id)).toEqual(before);
      expect(await eventsOf(item.id)).toHaveLength(2);
      const weak = await admin.patch<ErrorBody>(
        `${BASE}/${item.id}`,
        { weight: 7 },
        {
          'if-match': 'W/"2"',
        },
      );
      expect(weak.status).toBe(412);
    });

    it('writes the change, moves the version on by one and records the field-level diff', async () => {
      const item = await create({ startDate: '2026-01-01', targetDate: '2030-12-31' });
      const response = await admin.patch<Detail>(
        `${BASE}/${item.id}`,
        {
          title: { vi: item.title.vi, en: 'Extend social insurance' },
          targetDate: '2029-12-31',
          theme: 'HEALTH',
          coOrgIds: [org.VSS],
        },
        ifMatch(1),
      );
      expect(response.status).toBe(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({
        version: 2,
        targetDate: '2029-12-31',
        theme: 'HEALTH',
        coOrgIds: [org.VSS],
        title: { vi: item.title.vi, en: 'Extend social insurance' },
      });
      const events = await eventsOf(item.id);
      expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
      expect(events[1]!.changes).toEqual({
        title: {
          before: { vi: item.title.vi, en: 'Extend insurance' },
          after: { vi: item.title.vi, en: 'Extend social insurance' },
        },
        targetDate: { before: '2030-12-31', after: '2029-12-31' },
        theme: { before: null, after: 'HEALTH' },
        coOrgIds: { before: [], after: [org.VSS] },
      });
      expect(events[1]!.actorId).not.toBeNull();
    });

    it('clears nullable fields with null and refuses null for required ones', async () => {
      const item = await create({ theme: 'SKILLS', targetDate: '2030-01-01' });
      const cleared = await admin.patch<Detail>(
        `${BASE}/${item.id}`,
        { theme: null, targetDate: null },
        ifMatch(1),
      );
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ theme: null, targetDate: null, version: 2 });
      for (const field of ['reference', 'title', 'weight', 'coOrgIds', 'targetGroups']) {
        const response = await admin.patch<ErrorBody>(
          `${BASE}/${item.id}`,
          { [field]: null },
          ifMatch(2),
        );
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body.details?.map((d) => d.field)).toContain(field);
      }
      expect((await row(item.id)).version).toBe(2);
    });

    it('changes nothing, and records nothing, when the values are the same', async () => {
      const item = await create({ targetGroups: ['WOMEN', 'YOUTH'], coOrgIds: [org.VSS] });
      const response = await admin.patch<Detail>(
        `${BASE}/${item.id}`,
        { reference: item.reference, targetGroups: ['YOUTH', 'WOMEN'], coOrgIds: [org.VSS] },
        ifMatch(1),
      );
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(1);
      expect(response.headers.etag).toBe('"1"');
      expect(await eventsOf(item.id)).toHaveLength(1);
    });

    it.each([
      ['version', 3],
      ['workspaceId', randomUUID()],
      ['status', 'ON_TRACK'],
      ['progress', 50],
      ['frameworkId', randomUUID()],
      ['archived', true],
    ])('refuses %s in the body (400 naming it) and changes nothing', async (field, value) => {
      const item = await create();
      const before = await row(item.id);
      const response = await admin.patch<ErrorBody>(
        `${BASE}/${item.id}`,
        { weight: 2, [field]: value },
        ifMatch(1),
      );
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
      expect(await row(item.id)).toEqual(before);
    });

    it('refuses a target date before the start date, naming targetDate', async () => {
      const item = await create({ startDate: '2026-06-01' });
      const response = await admin.patch<ErrorBody>(
        `${BASE}/${item.id}`,
        { targetDate: '2026-05-31' },
        ifMatch(1),
      );
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        {
          field: 'targetDate',
          code: 'beforeOther',
          other: 'startDate',
          message: 'the target date is before the start date',
        },
      ]);
      expect((await row(item.id)).targetDate).toBeNull();
    });

    it('refuses foreign ids and a parent that would make a cycle', async () => {
      const top = await create();
      const middle = await create({ parentId: top.id });
      const leaf = await create({ parentId: middle.id });
      const cases: [Record<string, unknown>, string][] = [
        [{ parentId: leaf.id }, 'parentId'],
        [{ parentId: top.id }, 'parentId'],
        [{ leadOrgId: foreign.orgId }, 'leadOrgId'],
        [{ parentId: foreign.commitmentId }, 'parentId'],
      ];
      for (const [patch, field] of cases) {
        const target = field === 'parentId' && patch.parentId === top.id ? top : middle;
        const response = await admin.patch<ErrorBody>(`${BASE}/${target.id}`, patch, ifMatch(1));
        expect({ patch, status: response.status }).toEqual({ patch, status: 400 });
        expect(response.body.details?.map((d) => d.field)).toEqual([field]);
      }
      expect((await row(top.id)).parentId).toBeNull();
      expect((await row(middle.id)).parentId).toBe(top.id);
    });

    it("lets an EDITOR edit their organization's items only, and not hand them away", async () => {
      const molisaLed = await create({ leadOrgId: org.MOLISA });
      const molisaCo = await create({ leadOrgId: org.VCCI, coOrgIds: [org.MOLISA] });
      const vgclOnly = await create({ leadOrgId: org.VGCL });
      expect(
        (await official.patch(`${BASE}/${molisaLed.id}`, { weight: 2 }, ifMatch(1))).status,
      ).toBe(200);
      expect(
        (await official.patch(`${BASE}/${molisaCo.id}`, { weight: 2 }, ifMatch(1))).status,
      ).toBe(200);
      const refused = await official.patch(`${BASE}/${vgclOnly.id}`, { weight: 2 }, ifMatch(1));
      expect(refused.status).toBe(403);
      expect((await row(vgclOnly.id)).weight).toBe(1);
      // Taking MOLISA off its own item is handing it away: refused.
      const away = await official.patch(
        `${BASE}/${molisaLed.id}`,
        { leadOrgId: org.VGCL },
        ifMatch(2),
      );
      expect(away.status).toBe(403);
      expect((await row(molisaLed.id)).leadOrgId).toBe(org.MOLISA);
      // Sharing the lead while staying co-responsible is fine.
      const share = await official.patch<Detail>(
        `${BASE}/${molisaLed.id}`,
        { leadOrgId: org.VGCL, coOrgIds: [org.MOLISA] },
        ifMatch(2),
      );
      expect(share.status).toBe(200);
      expect(share.body).toMatchObject({ leadOrgId: org.VGCL, coOrgIds: [org.MOLISA] });
    });

    it.each(['manager', 'union', 'viewer'])('refuses a %s (403)', async (who) => {
      const client = { manager, union, viewer }[who]!;
      const item = await create();
      const response = await client.patch(`${BASE}/${item.id}`, { weight: 5 }, ifMatch(1));
      expect(response.status).toBe(403);
      expect((await row(item.id)).weight).toBe(1);
    });

    it('recomputes the progress of old and new ancestors when the weight or parent changes', async () => {
      const oldParent = await create();
      const newParent = await create();
      const moving = await create({ parentId: oldParent.id, weight: 1 });
      const staying = await create({ parentId: oldParent.id, weight: 1 });
      const sibling = await create({ parentId: newParent.id, weight: 1 });
      await t.prisma.commitment.update({ where: { id: moving.id }, data: { progress: 100 } });
      await t.prisma.commitment.update({ where: { id: staying.id }, data: { progress: 20 } });
      await t.prisma.commitment.update({ where: { id: sibling.id }, data: { progress: 0 } });

      const heavier = await admin.patch(`${BASE}/${moving.id}`, { weight: 3 }, ifMatch(1));
      expect(heavier.status).toBe(200);
      expect((await row(oldParent.id)).progress).toBe(80); // (100·3 + 20·1) / 4

      const moved = await admin.patch(
        `${BASE}/${moving.id}`,
        { parentId: newParent.id },
        {
          'if-match': '"2"',
        },
      );
      expect(moved.status).toBe(200);
      expect((await row(oldParent.id)).progress).toBe(20);
      expect((await row(newParent.id)).progress).toBe(75); // (100·3 + 0·1) / 4
      const rolled = await t.prisma.activityEvent.findMany({
        where: { entityId: newParent.id, action: 'rolledUp' },
      });
      expect(rolled.at(-1)!.changes).toEqual({ progress: { before: 0, after: 75 } });
    });

    it('answers 404 for a commitment of another workspace and 400 for a malformed id', async () => {
      const response = await admin.patch<ErrorBody>(
        `${BASE}/${foreign.commitmentId}`,
        { weight: 4 },
        ifMatch(1),
      );
      expect(response.status).toBe(404);
      expect((await row(foreign.commitmentId)).weight).toBe(1);
      const malformed = await admin.patch<ErrorBody>(`${BASE}/42`, { weight: 4 }, ifMatch(1));
      expect(malformed.status).toBe(400);
      expect(malformed.body.details?.map((d) => d.field)).toEqual(['id']);
    });

    it('answers 409 when editing an archived commitment', async () => {
      const item = await create();
      expect((await admin.delete(`${BASE}/${item.id}`)).status).toBe(200);
      const response = await admin.patch(`${BASE}/${item.id}`, { weight: 4 }, ifMatch(2));
      expect(response.status).toBe(409);
    });
  });

  describe('DELETE /commitments/:id (archive) and POST /commitments/:id/restore', () => {
    it('archives: hidden from the list unless asked for, still readable, restorable', async () => {
      const item = await create();
      const archived = await admin.delete<Detail>(`${BASE}/${item.id}`);
      expect(archived.status).toBe(200);
      expect(archived.headers.etag).toBe('"2"');
      expect(archived.body).toMatchObject({ archived: true, version: 2 });

      const listed = await viewer.get<Page>(`${BASE}?frameworkId=${frameworkId}&limit=100`);
      expect(listed.body.items.map((i) => i.id)).not.toContain(item.id);
      const onlyArchived = await viewer.get<Page>(
        `${BASE}?frameworkId=${frameworkId}&archived=true&limit=100`,
      );
      expect(onlyArchived.body.items.map((i) => i.id)).toContain(item.id);
      expect((await viewer.get<Detail>(`${BASE}/${item.id}`)).body.archived).toBe(true);

      const restored = await admin.post<Detail>(`${BASE}/${item.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.headers.etag).toBe('"3"');
      expect(restored.body).toMatchObject({ archived: false, version: 3 });
      const events = await eventsOf(item.id);
      expect(events.map((e) => [e.action, e.changes])).toEqual([
        ['created', expect.anything()],
        ['archived', { archived: { before: false, after: true } }],
        ['restored', { archived: { before: true, after: false } }],
      ]);
    });

    it('lets an EDITOR archive and restore their organization’s items only', async () => {
      const own = await create({ leadOrgId: org.VSS, coOrgIds: [org.MOLISA] });
      const other = await create({ leadOrgId: org.VGCL });
      expect((await official.delete(`${BASE}/${own.id}`)).status).toBe(200);
      expect((await official.post(`${BASE}/${own.id}/restore`)).status).toBe(200);
      expect((await official.delete(`${BASE}/${other.id}`)).status).toBe(403);
      expect((await row(other.id)).archived).toBe(false);
      await admin.delete(`${BASE}/${other.id}`);
      expect((await official.post(`${BASE}/${other.id}/restore`)).status).toBe(403);
      expect((await row(other.id)).archived).toBe(true);
    });

    it.each(['manager', 'union', 'viewer'])('refuses a %s (403)', async (who) => {
      const client = { manager, union, viewer }[who]!;
      const item = await create();
      expect((await client.delete(`${BASE}/${item.id}`)).status).toBe(403);
      await admin.delete(`${BASE}/${item.id}`);
      expect((await client.post(`${BASE}/${item.id}/restore`)).status).toBe(403);
      expect((await row(item.id)).archived).toBe(true);
    });

    it('keeps the tree whole: no archiving a parent with live children, no restoring under an archived parent', async () => {
      const parent = await create();
      const child = await create({ parentId: parent.id });
      expect((await admin.delete(`${BASE}/${parent.id}`)).status).toBe(409);
      expect((await row(parent.id)).archived).toBe(false);
      expect((await admin.delete(`${BASE}/${child.id}`)).status).toBe(200);
      expect((await admin.delete(`${BASE}/${parent.id}`)).status).toBe(200);
      expect((await admin.post(`${BASE}/${child.id}/restore`)).status).toBe(409);
      expect((await row(child.id)).archived).toBe(true);
    });

    it("takes an archived child out of its parent's roll-up", async () => {
      const parent = await create();
      const done = await create({ parentId: parent.id });
      const idle = await create({ parentId: parent.id });
      await t.prisma.commitment.update({ where: { id: done.id }, data: { progress: 90 } });
      await admin.delete(`${BASE}/${idle.id}`);
      expect((await row(parent.id)).progress).toBe(90);
      await admin.post(`${BASE}/${idle.id}/restore`);
      expect((await row(parent.id)).progress).toBe(45);
    });

    it('honours If-Match when one is sent', async () => {
      const item = await create();
      const stale = await admin.request<ErrorBody>('DELETE', `${BASE}/${item.id}`, undefined, {
        ...ifMatch(9),
        'x-requested-with': 'test',
      });
      expect(stale.status).toBe(412);
      expect(stale.body.current?.version).toBe(1);
      expect((await row(item.id)).archived).toBe(false);
    });

    it('answers 404 for a commitment of another workspace', async () => {
      expect((await admin.delete(`${BASE}/${foreign.commitmentId}`)).status).toBe(404);
      expect((await admin.post(`${BASE}/${foreign.commitmentId}/restore`)).status).toBe(404);
      expect((await admin.get(`${BASE}/${foreign.commitmentId}`)).status).toBe(404);
      expect((await row(foreign.commitmentId)).archived).toBe(false);
    });
  });

  describe('concurrency', () => {
    it('of 20 simultaneous edits of one version, exactly one wins and is recorded once', async () => {
      const item = await create();
      const cookie = official.headers.cookie!;
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.app.inject({
            method: 'PATCH',
            url: `${BASE}/${item.id}`,
            headers: { cookie, origin: TEST_ORIGIN, 'if-match': '"1"' },
            payload: { title: { vi: `Sửa ${i}`, en: `Edit ${i}` } },
          }),
        ),
      );
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, ...Array<number>(19).fill(412)]);
      const winner = responses.find((r) => r.statusCode === 200)!;
      const stored = await row(item.id);
      expect(stored.version).toBe(2);
      expect(stored.titleEn).toBe((winner.json() as Detail).title.en);
      const updates = (await eventsOf(item.id)).filter((e) => e.action === 'updated');
      expect(updates).toHaveLength(1);
      expect(updates[0]!.changes).toMatchObject({
        title: { after: { en: stored.titleEn } },
      });
      for (const loser of responses.filter((r) => r.statusCode === 412)) {
        expect((loser.json() as ErrorBody).current?.version).toBe(2);
      }
    });
  });
});

/** A second workspace with a framework, an organization, a member and a commitment. */
async function createForeignWorkspace(t: TestApp) {
  const workspace = await t.prisma.workspace.create({
    data: { slug: `elsewhere-${randomUUID().slice(0, 8)}`, name: 'Elsewhere' },
  });
  const organization = await t.prisma.organization.create({
    data: {
      workspaceId: workspace.id,
      shortName: 'ELSE',
      nameVi: 'Tổ chức khác',
      nameEn: 'Other organization',
      constituency: 'GOVERNMENT',
    },
  });
  const user = await t.prisma.user.create({
    data: { email: `someone-${randomUUID()}@elsewhere.test`, displayName: 'Someone else' },
  });
  await t.prisma.membership.create({
    data: {
      userId: user.id,
      workspaceId: workspace.id,
      role: 'ADMIN',
      organizationId: organization.id,
    },
  });
  const framework = await t.prisma.framework.create({
    data: { workspaceId: workspace.id, code: 'ELSE-1', titleVi: 'Khác', titleEn: 'Other' },
  });
  const commitment = await t.prisma.commitment.create({
    data: {
      workspaceId: workspace.id,
      frameworkId: framework.id,
      reference: '1',
      titleVi: 'Cam kết khác',
      titleEn: 'Other commitment',
      leadOrgId: organization.id,
    },
  });
  return {
    frameworkId: framework.id,
    orgId: organization.id,
    commitmentId: commitment.id,
    userId: user.id,
  };
}
