// Schema-driven fuzzing of every operation of the committed OpenAPI document, as an ADMIN and as
// a PARTNER: requests built by fast-check from the document (valid bodies, bodies broken in one
// known way, odd parameters and headers), each answer checked against the document. Routes added
// later are covered as soon as they are in the document. FUZZ_RUNS (cases per operation and
// role) and FUZZ_SEED make longer or other runs: `FUZZ_RUNS=200 npx jest test/fuzz`.
import type { InjectOptions } from 'fastify';
import fc, { type Arbitrary } from 'fast-check';
import {
  createTestApp,
  DEMO_PASSWORD,
  sessionCookieFrom,
  TEST_ORIGIN,
  type TestApp,
} from '../test-app';
import { checkResponse, DOCUMENT, type Operation, operations } from './openapi-document';
import { BREAKAGES, type Breakage, breakBody, type IdsFor, valueFor } from './schema-values';

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/** The fuzzer's address: its failed sign-ins are throttled there, not where the callers sign in. */
const FUZZ_ADDRESS = '192.0.2.77';
const OTHER_WORKSPACE = 'fuzz-elsewhere';
const components = DOCUMENT.components.schemas;

const ROLES = [
  { role: 'ADMIN', email: 'admin@demo.test' },
  { role: 'PARTNER', email: 'union@demo.test' },
] as const;
type Role = (typeof ROLES)[number]['role'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids seen in answers, by kind (the singular of the collection or key they came under). */
class KnownIds {
  private readonly byKind = new Map<string, Set<string>>();

  add(kind: string, id: string): void {
    if (!this.byKind.has(kind)) this.byKind.set(kind, new Set());
    this.byKind.get(kind)!.add(id);
  }

  /** Every object with an `id` in an answer, under the key that holds it. */
  harvest(value: unknown, kind: string): void {
    if (Array.isArray(value)) {
      for (const item of value) this.harvest(item, kind);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const { id } = value as { id?: unknown };
    if (typeof id === 'string' && UUID.test(id)) this.add(kind, id);
    for (const [key, child] of Object.entries(value)) {
      this.harvest(child, key === 'items' ? kind : singular(key));
    }
  }

  of(kinds: string[]): string[] {
    return kinds.flatMap((kind) => [...(this.byKind.get(kind) ?? [])]).sort();
  }
}

const singular = (word: string) => word.replace(/(Ids?|s)$/, '').toLowerCase();

/** What an operation's answer holds: the last collection of its path (`/…/comments/{id}`: comment). */
const kindOfAnswer = (op: Operation) =>
  singular(
    op.path
      .split('/')
      .filter((segment) => !segment.startsWith('{'))
      .pop()!,
  );

/** The kinds of record a field or parameter named `name` refers to. */
const KINDS: Record<string, string[]> = {
  leadOrgId: ['organization'],
  coOrgIds: ['organization'],
  focalUserId: ['user'],
  actorId: ['user'],
  parentId: ['commitment', 'comment'],
  update: ['update', 'progressupdate'],
};

function kindsOf(name: string, previousSegment: string): string[] {
  if (name === 'id') return [singular(previousSegment)];
  const kind = singular(name);
  return KINDS[name] ?? KINDS[kind] ?? [kind];
}

const ODD_PATH_VALUES = [
  'not-an-id',
  'x'.repeat(300),
  '%00',
  '..',
  'ö',
  '1e10',
  "'; drop table x;--",
];

/** One generated request, and how it was broken (if it was). */
interface Case {
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: { payload: string | Buffer; contentType: string };
  broken: Breakage | null;
  caller: 'self' | 'anonymous' | 'bogus token';
}

function pathArbitrary(op: Operation, ids: KnownIds): Arbitrary<string> {
  const segments = op.path.split('/');
  const parts = segments.map((segment, i): Arbitrary<string> => {
    const name = segment.match(/^\{(\w+)\}$/)?.[1];
    if (!name) return fc.constant(segment);
    if (name === 'slug') {
      return fc.oneof(
        { arbitrary: fc.constant('viet-nam'), weight: 8 },
        fc.constant(OTHER_WORKSPACE),
        fc.constantFrom('nowhere', '%00', 'x'.repeat(200)),
      );
    }
    const known = ids.of(kindsOf(name, segments[i - 1] ?? ''));
    const odd = fc.constantFrom(...ODD_PATH_VALUES.map(encodeURIComponent));
    return known.length > 0
      ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 6 }, fc.uuid(), odd)
      : fc.oneof(fc.uuid(), odd);
  });
  return fc.tuple(...parts).map((values) => values.join('/'));
}

