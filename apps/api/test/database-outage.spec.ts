import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { DEFAULT_DATABASE_TIMEOUTS } from '../src/database/database-timeouts';
import { migrateDeploy } from '../src/database/migrate';
import { loadDemoIds } from './access/demo-ids';
import { createTestApp, type TestApp, type TestClient, type TestResponse } from './test-app';

/** The outage-postgres.ts process: its own PostgreSQL, stopped and started on command. */
class OutagePostgres {
  private readonly lines: AsyncIterator<string>;
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stderr.pipe(process.stderr);
  }

  static async start(): Promise<{ server: OutagePostgres; url: string; pid: number }> {
    const script = path.join(__dirname, 'outage-postgres.ts');
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), script], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const server = new OutagePostgres(child);
    const { url, pid } = await server.answer<{ url: string; pid: number }>();
    return { server, url, pid };
  }

  private async answer<T>(): Promise<T> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error('The outage PostgreSQL process ended');
    return JSON.parse(value) as T;
  }

  async stop(): Promise<void> {
    this.child.stdin.write('stop\n');
    await this.answer();
  }

  /** Starts it again (same data, same port); the new postmaster's pid. */
  async restart(): Promise<number> {
    this.child.stdin.write('start\n');
    return (await this.answer<{ pid: number }>()).pid;
  }

  async quit(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end('quit\n');
    await exited;
  }
}

/** `pid` and every process below it: a PostgreSQL server is its postmaster and its children. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // stat is "pid (comm) state ppid ...": comm may hold spaces, so read after its ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

function signalTree(pid: number, signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const member of processTree(pid)) {
    try {
      process.kill(member, signal);
    } catch {
      // gone meanwhile
    }
  }
}

interface Timed {
  what: string;
  status: number;
  ms: number;
  response: TestResponse<{ code?: string }>;
}

async function timed(what: string, send: () => Promise<TestResponse<unknown>>): Promise<Timed> {
  const started = performance.now();
  const response = (await send()) as TestResponse<{ code?: string }>;
  return { what, status: response.status, ms: Math.round(performance.now() - started), response };
}

/** How long until `send` answers 200 again, polling every 50 ms (at most 30 s). */
async function recovery(send: () => Promise<TestResponse<unknown>>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 30_000) {
    if ((await send()).status === 200) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The API did not recover within 30 s');
}

/** Comments written one after another for the whole test: which were acknowledged, and every status. */
class Writer {
  readonly acknowledged: string[] = [];
  readonly statuses = new Set<number>();
  private running = true;
  private readonly done: Promise<void>;

  constructor(client: TestClient, url: string) {
    this.done = (async () => {
      for (let n = 0; this.running; n++) {
        const body = `outage write ${n}`;
        const response = await client.post(url, { body });
        this.statuses.add(response.status);
        if (response.status === 201) this.acknowledged.push(body);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
  }

  /** Resolves once `more` further writes have been acknowledged. */
  async acknowledge(more: number): Promise<void> {
    const target = this.acknowledged.length + more;
    while (this.acknowledged.length < target) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

describe('the database away: 503 with Retry-After, quickly, and back when it returns', () => {
  let postgres: OutagePostgres;
  let pid: number;
  let t: TestApp;
  let admin: TestClient;
  let commitmentUrl: string;
  let commentsUrl: string;
  let writer: Writer;
  const figures: Record<string, number> = {};

  const requests = () =>
    Promise.all([
      timed('GET /api/ready', () => t.anonymous.get('/api/ready')),
      timed('GET commitments', () => admin.get('/api/workspaces/viet-nam/commitments')),
      // Hot reads on the Kysely pool (authentication, too, is one Kysely statement).
      timed('GET commitment detail', () => admin.get(commitmentUrl)),
      timed('GET /api/auth/me', () => admin.get('/api/auth/me')),
      timed('POST comment', () => admin.post(commentsUrl, { body: 'while away' })),
      timed('POST /api/auth/login', () =>
        t.anonymous.post('/api/auth/login', { email: 'union@demo.test', password: 'x' }),
      ),
    ]);
  const list = () => admin.get('/api/workspaces/viet-nam/commitments');

  function expectQuick503s(answers: Timed[], phase: string): void {
    for (const { what, status, response } of answers) {
      expect({ what, status }).toEqual({ what, status: 503 });
      expect(response.headers['retry-after']).toBe('2');
      expect(response.body.code).toBe('databaseUnavailable');
    }
    const slowest = Math.max(...answers.map((a) => a.ms));
    figures[`${phase}: slowest 503 (ms)`] = slowest;
    // "Within a second" is what this aims at (the figures are printed); the bound leaves room
    // for a loaded test machine.
    expect(slowest).toBeLessThan(5_000);
  }

  beforeAll(async () => {
    const started = await OutagePostgres.start();
    postgres = started.server;
    pid = started.pid;
    await migrateDeploy(started.url);
    const database = { url: started.url, drop: async () => undefined };
    // The demo data is loaded first, by an app with the suite's patient probe: the app under
    // test has the production timeouts, and seeding on a loaded machine is slow.
    await (await createTestApp({ seedDemo: true, database })).close();
    t = await createTestApp({ database, databaseTimeouts: DEFAULT_DATABASE_TIMEOUTS });
    admin = await t.signIn('admin@demo.test');
    const ids = await loadDemoIds(t);
    commitmentUrl = `/api/workspaces/viet-nam/commitments/${ids.ownCommitmentId}`;
    commentsUrl = `${commitmentUrl}/comments`;
    writer = new Writer(admin, commentsUrl);
  }, 120_000);

  afterAll(async () => {
    await writer?.stop();
    await t?.close();
    await postgres?.quit();
    console.log(`database outage figures: ${JSON.stringify(figures, null, 1)}`);
  });

  it('answers 503 with Retry-After to every request that needs the stopped database', async () => {
    await writer.acknowledge(5);
    await postgres.stop();
    expectQuick503s(await requests(), 'stopped, first requests');
    expectQuick503s(await requests(), 'stopped, next requests');
    expect((await t.anonymous.get('/api/health')).status).toBe(200);
  });

  it('serves again soon after the database is back', async () => {
    pid = await postgres.restart();
    figures['restarted: first 200 after (ms)'] = await recovery(list);
    expect((await admin.post(commentsUrl, { body: 'after the restart' })).status).toBe(201);
    await writer.acknowledge(5);
  });

  it('answers 503 quickly while the database is frozen (SIGSTOP), requests in flight included', async () => {
    signalTree(pid, 'SIGSTOP');
    try {
      expectQuick503s(await requests(), 'frozen, first requests');
      expectQuick503s(await requests(), 'frozen, next requests');
    } finally {
      signalTree(pid, 'SIGCONT');
    }
    figures['thawed: first 200 after (ms)'] = await recovery(list);
    expect((await admin.post(commentsUrl, { body: 'after the thaw' })).status).toBe(201);
    await writer.acknowledge(5);
  });

  it('never answered 500 and lost no acknowledged write', async () => {
    await writer.stop();
    expect([...writer.statuses].sort()).toEqual([201, 503]);
    const stored = new Set(
      (await t.prisma.comment.findMany({ select: { body: true } })).map((c) => c.body),
    );
    expect(writer.acknowledged.length).toBeGreaterThan(0);
    expect(writer.acknowledged.filter((body) => !stored.has(body))).toEqual([]);
    expect(stored.has('after the restart') && stored.has('after the thaw')).toBe(true);
    figures['writes acknowledged'] = writer.acknowledged.length;
  });
});
