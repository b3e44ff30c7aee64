import { randomUUID } from 'node:crypto';
import type { components } from '@spct/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { oneWriteWins } from '../../test/race';
import { quarterId } from '../../test/periods';

/** A report as the API answers it (the generated contract). */
type Update = components['schemas']['ProgressUpdateDto'];
interface ErrorBody {
  statusCode: number;
  message: string;
  details?: { field: string; message: string }[];
}
interface Framework {
  id: string;
  progress: number;
}

const WS = '/api/workspaces/viet-nam';

/** The If-Match header naming the version of the report at `url` as the client reads it now. */
async function ifMatchOf(client: TestClient, url: string): Promise<Record<string, string>> {
  const response = await client.get(url);
  return { 'if-match': response.headers['etag'] as string };
}

/** A request by method name, with or without a body. */
function send(client: TestClient, method: 'get' | 'post' | 'patch', url: string, body?: unknown) {
  return client.request(method.toUpperCase() as 'GET' | 'POST' | 'PATCH', url, body);
}

/**
 * A framework of its own per test: root R (weight 1) → P (weight 1) → A (MOLISA, weight 3,
 * progress 20) and B (VCCI, weight 1, progress 60); R's other child S (weight 1, progress 50).
 * Stored roll-ups: P = 30, R = 40; the framework's progress is its trackable items' A, B and S:
 * (20·3 + 60 + 50) / 5 = 34.
 */
interface Tree {
  frameworkId: string;
  root: string;
  parent: string;
  a: string;
  b: string;
  s: string;
  /** Led by VGCL with MOLISA co-responsible. */
  shared: string;
  indicator: string;
  otherIndicator: string;
}

