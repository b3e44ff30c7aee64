import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { oneWriteWins } from '../../test/race';

interface Measurement {
  id: string;
  indicatorId: string;
  measuredOn: string;
  value: number;
  source: string | null;
  createdById: string | null;
}
interface Indicator {
  id: string;
  commitmentId: string;
  name: { vi: string; en: string };
  unit: { vi: string; en: string };
  direction: string;
  baseline: { value: number; year: number };
  target: { value: number; year: number };
  source: { vi: string; en: string } | null;
  measurements: Measurement[];
  latest: { measuredOn: string; value: number } | null;
  expected: number | null;
  onTrack: boolean | null;
  version: number;
}
interface ErrorBody {
  statusCode: number;
  details?: { field: string; message: string }[];
}

const WS = '/api/workspaces/viet-nam';
/** If-Match naming the first version of a record. */
const V1 = { 'if-match': '"1"' };

/** A request by method name, with or without a body. */
function send(client: TestClient, method: 'get' | 'post' | 'patch', url: string, body?: unknown) {
  return client.request(method.toUpperCase() as 'GET' | 'POST' | 'PATCH', url, body);
}

describe('indicators and measurements', () => {
  let t: TestApp;
  let official: TestClient;
  let manager: TestClient;
  let admin: TestClient;
  let union: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let orgs: Record<string, string>;
  let officialId: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    official = await t.signIn('official@demo.test');
    manager = await t.signIn('manager@demo.test');
    admin = await t.signIn('admin@demo.test');
    union = await t.signIn('union@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
    const orgRows = await t.prisma.organization.findMany({ where: { workspaceId } });
    orgs = Object.fromEntries(orgRows.map((o) => [o.shortName, o.id]));
    officialId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'official@demo.test' } }))
      .id;
  });
  afterAll(() => t.close());

  /** A MOLISA commitment and a VCCI one, in a framework of their own. */
  async function commitments(): Promise<{ molisa: string; vcci: string }> {
    const code = `IND-${randomUUID().slice(0, 8)}`;
    const framework = await t.prisma.framework.create({
      data: { workspaceId, code, titleVi: code, titleEn: code },
    });
    const make = (reference: string, leadOrgId: string) =>
      t.prisma.commitment
        .create({
          data: {
            workspaceId,
            frameworkId: framework.id,
            reference,
            titleVi: reference,
            titleEn: reference,
            leadOrgId,
          },
        })
        .then((c) => c.id);
    return { molisa: await make('1', orgs.MOLISA!), vcci: await make('2', orgs.VCCI!) };
  }

  const indicators = (commitmentId: string) => `${WS}/commitments/${commitmentId}/indicators`;
  const body = (extra: Record<string, unknown> = {}) => ({
    name: { vi: 'Tỷ lệ lao động tham gia BHXH', en: 'Social insurance coverage' },
    unit: { vi: '%', en: '%' },
    direction: 'INCREASE',
    baseline: { value: 40, year: 2020 },
    target: { value: 60, year: 2030 },
    source: { vi: 'BHXH Việt Nam', en: 'VSS' },
    ...extra,
  });

  async function created(commitmentId: string, extra: Record<string, unknown> = {}) {
    const response = await official.post<Indicator>(indicators(commitmentId), body(extra));
    expect(response.status).toBe(201);
    return response.body;
  }

  const counts = async () => ({
    indicators: await t.prisma.indicator.count({ where: { workspaceId } }),
    measurements: await t.prisma.measurement.count({ where: { workspaceId } }),
    events: await t.prisma.activityEvent.count({ where: { workspaceId } }),
  });

  it('creates an indicator with its history event', async () => {
    const c = await commitments();
    const indicator = await created(c.molisa);
    expect(indicator).toMatchObject({
      commitmentId: c.molisa,
      name: { vi: 'Tỷ lệ lao động tham gia BHXH', en: 'Social insurance coverage' },
      unit: { vi: '%', en: '%' },
      direction: 'INCREASE',
      baseline: { value: 40, year: 2020 },
      target: { value: 60, year: 2030 },
      source: { vi: 'BHXH Việt Nam', en: 'VSS' },
      measurements: [],
      latest: null,
      onTrack: null,
    });
    expect((await viewer.get<Indicator>(`${indicators(c.molisa)}/${indicator.id}`)).body).toEqual(
      indicator,
    );
    const list = await viewer.get<{ items: Indicator[] }>(indicators(c.molisa));
    expect(list.body.items.map((i) => i.id)).toEqual([indicator.id]);
    const events = await t.prisma.activityEvent.findMany({ where: { entityId: indicator.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entityType: 'indicator',
      action: 'created',
      commitmentId: c.molisa,
      actorId: officialId,
    });
    expect(events[0]!.changes).toMatchObject({
      nameEn: { before: null, after: 'Social insurance coverage' },
      baselineValue: { before: null, after: 40 },
      targetYear: { before: null, after: 2030 },
    });
  });

  it('refuses a target year before the baseline year, on create and on edit', async () => {
    const c = await commitments();
    const before = await counts();
    const response = await official.post<ErrorBody>(
      indicators(c.molisa),
      body({ target: { value: 60, year: 2019 } }),
    );
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      {
        field: 'target.year',
        code: 'beforeOther',
        other: 'baseline.year',
        message: 'must not be before the baseline year',
      },
    ]);
    expect(await counts()).toEqual(before);

    const indicator = await created(c.molisa);
    const url = `${indicators(c.molisa)}/${indicator.id}`;
    const row = await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    for (const patch of [
      { target: { value: 60, year: 2019 } },
      { baseline: { value: 40, year: 2031 } },
    ]) {
      const refused = await official.patch<ErrorBody>(url, patch, V1);
      expect(refused.status).toBe(400);
      expect(refused.body.details?.map((d) => d.field)).toEqual(['target.year']);
    }
    expect(await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).toEqual(
      row,
    );
    // The same year is fine.
    expect((await official.patch(url, { target: { value: 60, year: 2020 } }, V1)).status).toBe(200);
  });

  it('edits an indicator and records exactly what changed', async () => {
    const c = await commitments();
    const indicator = await created(c.molisa);
    const url = `${indicators(c.molisa)}/${indicator.id}`;
    const response = await official.patch<Indicator>(
      url,
      {
        name: { vi: 'Tỷ lệ bao phủ', en: 'Coverage rate' },
        target: { value: 65.5, year: 2030 },
        source: null,
      },
      V1,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: { vi: 'Tỷ lệ bao phủ', en: 'Coverage rate' },
      target: { value: 65.5, year: 2030 },
      baseline: { value: 40, year: 2020 },
      unit: { vi: '%', en: '%' },
      source: null,
    });
    const events = await t.prisma.activityEvent.findMany({
      where: { entityId: indicator.id, action: 'updated' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.changes).toEqual({
      nameVi: { before: 'Tỷ lệ lao động tham gia BHXH', after: 'Tỷ lệ bao phủ' },
      nameEn: { before: 'Social insurance coverage', after: 'Coverage rate' },
      targetValue: { before: 60, after: 65.5 },
      sourceVi: { before: 'BHXH Việt Nam', after: null },
      sourceEn: { before: 'VSS', after: null },
    });
  });

  it('records measurements and flips the trajectory flag when a value falls off the line', async () => {
    const c = await commitments();
    const indicator = await created(c.molisa);
    const url = `${indicators(c.molisa)}/${indicator.id}`;

    // Mid-way (end of 2025) the line expects 50: 50 is on it.
    const first = await official.post<Measurement>(`${url}/measurements`, {
      measuredOn: '2026-01-01',
      value: 50,
      source: 'GSO 2025',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      indicatorId: indicator.id,
      measuredOn: '2026-01-01',
      value: 50,
      source: 'GSO 2025',
      createdById: officialId,
    });
    let current = (await viewer.get<Indicator>(url)).body;
    expect(current.onTrack).toBe(true);
    expect(current.latest).toEqual({ measuredOn: '2026-01-01', value: 50 });

    // Half a year later the line expects 51; 45 is behind it by more than the tolerance.
    const second = await official.post<Measurement>(`${url}/measurements`, {
      measuredOn: '2026-07-01',
      value: 45,
    });
    expect(second.status).toBe(201);
    current = (await viewer.get<Indicator>(url)).body;
    expect(current.onTrack).toBe(false);
    expect(current.latest).toEqual({ measuredOn: '2026-07-01', value: 45 });
    expect(current.expected).toBeCloseTo(51, 0);
    const listed = await viewer.get<{ items: Indicator[] }>(indicators(c.molisa));
    expect(listed.body.items[0]!.onTrack).toBe(false);

    const measurements = await viewer.get<{ items: Measurement[]; nextCursor: null }>(
      `${url}/measurements`,
    );
    expect(measurements.status).toBe(200);
    expect(measurements.body.items.map((m) => [m.measuredOn, m.value])).toEqual([
      ['2026-01-01', 50],
      ['2026-07-01', 45],
    ]);
    expect(measurements.body.nextCursor).toBeNull();

    const events = await t.prisma.activityEvent.findMany({
      where: { entityId: second.body.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entityType: 'measurement',
      action: 'created',
      commitmentId: c.molisa,
    });
    expect(events[0]!.changes).toEqual({
      indicatorId: { before: null, after: indicator.id },
      measuredOn: { before: null, after: '2026-07-01' },
      value: { before: null, after: 45 },
      source: { before: null, after: null },
    });
  });

  it('lets only those who may write on the commitment write indicators and measurements', async () => {
    const c = await commitments();
    const own = await created(c.molisa);
    const vcciIndicator = await admin.post<Indicator>(indicators(c.vcci), body());
    expect(vcciIndicator.status).toBe(201);
    const before = await counts();
    const writes = (commitmentId: string, indicatorId: string) =>
      [
        ['post', indicators(commitmentId), body()],
        [
          'patch',
          `${indicators(commitmentId)}/${indicatorId}`,
          { unit: { vi: 'người', en: 'people' } },
        ],
        [
          'post',
          `${indicators(commitmentId)}/${indicatorId}/measurements`,
          { measuredOn: '2026-01-01', value: 1 },
        ],
      ] as const;
    // An EDITOR of another organization.
    for (const [method, url, payload] of writes(c.vcci, vcciIndicator.body.id)) {
      expect((await official[method](url, payload, V1)).status).toBe(403);
    }
    for (const client of [manager, union, viewer]) {
      for (const [method, url, payload] of writes(c.molisa, own.id)) {
        expect((await client[method](url, payload, V1)).status).toBe(403);
      }
    }
    expect(await counts()).toEqual(before);
    // Everyone reads.
    for (const client of [manager, union, viewer]) {
      expect((await client.get(`${indicators(c.molisa)}/${own.id}/measurements`)).status).toBe(200);
    }
  });

  it('validates bodies naming the field, and rejects unknown fields', async () => {
    const c = await commitments();
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [body({ workspaceId }), 'workspaceId'],
      [body({ name: { vi: 'a', en: 'b', fr: 'c' } }), 'name.fr'],
      [body({ name: { vi: '', en: 'b' } }), 'name.vi'],
      [body({ name: 'plain' }), 'name'],
      [body({ direction: 'UP' }), 'direction'],
      [body({ unit: { vi: '', en: 'people' } }), 'unit.vi'],
      [body({ unit: '%' }), 'unit'],
      [body({ source: 'one language' }), 'source'],
      [body({ baseline: { value: 'x', year: 2020 } }), 'baseline.value'],
      [body({ baseline: { value: 1, year: 2020.5 } }), 'baseline.year'],
      [body({ target: { value: 1 } }), 'target.year'],
      [body({ measurements: [] }), 'measurements'],
    ];
    for (const [payload, field] of cases) {
      const response = await official.post<ErrorBody>(indicators(c.molisa), payload);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
    const indicator = await created(c.molisa);
    const url = `${indicators(c.molisa)}/${indicator.id}`;
    for (const [payload, field] of [
      [{ commitmentId: c.vcci }, 'commitmentId'],
      [{ id: randomUUID() }, 'id'],
    ] as const) {
      const response = await official.patch<ErrorBody>(url, payload, V1);
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
    for (const [payload, field] of [
      [{ measuredOn: '2026-02-30', value: 1 }, 'measuredOn'],
      [{ measuredOn: '2026-01-01T10:00:00Z', value: 1 }, 'measuredOn'],
      [{ measuredOn: '2026-01-01' }, 'value'],
      [{ measuredOn: '2026-01-01', value: 1.00001 }, 'value'],
      [{ measuredOn: '2026-01-01', value: 1, createdById: officialId }, 'createdById'],
    ] as const) {
      const response = await official.post<ErrorBody>(`${url}/measurements`, payload);
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
    const after = await counts();
    expect(after.measurements).toBe(before.measurements);
    expect(after.indicators).toBe(before.indicators + 1);
  });

  it('answers 404 for another workspace’s commitment or indicator on every route, and for an indicator of another commitment', async () => {
    const c = await commitments();
    const own = await created(c.molisa);
    const other = await t.prisma.workspace.create({
      data: { slug: `other-${randomUUID().slice(0, 8)}`, name: 'Other' },
    });
    const fw = await t.prisma.framework.create({
      data: { workspaceId: other.id, code: 'X', titleVi: 'X', titleEn: 'X' },
    });
    const foreign = await t.prisma.commitment.create({
      data: {
        workspaceId: other.id,
        frameworkId: fw.id,
        reference: '1',
        titleVi: 'x',
        titleEn: 'x',
      },
    });
    const foreignIndicator = await t.prisma.indicator.create({
      data: {
        workspaceId: other.id,
        commitmentId: foreign.id,
        nameVi: 'x',
        nameEn: 'x',
        unitVi: '%',
        unitEn: '%',
        direction: 'INCREASE',
        baselineValue: 1,
        baselineYear: 2020,
        targetValue: 2,
        targetYear: 2030,
      },
    });
    const routes = (commitmentId: string, indicatorId: string) =>
      [
        ['get', indicators(commitmentId), undefined],
        ['post', indicators(commitmentId), body()],
        ['get', `${indicators(commitmentId)}/${indicatorId}`, undefined],
        ['patch', `${indicators(commitmentId)}/${indicatorId}`, { unit: { vi: 'x', en: 'x' } }],
        ['get', `${indicators(commitmentId)}/${indicatorId}/measurements`, undefined],
        [
          'post',
          `${indicators(commitmentId)}/${indicatorId}/measurements`,
          { measuredOn: '2026-01-01', value: 1 },
        ],
      ] as const;
    const before = await counts();
    const foreignBefore = await t.prisma.indicator.findUniqueOrThrow({
      where: { id: foreignIndicator.id },
    });
    for (const [method, url, payload] of [
      ...routes(foreign.id, foreignIndicator.id),
      ...routes(c.molisa, foreignIndicator.id).slice(2),
      ...routes(c.vcci, own.id).slice(2),
    ]) {
      const response = await send(admin, method, url, payload);
      expect({ method, url, status: response.status }).toEqual({ method, url, status: 404 });
    }
    expect(await counts()).toEqual(before);
    expect(
      await t.prisma.indicator.findUniqueOrThrow({ where: { id: foreignIndicator.id } }),
    ).toEqual(foreignBefore);
    expect(await t.prisma.measurement.count({ where: { indicatorId: foreignIndicator.id } })).toBe(
      0,
    );
  });

  describe('optimistic concurrency', () => {
    type Stale = ErrorBody & { message: string; current: Indicator };

    it('requires If-Match to edit: 428 without it or with *, 412 with a stale one returning the stored indicator, nothing changed', async () => {
      const c = await commitments();
      const indicator = await created(c.molisa);
      expect(indicator.version).toBe(1);
      const url = `${indicators(c.molisa)}/${indicator.id}`;
      const row = await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
      const before = await counts();
      expect((await official.patch(url, { unit: { vi: 'người', en: 'people' } })).status).toBe(428);
      expect(
        (await official.patch(url, { unit: { vi: 'người', en: 'people' } }, { 'if-match': '*' }))
          .status,
      ).toBe(428);
      const stale = await official.patch<Stale>(
        url,
        { unit: { vi: 'người', en: 'people' } },
        { 'if-match': '"4"' },
      );
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({
        id: indicator.id,
        unit: { vi: '%', en: '%' },
        version: 1,
      });
      // Authorization first: a MANAGER of another organization gets 403, not 428.
      expect((await manager.patch(url, { unit: { vi: 'người', en: 'people' } })).status).toBe(403);
      expect(await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).toEqual(
        row,
      );
      expect(await counts()).toEqual(before);
    });

    it('bumps the version and the ETag on a real edit, and not on an empty or identical one', async () => {
      const c = await commitments();
      const indicator = await created(c.molisa);
      const url = `${indicators(c.molisa)}/${indicator.id}`;
      expect((await viewer.get(url)).headers['etag']).toMatch(/^"1-/);
      const before = await counts();
      for (const payload of [
        {},
        { unit: { vi: '%', en: '%' }, baseline: { value: 40, year: 2020 } },
      ]) {
        const same = await official.patch<Indicator>(url, payload, V1);
        expect(same.status).toBe(200);
        expect(same.body.version).toBe(1);
        expect(same.headers['etag']).toBe('"1"');
      }
      expect(await counts()).toEqual(before);
      const edited = await official.patch<Indicator>(
        url,
        { unit: { vi: 'người', en: 'people' } },
        V1,
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ unit: { vi: 'người', en: 'people' }, version: 2 });
      expect(edited.headers['etag']).toBe('"2"');
      expect((await official.patch(url, { unit: { vi: 'x', en: 'x' } }, V1)).status).toBe(412);
      expect((await official.get<Indicator>(url)).body.unit).toEqual({ vi: 'người', en: 'people' });
    });

    it('lets exactly one of many concurrent edits of one version through; the rest get 412', async () => {
      const c = await commitments();
      const indicator = await created(c.molisa);
      const url = `${indicators(c.molisa)}/${indicator.id}`;
      const { winner } = await oneWriteWins(12, (i) =>
        official.patch<Indicator>(url, { unit: { vi: `u${i}`, en: `u${i}` } }, V1),
      );
      expect(
        await t.prisma.indicator.findUniqueOrThrow({ where: { id: indicator.id } }),
      ).toMatchObject({ version: 2, unitVi: winner.unit.vi, unitEn: winner.unit.en });
      const events = await t.prisma.activityEvent.findMany({
        where: { entityId: indicator.id, action: 'updated' },
      });
      expect(events.map((e) => e.changes)).toEqual([
        {
          unitVi: { before: '%', after: winner.unit.vi },
          unitEn: { before: '%', after: winner.unit.en },
        },
      ]);
    });
  });
});
