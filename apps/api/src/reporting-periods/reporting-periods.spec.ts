import { randomUUID } from 'node:crypto';
import type { components } from '@spct/contracts';
import { createMember, uniqueSlug } from '../../test/accounts';
import { createOtherWorkspace } from '../../test/other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { Clock } from '../common/clock';

type Calendar = components['schemas']['ReportingCalendarDto'];
type Period = components['schemas']['ReportingPeriodDto'];
type PeriodList = components['schemas']['ReportingPeriodListDto'];
type Compliance = components['schemas']['ComplianceDto'];
type Report = components['schemas']['ProgressUpdateDto'];
interface ErrorBody {
  statusCode: number;
  message: string;
  details?: { field: string; message: string }[];
}

describe('reporting calendar and periods', () => {
  let t: TestApp;
  let slug: string;
  let base: string;
  let admin: TestClient;
  let editor: TestClient;
  let manager: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let orgs: { lead: string; other: string };
  let frameworkId: string;
  const at = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));

  async function commitment(leadOrgId: string | null, extra: { status?: 'COMPLETED' } = {}) {
    const reference = `RP-${randomUUID().slice(0, 8)}`;
    const row = await t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId,
        reference,
        titleVi: reference,
        titleEn: reference,
        leadOrgId,
        ...extra,
      },
    });
    return row.id;
  }

  const reports = (commitmentId: string) => `${base}/commitments/${commitmentId}/updates`;
  const draft = (period: string) => ({
    period,
    status: 'ON_TRACK',
    progress: 30,
    narrative: 'Tiến độ theo kế hoạch',
  });

  async function submitted(commitmentId: string, period: string): Promise<Report> {
    const created = await editor.post<Report>(reports(commitmentId), draft(period));
    expect({ period, status: created.status, body: created.body }).toMatchObject({
      period,
      status: 201,
    });
    const sent = await editor.post<Report>(`${reports(commitmentId)}/${created.body.id}/submit`);
    expect(sent.status).toBe(200);
    return sent.body;
  }

  async function periodByKey(key: string): Promise<Period> {
    const { body } = await admin.get<PeriodList>(`${base}/reporting-periods`);
    const period = body.items.find((p) => p.key === key);
    if (!period) throw new Error(`no period ${key}`);
    return period;
  }

  beforeAll(async () => {
    t = await createTestApp();
    slug = uniqueSlug('rp');
    base = `/api/workspaces/${slug}`;
    const first = await createMember(t, { slug, role: 'ADMIN' });
    admin = first.client;
    workspaceId = first.workspaceId;
    const [lead, other] = await Promise.all(
      ['LEAD', 'OTHER'].map((shortName) =>
        t.prisma.organization.create({
          data: {
            workspaceId,
            shortName,
            nameVi: shortName,
            nameEn: shortName,
            constituency: 'GOVERNMENT',
          },
        }),
      ),
    );
    orgs = { lead: lead!.id, other: other!.id };
    editor = (await createMember(t, { slug, role: 'EDITOR', organizationId: orgs.lead })).client;
    manager = (await createMember(t, { slug, role: 'MANAGER' })).client;
    viewer = (await createMember(t, { slug, role: 'VIEWER' })).client;
    frameworkId = (
      await t.prisma.framework.create({
        data: { workspaceId, code: 'RP', titleVi: 'Khung', titleEn: 'Framework' },
      })
    ).id;
  });

  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  describe('the calendar', () => {
    it('has the defaults until an administrator sets it, under If-Match', async () => {
      const { status, body, headers } = await viewer.get<Calendar>(`${base}/reporting-calendar`);
      expect(status).toBe(200);
      expect(body).toEqual({
        cadence: 'QUARTERLY',
        dueDays: 15,
        timeZone: 'Asia/Ho_Chi_Minh',
        version: 1,
      });
      const url = `${base}/reporting-calendar`;
      expect((await admin.put(url, { dueDays: 20 })).status).toBe(428);
      expect((await admin.put(url, { dueDays: 20 }, { 'if-match': '"7"' })).status).toBe(412);
      for (const member of [manager, editor, viewer]) {
        expect((await member.put(url, { dueDays: 20 }, { 'if-match': '"1"' })).status).toBe(403);
      }
      const invalid: [Record<string, unknown>, string][] = [
        [{ cadence: 'WEEKLY' }, 'cadence'],
        [{ dueDays: -1 }, 'dueDays'],
        [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
        [{ version: 9 }, 'version'],
      ];
      for (const [body, field] of invalid) {
        const answer = await admin.put<ErrorBody>(url, body, { 'if-match': '"1"' });
        expect({ field, status: answer.status }).toEqual({ field, status: 400 });
        expect(answer.body.details?.map((d) => d.field)).toContain(field);
      }
      void headers;
    });

    it('moves due dates with the delay and records the change', async () => {
      at('2026-11-05T03:00:00Z');
      await admin.get(`${base}/reporting-periods`);
      const put = await admin.put<Calendar>(
        `${base}/reporting-calendar`,
        { dueDays: 20 },
        { 'if-match': '"1"' },
      );
      expect(put.body).toMatchObject({ dueDays: 20, version: 2 });
      expect((await periodByKey('2026-Q4')).dueOn).toBe('2027-01-20');
      const back = await admin.put<Calendar>(
        `${base}/reporting-calendar`,
        { dueDays: 15 },
        { 'if-match': '"2"' },
      );
      expect(back.body.version).toBe(3);
      expect((await periodByKey('2026-Q4')).dueOn).toBe('2027-01-15');
      const events = await t.prisma.activityEvent.count({
        where: { workspaceId, entityType: 'reportingCalendar' },
      });
      expect(events).toBe(2);
    });
  });

  describe('periods', () => {
    it('lists the current period and the previous one, in the workspace time zone', async () => {
      // 31 December 2026 at 18:00 UTC is already 1 January 2027 in Viet Nam.
      at('2026-12-31T18:00:00Z');
      const { status, body } = await viewer.get<PeriodList>(`${base}/reporting-periods`);
      expect(status).toBe(200);
      const current = body.items.filter((p) => p.current).map((p) => p.key);
      expect(current).toEqual(['2027-Q1']);
      expect(body.items.map((p) => p.key)).toEqual(expect.arrayContaining(['2027-Q1', '2026-Q4']));
      expect(body.items.find((p) => p.key === '2026-Q4')).toMatchObject({
        startsOn: '2026-10-01',
        endsOn: '2026-12-31',
        dueOn: '2027-01-15',
        state: 'OPEN',
      });
    });

    it('refuses reports for a closed period (409) until reopened with a reason, recorded', async () => {
      at('2026-11-05T03:00:00Z');
      const item = await commitment(orgs.lead);
      const q3 = await periodByKey('2026-Q3');
      // Only administrators close and reopen.
      expect((await manager.post(`${base}/reporting-periods/${q3.id}/close`)).status).toBe(403);
      const closed = await admin.post<Period>(`${base}/reporting-periods/${q3.id}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        state: 'CLOSED',
        closedBy: { displayName: expect.any(String) },
      });
      expect((await admin.post(`${base}/reporting-periods/${q3.id}/close`)).status).toBe(409);

      const refused = await editor.post<ErrorBody>(reports(item), draft('2026-Q3'));
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/2026-Q3 is closed/);
      expect(await t.prisma.progressUpdate.count({ where: { commitmentId: item } })).toBe(0);

      const noReason = await admin.post<ErrorBody>(`${base}/reporting-periods/${q3.id}/reopen`, {});
      expect(noReason.status).toBe(400);
      expect(new Set(noReason.body.details?.map((d) => d.field))).toEqual(new Set(['reason']));
      const reopened = await admin.post<Period>(`${base}/reporting-periods/${q3.id}/reopen`, {
        reason: 'Báo cáo muộn của Bộ được chấp nhận',
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({
        state: 'OPEN',
        reopenReason: 'Báo cáo muộn của Bộ được chấp nhận',
        reopenedBy: { displayName: expect.any(String) },
      });
      const events = await t.prisma.activityEvent.findMany({
        where: { workspaceId, entityType: 'reportingPeriod', entityId: q3.id },
        orderBy: { createdAt: 'asc' },
      });
      expect(events.map((e) => e.action)).toEqual(['closed', 'reopened']);
      expect(events[1]!.changes).toMatchObject({
        reopenReason: { after: 'Báo cáo muộn của Bộ được chấp nhận' },
      });
      expect((await editor.post(reports(item), draft('2026-Q3'))).status).toBe(201);
    });

    it('refuses to submit a draft whose period closed meanwhile', async () => {
      at('2026-11-05T03:00:00Z');
      const item = await commitment(orgs.lead);
      const created = await editor.post<Report>(reports(item), draft('2026-Q4'));
      const q4 = await periodByKey('2026-Q4');
      await admin.post(`${base}/reporting-periods/${q4.id}/close`);
      const submit = await editor.post<ErrorBody>(`${reports(item)}/${created.body.id}/submit`);
      expect(submit.status).toBe(409);
      expect(submit.body.message).toMatch(/2026-Q4 is closed/);
      await admin.post(`${base}/reporting-periods/${q4.id}/reopen`, { reason: 'tiếp tục' });
      expect((await editor.post(`${reports(item)}/${created.body.id}/submit`)).status).toBe(200);
    });

    it('accepts only keys of the calendar for periods that have begun (400 naming period)', async () => {
      at('2026-11-05T03:00:00Z');
      const item = await commitment(orgs.lead);
      for (const period of ['2026-13', 'Q4 2026', '2026-Q5', '2027-Q1', '2026-H2']) {
        const answer = await editor.post<ErrorBody>(reports(item), draft(period));
        expect({ period, status: answer.status }).toEqual({ period, status: 400 });
        expect(answer.body.details?.map((d) => d.field)).toEqual(['period']);
      }
    });

    it('keeps one approved report per commitment and period', async () => {
      at('2026-11-05T03:00:00Z');
      const item = await commitment(orgs.lead);
      const first = await submitted(item, '2026-Q4');
      const second = await submitted(item, '2026-Q4');
      expect((await manager.post(`${reports(item)}/${first.id}/approve`)).status).toBe(200);
      const refused = await manager.post<ErrorBody>(`${reports(item)}/${second.id}/approve`);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/already has an approved report for 2026-Q4/);
      // Another period is another matter.
      const next = await submitted(item, '2026-Q3');
      expect((await manager.post(`${reports(item)}/${next.id}/approve`)).status).toBe(200);
    });

    it('does not exist for another workspace (404)', async () => {
      const other = await createOtherWorkspace(t.prisma);
      const foreign = await t.prisma.reportingPeriod.create({
        data: {
          workspaceId: other.workspaceId,
          key: '2026-Q2',
          startsOn: new Date('2026-04-01'),
          endsOn: new Date('2026-06-30'),
          dueOn: new Date('2026-07-15'),
        },
      });
      expect((await admin.post(`${base}/reporting-periods/${foreign.id}/close`)).status).toBe(404);
      expect((await admin.get(`${base}/compliance?periodId=${foreign.id}`)).status).toBe(404);
      expect(
        (await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { id: foreign.id } })).state,
      ).toBe('OPEN');
    });
  });

  describe('compliance', () => {
    it('counts expected, on time, late, approved and missing per lead organization', async () => {
      // A workspace of its own: every trackable item below is the test's.
      const own = uniqueSlug('cp');
      const boss = await createMember(t, { slug: own, role: 'ADMIN' });
      const ws = boss.workspaceId;
      const [a, b] = await Promise.all(
        ['A', 'B'].map((shortName) =>
          t.prisma.organization.create({
            data: {
              workspaceId: ws,
              shortName,
              nameVi: `Tổ chức ${shortName}`,
              nameEn: `Org ${shortName}`,
              constituency: 'GOVERNMENT',
            },
          }),
        ),
      );
      const writerA = (await createMember(t, { slug: own, role: 'EDITOR', organizationId: a!.id }))
        .client;
      const writerB = (await createMember(t, { slug: own, role: 'EDITOR', organizationId: b!.id }))
        .client;
      const approver = (await createMember(t, { slug: own, role: 'MANAGER' })).client;
      const fw = await t.prisma.framework.create({
        data: { workspaceId: ws, code: 'CP', titleVi: 'Khung', titleEn: 'Framework' },
      });
      const item = async (lead: string | null, extra: object = {}) =>
        (
          await t.prisma.commitment.create({
            data: {
              workspaceId: ws,
              frameworkId: fw.id,
              reference: randomUUID().slice(0, 8),
              titleVi: 'x',
              titleEn: 'x',
              leadOrgId: lead,
              ...extra,
            },
          })
        ).id;
      const url = (id: string) => `/api/workspaces/${own}/commitments/${id}/updates`;
      const report = async (writer: TestClient, id: string, when: string, approve = false) => {
        at(when);
        const created = await writer.post<Report>(url(id), draft('2026-Q3'));
        await writer.post(`${url(id)}/${created.body.id}/submit`);
        if (approve) await approver.post(`${url(id)}/${created.body.id}/approve`);
        return created.body;
      };
      const [a1, a2, a3, a4, b1, b2] = [
        await item(a!.id),
        await item(a!.id),
        await item(a!.id),
        await item(a!.id),
        await item(b!.id),
        await item(b!.id),
      ];
      // Not expected: completed, without a lead, a parent, archived.
      await item(a!.id, { status: 'COMPLETED' });
      await item(null);
      await item(a!.id, { archived: true });
      const parent = await item(b!.id);
      await item(b!.id, { parentId: parent });

      // 2026-Q3 is due on 15 October (Viet Nam time): 23:00 on the 15th there is on time.
      await report(writerA, a1, '2026-10-15T16:00:00Z', true); // on time, approved
      await report(writerA, a2, '2026-10-15T17:30:00Z'); // 00:30 on the 16th there: late
      const returned = await report(writerA, a3, '2026-10-10T03:00:00Z'); // returned: not submitted
      await approver.post(`${url(a3)}/${returned.id}/return`, { reason: 'Thiếu số liệu' });
      await report(writerB, b1, '2026-12-01T03:00:00Z', true); // late, approved
      // a4 and b2: nothing; a draft does not count either.
      at('2026-10-01T03:00:00Z');
      await writerB.post(url(b2), draft('2026-Q3'));

      at('2026-12-03T03:00:00Z');
      const { body: list } = await boss.client.get<PeriodList>(
        `/api/workspaces/${own}/reporting-periods`,
      );
      const q3 = list.items.find((p) => p.key === '2026-Q3')!;
      const { status, body } = await boss.client.get<Compliance>(
        `/api/workspaces/${own}/compliance?periodId=${q3.id}`,
      );
      expect(status).toBe(200);
      expect(body.period.key).toBe('2026-Q3');
      expect(body.organizations).toEqual([
        {
          organizationId: a!.id,
          shortName: 'A',
          name: { vi: 'Tổ chức A', en: 'Org A' },
          expected: 4,
          submittedOnTime: 1,
          submittedLate: 1,
          approved: 1,
          missing: 2,
          rate: 0.5,
        },
        {
          organizationId: b!.id,
          shortName: 'B',
          name: { vi: 'Tổ chức B', en: 'Org B' },
          expected: 3,
          submittedOnTime: 0,
          submittedLate: 1,
          approved: 1,
          missing: 2,
          rate: 1 / 3,
        },
      ]);
      expect(body.totals).toEqual({
        expected: 7,
        submittedOnTime: 1,
        submittedLate: 2,
        approved: 2,
        missing: 4,
        rate: 3 / 7,
      });
      // Without a period: the current one, where nobody has reported yet.
      const current = await boss.client.get<Compliance>(`/api/workspaces/${own}/compliance`);
      expect(current.body.period.key).toBe('2026-Q4');
      expect(current.body.totals).toMatchObject({ expected: 7, missing: 7, rate: 0 });
      void [a4, b2];
    });
  });
});
