import { createMember, TEST_PASSWORD, uniqueSlug } from '../../test/accounts';
import { createTestApp, TEST_ORIGIN, type TestApp, type TestClient } from '../../test/test-app';
import { hashSecretToken } from '../auth/secret-tokens';
import { developmentSecurityConfig } from '../config/app-config';

interface Member {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  role: string;
  organization: { id: string; shortName: string } | null;
  active: boolean;
  passwordSet: boolean;
  createdAt: string;
  version: number;
}
interface Invitation {
  member: Member;
  setPasswordUrl: string | null;
}
interface ErrorBody {
  statusCode: number;
  message: string;
  details?: { field: string }[];
}

const MEMBERS = '/api/workspaces/viet-nam/members';
const SECRET = developmentSecurityConfig(TEST_ORIGIN).sessionSecret;

const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((d) => d.field);
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('workspace members', () => {
  let t: TestApp;
  let admin: TestClient;
  let viewer: TestClient;
  let orgs: Record<string, string>;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    workspaceId = workspace.id;
    const rows = await t.prisma.organization.findMany({ where: { workspaceId } });
    orgs = Object.fromEntries(rows.map((o) => [o.shortName, o.id]));
  });
  afterAll(() => t.close());

  const membershipCount = () => t.prisma.membership.count();

  /** If-Match naming the stored version of the membership a URL ends with ("1" when unknown). */
  async function at(url: string): Promise<Record<string, string>> {
    const id = url.split('/').pop()!;
    const row = /^[0-9a-f-]{36}$/.test(id)
      ? await t.prisma.membership.findUnique({ where: { id } })
      : null;
    return { 'if-match': `"${row?.version ?? 1}"` };
  }
  const userCount = () => t.prisma.user.count();

  describe('GET members', () => {
    it('lists every member of the workspace to any member, with role, organization and password state', async () => {
      const { status, body } = await viewer.get<{ items: Member[]; nextCursor: null }>(MEMBERS);
      expect(status).toBe(200);
      const byEmail = new Map(body.items.map((m) => [m.email, m]));
      expect([...byEmail.keys()].sort()).toEqual(
        (await t.prisma.membership.findMany({ where: { workspaceId }, include: { user: true } }))
          .map((m) => m.user.email)
          .sort(),
      );
      const official = byEmail.get('official@demo.test')!;
      expect(official).toMatchObject({
        role: 'EDITOR',
        organization: { id: orgs.MOLISA, shortName: 'MOLISA' },
        active: true,
        passwordSet: true,
      });
      expect(byEmail.get('viewer@demo.test')!.organization).toBeNull();
      expect(JSON.stringify(body)).not.toContain('passwordHash');
      expect(body.nextCursor).toBeNull();
    });

    it('does not show members of other workspaces, and answers 404 to non-members', async () => {
      const outsider = await createMember(t, { slug: uniqueSlug(), role: 'ADMIN' });
      const { body } = await viewer.get<{ items: Member[] }>(MEMBERS);
      expect(body.items.map((m) => m.email)).not.toContain(outsider.email);
      expect((await outsider.client.get(MEMBERS)).status).toBe(404);
      expect((await t.anonymous.get(MEMBERS)).status).toBe(401);
    });
  });

  describe('POST members (invite)', () => {
    it('creates the user without a password, the membership, and a 7-day one-time link stored hashed', async () => {
      const { status, body } = await admin.post<Invitation>(MEMBERS, {
        email: '  New.Focal@Example.ORG ',
        displayName: 'Đỗ Văn Mới',
        role: 'EDITOR',
        organizationId: orgs.MOLISA,
      });
      expect(status).toBe(201);
      expect(body.member).toMatchObject({
        email: 'new.focal@example.org',
        displayName: 'Đỗ Văn Mới',
        role: 'EDITOR',
        organization: { id: orgs.MOLISA },
        active: true,
        passwordSet: false,
      });
      expect(body.setPasswordUrl).toMatch(
        new RegExp(`^${TEST_ORIGIN}/set-password\\?token=spct_p_[A-Za-z0-9_-]{43}$`),
      );
      const user = await t.prisma.user.findUniqueOrThrow({
        where: { email: 'new.focal@example.org' },
        include: { memberships: true, passwordTokens: true },
      });
      expect(user.passwordHash).toBeNull();
      expect(user.memberships).toEqual([
        expect.objectContaining({ workspaceId, role: 'EDITOR', organizationId: orgs.MOLISA }),
      ]);
      expect(user.passwordTokens).toHaveLength(1);
      const [stored] = user.passwordTokens;
      const token = tokenOf(body.setPasswordUrl!);
      expect(stored!.tokenHash).toBe(hashSecretToken(SECRET, token));
      expect(stored!.tokenHash).not.toContain(token);
      const days = (stored!.expiresAt.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
      expect(stored!.workspaceId).toBe(workspaceId);
    });

    it('adds an existing user with a password without a link, keeping their name', async () => {
      const slug = uniqueSlug();
      const otherAdmin = await createMember(t, { slug, role: 'ADMIN' });
      const { status, body } = await otherAdmin.client.post<Invitation>(
        `/api/workspaces/${slug}/members`,
        { email: 'UNION@demo.test', displayName: 'Renamed', role: 'VIEWER' },
      );
      expect(status).toBe(201);
      expect(body.setPasswordUrl).toBeNull();
      expect(body.member).toMatchObject({
        email: 'union@demo.test',
        displayName: 'Lê Hoàng Nam — VGCL (demo)',
        role: 'VIEWER',
        organization: null,
        passwordSet: true,
      });
      // The same person keeps their role elsewhere.
      const union = await t.signIn('union@demo.test');
      const me = await union.get<{ memberships: { role: string; workspace: { slug: string } }[] }>(
        '/api/auth/me',
      );
      expect(me.body.memberships.map((m) => [m.workspace.slug, m.role]).sort()).toEqual(
        [
          [slug, 'VIEWER'],
          ['viet-nam', 'PARTNER'],
        ].sort(),
      );
    });

    it('answers 409 for someone who is a member already, and changes nothing', async () => {
      const [memberships, tokens] = [await membershipCount(), await t.prisma.passwordToken.count()];
      const { status, body } = await admin.post<ErrorBody>(MEMBERS, {
        email: 'Official@Demo.Test',
        role: 'VIEWER',
      });
      expect(status).toBe(409);
      expect(body.message).toContain('already a member');
      expect(await membershipCount()).toBe(memberships);
      expect(await t.prisma.passwordToken.count()).toBe(tokens);
      const official = await t.prisma.membership.findFirstOrThrow({
        where: { workspaceId, user: { email: 'official@demo.test' } },
      });
      expect(official.role).toBe('EDITOR');
    });

    it.each(['manager', 'official', 'union', 'viewer'])(
      'refuses %s@demo.test (not an administrator) with 403 and creates nothing',
      async (who) => {
        const client = await t.signIn(`${who}@demo.test`);
        const [users, memberships] = [await userCount(), await membershipCount()];
        const { status } = await client.post(MEMBERS, {
          email: `invited-by-${who}@example.org`,
          role: 'ADMIN',
        });
        expect(status).toBe(403);
        expect(await userCount()).toBe(users);
        expect(await membershipCount()).toBe(memberships);
      },
    );

    it.each([
      [{ email: 'not-an-email', role: 'VIEWER' }, 'email'],
      [{ email: 'a@example.org', role: 'OWNER' }, 'role'],
      [{ email: 'a@example.org' }, 'role'],
      [
        {
          email: 'a@example.org',
          role: 'VIEWER',
          workspaceId: '00000000-0000-4000-8000-000000000000',
        },
        'workspaceId',
      ],
      [{ email: 'a@example.org', role: 'VIEWER', active: false }, 'active'],
      [{ email: 'a@example.org', role: 'VIEWER', organizationId: 'MOLISA' }, 'organizationId'],
      [{ email: 'a@example.org', role: 'VIEWER', displayName: '' }, 'displayName'],
    ])('answers 400 naming the field for %j', async (payload, field) => {
      const [users, memberships] = [await userCount(), await membershipCount()];
      const { status, body } = await admin.post(MEMBERS, payload);
      expect(status).toBe(400);
      expect(fields(body)).toContain(field);
      expect(await userCount()).toBe(users);
      expect(await membershipCount()).toBe(memberships);
    });

    it('refuses an organization of another workspace with 400 naming organizationId', async () => {
      const slug = uniqueSlug();
      const other = await createMember(t, { slug, role: 'ADMIN' });
      const foreignOrg = await t.prisma.organization.create({
        data: {
          workspaceId: other.workspaceId,
          shortName: 'FOREIGN',
          nameVi: 'Ngoại',
          nameEn: 'Foreign',
          constituency: 'OTHER',
        },
      });
      const [users, memberships] = [await userCount(), await membershipCount()];
      const { status, body } = await admin.post(MEMBERS, {
        email: 'foreign-org@example.org',
        role: 'EDITOR',
        organizationId: foreignOrg.id,
      });
      expect(status).toBe(400);
      expect(fields(body)).toEqual(['organizationId']);
      expect(await userCount()).toBe(users);
      expect(await membershipCount()).toBe(memberships);
    });
  });

  describe('PATCH members/:id', () => {
    it('changes role and organization, and null removes the organization', async () => {
      const target = await createMember(t, {
        slug: 'viet-nam',
        role: 'EDITOR',
        organizationId: orgs.MOLISA,
      });
      const url = `${MEMBERS}/${target.membershipId}`;
      const changed = await admin.patch<Member>(
        url,
        {
          role: 'PARTNER',
          organizationId: orgs.VGCL,
        },
        await at(url),
      );
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        id: target.membershipId,
        role: 'PARTNER',
        organization: { id: orgs.VGCL, shortName: 'VGCL' },
      });
      // The new role applies to the member's very next request.
      const me = await target.client.get<{ memberships: { role: string }[] }>('/api/auth/me');
      expect(me.body.memberships[0]!.role).toBe('PARTNER');

      const cleared = await admin.patch<Member>(url, { organizationId: null }, await at(url));
      expect(cleared.body).toMatchObject({ role: 'PARTNER', organization: null });
      const row = await t.prisma.membership.findUniqueOrThrow({
        where: { id: target.membershipId },
      });
      expect(row).toMatchObject({ role: 'PARTNER', organizationId: null, active: true });
    });

    it.each([
      [{ role: 'OWNER' }, 'role'],
      [{ role: null }, 'role'],
      [{ active: 'no' }, 'active'],
      [{ active: null }, 'active'],
      [{ organizationId: 'VGCL' }, 'organizationId'],
      [{ userId: '00000000-0000-4000-8000-000000000000' }, 'userId'],
      [{ workspaceId: '00000000-0000-4000-8000-000000000000' }, 'workspaceId'],
    ])('answers 400 naming the field for %j and changes nothing', async (payload, field) => {
      const target = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
      const { status, body } = await admin.patch(
        `${MEMBERS}/${target.membershipId}`,
        payload,
        await at(`${MEMBERS}/${target.membershipId}`),
      );
      expect(status).toBe(400);
      expect(fields(body)).toContain(field);
      const row = await t.prisma.membership.findUniqueOrThrow({
        where: { id: target.membershipId },
      });
      expect(row).toMatchObject({ role: 'VIEWER', organizationId: null, active: true });
    });

    it('answers 400 for a non-uuid id, 404 for an unknown one', async () => {
      const bad = await admin.patch(
        `${MEMBERS}/123`,
        { role: 'VIEWER' },
        await at(`${MEMBERS}/123`),
      );
      expect(bad.status).toBe(400);
      expect(fields(bad.body)).toEqual(['id']);
      const unknown = await admin.patch(
        `${MEMBERS}/6f1c1d38-25cb-4a3a-9f44-3a0a3f9b2a11`,
        {
          role: 'VIEWER',
        },
        await at(`${MEMBERS}/6f1c1d38-25cb-4a3a-9f44-3a0a3f9b2a11`),
      );
      expect(unknown.status).toBe(404);
    });

    it('refuses non-administrators with 403 and changes nothing', async () => {
      const target = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
      for (const who of ['manager', 'official', 'union', 'viewer']) {
        const client = await t.signIn(`${who}@demo.test`);
        const { status } = await client.patch(
          `${MEMBERS}/${target.membershipId}`,
          {
            role: 'ADMIN',
          },
          await at(`${MEMBERS}/${target.membershipId}`),
        );
        expect(status).toBe(403);
      }
      const row = await t.prisma.membership.findUniqueOrThrow({
        where: { id: target.membershipId },
      });
      expect(row.role).toBe('VIEWER');
    });

    it('treats membership ids of another workspace as unknown (404), and changes nothing', async () => {
      const slug = uniqueSlug();
      const otherAdmin = await createMember(t, { slug, role: 'ADMIN' });
      const official = await t.prisma.membership.findFirstOrThrow({
        where: { workspaceId, user: { email: 'official@demo.test' } },
      });
      const url = `/api/workspaces/${slug}/members/${official.id}`;
      expect(
        (await otherAdmin.client.patch(url, { role: 'VIEWER', active: false }, await at(url)))
          .status,
      ).toBe(404);
      expect((await otherAdmin.client.post(`${url}/invitation`)).status).toBe(404);
      // And the other workspace's administrator is nobody in viet-nam.
      expect(
        (
          await otherAdmin.client.patch(
            `${MEMBERS}/${official.id}`,
            { role: 'VIEWER' },
            await at(`${MEMBERS}/${official.id}`),
          )
        ).status,
      ).toBe(404);
      const after = await t.prisma.membership.findUniqueOrThrow({ where: { id: official.id } });
      expect(after).toMatchObject({ role: 'EDITOR', active: true, organizationId: orgs.MOLISA });
    });
  });

  describe('the last administrator', () => {
    it('can be neither demoted nor deactivated (409), until another administrator exists', async () => {
      const slug = uniqueSlug();
      const owner = await createMember(t, { slug, role: 'ADMIN' });
      const url = `/api/workspaces/${slug}/members/${owner.membershipId}`;

      const demote = await owner.client.patch<ErrorBody>(url, { role: 'MANAGER' }, await at(url));
      expect(demote.status).toBe(409);
      expect(demote.body.message).toContain('last active administrator');
      expect((await owner.client.patch(url, { active: false }, await at(url))).status).toBe(409);
      // Changing something else about the last administrator is fine.
      expect(
        (await owner.client.patch(url, { role: 'ADMIN', active: true }, await at(url))).status,
      ).toBe(200);
      const row = await t.prisma.membership.findUniqueOrThrow({
        where: { id: owner.membershipId },
      });
      expect(row).toMatchObject({ role: 'ADMIN', active: true });

      // An inactive administrator does not count.
      const dormant = await createMember(t, { slug, role: 'ADMIN' });
      await t.prisma.membership.update({
        where: { id: dormant.membershipId },
        data: { active: false },
      });
      expect((await owner.client.patch(url, { role: 'EDITOR' }, await at(url))).status).toBe(409);

      const second = await createMember(t, { slug, role: 'VIEWER' });
      const promoted = await owner.client.patch(
        `/api/workspaces/${slug}/members/${second.membershipId}`,
        { role: 'ADMIN' },
        await at(`/api/workspaces/${slug}/members/${second.membershipId}`),
      );
      expect(promoted.status).toBe(200);
      const demoted = await owner.client.patch<Member>(url, { role: 'EDITOR' }, await at(url));
      expect(demoted.status).toBe(200);
      expect(demoted.body.role).toBe('EDITOR');
      // Now the second one is the last.
      expect(
        (
          await second.client.patch(
            `/api/workspaces/${slug}/members/${second.membershipId}`,
            {
              active: false,
            },
            await at(`/api/workspaces/${slug}/members/${second.membershipId}`),
          )
        ).status,
      ).toBe(409);
    });

    it('survives two administrators demoting each other at the same moment', async () => {
      const slug = uniqueSlug();
      const a = await createMember(t, { slug, role: 'ADMIN' });
      const b = await createMember(t, { slug, role: 'ADMIN' });
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all([
          a.client.patch(
            `/api/workspaces/${slug}/members/${b.membershipId}`,
            { role: 'VIEWER' },
            await at(`/api/workspaces/${slug}/members/${b.membershipId}`),
          ),
          b.client.patch(
            `/api/workspaces/${slug}/members/${a.membershipId}`,
            { active: false },
            await at(`/api/workspaces/${slug}/members/${a.membershipId}`),
          ),
        ]);
        const statuses = results.map((r) => r.status).sort();
        // The loser is refused: 409 (last administrator) or 403/404 (no longer an administrator).
        expect(statuses.filter((s) => s === 200)).toHaveLength(1);
        expect(
          await t.prisma.membership.count({
            where: { workspaceId: a.workspaceId, role: 'ADMIN', active: true },
          }),
        ).toBe(1);
        // Restore both administrators for the next round.
        await t.prisma.membership.updateMany({
          where: { id: { in: [a.membershipId, b.membershipId] } },
          data: { role: 'ADMIN', active: true },
        });
        a.client = await t.signIn(a.email, TEST_PASSWORD);
        b.client = await t.signIn(b.email, TEST_PASSWORD);
      }
    });
  });

  describe('deactivation', () => {
    it('locks the member out at once: their session ends and their next request fails', async () => {
      const target = await createMember(t, {
        slug: 'viet-nam',
        role: 'EDITOR',
        organizationId: orgs.MOLISA,
      });
      const secondBrowser = await t.signIn(target.email, TEST_PASSWORD);
      expect((await target.client.get(MEMBERS)).status).toBe(200);

      const { status, body } = await admin.patch<Member>(
        `${MEMBERS}/${target.membershipId}`,
        {
          active: false,
        },
        await at(`${MEMBERS}/${target.membershipId}`),
      );
      expect(status).toBe(200);
      expect(body.active).toBe(false);
      expect(await t.prisma.session.count({ where: { userId: target.userId } })).toBe(0);

      expect((await target.client.get(MEMBERS)).status).toBe(401);
      expect((await secondBrowser.get('/api/workspaces/viet-nam/commitments')).status).toBe(401);
      // Signing in again still works (the account is fine), but the workspace is gone for them.
      const again = await t.signIn(target.email, TEST_PASSWORD);
      expect((await again.get(MEMBERS)).status).toBe(404);
      const me = await again.get<{ memberships: unknown[] }>('/api/auth/me');
      expect(me.body.memberships).toEqual([]);

      // Reactivation restores access.
      expect(
        (
          await admin.patch(
            `${MEMBERS}/${target.membershipId}`,
            { active: true },
            await at(`${MEMBERS}/${target.membershipId}`),
          )
        ).status,
      ).toBe(200);
      expect((await again.get(MEMBERS)).status).toBe(200);
    });
  });

  describe('POST members/:id/invitation', () => {
    it('issues a fresh link; the earlier unused one stops working', async () => {
      const invited = await admin.post<Invitation>(MEMBERS, {
        email: 'reinvite@example.org',
        role: 'VIEWER',
      });
      const first = tokenOf(invited.body.setPasswordUrl!);
      expect((await t.anonymous.get(`/api/auth/password-tokens/${first}`)).status).toBe(200);

      const { status, body } = await admin.post<Invitation>(
        `${MEMBERS}/${invited.body.member.id}/invitation`,
      );
      expect(status).toBe(201);
      expect(body.member.id).toBe(invited.body.member.id);
      const second = tokenOf(body.setPasswordUrl!);
      expect(second).not.toBe(first);
      expect((await t.anonymous.get(`/api/auth/password-tokens/${first}`)).status).toBe(404);
      const info = await t.anonymous.get<{ email: string; workspaceName: string }>(
        `/api/auth/password-tokens/${second}`,
      );
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ email: 'reinvite@example.org', workspaceName: 'Việt Nam' });
      expect(
        await t.prisma.passwordToken.count({
          where: { user: { email: 'reinvite@example.org' }, usedAt: null },
        }),
      ).toBe(1);
    });

    it('refuses a member who has a password (409), non-administrators (403) and unknown ids (404)', async () => {
      const official = await t.prisma.membership.findFirstOrThrow({
        where: { workspaceId, user: { email: 'official@demo.test' } },
      });
      const tokens = await t.prisma.passwordToken.count();
      expect((await admin.post(`${MEMBERS}/${official.id}/invitation`)).status).toBe(409);
      const invited = await admin.post<Invitation>(MEMBERS, {
        email: 'reinvite-denied@example.org',
        role: 'VIEWER',
      });
      const manager = await t.signIn('manager@demo.test');
      expect((await manager.post(`${MEMBERS}/${invited.body.member.id}/invitation`)).status).toBe(
        403,
      );
      expect(
        (await admin.post(`${MEMBERS}/0b7f4bde-7d55-4c32-9f6b-0f0f0f0f0f0f/invitation`)).status,
      ).toBe(404);
      expect(await t.prisma.passwordToken.count()).toBe(tokens + 1);
    });
  });
});
