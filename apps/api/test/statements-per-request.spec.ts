import pg from 'pg';
import { CallerCache } from '../src/auth/caller-cache';
import { createTestApp, type TestApp, type TestClient } from './test-app';

interface Ids {
  /** The demo commitment with the most children and alignments: a query per row would show. */
  richCommitment: string;
}

interface Budget {
  endpoint: string;
  as: string;
  url: (ids: Ids) => string;
  /**
   * Statements of one request of a caller in the caller cache (auth/caller-cache.ts): none for
   * authentication. A caller not in it yet costs one statement more.
   */
  statements: number;
}

/**
 * How many SQL statements one request of each hot endpoint sends, counted by PostgreSQL
 * (pg_stat_statements of this file's database), authentication included (cold, then warm): a
 * change that adds a round trip or a query per row fails here. One line per endpoint.
 */
const BUDGETS: Budget[] = [
  { endpoint: 'GET /auth/me', as: 'official@demo.test', url: () => '/api/auth/me', statements: 1 },
  {
    endpoint: 'GET /commitments/:id',
    as: 'union@demo.test',
    url: (ids) => `/api/workspaces/viet-nam/commitments/${ids.richCommitment}`,
    statements: 1,
  },
  {
    endpoint: 'GET /commitments',
    as: 'union@demo.test',
    url: () => '/api/workspaces/viet-nam/commitments',
    statements: 1,
  },
  {
    endpoint: 'GET /dashboard/summary',
    as: 'union@demo.test',
    url: () => '/api/workspaces/viet-nam/dashboard/summary',
    statements: 1,
  },
  {
    endpoint: 'GET /frameworks',
    as: 'union@demo.test',
    url: () => '/api/workspaces/viet-nam/frameworks',
    statements: 1,
  },
  {
    endpoint: 'GET /my-work (editor)',
    as: 'official@demo.test',
    url: () => '/api/workspaces/viet-nam/my-work',
    statements: 2,
  },
  {
    endpoint: 'GET /my-work (manager)',
    as: 'manager@demo.test',
    url: () => '/api/workspaces/viet-nam/my-work',
    statements: 2,
  },
];

describe('statements per request of the hot endpoints', () => {
  let t: TestApp;
  let counter: pg.Client;
  let ids: Ids;
  const clients = new Map<string, TestClient>();

  /** Statements run in this database so far, other than these looks at the statistics. */
  async function statementCount(): Promise<number> {
    const { rows } = await counter.query<{ calls: string | null }>(
      `SELECT sum(calls) AS calls FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT LIKE '%pg_stat_statements%'
         -- the test client's wait for the caller cache's notifications (test-app.ts)
         AND query NOT LIKE '%pg_notify%'`,
    );
    return Number(rows[0]?.calls ?? 0);
  }

  beforeAll(async () => {
    // No job queue: its workers' polling (pg-boss) and sweeps would be counted with the request.
    t = await createTestApp({ seedDemo: true, runJobs: false });
    await t.app.get(CallerCache).whenListening();
    counter = new pg.Client({ connectionString: t.databaseUrl });
    await counter.connect();
    await counter.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch((error) => {
      throw new Error(
        `This test counts statements with pg_stat_statements: the server must load it ` +
          `(shared_preload_libraries). ${String(error)}`,
      );
    });
    const [rich] = await t.prisma.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "Commitment" c JOIN "Workspace" w ON w.id = c."workspaceId"
      WHERE w.slug = 'viet-nam'
      ORDER BY (SELECT count(*) FROM "Commitment" k WHERE k."parentId" = c.id)
             + (SELECT count(*) FROM "Alignment" a WHERE c.id IN (a."sourceId", a."targetId")) DESC
      LIMIT 1`;
    ids = { richCommitment: rich!.id };
    for (const email of new Set(BUDGETS.map((b) => b.as))) {
      clients.set(email, await t.signIn(email));
    }
  });
  afterAll(async () => {
    await counter.end();
    await t.close();
  });

  it('measures on a commitment with several children and alignments', async () => {
    const { body } = await clients
      .get('union@demo.test')!
      .get<{ children: unknown[]; alignments: unknown[] }>(
        `/api/workspaces/viet-nam/commitments/${ids.richCommitment}`,
      );
    expect(body.children.length).toBeGreaterThan(1);
    expect(body.alignments.length).toBeGreaterThan(0);
  });

  /** The statements of one GET of `url`. */
  async function statementsOf(client: TestClient, url: string): Promise<number> {
    const before = await statementCount();
    expect((await client.get(url)).status).toBe(200);
    return (await statementCount()) - before;
  }

  it.each(BUDGETS)('$endpoint sends $statements statements when warm', async (budget) => {
    const client = clients.get(budget.as)!;
    const url = budget.url(ids);
    expect((await client.get(url)).status).toBe(200);
    // A session records its last use at most once a minute: make sure this request is not it.
    await t.prisma.session.updateMany({ data: { lastSeenAt: new Date() } });
    expect(await statementsOf(client, url)).toBe(budget.statements);
  });

  it.each(BUDGETS)('$endpoint sends one more for a caller not cached yet', async (budget) => {
    // A new session (its last use recorded at sign-in): the caller cache cannot know it.
    const client = await t.signIn(budget.as);
    expect(await statementsOf(client, budget.url(ids))).toBe(budget.statements + 1);
  });
});
