import pg from 'pg';
import { createMember, type TestMember } from '../../test/accounts';
import { createTestDatabase } from '../../test/database';
import { createTestApp, type TestApp, TestClient } from '../../test/test-app';
import { CALLER_LISTENER_NAME, CallerCache } from './caller-cache';

const SLUG = 'viet-nam';
const MEMBERS = `/api/workspaces/${SLUG}/members`;
/** A read only administrators may do: a role change shows on it. */
const ADMIN_ONLY = `/api/workspaces/${SLUG}/sign-in-failures`;
/** How long the lost connection may take to be noticed. */
const LOSS_BOUND_MS = 2_000;

/**
 * Two API instances on one database, each with its own pools, caller cache and listening
 * connection (two Nest applications in this Jest process: the API is not built for a child
 * process here): a change made through the first takes effect on the second at once. The test
 * client waits, before each request, for its instance to have received the notifications of
 * every commit before it (CallerCache.settled): no sleep, and no time-dependent pass.
 */
describe('caller cache across two API instances', () => {
  let one: TestApp;
  let two: TestApp;
  let sql: pg.Client;
  let admin: TestClient;

  /** The same caller (cookie or token) on the second instance. */
  const onTwo = (client: TestClient) => new TestClient(two.app, client.headers);

  /** A write the caches are not told about (triggers off): only a bypassed cache would see it. */
  async function silently(statement: string, values: unknown[]): Promise<void> {
    await sql.query('BEGIN');
    await sql.query('SET LOCAL session_replication_role = replica');
    await sql.query(statement, values);
    await sql.query('COMMIT');
  }

  async function patchMember(member: TestMember, body: object): Promise<number> {
    const row = await one.prisma.membership.findUniqueOrThrow({
      where: { id: member.membershipId },
    });
    const response = await admin.patch(`${MEMBERS}/${member.membershipId}`, body, {
      'if-match': `"${row.version}"`,
    });
    return response.status;
  }

  beforeAll(async () => {
    const database = await createTestDatabase();
    one = await createTestApp({ database, seedDemo: true, runJobs: false });
    // The database is the first instance's to drop.
    two = await createTestApp({
      database: { url: database.url, drop: async () => undefined },
      runJobs: false,
    });
    await Promise.all([one, two].map((t) => t.app.get(CallerCache).whenListening()));
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    admin = await one.signIn('admin@demo.test');
  });
  afterAll(async () => {
    await sql?.end();
    await two?.close();
    await one?.close();
  });

  it('serves a warm caller from the cache: a change nobody announces goes unseen', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const client = onTwo(member.client);
    expect((await client.get(MEMBERS)).status).toBe(200);
    await silently(`UPDATE "Membership" SET active = false WHERE id = $1`, [member.membershipId]);
    expect((await client.get(MEMBERS)).status).toBe(200);
  });

  it('refuses a session logged out on the other instance', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const client = onTwo(member.client);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.get(MEMBERS)).status).toBe(200);

    expect((await member.client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await client.get(MEMBERS)).status).toBe(401);
  });

  it('refuses an API token revoked on the other instance', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const created = await member.client.post<{ id: string; token: string }>('/api/auth/tokens', {
      name: 'Script',
    });
    expect(created.status).toBe(201);
    const bearer = new TestClient(two.app, { authorization: `Bearer ${created.body.token}` });
    expect((await bearer.get(MEMBERS)).status).toBe(200);

    expect((await member.client.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect((await bearer.get(MEMBERS)).status).toBe(401);
  });

  it('refuses a user deactivated through the other instance', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const created = await member.client.post<{ token: string }>('/api/auth/tokens', {
      name: 'Script',
    });
    const client = onTwo(member.client);
    const bearer = new TestClient(two.app, { authorization: `Bearer ${created.body.token}` });
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await bearer.get(MEMBERS)).status).toBe(200);

    await one.prisma.user.update({ where: { id: member.userId }, data: { active: false } });
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await bearer.get(MEMBERS)).status).toBe(401);
  });

  it('applies a role change made on the other instance', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'ADMIN' });
    const client = onTwo(member.client);
    expect((await client.get(ADMIN_ONLY)).status).toBe(200);

    expect(await patchMember(member, { role: 'VIEWER' })).toBe(200);
    expect((await client.get(ADMIN_ONLY)).status).toBe(403);
    expect((await client.get(MEMBERS)).status).toBe(200);
  });

  it('refuses a member removed on the other instance', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const created = await member.client.post<{ token: string }>('/api/auth/tokens', {
      name: 'Script',
    });
    const client = onTwo(member.client);
    const bearer = new TestClient(two.app, { authorization: `Bearer ${created.body.token}` });
    expect((await client.get(MEMBERS)).status).toBe(200);
    expect((await bearer.get(MEMBERS)).status).toBe(200);
    expect((await bearer.get('/api/auth/me')).status).toBe(200);

    expect(await patchMember(member, { active: false })).toBe(200);
    // Their sessions end; their token lives on, but the workspace is gone for it.
    expect((await client.get(MEMBERS)).status).toBe(401);
    expect((await bearer.get(MEMBERS)).status).toBe(404);
    expect((await bearer.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses the other sessions of a user whose password changed on the other instance', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const otherBrowser = onTwo(await one.signIn(member.email, 'a test password of enough length'));
    expect((await otherBrowser.get(MEMBERS)).status).toBe(200);

    const changed = await member.client.post('/api/auth/password', {
      currentPassword: 'a test password of enough length',
      newPassword: 'another password of enough length',
    });
    expect(changed.status).toBe(204);
    expect((await otherBrowser.get(MEMBERS)).status).toBe(401);
    expect((await onTwo(member.client).get(MEMBERS)).status).toBe(200);
  });

  it('refuses a session whose expiry passes while cached', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const expiresAt = new Date(Date.now() + 1_500);
    await silently(`UPDATE "Session" SET "expiresAt" = $2 WHERE "userId" = $1`, [
      member.userId,
      expiresAt,
    ]);
    const client = onTwo(member.client);
    expect((await client.get(MEMBERS)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    expect((await client.get(MEMBERS)).status).toBe(401);
    expect(await one.prisma.session.count({ where: { userId: member.userId } })).toBe(0);
  });

  it('bypasses the cache while its listening connection is lost, and uses it again after', async () => {
    const cache = two.app.get(CallerCache);
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const client = onTwo(member.client);
    expect((await client.get(MEMBERS)).status).toBe(200);

    await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = $1 AND datname = current_database()`,
      [CALLER_LISTENER_NAME],
    );
    const deadline = Date.now() + LOSS_BOUND_MS;
    while (cache.isListening && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(cache.isListening).toBe(false);
    // Unannounced, yet seen at once: every request reads the database.
    await silently(`UPDATE "Membership" SET active = false WHERE id = $1`, [member.membershipId]);
    expect((await client.get(MEMBERS)).status).toBe(404);
    await silently(`UPDATE "Membership" SET active = true WHERE id = $1`, [member.membershipId]);
    expect((await client.get(MEMBERS)).status).toBe(200);

    await cache.whenListening();
    expect((await client.get(MEMBERS)).status).toBe(200);
    await silently(`UPDATE "Membership" SET active = false WHERE id = $1`, [member.membershipId]);
    expect((await client.get(MEMBERS)).status).toBe(200);
  });
});
