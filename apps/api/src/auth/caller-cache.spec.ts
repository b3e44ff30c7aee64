import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createMember, TEST_PASSWORD } from '../../test/accounts';
import { createTestDatabase } from '../../test/database';
import { createTestApp, TEST_ORIGIN, type TestApp, TestClient } from '../../test/test-app';
import {
  CALLER_CHANNEL,
  CALLER_LISTENER_NAME,
  CallerCache,
  LIVENESS_INTERVAL_MS,
} from './caller-cache';

const SLUG = 'viet-nam';
const MEMBERS = `/api/workspaces/${SLUG}/members`;
/** How long the lost connection may take to be noticed. */
const LOSS_BOUND_MS = 2_000;
const DAY_MS = 24 * 60 * 60_000;

/** What the tests reach behind the cache's back. */
interface Internals {
  listener: pg.Client | undefined;
  listen(): Promise<void>;
  retry(): void;
}
const internals = (cache: CallerCache) => cache as unknown as Internals;

/**
 * Keeps a lost listening connection from coming back until the returned function is called,
 * which listens again and waits for it.
 */
function holdReconnect(cache: CallerCache): () => Promise<void> {
  const listen = jest.spyOn(internals(cache), 'listen').mockResolvedValue(undefined);
  return async () => {
    listen.mockRestore();
    internals(cache).retry();
    await cache.whenListening();
  };
}