describe('progress reports', () => {
  let t: TestApp;
  let official: TestClient;
  let manager: TestClient;
  let admin: TestClient;
  let union: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let orgs: Record<string, string>;
  let users: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    official = await t.signIn('official@demo.test');
    manager = await t.signIn('manager@demo.test');
    admin = await t.signIn('admin@demo.test');
    union = await t.signIn('union@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const ws = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    workspaceId = ws.id;
    const orgRows = await t.prisma.organization.findMany({ where: { workspaceId } });
    orgs = Object.fromEntries(orgRows.map((o) => [o.shortName, o.id]));
    const userRows = await t.prisma.user.findMany();
    users = Object.fromEntries(userRows.map((u) => [u.email.split('@')[0]!, u.id]));
  });
  afterAll(() => t.close());

  async function tree(): Promise<Tree> {
    const code = `WF-${randomUUID().slice(0, 8)}`;
    const framework = await t.prisma.framework.create({
      data: { workspaceId, code, titleVi: code, titleEn: code },
    });
    const make = (
      reference: string,
      fields: {
        parentId?: string;
        leadOrgId?: string;
        progress?: number;
        weight?: number;
        status?: 'NOT_STARTED' | 'ON_TRACK';
      },
    ) =>
      t.prisma.commitment
        .create({
          data: {
            workspaceId,
            frameworkId: framework.id,
            reference,
            titleVi: reference,
            titleEn: reference,
            ...fields,
          },
        })
        .then((c) => c.id);
    const root = await make('1', { progress: 40 });
    const parent = await make('1.1', { parentId: root, progress: 30 });
    const a = await make('1.1.a', {
      parentId: parent,
      leadOrgId: orgs.MOLISA,
      progress: 20,
      weight: 3,
      status: 'ON_TRACK',
    });
    const b = await make('1.1.b', { parentId: parent, leadOrgId: orgs.VCCI, progress: 60 });
    const s = await make('1.2', { parentId: root, leadOrgId: orgs.VCCI, progress: 50 });
    // In a framework of its own, so that it does not weigh in the first one's progress.
    const second = await t.prisma.framework.create({
      data: { workspaceId, code: `${code}-2`, titleVi: code, titleEn: code },
    });
    const shared = await t.prisma.commitment
      .create({
        data: {
          workspaceId,
          frameworkId: second.id,
          reference: '2',
          titleVi: '2',
          titleEn: '2',
          leadOrgId: orgs.VGCL,
        },
      })
      .then((c) => c.id);
    await t.prisma.commitmentCoOrganization.create({
      data: { commitmentId: shared, organizationId: orgs.MOLISA! },
    });
    const indicator = await t.prisma.indicator.create({
      data: {
        workspaceId,
        commitmentId: a,
        nameVi: 'Tỷ lệ',
        nameEn: 'Rate',
        unitVi: '%',
        unitEn: '%',
        direction: 'INCREASE',
        baselineValue: 40,
        baselineYear: 2020,
        targetValue: 60,
        targetYear: 2030,
      },
    });
    const otherIndicator = await t.prisma.indicator.create({
      data: {
        workspaceId,
        commitmentId: b,
        nameVi: 'Khác',
        nameEn: 'Other',
        unitVi: '%',
        unitEn: '%',
        direction: 'INCREASE',
        baselineValue: 0,
        baselineYear: 2020,
        targetValue: 10,
        targetYear: 2030,
      },
    });
    return {
      frameworkId: framework.id,
      root,
      parent,
      a,
      b,
      s,
      shared,
      indicator: indicator.id,
      otherIndicator: otherIndicator.id,
    };
  }

  const updates = (commitmentId: string) => `${WS}/commitments/${commitmentId}/updates`;
  const draft = (extra: Record<string, unknown> = {}) => ({
    period: '2026-Q3',
    status: 'ON_TRACK',
    progress: 60,
    narrative: 'Đã trình dự thảo.',
    ...extra,
  });

  async function create(
    client: TestClient,
    commitmentId: string,
    body: Record<string, unknown> = draft(),
  ): Promise<Update> {
    const response = await client.post<Update>(updates(commitmentId), body);
    expect(response.status).toBe(201);
    return response.body;
  }

  async function submitted(
    client: TestClient,
    commitmentId: string,
    body: Record<string, unknown> = draft(),
  ): Promise<Update> {
    const created = await create(client, commitmentId, body);
    const response = await client.post<Update>(`${updates(commitmentId)}/${created.id}/submit`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** What approval may change, to check that a refused step changed nothing. */
  async function state(x: Tree, updateId?: string) {
    const commitments = await t.prisma.commitment.findMany({
      where: { frameworkId: x.frameworkId },
      select: { id: true, status: true, progress: true, version: true },
      orderBy: { id: 'asc' },
    });
    return {
      commitments,
      update: updateId
        ? await t.prisma.progressUpdate.findUniqueOrThrow({
            where: { id: updateId },
            include: { indicatorValues: true },
          })
        : null,
      measurements: await t.prisma.measurement.count({
        where: { indicatorId: { in: [x.indicator, x.otherIndicator] } },
      }),
      events: await t.prisma.activityEvent.count({ where: { workspaceId } }),
    };
  }

  async function frameworkProgress(frameworkId: string): Promise<number> {
    const { body } = await viewer.get<{ items: Framework[] }>(`${WS}/frameworks`);
    return body.items.find((f) => f.id === frameworkId)!.progress;
  }

  it('runs draft → submit → return with a reason → edit → resubmit → approve, and approval makes the report official', async () => {
    const x = await tree();
    // The framework weighs its trackable items: (20·3 + 60 + 50) / 5.
    expect(await frameworkProgress(x.frameworkId)).toBe(34);

    const created = await create(
      official,
      x.a,
      draft({
        indicatorValues: [
          { indicatorId: x.indicator, value: 47.25, measuredOn: '2026-06-30', source: 'GSO' },
        ],
      }),
    );
    expect(created).toMatchObject({
      commitmentId: x.a,
      authorId: users.official,
      state: 'DRAFT',
      status: 'ON_TRACK',
      progress: 60,
      version: 1,
      submittedAt: null,
      indicatorValues: [
        { indicatorId: x.indicator, value: 47.25, measuredOn: '2026-06-30', source: 'GSO' },
      ],
    });
    const url = `${updates(x.a)}/${created.id}`;
    expect((await viewer.get<Update>(url)).body).toEqual(created);

    const submit1 = await official.post<Update>(`${url}/submit`);
    expect(submit1.status).toBe(200);
    expect(submit1.body.state).toBe('SUBMITTED');
    expect(submit1.body.submittedAt).not.toBeNull();
    expect(submit1.body.version).toBe(2);

    const beforeReturn = await state(x);
    const returned = await manager.post<Update>(`${url}/return`, {
      reason: 'Thiếu số liệu quý 3',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'RETURNED',
      returnReason: 'Thiếu số liệu quý 3',
      decidedById: users.manager,
    });
    // Returning changes nothing but the report (and its history).
    const afterReturn = await state(x);
    expect(afterReturn.commitments).toEqual(beforeReturn.commitments);
    expect(afterReturn.measurements).toBe(beforeReturn.measurements);
    expect(afterReturn.events).toBe(beforeReturn.events + 1);

    // The author sees the reason and answers it.
    expect((await official.get<Update>(url)).body.returnReason).toBe('Thiếu số liệu quý 3');
    const edited = await official.patch<Update>(
      url,
      { narrative: 'Đã bổ sung số liệu quý 3.', progress: 65 },
      await ifMatchOf(official, url),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      state: 'RETURNED',
      narrative: 'Đã bổ sung số liệu quý 3.',
      progress: 65,
      period: '2026-Q3',
    });
    const resubmitted = await official.post<Update>(`${url}/submit`);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.state).toBe('SUBMITTED');
    // Submitting clears nothing else: the earlier reason stays readable.
    expect(resubmitted.body.returnReason).toBe('Thiếu số liệu quý 3');

    const approved = await manager.post<Update>(`${url}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'APPROVED', decidedById: users.manager });
    expect(approved.body.decidedAt).not.toBeNull();

    // The report's own history: every submission, the return with its reason, the approval.
    const officialRef = { id: users.official, displayName: expect.any(String) };
    const managerRef = { id: users.manager, displayName: expect.any(String) };
    const expectedSteps = [
      { action: 'submitted', actor: officialRef, reason: null },
      { action: 'returned', actor: managerRef, reason: 'Thiếu số liệu quý 3' },
      { action: 'submitted', actor: officialRef, reason: null },
      { action: 'approved', actor: managerRef, reason: null },
    ];
    expect(approved.body.steps).toEqual(expectedSteps.map((step) => expect.objectContaining(step)));
    const times = approved.body.steps.map((step) => step.at);
    expect([...times].sort()).toEqual(times);
    const listed = await viewer.get<{ items: Update[] }>(updates(x.a));
    expect(listed.body.items.find((item) => item.id === created.id)?.steps).toEqual(
      approved.body.steps,
    );
    expect(created.steps).toEqual([]);

    const a = await t.prisma.commitment.findUniqueOrThrow({ where: { id: x.a } });
    expect(a).toMatchObject({ status: 'ON_TRACK', progress: 65, version: 2 });
    const measurements = await t.prisma.measurement.findMany({
      where: { indicatorId: x.indicator },
    });
    expect(measurements).toHaveLength(1);
    expect(measurements[0]).toMatchObject({ source: 'GSO', createdById: users.official });
    expect(measurements[0]!.value.toNumber()).toBe(47.25);
    expect(measurements[0]!.measuredOn.toISOString().slice(0, 10)).toBe('2026-06-30');

    // Parents roll up: P = round((65·3 + 60) / 4) = 64, R = round((64 + 50) / 2) = 57.
    const stored = async (id: string) =>
      (await t.prisma.commitment.findUniqueOrThrow({ where: { id } })).progress;
    expect(await stored(x.parent)).toBe(64);
    expect(await stored(x.root)).toBe(57);
    // The framework: (65·3 + 60 + 50) / 5.
    expect(await frameworkProgress(x.frameworkId)).toBe(61);
    const detail = await viewer.get<{ progress: number; status: string; version: number }>(
      `${WS}/commitments/${x.a}`,
    );
    expect(detail.body).toMatchObject({ progress: 65, status: 'ON_TRACK', version: 2 });

    // History: one event per step of the report, one for the commitment, one per rolled-up parent.
    const events = await t.prisma.activityEvent.findMany({
      where: { workspaceId, entityId: created.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual([
      'created',
      'submitted',
      'returned',
      'updated',
      'submitted',
      'approved',
    ]);
    expect(events.every((e) => e.entityType === 'progressUpdate' && e.commitmentId === x.a)).toBe(
      true,
    );
    expect(events[3]!.changes).toEqual({
      narrative: { before: 'Đã trình dự thảo.', after: 'Đã bổ sung số liệu quý 3.' },
      progress: { before: 60, after: 65 },
    });
    expect(events[2]!.changes).toMatchObject({
      state: { before: 'SUBMITTED', after: 'RETURNED' },
      returnReason: { before: null, after: 'Thiếu số liệu quý 3' },
    });
    expect(events[5]!.changes).toMatchObject({
      state: { before: 'SUBMITTED', after: 'APPROVED' },
    });
    expect(events[5]!.actorId).toBe(users.manager);
    const commitmentEvents = await t.prisma.activityEvent.findMany({
      where: { entityType: 'commitment', entityId: x.a },
    });
    expect(commitmentEvents).toHaveLength(1);
    expect(commitmentEvents[0]!.changes).toEqual({
      progress: { before: 20, after: 65 },
      version: { before: 1, after: 2 },
    });
    const rolled = await t.prisma.activityEvent.findMany({
      where: { entityType: 'commitment', entityId: { in: [x.parent, x.root] } },
    });
    expect(rolled.map((e) => [e.entityId, e.action, e.changes]).sort()).toEqual(
      [
        [x.parent, 'rolledUp', { progress: { before: 30, after: 64 } }],
        [x.root, 'rolledUp', { progress: { before: 40, after: 57 } }],
      ].sort(),
    );
  });

  it('approval sets the official status too, and the list shows the report with its values', async () => {
    const x = await tree();
    const report = await submitted(official, x.a, draft({ status: 'AT_RISK', progress: 25 }));
    expect((await admin.post(`${updates(x.a)}/${report.id}/approve`)).status).toBe(200);
    const a = await t.prisma.commitment.findUniqueOrThrow({ where: { id: x.a } });
    expect(a).toMatchObject({ status: 'AT_RISK', progress: 25, version: 2 });
    const list = await viewer.get<{ items: Update[] }>(updates(x.a));
    expect(list.body.items.map((u) => [u.id, u.state, u.version])).toEqual([
      [report.id, 'APPROVED', 3],
    ]);
  });

  it('never lets the author approve or return their own report, not even an ADMIN', async () => {
    const x = await tree();
    const own = await submitted(admin, x.a);
    const before = await state(x, own.id);
    for (const step of ['approve', 'return']) {
      const response = await admin.post<ErrorBody>(
        `${updates(x.a)}/${own.id}/${step}`,
        step === 'return' ? { reason: 'self' } : undefined,
      );
      expect(response.status).toBe(403);
    }
    expect(await state(x, own.id)).toEqual(before);
    // Another decider may.
    expect((await manager.post(`${updates(x.a)}/${own.id}/approve`)).status).toBe(200);

    const byOfficial = await submitted(official, x.a);
    // An EDITOR never decides, even on someone else's report.
    const editorDecides = await official.post(`${updates(x.a)}/${byOfficial.id}/approve`);
    expect(editorDecides.status).toBe(403);
  });

  it('refuses writes on commitments of other organizations, and PARTNER and VIEWER everywhere', async () => {
    const x = await tree();
    const before = await state(x);
    // MOLISA's official on a VCCI commitment.
    expect((await official.post(updates(x.b), draft())).status).toBe(403);
    for (const client of [union, viewer, manager]) {
      expect((await client.post(updates(x.a), draft())).status).toBe(403);
    }
    expect(await state(x)).toEqual(before);
    // Co-responsible counts as own.
    await create(official, x.shared);

    const report = await submitted(official, x.a);
    const mine = await state(x, report.id);
    const url = `${updates(x.a)}/${report.id}`;
    for (const client of [union, viewer]) {
      expect((await client.patch(url, { narrative: 'x' })).status).toBe(403);
      expect((await client.post(`${url}/submit`)).status).toBe(403);
      expect((await client.post(`${url}/approve`)).status).toBe(403);
      expect((await client.post(`${url}/return`, { reason: 'x' })).status).toBe(403);
    }
    expect(await state(x, report.id)).toEqual(mine);
  });

  it('lets only the author edit or submit a report', async () => {
    const x = await tree();
    const report = await create(official, x.a);
    const url = `${updates(x.a)}/${report.id}`;
    const before = await state(x, report.id);
    expect((await admin.patch(url, { narrative: 'not mine' })).status).toBe(403);
    expect((await admin.post(`${url}/submit`)).status).toBe(403);
    expect(await state(x, report.id)).toEqual(before);
  });

  it('answers 409 naming the current state for every illegal transition, changing nothing', async () => {
    const x = await tree();
    const report = await create(official, x.a);
    const url = `${updates(x.a)}/${report.id}`;
    const refuse = async (
      client: TestClient,
      path: string,
      body: unknown,
      current: string,
      method: 'post' | 'patch' = 'post',
    ) => {
      const before = await state(x, report.id);
      const headers = method === 'patch' ? await ifMatchOf(client, url) : undefined;
      const response = await client[method]<ErrorBody>(`${url}${path}`, body, headers);
      expect(response.status).toBe(409);
      expect(response.body.message).toContain(current);
      expect(await state(x, report.id)).toEqual(before);
    };
    await refuse(manager, '/approve', undefined, 'DRAFT');
    await refuse(manager, '/return', { reason: 'no' }, 'DRAFT');
    expect((await official.post(`${url}/submit`)).status).toBe(200);
    await refuse(official, '/submit', undefined, 'SUBMITTED');
    await refuse(official, '', { narrative: 'late' }, 'SUBMITTED', 'patch');
    expect((await manager.post(`${url}/approve`)).status).toBe(200);
    await refuse(manager, '/approve', undefined, 'APPROVED');
    await refuse(manager, '/return', { reason: 'too late' }, 'APPROVED');
    await refuse(official, '/submit', undefined, 'APPROVED');
    await refuse(official, '', { narrative: 'late' }, 'APPROVED', 'patch');
  });

  it('approves once when deciders race: one 200, the rest 409, one change recorded', async () => {
    const x = await tree();
    const report = await submitted(
      official,
      x.a,
      draft({
        indicatorValues: [{ indicatorId: x.indicator, value: 50, measuredOn: '2026-06-30' }],
      }),
    );
    const url = `${updates(x.a)}/${report.id}`;
    const responses = await Promise.all(
      [manager, admin, manager, admin, manager, admin].map((c) => c.post(`${url}/approve`)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const a = await t.prisma.commitment.findUniqueOrThrow({ where: { id: x.a } });
    expect(a.version).toBe(2);
    expect(await t.prisma.measurement.count({ where: { indicatorId: x.indicator } })).toBe(1);
    expect(
      await t.prisma.activityEvent.count({ where: { entityId: report.id, action: 'approved' } }),
    ).toBe(1);
    expect(await t.prisma.activityEvent.count({ where: { entityId: x.a } })).toBe(1);
  });

  it('keeps sibling approvals consistent when they race under one parent', async () => {
    const x = await tree();
    // B is VCCI's: the ADMIN writes it.
    const onA = await submitted(official, x.a, draft({ progress: 80 }));
    const onB = await submitted(admin, x.b, draft({ progress: 0, status: 'OFF_TRACK' }));
    const [ra, rb] = await Promise.all([
      manager.post(`${updates(x.a)}/${onA.id}/approve`),
      manager.post(`${updates(x.b)}/${onB.id}/approve`),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    // P = round((80·3 + 0) / 4) = 60, R = round((60 + 50) / 2) = 55, whatever order they ran in.
    const parent = await t.prisma.commitment.findUniqueOrThrow({ where: { id: x.parent } });
    const root = await t.prisma.commitment.findUniqueOrThrow({ where: { id: x.root } });
    expect([parent.progress, root.progress]).toEqual([60, 55]);
  });

  it('applies the consistency rules at submit and at approval', async () => {
    const x = await tree();
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'COMPLETED', progress: 90 }, 'progress'],
      [{ status: 'ON_TRACK', progress: 100 }, 'status'],
      [{ status: 'COMPLETED', progress: 100 }, 'status'],
    ];
    for (const [fields, field] of cases) {
      const report = await create(official, x.a, draft(fields));
      const before = await state(x, report.id);
      const response = await official.post<ErrorBody>(`${updates(x.a)}/${report.id}/submit`);
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
      expect(await state(x, report.id)).toEqual(before);
    }

    // Evidence on the report itself makes a COMPLETED report acceptable...
    const done = await create(official, x.a, draft({ status: 'COMPLETED', progress: 100 }));
    const evidence = await t.prisma.evidence.create({
      data: {
        workspaceId,
        commitmentId: x.a,
        progressUpdateId: done.id,
        kind: 'LINK',
        title: 'Quyết định',
        url: 'https://docs.demo.test/qd.pdf',
      },
    });
    expect((await official.post(`${updates(x.a)}/${done.id}/submit`)).status).toBe(200);
    // ...and evidence of another report of the same commitment does not.
    const other = await create(official, x.a, draft({ status: 'COMPLETED', progress: 100 }));
    expect((await official.post(`${updates(x.a)}/${other.id}/submit`)).status).toBe(400);

    // Checked again at approval: the evidence went away in between.
    await t.prisma.evidence.delete({ where: { id: evidence.id } });
    const before = await state(x, done.id);
    const refused = await manager.post<ErrorBody>(`${updates(x.a)}/${done.id}/approve`);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      {
        field: 'status',
        code: 'completedNeedsEvidence',
        message: 'COMPLETED needs at least one evidence item',
      },
    ]);
    expect(await state(x, done.id)).toEqual(before);

    // Evidence on the commitment is enough.
    await t.prisma.evidence.create({
      data: {
        workspaceId,
        commitmentId: x.a,
        kind: 'LINK',
        title: 'Báo cáo',
        url: 'https://x.test',
      },
    });
    expect((await manager.post(`${updates(x.a)}/${done.id}/approve`)).status).toBe(200);
    const a = await t.prisma.commitment.findUniqueOrThrow({ where: { id: x.a } });
    expect(a).toMatchObject({ status: 'COMPLETED', progress: 100 });
  });

  it('validates bodies, naming the field, and rejects fields a client may not set', async () => {
    const x = await tree();
    const before = await state(x);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...draft(), state: 'APPROVED' }, 'state'],
      [{ ...draft(), authorId: users.admin }, 'authorId'],
      [{ ...draft(), progress: 101 }, 'progress'],
      [{ ...draft(), progress: 12.5 }, 'progress'],
      [{ ...draft(), status: 'DONE' }, 'status'],
      [{ ...draft(), period: '' }, 'period'],
      [{ ...draft(), period: 'x'.repeat(41) }, 'period'],
      [{ ...draft(), narrative: '' }, 'narrative'],
      [
        {
          ...draft(),
          indicatorValues: [{ indicatorId: x.indicator, value: 1, measuredOn: '2026-02-30' }],
        },
        'indicatorValues.0.measuredOn',
      ],
      [
        {
          ...draft(),
          indicatorValues: [
            { indicatorId: x.indicator, value: 1, measuredOn: '2026-01-01', extra: 1 },
          ],
        },
        'indicatorValues.0.extra',
      ],
      [
        {
          ...draft(),
          indicatorValues: [
            { indicatorId: x.indicator, value: 1, measuredOn: '2026-01-01' },
            { indicatorId: x.otherIndicator, value: 1, measuredOn: '2026-01-01' },
          ],
        },
        'indicatorValues.1.indicatorId',
      ],
      [
        {
          ...draft(),
          indicatorValues: [
            { indicatorId: x.indicator, value: 1, measuredOn: '2026-01-01' },
            { indicatorId: x.indicator, value: 2, measuredOn: '2026-01-02' },
          ],
        },
        'indicatorValues.1.indicatorId',
      ],
    ];
    for (const [body, field] of bad) {
      const response = await official.post<ErrorBody>(updates(x.a), body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
    expect(await state(x)).toEqual(before);
    expect(await t.prisma.progressUpdate.count({ where: { commitmentId: x.a } })).toBe(0);

    const report = await create(official, x.a);
    const url = `${updates(x.a)}/${report.id}`;
    const mine = await state(x, report.id);
    for (const [body, field] of [
      [{ version: 7 }, 'version'],
      [{ state: 'SUBMITTED' }, 'state'],
      [{ progress: -1 }, 'progress'],
      [
        {
          indicatorValues: [{ indicatorId: x.otherIndicator, value: 1, measuredOn: '2026-01-01' }],
        },
        'indicatorValues.0.indicatorId',
      ],
    ] as const) {
      const response = await official.patch<ErrorBody>(url, body, await ifMatchOf(official, url));
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
    expect((await official.post(`${url}/submit`)).status).toBe(200);
    for (const [body, field] of [
      [{}, 'reason'],
      [{ reason: '' }, 'reason'],
      [{ reason: 'x'.repeat(2001) }, 'reason'],
      [{ reason: 'ok', progress: 100 }, 'progress'],
    ] as const) {
      const response = await manager.post<ErrorBody>(`${url}/return`, body);
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => d.field)).toContain(field);
    }
    const after = await state(x, report.id);
    expect(after.commitments).toEqual(mine.commitments);
    expect(after.update!.state).toBe('SUBMITTED');
  });

  it('replaces the indicator values on edit and records the change once', async () => {
    const x = await tree();
    const report = await create(
      official,
      x.a,
      draft({
        indicatorValues: [{ indicatorId: x.indicator, value: 1, measuredOn: '2026-01-01' }],
      }),
    );
    const url = `${updates(x.a)}/${report.id}`;
    const edited = await official.patch<Update>(
      url,
      {
        indicatorValues: [
          { indicatorId: x.indicator, value: 2, measuredOn: '2026-03-31', source: 'S' },
        ],
      },
      { 'if-match': '"1"' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.indicatorValues).toEqual([
      { indicatorId: x.indicator, value: 2, measuredOn: '2026-03-31', source: 'S' },
    ]);
    expect(edited.body.version).toBe(2);
    const events = await t.prisma.activityEvent.findMany({
      where: { entityId: report.id, action: 'updated' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.changes).toEqual({
      indicatorValues: {
        before: [{ indicatorId: x.indicator, value: 1, measuredOn: '2026-01-01', source: null }],
        after: [{ indicatorId: x.indicator, value: 2, measuredOn: '2026-03-31', source: 'S' }],
      },
    });
    // An empty list clears them.
    const cleared = await official.patch<Update>(
      url,
      { indicatorValues: [] },
      { 'if-match': '"2"' },
    );
    expect(cleared.body.indicatorValues).toEqual([]);
  });

  it('answers 404 for another workspace’s commitment or report on every route, and for a report of another commitment', async () => {
    const x = await tree();
    const other = await t.prisma.workspace.create({
      data: { slug: `other-${randomUUID().slice(0, 8)}`, name: 'Other' },
    });
    const org = await t.prisma.organization.create({
      data: {
        workspaceId: other.id,
        shortName: 'MOLISA',
        nameVi: 'B',
        nameEn: 'M',
        constituency: 'GOVERNMENT',
      },
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
        leadOrgId: org.id,
      },
    });
    const foreignReport = await t.prisma.progressUpdate.create({
      data: {
        workspaceId: other.id,
        commitmentId: foreign.id,
        authorId: users.official!,
        periodId: await quarterId(t.prisma, other.id, '2026-Q3'),
        status: 'ON_TRACK',
        progress: 10,
        narrative: 'n',
        state: 'SUBMITTED',
      },
    });
    const ownReport = await submitted(official, x.a);
    const before = await t.prisma.progressUpdate.findUniqueOrThrow({
      where: { id: foreignReport.id },
    });

    const routes = (commitmentId: string, updateId: string) =>
      [
        ['get', `${updates(commitmentId)}`, undefined],
        ['post', `${updates(commitmentId)}`, draft()],
        ['get', `${updates(commitmentId)}/${updateId}`, undefined],
        ['patch', `${updates(commitmentId)}/${updateId}`, { narrative: 'x' }],
        ['post', `${updates(commitmentId)}/${updateId}/submit`, undefined],
        ['post', `${updates(commitmentId)}/${updateId}/approve`, undefined],
        ['post', `${updates(commitmentId)}/${updateId}/return`, { reason: 'x' }],
      ] as const;
    // Another workspace's ids, under our workspace: as an ADMIN, who may do everything here.
    for (const [method, url, body] of routes(foreign.id, foreignReport.id)) {
      const response = await send(admin, method, url, body);
      expect({ method, url, status: response.status }).toEqual({ method, url, status: 404 });
    }
    // Our commitment with the other workspace's report, and our report under another commitment.
    for (const [method, url, body] of [
      ...routes(x.a, foreignReport.id).slice(2),
      ...routes(x.b, ownReport.id).slice(2),
    ]) {
      const response = await send(admin, method, url, body);
      expect({ method, url, status: response.status }).toEqual({ method, url, status: 404 });
    }
    expect(
      await t.prisma.progressUpdate.findUniqueOrThrow({ where: { id: foreignReport.id } }),
    ).toEqual(before);
    expect(
      (await t.prisma.progressUpdate.findUniqueOrThrow({ where: { id: ownReport.id } })).state,
    ).toBe('SUBMITTED');
    expect((await admin.get(`${updates(x.a)}/not-a-uuid`)).status).toBe(400);
  });

  describe('optimistic concurrency', () => {
    type Stale = ErrorBody & { current: Update };

    it('requires If-Match to edit: 428 without it or with *, 412 with a stale one returning the stored report, nothing changed', async () => {
      const x = await tree();
      const report = await create(official, x.a);
      const url = `${updates(x.a)}/${report.id}`;
      const before = await state(x, report.id);
      const missing = await official.patch<ErrorBody>(url, { narrative: 'mới' });
      expect(missing.status).toBe(428);
      expect((await official.patch(url, { narrative: 'mới' }, { 'if-match': '*' })).status).toBe(
        428,
      );
      const stale = await official.patch<Stale>(url, { narrative: 'mới' }, { 'if-match': '"7"' });
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({
        id: report.id,
        version: 1,
        narrative: report.narrative,
      });
      expect(await state(x, report.id)).toEqual(before);
      // Authorization comes first: a non-author is refused 403 with or without If-Match.
      expect((await admin.patch(url, { narrative: 'x' })).status).toBe(403);
      expect((await admin.patch(url, { narrative: 'x' }, { 'if-match': '"7"' })).status).toBe(403);
      expect(await state(x, report.id)).toEqual(before);
    });

    it('bumps the version and the ETag on a real edit, and not on an empty or identical one', async () => {
      const x = await tree();
      const report = await create(official, x.a);
      const url = `${updates(x.a)}/${report.id}`;
      const got = await official.get<Update>(url);
      expect(got.headers['etag']).toMatch(/^"1-/);
      const events = () =>
        t.prisma.activityEvent.count({ where: { entityId: report.id, action: 'updated' } });
      const empty = await official.patch<Update>(url, {}, { 'if-match': '"1"' });
      expect(empty.status).toBe(200);
      expect(empty.body.version).toBe(1);
      expect(empty.headers['etag']).toBe('"1"');
      const same = await official.patch<Update>(
        url,
        { narrative: report.narrative, progress: report.progress },
        { 'if-match': '"1"' },
      );
      expect(same.body.version).toBe(1);
      expect(await events()).toBe(0);
      const edited = await official.patch<Update>(url, { progress: 70 }, { 'if-match': '"1"' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ progress: 70, version: 2 });
      expect(edited.headers['etag']).toBe('"2"');
      expect(await events()).toBe(1);
      // The old ETag is now stale.
      expect((await official.patch(url, { progress: 71 }, { 'if-match': '"1"' })).status).toBe(412);
    });

    it('lets exactly one of many concurrent edits of one version through; the rest get 412', async () => {
      const x = await tree();
      const report = await create(official, x.a);
      const url = `${updates(x.a)}/${report.id}`;
      const { winner } = await oneWriteWins(12, (i) =>
        official.patch<Update>(url, { narrative: `Bản ${i}` }, { 'if-match': '"1"' }),
      );
      const stored = await t.prisma.progressUpdate.findUniqueOrThrow({ where: { id: report.id } });
      expect(stored).toMatchObject({ version: 2, narrative: winner.narrative });
      const events = await t.prisma.activityEvent.findMany({
        where: { entityId: report.id, action: 'updated' },
      });
      expect(events).toHaveLength(1);
      expect(events[0]!.changes).toEqual({
        narrative: { before: report.narrative, after: winner.narrative },
      });
    });

    it('honours an optional If-Match on submit, approve and return (412 when stale, nothing changed)', async () => {
      const x = await tree();
      const report = await create(official, x.a);
      const url = `${updates(x.a)}/${report.id}`;
      const before = await state(x, report.id);
      const staleSubmit = await official.post<Stale>(`${url}/submit`, undefined, {
        'if-match': '"9"',
      });
      expect(staleSubmit.status).toBe(412);
      expect(staleSubmit.body.current).toMatchObject({ state: 'DRAFT', version: 1 });
      expect(await state(x, report.id)).toEqual(before);
      const submittedNow = await official.post<Update>(`${url}/submit`, undefined, {
        'if-match': '"1"',
      });
      expect(submittedNow.status).toBe(200);
      expect(submittedNow.headers['etag']).toBe('"2"');
      const afterSubmit = await state(x, report.id);
      expect(
        (await manager.post(`${url}/return`, { reason: 'x' }, { 'if-match': '"1"' })).status,
      ).toBe(412);
      expect((await manager.post(`${url}/approve`, undefined, { 'if-match': '"1"' })).status).toBe(
        412,
      );
      expect(await state(x, report.id)).toEqual(afterSubmit);
      const approved = await manager.post<Update>(`${url}/approve`, undefined, {
        'if-match': '"2"',
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ state: 'APPROVED', version: 3 });
    });
  });
});
