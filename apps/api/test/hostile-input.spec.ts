import type { components } from '@spct/contracts';
import { MAX_BODY_DEPTH } from '../src/common/input-rules';
import { loadDemoIds, type DemoIds } from './access/demo-ids';
import { createTestApp, type TestApp, type TestClient } from './test-app';

type ApiError = components['schemas']['ApiErrorDto'];

const NUL = 'bad\u0000text';
const LONE_SURROGATE = 'bad\ud800text';

/** How many rows each table people write to holds, to prove a refused request stored nothing. */
async function rowCounts(t: TestApp) {
  const p = t.prisma;
  return {
    commitments: await p.commitment.count(),
    updates: await p.progressUpdate.count(),
    comments: await p.comment.count(),
    organizations: await p.organization.count(),
    indicators: await p.indicator.count(),
    measurements: await p.measurement.count(),
    positions: await p.position.count(),
    tokens: await p.apiToken.count(),
    workspaces: await p.workspace.count(),
    users: (await p.user.findMany({ select: { displayName: true }, orderBy: { id: 'asc' } }))
      .map((u) => u.displayName)
      .join('|'),
  };
}

describe('hostile input: a 400 naming the field, never a 500, nothing stored', () => {
  let t: TestApp;
  let admin: TestClient;
  let ids: DemoIds;
  let indicatorUrl: string;
  const ws = '/api/workspaces/viet-nam';

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    ids = await loadDemoIds(t);
    const indicator = await t.prisma.indicator.findFirstOrThrow({
      where: { workspaceId: ids.workspaceId },
    });
    indicatorUrl = `${ws}/commitments/${indicator.commitmentId}/indicators/${indicator.id}`;
  });
  afterAll(() => t.close());

  const commitment = () => `${ws}/commitments/${ids.ownCommitmentId}`;

  /** Each request carries one bad string at `field`; `text` is the bad string. */
  const writes = (text: string) =>
    [
      {
        field: 'body',
        send: () => admin.post(`${commitment()}/comments`, { body: text }),
      },
      {
        field: 'title.vi',
        send: () =>
          admin.post(`${ws}/commitments`, {
            frameworkId: ids.frameworkId,
            reference: 'H-1',
            title: { vi: text, en: 'Title' },
          }),
      },
      {
        field: 'reference',
        send: () =>
          admin.post(`${ws}/commitments`, {
            frameworkId: ids.frameworkId,
            reference: text,
            title: { vi: 'Tiêu đề', en: 'Title' },
          }),
      },
      {
        field: 'narrative',
        send: () =>
          admin.post(`${commitment()}/updates`, {
            period: '2026-Q3',
            status: 'ON_TRACK',
            progress: 10,
            narrative: text,
          }),
      },
      {
        field: 'period',
        send: () =>
          admin.post(`${commitment()}/updates`, {
            period: text,
            status: 'ON_TRACK',
            progress: 10,
            narrative: 'Narrative',
          }),
      },
      {
        field: 'name.en',
        send: () =>
          admin.post(`${ws}/organizations`, {
            shortName: 'HOSTILE',
            name: { vi: 'Tên', en: text },
            constituency: 'OTHER',
          }),
      },
      {
        field: 'unit',
        send: () =>
          admin.post(`${commitment()}/indicators`, {
            name: { vi: 'Chỉ số', en: 'Indicator' },
            unit: text,
            direction: 'INCREASE',
            baseline: { value: 1, year: 2020 },
            target: { value: 2, year: 2030 },
          }),
      },
      {
        field: 'rationale',
        send: () =>
          admin.put(
            `${commitment()}/positions/${ids.organizationIds.VGCL}`,
            { position: 'AGREE', rationale: text, decidedOn: '2025-01-01' },
            { 'if-none-match': '*' },
          ),
      },
      { field: 'name', send: () => admin.post('/api/auth/tokens', { name: text }) },
      { field: 'displayName', send: () => admin.patch('/api/auth/me', { displayName: text }) },
      {
        field: 'email',
        send: () => t.anonymous.post('/api/auth/login', { email: text, password: 'x' }),
      },
      {
        field: 'q',
        send: () => admin.get(`${ws}/commitments?q=${encodeURIComponent(text)}`),
      },
      {
        field: 'slug',
        send: () => admin.get(`/api/workspaces/${encodeURIComponent(text)}/commitments`),
      },
    ] as const;

  it.each([
    ['a NUL character', NUL, ['q', 'slug']],
    // A URL cannot carry half a surrogate pair (its UTF-8 would be invalid): bodies only.
    ['an unpaired surrogate', LONE_SURROGATE, []],
  ])(
    'refuses %s in every kind of text with invalidText naming the field',
    async (_, text, inUrl) => {
      const before = await rowCounts(t);
      const cases = writes(text).filter(
        ({ field }) => !['q', 'slug'].includes(field) || inUrl.includes(field),
      );
      for (const { field, send } of cases) {
        const response = await send();
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body).toMatchObject({
          statusCode: 400,
          code: 'validation',
          details: [expect.objectContaining({ field, code: 'invalidText' })],
        });
      }
      expect(await rowCounts(t)).toEqual(before);
    },
  );

  it('refuses an array where an object is expected', async () => {
    const before = await rowCounts(t);
    const response = await admin.post<ApiError>(`${commitment()}/updates`, {
      period: '2026-Q3',
      status: 'ON_TRACK',
      progress: 10,
      narrative: 'Narrative',
      indicatorValues: [[]],
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      expect.objectContaining({ field: 'indicatorValues', code: 'notObject' }),
    ]);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses JSON nested thousands of levels deep before validating it', async () => {
    const depth = 5000;
    const payload = `{"body":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const response = await t.app.inject({
      method: 'POST',
      url: `${commitment()}/comments`,
      headers: {
        ...admin.headers,
        origin: 'http://localhost:3000',
        'content-type': 'application/json',
      },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation',
      details: [expect.objectContaining({ code: 'tooDeep', max: MAX_BODY_DEPTH })],
    });
  });

  it('judges numbers in exponent form by their decimal places', async () => {
    const url = `${indicatorUrl}/measurements`;
    const before = await rowCounts(t);
    for (const value of [1e-10, 1.5e-7, 0.00001]) {
      const response = await admin.post<ApiError>(url, { measuredOn: '2025-06-30', value });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        expect.objectContaining({ field: 'value', code: 'tooPrecise', max: 4 }),
      ]);
    }
    expect(await rowCounts(t)).toEqual(before);
    const fine = await admin.post(url, { measuredOn: '2025-06-30', value: 1.5e3 });
    expect(fine.status).toBe(201);
  });

  it('answers a body that is not JSON, or JSON of the wrong kind, with a 400', async () => {
    const send = (method: 'POST' | 'PATCH', url: string, payload: string) =>
      t.app.inject({
        method,
        url,
        headers: {
          ...admin.headers,
          origin: 'http://localhost:3000',
          'content-type': 'application/json',
        },
        payload,
      });
    const login = (payload: string) => send('POST', '/api/auth/login', payload);
    const broken = await login('{"email": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'malformedRequest' });
    for (const notAnObject of ['"admin@demo.test"', 'null', '[]', '42']) {
      const response = await login(notAnObject);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'validation',
        details: [expect.objectContaining({ field: 'body', code: 'notObject' })],
      });
    }
    // A body of only optional fields too: null is not "nothing to change".
    const me = await send('PATCH', '/api/auth/me', 'null');
    expect(me.statusCode).toBe(400);
  });
});

describe('validation details: a code per constraint with its values', () => {
  let t: TestApp;
  let admin: TestClient;
  let ids: DemoIds;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    ids = await loadDemoIds(t);
  });
  afterAll(() => t.close());

  it('names each broken rule with its code and constraint values', async () => {
    const response = await admin.post<ApiError>(
      `/api/workspaces/viet-nam/commitments/${ids.ownCommitmentId}/updates`,
      { period: '', status: 'SOMEDAY', progress: 101, narrative: 7, colour: 'red' },
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation');
    const details = Object.fromEntries(
      (response.body.details ?? []).map(({ field, message: _message, ...rest }) => [field, rest]),
    );
    expect(details).toEqual({
      period: { code: 'tooShort', min: 1 },
      status: {
        code: 'notInEnum',
        allowed: ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'COMPLETED', 'DISCONTINUED'],
      },
      progress: { code: 'tooLarge', max: 100 },
      narrative: { code: 'notString' },
      colour: { code: 'unknownField' },
    });
    for (const detail of response.body.details ?? [])
      expect(detail.message).toEqual(expect.any(String));
  });

  it('says required for a missing field and notUuid for a malformed id', async () => {
    const missing = await admin.post<ApiError>('/api/workspaces/viet-nam/organizations', {
      name: { vi: 'Tên', en: 'Name' },
      constituency: 'OTHER',
    });
    expect(missing.body.details).toEqual([
      expect.objectContaining({ field: 'shortName', code: 'required' }),
    ]);
    const badId = await admin.get<ApiError>('/api/workspaces/viet-nam/commitments/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.details).toEqual([expect.objectContaining({ field: 'id', code: 'notUuid' })]);
  });

  it('gives every error a code: 401, 403, 404, 412, 428', async () => {
    const viewerFor = await t.signIn('viewer@demo.test');
    const url = `/api/workspaces/viet-nam/commitments/${ids.ownCommitmentId}`;
    expect((await t.anonymous.get<ApiError>(url)).body.code).toBe('unauthenticated');
    expect(
      (await viewerFor.patch<ApiError>(url, { weight: 2 }, { 'if-match': '"1"' })).body.code,
    ).toBe('forbidden');
    expect((await admin.get<ApiError>('/api/workspaces/nowhere/commitments')).body.code).toBe(
      'notFound',
    );
    expect((await admin.patch<ApiError>(url, { weight: 2 })).body.code).toBe(
      'preconditionRequired',
    );
    const stale = await admin.patch<ApiError & { current: { version: number } }>(
      url,
      { weight: 2 },
      { 'if-match': '"999"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale');
    expect(stale.body.current.version).toEqual(expect.any(Number));
  });
});
