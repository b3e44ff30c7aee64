import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type ApiProcess, startApiProcess } from '../../test/api-process';
import { createMember, TEST_PASSWORD, type TestMember, uniqueSlug } from '../../test/accounts';
import { createTestDatabase } from '../../test/database';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CallerCache } from './caller-cache';
import { PasswordTokensService } from './password-tokens.service';

const SLUG = uniqueSlug();
const MEMBERS = `/api/workspaces/${SLUG}/members`;
/** A read only administrators may do: a role change shows on it. */
const ADMIN_ONLY = `/api/workspaces/${SLUG}/sign-in-failures`;
const START_BOUND_MS = 30_000;

/**
 * Two API processes on one database, as issue 9 asks: the API's main entry in an OS process of
 * its own (the reader, with its own pools, caller cache and listening connection) and the app of
 * this Jest process (the writer). A change made through the writer is refused by the reader on
 * the very next request, sent as soon as the writer has answered: no sleep, no polling, and
 * nothing waits for the reader's notifications.
 */
describe('caller cache across two API processes', () => {
  const sessionSecret = `caller-cache-processes-${randomUUID()}`;
  let writer: TestApp;
  let reader: ApiProcess;
  let sql: pg.Client;
  let admin: TestMember;

  /** A write the caches are not told about (triggers off): only a bypassed cache would see it. */
  async function silently(statement: string, values: unknown[]): Promise<void> {
    await sql.query('BEGIN');
    await sql.query('SET LOCAL session_replication_role = replica');
    await sql.query(statement, values);
    await sql.query('COMMIT');
  }

  /**
   * Whether the reader answers `url` for `caller` from its cache: 200, and 200 again after the
   * caller's membership was ended behind its back (restored before returning).
   */
  async function servedFromCache(
    caller: Record<string, string>,
    url: string,
    member: TestMember,
  ): Promise<boolean> {
    expect(await reader.status(url, caller)).toBe(200);
    await silently(`UPDATE "Membership" SET active = false WHERE id = $1`, [member.membershipId]);
    const status = await reader.status(url, caller);
    await silently(`UPDATE "Membership" SET active = true WHERE id = $1`, [member.membershipId]);
    return status === 200;
  }

  const cookieOf = (member: TestMember) => member.client.headers;

  async function createToken(
    member: TestMember,
  ): Promise<{ id: string; bearer: Record<string, string> }> {
    const created = await member.client.post<{ id: string; token: string }>('/api/auth/tokens', {
      name: 'Script',
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, bearer: { authorization: `Bearer ${created.body.token}` } };
  }

  async function patchMember(member: TestMember, body: object): Promise<number> {
    const row = await writer.prisma.membership.findUniqueOrThrow({
      where: { id: member.membershipId },
    });
    const response = await admin.client.patch(`${MEMBERS}/${member.membershipId}`, body, {
      'if-match': `"${row.version}"`,
    });
    return response.status;
  }

  beforeAll(async () => {
    const database = await createTestDatabase();
    const [app, child] = await Promise.allSettled([
      createTestApp({ database, runJobs: false, security: { sessionSecret } }),
      startApiProcess({ databaseUrl: database.url, sessionSecret }),
    ]);
    // Whichever started is stopped in afterAll, even if the other did not.
    if (app.status === 'fulfilled') writer = app.value;
    if (child.status === 'fulfilled') reader = child.value;
    for (const result of [app, child]) if (result.status === 'rejected') throw result.reason;
    await writer.app.get(CallerCache).whenListening();
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    admin = await createMember(writer, { slug: SLUG, role: 'ADMIN' });

    // The reader listens a moment after it answers /api/health: wait (once) until it caches.
    const probe = await createMember(writer, { slug: SLUG, role: 'VIEWER' });
    const deadline = Date.now() + START_BOUND_MS;
    while (!(await servedFromCache(cookieOf(probe), MEMBERS, probe))) {
      if (Date.now() > deadline) throw new Error('The API process does not use its caller cache');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 90_000);
  afterAll(async () => {
    await sql?.end();
    await reader?.stop();
    await writer?.close();
  });

  it('refuses a session logged out through the other process', async () => {
    const member = await createMember(writer, { slug: SLUG, role: 'VIEWER' });
    expect(await servedFromCache(cookieOf(member), MEMBERS, member)).toBe(true);

    expect((await member.client.post('/api/auth/logout')).status).toBe(204);
    expect(await reader.status(MEMBERS, cookieOf(member))).toBe(401);
    expect(await reader.status('/api/auth/me', cookieOf(member))).toBe(401);
  });

  it('refuses an API token revoked through the other process', async () => {
    const member = await createMember(writer, { slug: SLUG, role: 'VIEWER' });
    const token = await createToken(member);
    expect(await servedFromCache(token.bearer, MEMBERS, member)).toBe(true);

    expect((await member.client.delete(`/api/auth/tokens/${token.id}`)).status).toBe(204);
    expect(await reader.status(MEMBERS, token.bearer)).toBe(401);
  });

  it('refuses a user deactivated through the other process', async () => {
    const member = await createMember(writer, { slug: SLUG, role: 'VIEWER' });
    const token = await createToken(member);
    expect(await servedFromCache(cookieOf(member), MEMBERS, member)).toBe(true);
    expect(await servedFromCache(token.bearer, MEMBERS, member)).toBe(true);

    await writer.prisma.user.update({ where: { id: member.userId }, data: { active: false } });
    expect(await reader.status(MEMBERS, cookieOf(member))).toBe(401);
    expect(await reader.status(MEMBERS, token.bearer)).toBe(401);
  });

  it('applies a role change made through the other process', async () => {
    const member = await createMember(writer, { slug: SLUG, role: 'ADMIN' });
    expect(await servedFromCache(cookieOf(member), ADMIN_ONLY, member)).toBe(true);

    expect(await patchMember(member, { role: 'VIEWER' })).toBe(200);
    expect(await reader.status(ADMIN_ONLY, cookieOf(member))).toBe(403);
    expect(await reader.status(MEMBERS, cookieOf(member))).toBe(200);
  });

  it('refuses a member removed through the other process', async () => {
    const member = await createMember(writer, { slug: SLUG, role: 'VIEWER' });
    const token = await createToken(member);
    expect(await servedFromCache(token.bearer, MEMBERS, member)).toBe(true);
    expect(await servedFromCache(cookieOf(member), MEMBERS, member)).toBe(true);

    expect(await patchMember(member, { active: false })).toBe(200);
    // The token lives on, but the workspace is gone for it; the sessions end.
    expect(await reader.status(MEMBERS, token.bearer)).toBe(404);
    expect(await reader.status(MEMBERS, cookieOf(member))).toBe(401);
  });

  it('refuses the other sessions of a user whose password changed through the other process', async () => {
    const member = await createMember(writer, { slug: SLUG, role: 'VIEWER' });
    const otherBrowser = (await writer.signIn(member.email, TEST_PASSWORD)).headers;
    expect(await servedFromCache(otherBrowser, MEMBERS, member)).toBe(true);

    const changed = await member.client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another password of enough length',
    });
    expect(changed.status).toBe(204);
    expect(await reader.status(MEMBERS, otherBrowser)).toBe(401);
    expect(await reader.status(MEMBERS, cookieOf(member))).toBe(200);
  });

  it('refuses the sessions of a user whose password was reset through a link on the other process', async () => {
    const member = await createMember(writer, { slug: SLUG, role: 'VIEWER' });
    expect(await servedFromCache(cookieOf(member), MEMBERS, member)).toBe(true);

    const link = await writer.app
      .get(PasswordTokensService)
      .issue(
        member.userId,
        { workspaceId: member.workspaceId, createdById: member.userId },
        writer.prisma,
      );
    const set = await writer.anonymous.post('/api/auth/set-password', {
      token: new URL(link).searchParams.get('token'),
      password: 'a reset password of enough length',
    });
    expect(set.status).toBe(200);
    expect(await reader.status(MEMBERS, cookieOf(member))).toBe(401);
  });

  it('follows a workspace slug renamed through the other process (the cache is keyed by slug)', async () => {
    const slug = uniqueSlug();
    const renamed = uniqueSlug();
    const member = await createMember(writer, { slug, role: 'VIEWER' });
    const before = `/api/workspaces/${slug}/members`;
    expect(await servedFromCache(cookieOf(member), before, member)).toBe(true);

    await writer.prisma.workspace.update({ where: { slug }, data: { slug: renamed } });
    expect(await reader.status(before, cookieOf(member))).toBe(404);
    expect(await reader.status(`/api/workspaces/${renamed}/members`, cookieOf(member))).toBe(200);
  });
});