async function waitUntilOff(cache: CallerCache, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (cache.isListening && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Two API instances on one database, each with its own pools, caller cache and listening
 * connection, as two Nest applications in this Jest process: what only a test inside the
 * process reaches (a moved clock, notifications held back, a lost or silent listening
 * connection, the cache's own calls). A change on one API process refused by another is
 * caller-cache-processes.spec.ts's, with two OS processes. The test client waits, before each
 * request, for its instance to have received the notifications of every commit before it
 * (CallerCache.settled): no sleep, and no time-dependent pass.
 */
describe('caller cache across two API instances', () => {
  let one: TestApp;
  let two: TestApp;
  let sql: pg.Client;

  /** The same caller (cookie or token) on the second instance. */
  const onTwo = (client: TestClient) => new TestClient(two.app, client.headers);

  /** A write the caches are not told about (triggers off): only a bypassed cache would see it. */
  async function silently(statement: string, values: unknown[]): Promise<void> {
    await sql.query('BEGIN');
    await sql.query('SET LOCAL session_replication_role = replica');
    await sql.query(statement, values);
    await sql.query('COMMIT');
  }

  beforeAll(async () => {
    const database = await createTestDatabase();
    one = await createTestApp({ database, runJobs: false });
    // The database is the first instance's to drop.
    two = await createTestApp({
      database: { url: database.url, drop: async () => undefined },
      runJobs: false,
    });
    await Promise.all([one, two].map((t) => t.app.get(CallerCache).whenListening()));
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await two?.close();
    await one?.close();
  });

  it('refuses a session whose expiry passes while cached', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const client = onTwo(member.client);
    expect((await client.get(MEMBERS)).status).toBe(200);
    const { expiresAt } = await one.prisma.session.findFirstOrThrow({
      where: { userId: member.userId },
    });
    const clock = jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime() + 1);
    try {
      expect((await client.get(MEMBERS)).status).toBe(401);
    } finally {
      clock.mockRestore();
    }
    expect(await one.prisma.session.count({ where: { userId: member.userId } })).toBe(0);
  });

  it('refuses an API token whose expiry passes while cached', async () => {
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const created = await member.client.post<{ token: string }>('/api/auth/tokens', {
      name: 'Script',
      expiresInDays: 1,
    });
    expect(created.status).toBe(201);
    const bearer = new TestClient(two.app, { authorization: `Bearer ${created.body.token}` });
    expect((await bearer.get(MEMBERS)).status).toBe(200);
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 2 * DAY_MS);
    try {
      expect((await bearer.get(MEMBERS)).status).toBe(401);
    } finally {
      clock.mockRestore();
    }
  });

  it('does not store a row read before an invalidation of its user arrived', async () => {
    const cache = two.app.get(CallerCache);
    const row = { userId: randomUUID() };
    const fill = cache.beginFill();
    await sql.query('SELECT pg_notify($1, $2)', [CALLER_CHANNEL, row.userId]);
    await cache.settled();
    fill('stale', row);
    expect(await cache.get('stale')).toBeUndefined();

    cache.beginFill()('fresh', row);
    expect(await cache.get('fresh')).toEqual(row);
    cache.delete('fresh');
  });

  it('serves no entry whose invalidation was committed before the call, its notification unread', async () => {
    const cache = two.app.get(CallerCache);
    const row = { userId: randomUUID() };
    cache.beginFill()('late', row);
    await sql.query('SELECT pg_notify($1, $2)', [CALLER_CHANNEL, row.userId]);
    // No I/O of this process ran since the commit: the notification is still in the socket.
    expect(await cache.get('late')).toBeUndefined();
  });

  it('makes the requests that arrive together share a round trip', async () => {
    const cache = two.app.get(CallerCache);
    const row = { userId: randomUUID() };
    cache.beginFill()('shared', row);
    const query = jest.spyOn(internals(cache).listener!, 'query');
    try {
      const rows = await Promise.all(Array.from({ length: 10 }, () => cache.get('shared')));
      expect(rows).toEqual(Array(10).fill(row));
      // The first one's, and the one after it for those that came while it was in flight.
      expect(query.mock.calls.filter(([text]) => text === '')).toHaveLength(2);
    } finally {
      query.mockRestore();
      cache.delete('shared');
    }
  });

  /**
   * No local invalidation: the next request of the process that made the change waits for the
   * notifications committed before it (caughtUp()), its own among them.
   */
  describe('on the instance that made the change, at its next request', () => {
    /** A request straight to the app: the test client would wait for the notifications. */
    async function status(
      headers: Record<string, string>,
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
    ) {
      const response = await one.app.inject({
        method,
        url,
        headers: { origin: TEST_ORIGIN, 'x-requested-with': 'test', ...headers },
      });
      return response.statusCode;
    }

    it('refuses a session logged out', async () => {
      const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
      const { headers } = member.client;
      expect(await status(headers, 'GET', MEMBERS)).toBe(200);
      expect(await status(headers, 'POST', '/api/auth/logout')).toBe(204);
      expect(await status(headers, 'GET', MEMBERS)).toBe(401);
    });

    it('refuses the other sessions after a password change', async () => {
      const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
      const other = (await one.signIn(member.email, TEST_PASSWORD)).headers;
      expect(await status(other, 'GET', MEMBERS)).toBe(200);
      const changed = await one.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { origin: TEST_ORIGIN, ...member.client.headers },
        payload: {
          currentPassword: TEST_PASSWORD,
          newPassword: 'another password of enough length',
        },
      });
      expect(changed.statusCode).toBe(204);
      expect(await status(other, 'GET', MEMBERS)).toBe(401);
    });

    it('refuses a revoked API token', async () => {
      const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
      const created = await member.client.post<{ id: string; token: string }>('/api/auth/tokens', {
        name: 'Script',
      });
      const bearer = { authorization: `Bearer ${created.body.token}` };
      expect(await status(bearer, 'GET', MEMBERS)).toBe(200);
      const url = `/api/auth/tokens/${created.body.id}`;
      expect(await status(member.client.headers, 'DELETE', url)).toBe(204);
      expect(await status(bearer, 'GET', MEMBERS)).toBe(401);
    });
  });

  it('turns the cache off when its listening connection stops delivering notifications', async () => {
    // An instance whose probe gives up after 1 s (the other tests' instances wait 30 s).
    const three = await createTestApp({
      database: { url: one.databaseUrl, drop: async () => undefined },
      runJobs: false,
      databaseTimeouts: { connectMs: 60_000, statementMs: 60_000, probeMs: 1_000 },
    });
    try {
      const cache = three.app.get(CallerCache);
      await cache.whenListening();
      const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
      const client = new TestClient(three.app, member.client.headers);
      expect((await client.get(MEMBERS)).status).toBe(200);

      const reconnect = holdReconnect(cache);
      // Open, quiet and without an error, as a half-open connection is.
      await internals(cache).listener!.query(`UNLISTEN ${CALLER_CHANNEL}`);
      await waitUntilOff(cache, LIVENESS_INTERVAL_MS + 1_000 + LOSS_BOUND_MS);
      expect(cache.isListening).toBe(false);
      await silently(`UPDATE "Membership" SET active = false WHERE id = $1`, [member.membershipId]);
      expect((await client.get(MEMBERS)).status).toBe(404);
      await reconnect();
    } finally {
      await three.close();
    }
  }, 30_000);

  it('bypasses the cache while its listening connection is lost, and uses it again after', async () => {
    const cache = two.app.get(CallerCache);
    const member = await createMember(one, { slug: SLUG, role: 'VIEWER' });
    const client = onTwo(member.client);
    expect((await client.get(MEMBERS)).status).toBe(200);

    const reconnect = holdReconnect(cache);
    await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = $1 AND datname = current_database()`,
      [CALLER_LISTENER_NAME],
    );
    await waitUntilOff(cache, LOSS_BOUND_MS);
    expect(cache.isListening).toBe(false);
    // A request while lost (it would fill the cache), then a change nobody announces: seen at
    // once, as every request reads the database.
    expect((await client.get(MEMBERS)).status).toBe(200);
    await silently(`UPDATE "Membership" SET active = false WHERE id = $1`, [member.membershipId]);
    expect((await client.get(MEMBERS)).status).toBe(404);
    await silently(`UPDATE "Membership" SET active = true WHERE id = $1`, [member.membershipId]);
    expect((await client.get(MEMBERS)).status).toBe(200);

    await reconnect();
    expect((await client.get(MEMBERS)).status).toBe(200);
    await silently(`UPDATE "Membership" SET active = false WHERE id = $1`, [member.membershipId]);
    expect((await client.get(MEMBERS)).status).toBe(200);
  });
});
