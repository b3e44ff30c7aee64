import { createTestApp, sessionCookieFrom, TEST_ORIGIN, type TestApp } from '../../test/test-app';

interface Me {
  user: { email: string; locale: string };
  memberships: {
    workspace: { slug: string };
    role: string;
    organization: { shortName: string } | null;
  }[];
}

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());
  beforeEach(() => t.prisma.loginFailure.deleteMany());

  it('signs in with an httpOnly SameSite=Lax cookie and returns the user with memberships', async () => {
    const response = await t.anonymous.post<Me>('/api/auth/login', {
      email: 'Official@Demo.test',
      password: 'tripartite-demo',
    });
    expect(response.status).toBe(200);
    expect(response.body.user.email).toBe('official@demo.test');
    expect(response.body.memberships).toEqual([
      expect.objectContaining({
        workspace: expect.objectContaining({ slug: 'viet-nam' }),
        role: 'EDITOR',
        organization: expect.objectContaining({ shortName: 'MOLISA' }),
      }),
    ]);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^spct_session=spct_s_[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    // Only a keyed hash of the token is stored.
    const token = sessionCookieFrom(response.headers).split('=')[1]!;
    const sessions = await t.prisma.session.findMany();
    expect(sessions.some((s) => s.tokenHash.includes(token))).toBe(false);
    expect(sessions.length).toBeGreaterThan(0);
  });

  it('gives a wrong password and an unknown e-mail the same 401', async () => {
    const wrongPassword = await t.anonymous.post('/api/auth/login', {
      email: 'official@demo.test',
      password: 'not the password',
    });
    const unknownEmail = await t.anonymous.post('/api/auth/login', {
      email: 'nobody@demo.test',
      password: 'not the password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail).toEqual({ ...wrongPassword, headers: unknownEmail.headers });
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it('names the field of a malformed sign-in', async () => {
    const response = await t.anonymous.post<{ details: { field: string }[] }>('/api/auth/login', {
      email: 'not-an-email',
      password: 'x',
    });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d) => d.field)).toEqual(['email']);
  });

  it('answers /auth/me for the session and 401 after logout, with the session row gone', async () => {
    const official = await t.signIn('official@demo.test');
    expect((await official.get<Me>('/api/auth/me')).body.user.email).toBe('official@demo.test');
    const before = await t.prisma.session.count();
    const logout = await official.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/spct_session=;/);
    expect(await t.prisma.session.count()).toBe(before - 1);
    expect((await official.get('/api/auth/me')).status).toBe(401);
    expect((await official.get('/api/workspaces/viet-nam/frameworks')).status).toBe(401);
  });

  it('ends a session left idle too long, and one past its absolute expiry', async () => {
    const idle = await t.signIn('union@demo.test');
    await t.prisma.session.updateMany({
      where: { user: { email: 'union@demo.test' } },
      data: { lastSeenAt: new Date(Date.now() - 8 * 3600_000 - 1000) },
    });
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    expect(await t.prisma.session.count({ where: { user: { email: 'union@demo.test' } } })).toBe(0);

    const old = await t.signIn('union@demo.test');
    await t.prisma.session.updateMany({
      where: { user: { email: 'union@demo.test' } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await old.get('/api/auth/me')).status).toBe(401);

    const fresh = await t.signIn('union@demo.test');
    await t.prisma.session.updateMany({
      where: { user: { email: 'union@demo.test' } },
      data: { lastSeenAt: new Date(Date.now() - 7 * 3600_000) },
    });
    expect((await fresh.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a cross-origin cookie write and a cookie write without JSON or X-Requested-With', async () => {
    const official = await t.signIn('official@demo.test');
    const before = await t.prisma.session.count();
    const crossSite = await official.post('/api/auth/logout', undefined, {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const formPost = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        cookie: official.headers.cookie!,
        origin: TEST_ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'a=b',
    });
    expect(formPost.statusCode).toBe(403);
    const viaReferer = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        cookie: official.headers.cookie!,
        referer: 'https://evil.example/page',
        'x-requested-with': 'x',
      },
    });
    expect(viaReferer.statusCode).toBe(403);
    // Nothing happened: the session is still there and still works.
    expect(await t.prisma.session.count()).toBe(before);
    expect((await official.get('/api/auth/me')).status).toBe(200);
    // A cross-site sign-in (login CSRF) is refused too.
    const login = await t.anonymous.post(
      '/api/auth/login',
      { email: 'official@demo.test', password: 'tripartite-demo' },
      { origin: 'https://evil.example' },
    );
    expect(login.status).toBe(403);
  });

  it('locks out a deactivated user at once: their live session stops working', async () => {
    const viewer = await t.signIn('viewer@demo.test');
    expect((await viewer.get('/api/workspaces/viet-nam/frameworks')).status).toBe(200);
    await t.prisma.user.update({ where: { email: 'viewer@demo.test' }, data: { active: false } });
    try {
      expect((await viewer.get('/api/workspaces/viet-nam/frameworks')).status).toBe(401);
      const again = await t.anonymous.post('/api/auth/login', {
        email: 'viewer@demo.test',
        password: 'tripartite-demo',
      });
      expect(again.status).toBe(401);
    } finally {
      await t.prisma.user.update({ where: { email: 'viewer@demo.test' }, data: { active: true } });
    }
  });

  it('locks a deactivated member out of that workspace at once (404, as for a stranger)', async () => {
    const union = await t.signIn('union@demo.test');
    const where = { user: { email: 'union@demo.test' } };
    await t.prisma.membership.updateMany({ where, data: { active: false } });
    try {
      expect((await union.get('/api/workspaces/viet-nam/frameworks')).status).toBe(404);
      expect((await union.get<{ items: unknown[] }>('/api/workspaces')).body.items).toEqual([]);
    } finally {
      await t.prisma.membership.updateMany({ where, data: { active: true } });
    }
  });

  it('sends security headers on every response, errors included', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/workspaces/viet-nam/commitments']) {
      const response = await t.anonymous.get(url);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['strict-transport-security']).toBeDefined();
    }
  });

  it('treats an unknown or malformed bearer token as anonymous (401)', async () => {
    for (const authorization of ['Bearer spct_t_unknown', 'Basic abc', 'Bearer']) {
      const response = await t.anonymous.get('/api/workspaces', { authorization });
      expect(response.status).toBe(401);
    }
  });
});

describe('secure cookies (production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, security: { secureCookies: true } });
  });
  afterAll(() => t.close());

  it('sets a Secure __Host- cookie', async () => {
    const response = await t.anonymous.post('/api/auth/login', {
      email: 'admin@demo.test',
      password: 'tripartite-demo',
    });
    expect(String(response.headers['set-cookie'])).toMatch(/^__Host-spct_session=.*; Secure/);
  });
});