function queryArbitrary(op: Operation, idsFor: IdsFor): Arbitrary<[string, string][]> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const declared = params.map((p) =>
    fc.option(
      fc.oneof(
        { arbitrary: valueFor(p.schema, components, idsFor, p.name), weight: 4 },
        fc.constantFrom('', 'nul\u0000', '-1', 'true', 'x'.repeat(600)),
      ),
      { freq: 2 },
    ),
  );
  const undeclared = fc.option(fc.tuple(fc.constantFrom('unknown', 'limit[]'), fc.string()), {
    freq: 4,
  });
  return fc.tuple(fc.tuple(...declared), undeclared).map(([values, extra]) => {
    const pairs: [string, string][] = [];
    values.forEach((value, i) => {
      if (value === null || value === undefined) return;
      for (const v of Array.isArray(value) ? value : [value])
        pairs.push([params[i]!.name, String(v)]);
    });
    if (extra) pairs.push(extra);
    return pairs;
  });
}

function headersArbitrary(op: Operation): Arbitrary<Record<string, string>> {
  const precondition = fc.oneof(
    fc.nat(6).map((n) => `"${n}"`),
    fc.constantFrom('*', 'W/"1"', 'garbage', '"1", "2"'),
  );
  const write = op.method !== 'GET';
  return fc
    .record(
      {
        ifMatch: fc.option(precondition, { freq: 3 }),
        // On a write `*` means "create only"; on a read any tag names a revalidation, and `*`
        // a 304 — rarely, so that most reads get their body checked against the document.
        ifNoneMatch: write
          ? fc.option(fc.constant('*'), { freq: 4 })
          : fc.oneof(
              { arbitrary: fc.constant(null), weight: 6 },
              { arbitrary: fc.constantFrom('*', 'W/"other"'), weight: 1 },
            ),
        // Writes need JSON or X-Requested-With (CSRF): usually sent, sometimes not.
        requestedWith: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map(({ ifMatch, ifNoneMatch, requestedWith }) => ({
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
      ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
      ...(write && requestedWith !== false ? { 'x-requested-with': 'fuzz' } : {}),
    }));
}

function multipart(
  fields: Record<string, string>,
  file: { name: string; content: Uint8Array } | null,
) {
  const boundary = 'fuzz-boundary-7d1f';
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const chunks = [Buffer.from(parts.join(''))];
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function bodyArbitrary(op: Operation, idsFor: IdsFor): Arbitrary<Pick<Case, 'body' | 'broken'>> {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const choices: Arbitrary<Pick<Case, 'body' | 'broken'>>[] = [];
  if (json) {
    const valid = valueFor(json, components, idsFor);
    choices.push(
      valid.map((value) => ({
        body: { payload: JSON.stringify(value), contentType: 'application/json' },
        broken: null,
      })),
      fc.tuple(valid, fc.constantFrom(...BREAKAGES), fc.nat()).map(([value, breakage, choice]) => {
        const result =
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? breakBody(value as Record<string, unknown>, json, components, breakage, choice)
            : null;
        return result
          ? {
              body: { payload: JSON.stringify(result.body), contentType: 'application/json' },
              broken: result.broken,
            }
          : {
              body: { payload: JSON.stringify(value), contentType: 'application/json' },
              broken: null,
            };
      }),
    );
  }
  if (content['multipart/form-data']) {
    choices.push(
      fc
        .record({
          title: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
          file: fc.option(
            fc.record({
              name: fc.constantFrom('report.txt', 'scan.pdf', 'data.csv', 'x.exe', 'ảnh.png'),
              content: fc.oneof(
                fc.string({ minLength: 1, maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
                fc.uint8Array({ maxLength: 200 }),
              ),
            }),
            { nil: null, freq: 5 },
          ),
        })
        .map(({ title, file }) => ({
          body: multipart(title === undefined ? {} : { title }, file),
          broken: null,
        })),
    );
  }
  if (choices.length === 0) return fc.constant({ broken: null });
  return fc.oneof(...choices);
}

function caseArbitrary(op: Operation, ids: KnownIds): Arbitrary<Case> {
  const idsFor: IdsFor = (name) => ids.of(kindsOf(name, ''));
  return fc
    .record({
      path: pathArbitrary(op, ids),
      query: queryArbitrary(op, idsFor),
      headers: headersArbitrary(op),
      body: bodyArbitrary(op, idsFor),
      caller: fc.oneof(
        { arbitrary: fc.constant('self' as const), weight: 10 },
        fc.constantFrom('anonymous' as const, 'bogus token' as const),
      ),
    })
    .map(({ body, ...rest }) => ({ ...rest, ...body }));
}

/** A stable seed per operation and role, so adding an operation does not change the others. */
function seedFor(op: Operation, role: Role): number {
  let hash = SEED;
  for (const char of `${op.method} ${op.path} ${role}`) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hash;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  const ids = new KnownIds();
  const sessions = new Map<Role, string>();
  const statuses = new Map<number, number>();
  let cases = 0;
  const exercised = new Set<Operation>();
  let brokenCases = 0;
  let started = 0;
  const ops = operations();

  async function signIn(role: Role): Promise<void> {
    const { email } = ROLES.find((r) => r.role === role)!;
    const response = await t.anonymous.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    sessions.set(role, sessionCookieFrom(response.headers));
  }

  async function send(op: Operation, role: Role, c: Case) {
    const headers: Record<string, string> = { origin: TEST_ORIGIN, ...c.headers };
    if (c.caller === 'self') headers.cookie = sessions.get(role)!;
    if (c.caller === 'bogus token') headers.authorization = 'Bearer spct_t_bogus';
    if (c.body) headers['content-type'] = c.body.contentType;
    const options: InjectOptions = {
      method: op.method,
      url: c.path + (c.query.length ? `?${new URLSearchParams(c.query)}` : ''),
      headers,
      remoteAddress: FUZZ_ADDRESS,
      ...(c.body ? { payload: c.body.payload } : {}),
    };
    return t.app.inject(options);
  }

  /** The two callers stay who they are whatever the fuzzer did to their memberships. */
  async function restoreCallers(): Promise<void> {
    for (const { role, email } of ROLES) {
      await t.prisma.user.update({ where: { email }, data: { active: true } });
      await t.prisma.membership.updateMany({
        where: { user: { email }, workspace: { slug: 'viet-nam' } },
        data: { role, active: true },
      });
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    await t.prisma.workspace.create({ data: { slug: OTHER_WORKSPACE, name: 'Elsewhere' } });
    for (const { role } of ROLES) await signIn(role);
    // Learn the demo workspace's ids the way a client would: by reading every list, twice (the
    // second pass reads the lists under the records found by the first).
    for (let pass = 0; pass < 2; pass++) {
      for (const op of ops.filter((o) => o.method === 'GET')) {
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
          if (name === 'slug') return 'viet-nam';
          const previous = op.path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
          return ids.of(kindsOf(name, previous))[0] ?? '00000000-0000-4000-8000-000000000000';
        });
        const response = await t.app.inject({
          method: 'GET',
          url: path,
          headers: { cookie: sessions.get('ADMIN')! },
        });
        if (response.headers['content-type']?.toString().startsWith('application/json')) {
          ids.harvest(response.json(), kindOfAnswer(op));
        }
      }
    }
    started = performance.now();
  }, 120_000);

  afterAll(async () => {
    const summary = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    const seconds = Math.round((performance.now() - started) / 1000);
    console.log(
      `fuzz: ${ops.length} operations × ${ROLES.length} roles, ${cases} cases (${brokenCases} with a broken body) in ${seconds} s (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED}); answers ${summary}`,
    );
    await t?.close();
  });

  it.each(ops.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: never a 5xx, every answer as documented, no broken request accepted',
    async (_, op) => {
      for (const { role } of ROLES) {
        await fc.assert(
          fc.asyncProperty(caseArbitrary(op, ids), async (c) => {
            const response = await send(op, role, c);
            cases++;
            exercised.add(op);
            if (c.broken) brokenCases++;
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            const where = `${role} ${op.method} ${c.path}: ${response.statusCode} ${response.body.slice(0, 300)}`;
            if (response.statusCode >= 500) throw new Error(`server error — ${where}`);
            const problem = checkResponse(
              op,
              response.statusCode,
              String(response.headers['content-type'] ?? ''),
              response.body,
            );
            if (problem) throw new Error(`not as documented (${problem}) — ${where}`);
            if (c.broken && response.statusCode < 300) {
              throw new Error(`accepted a body with ${c.broken} — ${where}`);
            }
            if (
              response.statusCode < 300 &&
              response.headers['content-type']?.toString().startsWith('application/json') &&
              response.body
            ) {
              ids.harvest(response.json(), kindOfAnswer(op));
            }
            // A fuzzed sign-out (or password change) ended the session: sign in again.
            if (response.statusCode === 401 && c.caller === 'self' && !op.public)
              await signIn(role);
          }),
          { seed: seedFor(op, role), numRuns: RUNS },
        );
        await restoreCallers();
      }
    },
    300_000,
  );

  it('covered every operation of the document', () => {
    const documented = Object.values(DOCUMENT.paths).flatMap((item) =>
      ['get', 'post', 'put', 'patch', 'delete'].filter((m) => m in item),
    );
    expect(ops).toHaveLength(documented.length);
    expect(exercised.size).toBe(ops.length);
  });
});
