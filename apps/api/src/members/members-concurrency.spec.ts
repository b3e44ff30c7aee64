import { createMember, uniqueSlug } from '../../test/accounts';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { oneWriteWins } from '../../test/race';

interface Member {
  id: string;
  role: string;
  organization: { id: string; shortName: string; version: number } | null;
  active: boolean;
  version: number;
}
interface ErrorBody {
  statusCode: number;
  message: string;
  current?: Member;
  details?: { field: string }[];
}

const MEMBERS = '/api/workspaces/viet-nam/members';

describe('members under optimistic concurrency', () => {
  let t: TestApp;
  let admin: TestClient;
  let orgs: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    const rows = await t.prisma.organization.findMany({ where: { workspaceId: workspace.id } });
    orgs = Object.fromEntries(rows.map((o) => [o.shortName, o.id]));
  });
  afterAll(() => t.close());

  const stored = (id: string) => t.prisma.membership.findUniqueOrThrow({ where: { id } });
  const newMember = () =>
    createMember(t, { slug: 'viet-nam', role: 'EDITOR', organizationId: orgs.MOLISA });

  it('lists members with their version (and their organization’s)', async () => {
    const target = await newMember();
    const { body } = await admin.get<{ items: Member[] }>(MEMBERS);
    expect(body.items.find((m) => m.id === target.membershipId)).toMatchObject({
      version: 1,
      organization: { shortName: 'MOLISA', version: 1 },
    });
  });

  it.each([
    ['no If-Match', {}],
    ['If-Match *', { 'if-match': '*' }],
  ])('answers 428 to an edit with %s, changing nothing', async (_, headers) => {
    const target = await newMember();
    const before = await stored(target.membershipId);
    const { status } = await admin.patch(
      `${MEMBERS}/${target.membershipId}`,
      { role: 'VIEWER', active: false },
      headers,
    );
    expect(status).toBe(428);
    expect(await stored(target.membershipId)).toEqual(before);
    expect(await t.prisma.session.count({ where: { userId: target.userId } })).toBe(1);
  });

  it('answers 412 with the stored member to a stale edit, changing nothing (no sign-out either)', async () => {
    const target = await newMember();
    const url = `${MEMBERS}/${target.membershipId}`;
    const first = await admin.patch<Member>(url, { role: 'PARTNER' }, { 'if-match': '"1"' });
    expect([first.status, first.body.version]).toEqual([200, 2]);
    const before = await stored(target.membershipId);
    const stale = await admin.patch<ErrorBody>(url, { active: false }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toEqual(first.body);
    expect(await stored(target.membershipId)).toEqual(before);
    expect(await t.prisma.session.count({ where: { userId: target.userId } })).toBe(1);
  });

  it('bumps the version and the ETag on a change, not on an empty or identical edit', async () => {
    const target = await newMember();
    const url = `${MEMBERS}/${target.membershipId}`;
    const changed = await admin.patch<Member>(
      url,
      { organizationId: orgs.VGCL },
      { 'if-match': '"1"' },
    );
    expect([changed.status, changed.body.version, changed.headers.etag]).toEqual([200, 2, '"2"']);
    for (const body of [{}, { role: 'EDITOR', organizationId: orgs.VGCL, active: true }]) {
      const same = await admin.patch<Member>(url, body, { 'if-match': '"2"' });
      expect([same.status, same.body.version, same.headers.etag]).toEqual([200, 2, '"2"']);
    }
    expect(await stored(target.membershipId)).toMatchObject({
      version: 2,
      organizationId: orgs.VGCL,
    });
  });

  it('refuses version in the body (400 naming it), changing nothing', async () => {
    const target = await newMember();
    const { status, body } = await admin.patch<ErrorBody>(
      `${MEMBERS}/${target.membershipId}`,
      { role: 'VIEWER', version: 9 },
      { 'if-match': '"1"' },
    );
    expect(status).toBe(400);
    expect(body.details?.map((d) => d.field)).toContain('version');
    expect(await stored(target.membershipId)).toMatchObject({ version: 1, role: 'EDITOR' });
  });

  it('checks the version before the last-administrator rule (412, then 409 with the fresh one)', async () => {
    const slug = uniqueSlug();
    const owner = await createMember(t, { slug, role: 'ADMIN' });
    const url = `/api/workspaces/${slug}/members/${owner.membershipId}`;
    expect((await owner.client.patch(url, { role: 'EDITOR' }, { 'if-match': '"5"' })).status).toBe(
      412,
    );
    expect((await owner.client.patch(url, { role: 'EDITOR' }, { 'if-match': '"1"' })).status).toBe(
      409,
    );
    expect(await stored(owner.membershipId)).toMatchObject({ role: 'ADMIN', version: 1 });
  });

  it('lets exactly one of 12 concurrent edits of one version win; the others get 412', async () => {
    const target = await newMember();
    const roles = ['VIEWER', 'PARTNER', 'MANAGER'];
    const { winner, losers } = await oneWriteWins(12, (i) =>
      admin.patch<Member & ErrorBody>(
        `${MEMBERS}/${target.membershipId}`,
        { role: roles[i % 3], organizationId: i % 2 ? orgs.VGCL : null },
        { 'if-match': '"1"' },
      ),
    );
    expect(winner.version).toBe(2);
    for (const loser of losers) {
      expect(loser.body.current).toEqual(winner);
    }
    expect(await stored(target.membershipId)).toMatchObject({
      version: 2,
      role: winner.role,
      organizationId: winner.organization?.id ?? null,
    });
  });
});
