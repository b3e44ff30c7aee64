import { createMember, TEST_PASSWORD } from '../../test/accounts';
import { createTestApp, sessionCookieFrom, TestClient, type TestApp } from '../../test/test-app';

interface Me {
  user: { id: string; email: string; displayName: string; locale: string };
  memberships: { role: string; workspace: { slug: string } }[];
}
interface ErrorBody {
  message: string;
  details?: { field: string }[];
}

const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((d) => d.field);
const NEW_PASSWORD = 'another long enough password';

describe('account self-service', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  describe('PATCH /api/auth/me', () => {
    it('changes the display name and the language, and returns the user with memberships', async () => {
      const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
      const { status, body } = await member.client.patch<Me>('/api/auth/me', {
        displayName: '  Trần Thị Hoa ',
        locale: 'en',
      });
      expect(status).toBe(200);
      expect(body.user).toMatchObject({ displayName: 'Trần Thị Hoa', locale: 'en' });
      expect(body.memberships.map((m) => m.workspace.slug)).toEqual(['viet-nam']);
      expect(await t.prisma.user.findUniqueOrThrow({ where: { id: member.userId } })).toMatchObject(
        { displayName: 'Trần Thị Hoa', locale: 'en' },
      );
      const only = await member.client.patch<Me>('/api/auth/me', { locale: 'vi' });
      expect(only.body.user).toMatchObject({ displayName: 'Trần Thị Hoa', locale: 'vi' });
    });

    it.each([
      [{ locale: 'fr' }, 'locale'],
      [{ locale: null }, 'locale'],
      [{ displayName: '' }, 'displayName'],
      [{ displayName: null }, 'displayName'],
      [{ displayName: 'x'.repeat(121) }, 'displayName'],
      [{ role: 'ADMIN' }, 'role'],
      [{ email: 'someone.else@example.org' }, 'email'],
      [{ active: true }, 'active'],
      [{ passwordHash: 'x' }, 'passwordHash'],
      [{ workspaceId: '00000000-0000-4000-8000-000000000000' }, 'workspaceId'],
    ])('answers 400 naming the field for %j, changing nothing', async (payload, field) => {
      const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
      const before = await t.prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
      const { status, body } = await member.client.patch('/api/auth/me', payload);
      expect(status).toBe(400);
      expect(fields(body)).toContain(field);
      expect(await t.prisma.user.findUniqueOrThrow({ where: { id: member.userId } })).toEqual(
        before,
      );
      const membership = await t.prisma.membership.findUniqueOrThrow({
        where: { id: member.membershipId },
      });
      expect(membership.role).toBe('VIEWER');
    });

    it('refuses anonymous callers with 401', async () => {
      expect((await t.anonymous.patch('/api/auth/me', { locale: 'en' })).status).toBe(401);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password and ends every other session, keeping this one', async () => {
      const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
      const otherBrowser = await t.signIn(member.email, TEST_PASSWORD);
      expect((await otherBrowser.get('/api/auth/me')).status).toBe(200);

      const { status } = await member.client.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(status).toBe(204);
      expect((await otherBrowser.get('/api/auth/me')).status).toBe(401);
      expect((await member.client.get('/api/auth/me')).status).toBe(200);
      expect(await t.prisma.session.count({ where: { userId: member.userId } })).toBe(1);

      const oldLogin = await t.anonymous.post('/api/auth/login', {
        email: member.email,
        password: TEST_PASSWORD,
      });
      expect(oldLogin.status).toBe(401);
      await expect(t.signIn(member.email, NEW_PASSWORD)).resolves.toBeInstanceOf(TestClient);
      const row = await t.prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    });

    it.each([
      [{ currentPassword: 'not my password at all', newPassword: NEW_PASSWORD }, 'currentPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'short-11chr' }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(257) }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD }, 'newPassword'],
      [{ newPassword: NEW_PASSWORD }, 'currentPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, userId: 'x' }, 'userId'],
    ])('answers 400 naming the field for %j, changing nothing', async (payload, field) => {
      const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
      const otherBrowser = await t.signIn(member.email, TEST_PASSWORD);
      const before = await t.prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
      const { status, body } = await member.client.post('/api/auth/password', payload);
      expect(status).toBe(400);
      expect([...new Set(fields(body))]).toEqual([field]);
      expect(await t.prisma.user.findUniqueOrThrow({ where: { id: member.userId } })).toEqual(
        before,
      );
      expect((await otherBrowser.get('/api/auth/me')).status).toBe(200);
    });

    it('accepts new passwords of exactly 12 and 256 characters', async () => {
      const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
      const twelve = 'x'.repeat(12);
      const long = 'y'.repeat(256);
      expect(
        (
          await member.client.post('/api/auth/password', {
            currentPassword: TEST_PASSWORD,
            newPassword: twelve,
          })
        ).status,
      ).toBe(204);
      expect(
        (
          await member.client.post('/api/auth/password', {
            currentPassword: twelve,
            newPassword: long,
          })
        ).status,
      ).toBe(204);
      await expect(t.signIn(member.email, long)).resolves.toBeInstanceOf(TestClient);
    });

    it('refuses anonymous callers with 401', async () => {
      const { status } = await t.anonymous.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(status).toBe(401);
    });
  });

  describe('set-password links', () => {
    let admin: TestClient;

    beforeAll(async () => {
      admin = await t.signIn('admin@demo.test');
    });

    async function invite(email: string): Promise<{ token: string; membershipId: string }> {
      const { status, body } = await admin.post<{
        member: { id: string };
        setPasswordUrl: string;
      }>('/api/workspaces/viet-nam/members', {
        email,
        displayName: 'Vũ Thị Mai',
        role: 'EDITOR',
      });
      expect(status).toBe(201);
      return {
        token: new URL(body.setPasswordUrl).searchParams.get('token')!,
        membershipId: body.member.id,
      };
    }

    it('invitation → set password (signed in at once) → sign in with the new password', async () => {
      const { token } = await invite('mai@example.org');

      const info = await t.anonymous.get(`/api/auth/password-tokens/${token}`);
      expect(info.status).toBe(200);
      expect(info.body).toEqual({
        email: 'mai@example.org',
        displayName: 'Vũ Thị Mai',
        workspaceName: 'Việt Nam',
      });

      // An invited user without a password cannot sign in yet.
      const early = await t.anonymous.post('/api/auth/login', {
        email: 'mai@example.org',
        password: NEW_PASSWORD,
      });
      expect(early.status).toBe(401);

      const tooShort = await t.anonymous.post('/api/auth/set-password', {
        token,
        password: 'short',
      });
      expect(tooShort.status).toBe(400);
      expect(fields(tooShort.body)).toEqual(['password']);

      const set = await t.anonymous.post<Me>('/api/auth/set-password', {
        token,
        password: NEW_PASSWORD,
      });
      expect(set.status).toBe(200);
      expect(set.body.user.email).toBe('mai@example.org');
      expect(set.body.memberships).toEqual([
        expect.objectContaining({
          role: 'EDITOR',
          workspace: expect.objectContaining({ slug: 'viet-nam' }),
        }),
      ]);
      const setCookie = [set.headers['set-cookie']].flat().map(String).join('\n');
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      const session = new TestClient(t.app, { cookie: sessionCookieFrom(set.headers) });
      expect((await session.get('/api/workspaces/viet-nam/members')).status).toBe(200);

      const user = await t.prisma.user.findUniqueOrThrow({
        where: { email: 'mai@example.org' },
        include: { passwordTokens: true },
      });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user.passwordTokens).toEqual([expect.objectContaining({ usedAt: expect.any(Date) })]);

      await expect(t.signIn('mai@example.org', NEW_PASSWORD)).resolves.toBeInstanceOf(TestClient);

      // The link is spent.
      expect((await t.anonymous.get(`/api/auth/password-tokens/${token}`)).status).toBe(404);
      const again = await t.anonymous.post('/api/auth/set-password', {
        token,
        password: 'a different password entirely',
      });
      expect(again.status).toBe(400);
      expect(fields(again.body)).toEqual(['token']);
      await expect(t.signIn('mai@example.org', NEW_PASSWORD)).resolves.toBeInstanceOf(TestClient);
    });

    it('refuses expired, unknown and deactivated users’ links (404 to look up, 400 naming token to use)', async () => {
      const expired = await invite('expired@example.org');
      await t.prisma.passwordToken.updateMany({
        where: { user: { email: 'expired@example.org' } },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const inactive = await invite('inactive@example.org');
      await t.prisma.user.update({
        where: { email: 'inactive@example.org' },
        data: { active: false },
      });
      for (const token of [expired.token, inactive.token, 'spct_p_unknown', `${expired.token}x`]) {
        expect((await t.anonymous.get(`/api/auth/password-tokens/${token}`)).status).toBe(404);
        const { status, body } = await t.anonymous.post('/api/auth/set-password', {
          token,
          password: NEW_PASSWORD,
        });
        expect(status).toBe(400);
        expect(fields(body)).toEqual(['token']);
      }
      const users = await t.prisma.user.findMany({
        where: { email: { in: ['expired@example.org', 'inactive@example.org'] } },
      });
      expect(users.map((u) => u.passwordHash)).toEqual([null, null]);
      expect(await t.prisma.passwordToken.count({ where: { usedAt: { not: null } } })).toBe(
        await t.prisma.passwordToken.count({ where: { user: { email: 'mai@example.org' } } }),
      );
    });

    it('lets only one of two simultaneous uses of a link through', async () => {
      const { token } = await invite('race@example.org');
      const results = await Promise.all([
        t.anonymous.post('/api/auth/set-password', { token, password: 'first password here' }),
        t.anonymous.post('/api/auth/set-password', { token, password: 'second password here' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    });

    it('rejects unknown body fields with 400', async () => {
      const { token } = await invite('fields@example.org');
      const { status, body } = await t.anonymous.post('/api/auth/set-password', {
        token,
        password: NEW_PASSWORD,
        email: 'attacker@example.org',
      });
      expect(status).toBe(400);
      expect(fields(body)).toEqual(['email']);
      expect((await t.anonymous.get(`/api/auth/password-tokens/${token}`)).status).toBe(200);
    });
  });
});

// Failed attempts are counted per address too, and every test request comes from 127.0.0.1:
// this test gets an app (and database) of its own so it does not lock out the others.
describe('POST /api/auth/password throttling', () => {
  let own: TestApp;

  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(() => own.close());

  it('counts wrong current passwords as failed sign-ins: the sixth attempt gets 429', async () => {
    const member = await createMember(own, { slug: 'throttle', role: 'VIEWER' });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { status } = await member.client.post('/api/auth/password', {
        currentPassword: `wrong password ${attempt}`,
        newPassword: NEW_PASSWORD,
      });
      expect(status).toBe(400);
    }
    const before = await own.prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
    const blocked = await member.client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const row = await own.prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
    // The refused change wrote nothing: the stored hash is the one from before the attempt.
    expect(row.passwordHash).toBe(before.passwordHash);
  });
});
