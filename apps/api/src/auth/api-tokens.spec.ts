import { createMember, type TestMember } from '../../test/accounts';
import { createTestApp, TEST_ORIGIN, TestClient, type TestApp } from '../../test/test-app';
import { developmentSecurityConfig } from '../config/app-config';
import { hashSecretToken } from './secret-tokens';

interface Token {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}
interface CreatedToken extends Token {
  token: string;
}
interface ErrorBody {
  details?: { field: string }[];
}

const TOKENS = '/api/auth/tokens';
const SECRET = developmentSecurityConfig(TEST_ORIGIN).sessionSecret;
const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((d) => d.field);

describe('personal API tokens', () => {
  let t: TestApp;
  let orgs: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    const rows = await t.prisma.organization.findMany({
      where: { workspace: { slug: 'viet-nam' } },
    });
    orgs = Object.fromEntries(rows.map((o) => [o.shortName, o.id]));
  });
  afterAll(() => t.close());

  const bearer = (token: string) => new TestClient(t.app, { authorization: `Bearer ${token}` });

  async function createToken(member: TestMember | TestClient, body: object = { name: 'Script' }) {
    const client = member instanceof TestClient ? member : member.client;
    const response = await client.post<CreatedToken>(TOKENS, body);
    expect(response.status).toBe(201);
    return response.body;
  }

  it('creates a token shown once and stores only its hash', async () => {
    const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const created = await createToken(member, { name: '  Reporting script ' });
    expect(created).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^spct_t_[A-Za-z0-9_-]{43}$/),
      name: 'Reporting script',
      prefix: created.token.slice(0, 12),
      createdAt: expect.any(String),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      userId: member.userId,
      prefix: created.token.slice(0, 12),
      tokenHash: hashSecretToken(SECRET, created.token),
    });
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await member.client.get<{ items: Token[] }>(TOKENS);
    expect(list.body.items).toEqual([
      {
        id: created.id,
        name: 'Reporting script',
        prefix: created.prefix,
        createdAt: created.createdAt,
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.token);
  });

  it('sets an expiry when asked, and an expired token stops working (401)', async () => {
    const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const created = await createToken(member, { name: 'Monthly', expiresInDays: 30 });
    const days = (Date.parse(created.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
    expect((await bearer(created.token).get('/api/auth/me')).status).toBe(200);
    await t.prisma.apiToken.update({
      where: { id: created.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await bearer(created.token).get('/api/auth/me')).status).toBe(401);
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ name: 'n', expiresInDays: 0 }, 'expiresInDays'],
    [{ name: 'n', expiresInDays: 366 }, 'expiresInDays'],
    [{ name: 'n', expiresInDays: 1.5 }, 'expiresInDays'],
    [{ name: 'n', expiresInDays: '7' }, 'expiresInDays'],
    [{ name: 'n', userId: '00000000-0000-4000-8000-000000000000' }, 'userId'],
    [{ name: 'n', prefix: 'spct_t_aaaaa' }, 'prefix'],
  ])('answers 400 naming the field for %j, creating nothing', async (payload, field) => {
    const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const before = await t.prisma.apiToken.count();
    const { status, body } = await member.client.post(TOKENS, payload);
    expect(status).toBe(400);
    expect(fields(body)).toContain(field);
    expect(await t.prisma.apiToken.count()).toBe(before);
  });

  it('acts with its user’s rights on workspace routes, and records its use', async () => {
    const editor = await createMember(t, {
      slug: 'viet-nam',
      role: 'EDITOR',
      organizationId: orgs.MOLISA,
    });
    const editorToken = bearer((await createToken(editor)).token);
    expect((await editorToken.get('/api/workspaces/viet-nam/commitments')).status).toBe(200);
    const me = await editorToken.get<{ user: { email: string } }>('/api/auth/me');
    expect(me.body.user.email).toBe(editor.email);
    // An editor may not administer members, with a token as without.
    const refused = await editorToken.post('/api/workspaces/viet-nam/members', {
      email: 'via-token@example.org',
      role: 'VIEWER',
    });
    expect(refused.status).toBe(403);

    const admin = await t.signIn('admin@demo.test');
    const adminToken = bearer((await createToken(admin)).token);
    const allowed = await adminToken.post('/api/workspaces/viet-nam/members', {
      email: 'via-token@example.org',
      role: 'VIEWER',
    });
    expect(allowed.status).toBe(201);

    const list = await editor.client.get<{ items: Token[] }>(TOKENS);
    expect(list.body.items[0]!.lastUsedAt).not.toBeNull();
    // Nobody sees anyone else's tokens.
    expect((await admin.get<{ items: Token[] }>(TOKENS)).body.items).toHaveLength(1);
  });

  it('cannot be used to create further tokens (403)', async () => {
    const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const token = bearer((await createToken(member)).token);
    const before = await t.prisma.apiToken.count();
    expect((await token.post(TOKENS, { name: 'Child' })).status).toBe(403);
    expect(await t.prisma.apiToken.count()).toBe(before);
  });

  it('stops working at once when revoked; revoking again changes nothing', async () => {
    const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const created = await createToken(member);
    const token = bearer(created.token);
    expect((await token.get('/api/workspaces/viet-nam/commitments')).status).toBe(200);

    expect((await member.client.delete(`${TOKENS}/${created.id}`)).status).toBe(204);
    expect((await token.get('/api/workspaces/viet-nam/commitments')).status).toBe(401);
    const revokedAt = (await t.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } }))
      .revokedAt;
    expect(revokedAt).not.toBeNull();
    const list = await member.client.get<{ items: Token[] }>(TOKENS);
    expect(list.body.items[0]!.revokedAt).toBe(revokedAt!.toISOString());

    expect((await member.client.delete(`${TOKENS}/${created.id}`)).status).toBe(204);
    expect(
      (await t.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt,
    ).toEqual(revokedAt);
  });

  it('treats another user’s token as unknown (404) and leaves it working', async () => {
    const owner = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const other = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const created = await createToken(owner);
    expect((await other.client.delete(`${TOKENS}/${created.id}`)).status).toBe(404);
    const admin = await t.signIn('admin@demo.test');
    expect((await admin.delete(`${TOKENS}/${created.id}`)).status).toBe(404);
    expect((await other.client.delete(`${TOKENS}/not-a-uuid`)).status).toBe(400);
    expect(
      (await t.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt,
    ).toBeNull();
    expect((await bearer(created.token).get('/api/auth/me')).status).toBe(200);
  });

  it('answers 404 for the workspace once the membership is deactivated, 401 once the user is', async () => {
    const member = await createMember(t, { slug: 'viet-nam', role: 'VIEWER' });
    const token = bearer((await createToken(member)).token);
    const admin = await t.signIn('admin@demo.test');
    const deactivate = await admin.patch(
      `/api/workspaces/viet-nam/members/${member.membershipId}`,
      {
        active: false,
      },
      { 'if-match': '"1"' },
    );
    expect(deactivate.status).toBe(200);
    expect((await token.get('/api/workspaces/viet-nam/commitments')).status).toBe(404);
    expect((await token.get('/api/auth/me')).status).toBe(200);

    await t.prisma.user.update({ where: { id: member.userId }, data: { active: false } });
    expect((await token.get('/api/auth/me')).status).toBe(401);
    expect((await token.get('/api/workspaces/viet-nam/commitments')).status).toBe(401);
  });

  it('refuses anonymous callers with 401 on every token route', async () => {
    expect((await t.anonymous.get(TOKENS)).status).toBe(401);
    expect((await t.anonymous.post(TOKENS, { name: 'x' })).status).toBe(401);
    expect(
      (await t.anonymous.delete(`${TOKENS}/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(401);
  });
});
