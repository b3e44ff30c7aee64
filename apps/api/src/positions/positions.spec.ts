import { createOtherWorkspace, type OtherWorkspace } from '../../test/other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { oneWriteWins } from '../../test/race';
import { isCalendarDate, isFutureDate } from '../common/dates';

interface Position {
  id: string;
  organization: { id: string; shortName: string; name: { vi: string; en: string } };
  position: string;
  rationale: string;
  decidedOn: string;
  recordedBy: { id: string; displayName: string } | null;
  updatedAt: string;
  version: number;
}
interface ErrorBody {
  statusCode: number;
  details?: { field: string; message: string }[];
}

const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('PUT /api/workspaces/:slug/commitments/:commitmentId/positions/:organizationId', () => {
  let t: TestApp;
  let admin: TestClient;
  let manager: TestClient;
  let official: TestClient;
  let union: TestClient;
  let viewer: TestClient;
  let orgs: Record<string, string>;
  let users: Record<string, string>;
  let commitmentId: string;
  let other: OtherWorkspace;

  const url = (organizationId: string, commitment = commitmentId) =>
    `/api/workspaces/viet-nam/commitments/${commitment}/positions/${organizationId}`;
  const fields = (body: unknown) => (body as ErrorBody).details?.map((d) => d.field) ?? [];
  const positionOf = (organizationId: string, commitment = commitmentId) =>
    t.prisma.position.findUnique({
      where: { commitmentId_organizationId: { commitmentId: commitment, organizationId } },
    });
  /** If-Match naming the stored version of the organization's position. */
  const ifMatchOf = async (organizationId: string) => ({
    'if-match': `"${(await positionOf(organizationId))!.version}"`,
  });
  const valid = {
    position: 'RESERVATION',
    rationale: 'Đồng ý về nguyên tắc, cần thêm lộ trình tài chính.',
    decidedOn: '2026-03-01',
  };

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    manager = await t.signIn('manager@demo.test');
    official = await t.signIn('official@demo.test');
    union = await t.signIn('union@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const organizations = await t.prisma.organization.findMany();
    orgs = Object.fromEntries(organizations.map((o) => [o.shortName, o.id]));
    const accounts = await t.prisma.user.findMany();
    users = Object.fromEntries(accounts.map((u) => [u.email, u.id]));
    const nq = await t.prisma.framework.findFirstOrThrow({ where: { code: 'NQ-42' } });
    commitmentId = (
      await t.prisma.commitment.findFirstOrThrow({ where: { frameworkId: nq.id, reference: '1' } })
    ).id;
    other = await createOtherWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  it("lets an EDITOR record their own organization's position, then replace it (one per organization)", async () => {
    expect(await positionOf(orgs.MOLISA!)).toBeNull();
    const first = await official.put<Position>(url(orgs.MOLISA!), valid);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      organization: { id: orgs.MOLISA, shortName: 'MOLISA' },
      position: 'RESERVATION',
      rationale: valid.rationale,
      decidedOn: '2026-03-01',
      recordedBy: { id: users['official@demo.test'] },
    });

    const second = await official.put<Position>(
      url(orgs.MOLISA!),
      { position: 'AGREE', rationale: 'Đã thống nhất lộ trình.', decidedOn: '2026-04-15' },
      { 'if-match': '"1"' },
    );
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      id: first.body.id,
      version: 2,
      position: 'AGREE',
      decidedOn: '2026-04-15',
    });
    expect(
      await t.prisma.position.count({ where: { commitmentId, organizationId: orgs.MOLISA } }),
    ).toBe(1);
    expect(await positionOf(orgs.MOLISA!)).toMatchObject({
      position: 'AGREE',
      rationale: 'Đã thống nhất lộ trình.',
      recordedById: users['official@demo.test'],
    });

    const events = await t.prisma.activityEvent.findMany({
      where: { entityType: 'position', entityId: first.body.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['recorded', 'updated']);
    expect(events[1]!.changes).toMatchObject({
      position: { before: 'RESERVATION', after: 'AGREE' },
    });
  });

  it("lets a PARTNER replace their own organization's seeded position, recorded by them", async () => {
    const res = await union.put<Position>(
      url(orgs.VGCL!),
      { ...valid, position: 'DISAGREE' },
      await ifMatchOf(orgs.VGCL!),
    );
    expect(res.status).toBe(200);
    expect(await positionOf(orgs.VGCL!)).toMatchObject({
      position: 'DISAGREE',
      recordedById: users['union@demo.test'],
    });
    const list = await viewer.get<{ items: Position[] }>(
      `/api/workspaces/viet-nam/commitments/${commitmentId}/positions`,
    );
    expect(list.body.items.find((p) => p.organization.shortName === 'VGCL')).toMatchObject({
      position: 'DISAGREE',
      recordedBy: { id: users['union@demo.test'] },
    });
  });

  it.each([
    ['EDITOR', () => official, 'VGCL'],
    ['PARTNER', () => union, 'VCCI'],
    ['PARTNER', () => union, 'MOLISA'],
  ])(
    "refuses a %s recording another organization's position (%#), changing nothing",
    async (_, client, org) => {
      const before = await positionOf(orgs[org]!);
      const res = await client().put(url(orgs[org]!), { ...valid, rationale: 'Không được phép' });
      expect(res.status).toBe(403);
      expect(await positionOf(orgs[org]!)).toEqual(before);
    },
  );

  it('lets an ADMIN record any organization of the workspace', async () => {
    const before = await positionOf(orgs.VCCI!);
    expect(before).not.toBeNull();
    const res = await admin.put<Position>(
      url(orgs.VCCI!),
      { ...valid, position: 'AGREE' },
      await ifMatchOf(orgs.VCCI!),
    );
    expect(res.status).toBe(200);
    expect(await positionOf(orgs.VCCI!)).toMatchObject({
      id: before!.id,
      position: 'AGREE',
      recordedById: users['admin@demo.test'],
    });
  });

  it.each([
    ['MANAGER', () => manager, 'MOLISA'],
    ['VIEWER', () => viewer, 'VSS'],
  ])('refuses a %s (403), changing nothing', async (_, client, org) => {
    const before = await positionOf(orgs[org]!);
    expect((await client().put(url(orgs[org]!), valid)).status).toBe(403);
    expect(await positionOf(orgs[org]!)).toEqual(before);
  });

  it('refuses an anonymous caller (401)', async () => {
    expect((await t.anonymous.put(url(orgs.VSS!), valid)).status).toBe(401);
  });

  it.each([
    ['position', { ...valid, position: 'MAYBE' }],
    ['position', { rationale: valid.rationale, decidedOn: valid.decidedOn }],
    ['rationale', { ...valid, rationale: '' }],
    ['rationale', { ...valid, rationale: '  ' }],
    ['rationale', { ...valid, rationale: 'r'.repeat(5001) }],
    ['decidedOn', { ...valid, decidedOn: '2026-02-30' }],
    ['decidedOn', { ...valid, decidedOn: '01/03/2026' }],
    ['decidedOn', { ...valid, decidedOn: '2026-03-01T00:00:00Z' }],
    ['decidedOn', { ...valid, decidedOn: daysFromToday(2) }],
    ['recordedById', { ...valid, recordedById: '00000000-0000-4000-8000-000000000000' }],
    ['organizationId', { ...valid, organizationId: '00000000-0000-4000-8000-000000000000' }],
  ])('answers 400 naming the field (%#: %s), changing nothing', async (field, payload) => {
    const before = await positionOf(orgs.MOLISA!);
    const res = await official.put<ErrorBody>(url(orgs.MOLISA!), payload);
    expect(res.status).toBe(400);
    expect(fields(res.body)).toContain(field);
    expect(await positionOf(orgs.MOLISA!)).toEqual(before);
  });

  it("accepts today's date", async () => {
    const res = await official.put<Position>(
      url(orgs.MOLISA!),
      { ...valid, decidedOn: daysFromToday(0) },
      await ifMatchOf(orgs.MOLISA!),
    );
    expect(res.status).toBe(200);
    expect(res.body.decidedOn).toBe(daysFromToday(0));
  });

  it('answers 400 naming organizationId for a non-UUID id', async () => {
    const res = await admin.put<ErrorBody>(url('vgcl'), valid);
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['organizationId']);
  });

  it("answers 404 for another workspace's organization, even to an ADMIN, writing nothing", async () => {
    const before = await t.prisma.position.count();
    const res = await admin.put(url(other.organizationId), valid);
    expect(res.status).toBe(404);
    // An EDITOR gets the same 404, not a 403 that would confirm the id exists.
    expect((await official.put(url(other.organizationId), valid)).status).toBe(404);
    expect(await t.prisma.position.count()).toBe(before);
  });

  it("answers 404 for another workspace's commitment and to a non-member, writing nothing", async () => {
    const before = await t.prisma.position.count();
    expect((await admin.put(url(orgs.MOLISA!, other.commitmentId), valid)).status).toBe(404);
    const outsider = await t.signIn(other.email);
    expect((await outsider.put(url(orgs.MOLISA!), valid)).status).toBe(404);
    expect(
      (
        await admin.put(
          `/api/workspaces/${other.slug}/commitments/${other.commitmentId}/positions/${other.organizationId}`,
          valid,
        )
      ).status,
    ).toBe(404);
    expect(await t.prisma.position.count()).toBe(before);
  });
  describe('optimistic concurrency', () => {
    type Stale = ErrorBody & { message: string; current?: Position };

    /** A fresh commitment of the demo framework, with no positions. */
    async function freshCommitment(): Promise<string> {
      const base = await t.prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } });
      const created = await t.prisma.commitment.create({
        data: {
          workspaceId: base.workspaceId,
          frameworkId: base.frameworkId,
          reference: `POS-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
          titleVi: 'Cam kết thử',
          titleEn: 'Test commitment',
        },
      });
      return created.id;
    }
    const events = (commitment: string) =>
      t.prisma.activityEvent.findMany({
        where: { entityType: 'position', commitmentId: commitment },
      });

    it('creates without If-Match (ETag "1"); replacing then needs If-Match: 428 without (with current), 412 when stale, nothing changed', async () => {
      const c = await freshCommitment();
      const created = await union.put<Position>(url(orgs.VGCL!, c), valid);
      expect(created.status).toBe(200);
      expect(created.body.version).toBe(1);
      expect(created.headers['etag']).toBe('"1"');
      const before = await positionOf(orgs.VGCL!, c);
      const change = { ...valid, position: 'DISAGREE' };
      const missing = await union.put<Stale>(url(orgs.VGCL!, c), change);
      expect(missing.status).toBe(428);
      expect(missing.body.current).toMatchObject({ id: created.body.id, version: 1 });
      expect((await union.put(url(orgs.VGCL!, c), change, { 'if-match': '*' })).status).toBe(428);
      const stale = await union.put<Stale>(url(orgs.VGCL!, c), change, { 'if-match': '"5"' });
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({ position: 'RESERVATION', version: 1 });
      const createOnly = await union.put<Stale>(url(orgs.VGCL!, c), change, {
        'if-none-match': '*',
      });
      expect(createOnly.status).toBe(412);
      expect(createOnly.body.current).toMatchObject({ version: 1 });
      // Authorization first: another organization's EDITOR gets 403.
      expect((await official.put(url(orgs.VGCL!, c), change)).status).toBe(403);
      expect(await positionOf(orgs.VGCL!, c)).toEqual(before);
      expect(await events(c)).toHaveLength(1);

      const replaced = await union.put<Position>(url(orgs.VGCL!, c), change, { 'if-match': '"1"' });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ position: 'DISAGREE', version: 2 });
      expect(replaced.headers['etag']).toBe('"2"');
      // The same content again changes nothing: same version, no event.
      const same = await union.put<Position>(url(orgs.VGCL!, c), change, { 'if-match': '"2"' });
      expect(same.body.version).toBe(2);
      expect(await events(c)).toHaveLength(2);
    });

    it('accepts If-None-Match: * to create, and refuses If-Match when nothing is recorded (412)', async () => {
      const c = await freshCommitment();
      const noneYet = await union.put<Stale>(url(orgs.VGCL!, c), valid, { 'if-match': '"1"' });
      expect(noneYet.status).toBe(412);
      expect(await positionOf(orgs.VGCL!, c)).toBeNull();
      const created = await union.put<Position>(url(orgs.VGCL!, c), valid, {
        'if-none-match': '*',
      });
      expect(created.status).toBe(200);
      expect(created.body.version).toBe(1);
    });

    it('lets exactly one of many concurrent replacements of one version through; the rest get 412', async () => {
      const c = await freshCommitment();
      expect((await union.put(url(orgs.VGCL!, c), valid)).status).toBe(200);
      const { winner } = await oneWriteWins(12, (i) =>
        union.put<Position>(
          url(orgs.VGCL!, c),
          { ...valid, rationale: `Lý do ${i}` },
          { 'if-match': '"1"' },
        ),
      );
      expect(await positionOf(orgs.VGCL!, c)).toMatchObject({
        version: 2,
        rationale: winner.rationale,
      });
      expect((await events(c)).map((e) => e.action).sort()).toEqual(['recorded', 'updated']);
    });

    it('creates once when many first recordings race: one 200, the others 412 (or 428) with the winner as current, never 500', async () => {
      const c = await freshCommitment();
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          union.put<Position & Stale>(url(orgs.VGCL!, c), { ...valid, rationale: `Lần ${i}` }),
        ),
      );
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      const losers = responses.filter((r) => r.status !== 200);
      expect(losers.every((r) => r.status === 412 || r.status === 428)).toBe(true);
      for (const loser of losers) {
        expect(loser.body.current).toMatchObject({
          rationale: winners[0]!.body.rationale,
          version: 1,
        });
      }
      expect(await t.prisma.position.count({ where: { commitmentId: c } })).toBe(1);
      expect(await positionOf(orgs.VGCL!, c)).toMatchObject({
        version: 1,
        rationale: winners[0]!.body.rationale,
      });
      expect(await events(c)).toHaveLength(1);
    });
  });
});

describe('position dates', () => {
  it('reads YYYY-MM-DD calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
    expect(isCalendarDate(20260105)).toBe(false);
  });

  it('counts a date as future only once it is after today in every time zone', () => {
    const now = new Date('2026-11-25T12:00:00Z'); // already 26 November in UTC+14
    expect(isFutureDate('2026-11-25', now)).toBe(false);
    expect(isFutureDate('2026-11-26', now)).toBe(false);
    expect(isFutureDate('2026-11-27', now)).toBe(true);
    const early = new Date('2026-11-25T05:00:00Z'); // 19:00 on the 25th in UTC+14
    expect(isFutureDate('2026-11-26', early)).toBe(true);
  });
});
