import { createMember, type TestMember, uniqueSlug } from '../../test/accounts';
import { quarterId } from '../../test/periods';
import { createTestApp, type TestApp } from '../../test/test-app';
import { Clock } from '../common/clock';
import { JobQueue } from '../jobs/job-queue';
import { ReminderSweep, SWEEP_CRON, SWEEP_QUEUE } from './reminder-sweep';

type Person =
  | 'admin'
  | 'manager'
  | 'manager2'
  | 'leadEditor'
  | 'leadEditor2'
  | 'leadPartner'
  | 'focal'
  | 'otherEditor'
  | 'departed';

interface Setup {
  workspaceId: string;
  people: Record<Person, TestMember>;
  /** reference → commitment id */
  items: Map<string, string>;
}

/**
 * Report reminders with the clock moved through 2026-Q3 (1 July – 30 September, due 15 October
 * with the default calendar), "today" being each workspace's own day in its time zone.
 */
describe('report reminders', () => {
  let t: TestApp;
  let sweep: ReminderSweep;
  let main: Setup;
  let utc: Setup;
  let closed: Setup;

  const at = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));

  /** Every reminder entry of a workspace as "person kind daysOverdue reference", sorted. */
  async function entries(setup: Setup): Promise<string[]> {
    const rows = await t.prisma.notification.findMany({
      where: {
        workspaceId: setup.workspaceId,
        kind: { in: ['REPORT_REMINDER', 'REPORT_OVERDUE'] },
      },
      include: { commitment: { select: { reference: true } } },
    });
    const names = new Map(Object.entries(setup.people).map(([name, p]) => [p.userId, name]));
    return rows
      .map((r) => {
        const data = r.data as { daysOverdue: number; period: string };
        return `${names.get(r.userId)} ${r.kind} ${data.daysOverdue} ${r.commitment?.reference} ${data.period}`;
      })
      .sort();
  }

  /** What a sweep at `iso` added to the workspace's inbox entries. */
  async function sweepAt(iso: string, setup: Setup = main): Promise<string[]> {
    const before = await entries(setup);
    at(iso);
    await sweep.sweep();
    const after = await entries(setup);
    for (const entry of before) after.splice(after.indexOf(entry), 1);
    return after;
  }

  async function workspace(prefix: string): Promise<Setup> {
    const slug = uniqueSlug(prefix);
    const admin = await createMember(t, { slug, role: 'ADMIN' });
    const workspaceId = admin.workspaceId;
    const org = (shortName: string) =>
      t.prisma.organization.create({
        data: {
          workspaceId,
          shortName,
          nameVi: shortName,
          nameEn: shortName,
          constituency: 'GOVERNMENT',
        },
      });
    const lead = await org('LEAD');
    const other = await org('OTHER');
    const member = (role: 'MANAGER' | 'EDITOR' | 'PARTNER' | 'VIEWER', organizationId?: string) =>
      createMember(t, { slug, role, organizationId });
    const people: Record<Person, TestMember> = {
      admin,
      manager: await member('MANAGER'),
      manager2: await member('MANAGER'),
      leadEditor: await member('EDITOR', lead.id),
      leadEditor2: await member('EDITOR', lead.id),
      leadPartner: await member('PARTNER', lead.id),
      focal: await member('VIEWER'),
      otherEditor: await member('EDITOR', other.id),
      departed: await member('EDITOR', lead.id),
    };
    await t.prisma.membership.update({
      where: { id: people.departed.membershipId },
      data: { active: false },
    });
    const framework = await t.prisma.framework.create({
      data: { workspaceId, code: prefix.toUpperCase(), titleVi: 'Khung', titleEn: 'Framework' },
    });
    const item = (reference: string, fields: Record<string, unknown> = {}) =>
      t.prisma.commitment.create({
        data: {
          workspaceId,
          frameworkId: framework.id,
          reference,
          titleVi: reference,
          titleEn: reference,
          leadOrgId: lead.id,
          status: 'ON_TRACK',
          ...fields,
        },
      });
    const created = [
      await item('R.1', { focalUserId: people.focal.userId }), // expected, nothing reported
      await item('R.2'), // expected, a report submitted
      await item('R.3'), // expected, its report returned: still missing
      await item('R.4', { archived: true }),
      await item('R.5', { status: 'COMPLETED', progress: 100 }),
      await item('R.6', { leadOrgId: null, focalUserId: people.focal.userId }),
      await item('R.7', { activeChildren: 1 }), // a parent: its children report
    ];
    const items = new Map(created.map((c) => [c.reference, c.id]));
    const q3 = await quarterId(t.prisma, workspaceId, '2026-Q3');
    const report = (reference: string, state: 'SUBMITTED' | 'RETURNED') =>
      t.prisma.progressUpdate.create({
        data: {
          workspaceId,
          commitmentId: items.get(reference)!,
          authorId: people.leadEditor.userId,
          periodId: q3,
          status: 'ON_TRACK',
          progress: 10,
          narrative: 'Báo cáo',
          state,
        },
      });
    // An older period, still open and with nothing reported: long past, it reminds nobody.
    await quarterId(t.prisma, workspaceId, '2026-Q2');
    await report('R.2', 'SUBMITTED');
    await report('R.3', 'RETURNED');
    return { workspaceId, people, items };
  }

  beforeAll(async () => {
    t = await createTestApp({ runSchedules: true });
    sweep = t.app.get(ReminderSweep);
    main = await workspace('rm');
    utc = await workspace('ru');
    await t.prisma.reportingCalendar.create({
      data: { workspaceId: utc.workspaceId, timeZone: 'UTC' },
    });
    closed = await workspace('rc');
    await t.prisma.reportingPeriod.update({
      where: { id: await quarterId(t.prisma, closed.workspaceId, '2026-Q3') },
      data: { state: 'CLOSED', closedAt: new Date('2026-10-01T00:00:00Z') },
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const reminded = (daysOverdue: number, reference = 'R.1') =>
    ['focal', 'leadEditor', 'leadEditor2']
      .filter((name) => reference === 'R.1' || name !== 'focal')
      .map((name) => `${name} REPORT_REMINDER ${daysOverdue} ${reference} 2026-Q3`);

  it('reminds the lead editors and the focal person from a week before the due date, in the workspace’s time zone', async () => {
    // 7 October, 23:30 in Viet Nam: more than a week before 15 October.
    expect(await sweepAt('2026-10-07T16:30:00Z')).toEqual([]);
    // 8 October, 00:30 in Viet Nam (still 7 October in UTC): a week before.
    expect(await sweepAt('2026-10-07T17:30:00Z')).toEqual(
      [...reminded(-7), ...reminded(-7, 'R.3')].sort(),
    );
    const entry = await t.prisma.notification.findFirstOrThrow({
      where: { userId: main.people.focal.userId, kind: 'REPORT_REMINDER' },
    });
    expect(entry).toMatchObject({
      commitmentId: main.items.get('R.1'),
      actorId: null,
      data: { period: '2026-Q3', dueOn: '2026-10-15', daysOverdue: -7 },
    });
    // The workspace on UTC is not there yet; it is a few hours later.
    expect(await entries(utc)).toEqual([]);
    expect(await sweepAt('2026-10-08T03:00:00Z', utc)).toHaveLength(5);
    // Later the same week: nothing again.
    expect(await sweepAt('2026-10-14T03:00:00Z')).toEqual([]);
  });

  it('reminds on the due date and every week while overdue; the managers once, two weeks overdue', async () => {
    expect(await sweepAt('2026-10-15T03:00:00Z')).toEqual(
      [...reminded(0), ...reminded(0, 'R.3')].sort(),
    );
    expect(await sweepAt('2026-10-21T03:00:00Z')).toEqual([]);
    expect(await sweepAt('2026-10-22T03:00:00Z')).toEqual(
      [...reminded(7), ...reminded(7, 'R.3')].sort(),
    );
    expect(await sweepAt('2026-10-29T03:00:00Z')).toEqual(
      [
        ...reminded(14),
        ...reminded(14, 'R.3'),
        'manager REPORT_OVERDUE 14 R.1 2026-Q3',
        'manager REPORT_OVERDUE 14 R.3 2026-Q3',
        'manager2 REPORT_OVERDUE 14 R.1 2026-Q3',
        'manager2 REPORT_OVERDUE 14 R.3 2026-Q3',
      ].sort(),
    );
    // A report submitted for R.3 stops its reminders; the managers are not told again.
    await t.prisma.progressUpdate.updateMany({
      where: { commitmentId: main.items.get('R.3') },
      data: { state: 'SUBMITTED' },
    });
    expect(await sweepAt('2026-11-05T03:00:00Z')).toEqual(reminded(21));
    expect(await sweepAt('2026-11-06T03:00:00Z')).toEqual([]);
  });

  it('sends each reminder once when two workers sweep at the same time', async () => {
    // A second app on the same database: another process's worker, with its own connections.
    const other = await createTestApp({
      database: { url: t.databaseUrl, drop: () => Promise.resolve() },
    });
    const moment = new Date('2026-11-12T03:00:00Z');
    at(moment.toISOString());
    jest.spyOn(other.app.get(Clock), 'now').mockReturnValue(moment);
    const otherSweep = other.app.get(ReminderSweep);
    const written = await Promise.all([
      sweep.sweep(),
      otherSweep.sweep(),
      sweep.sweep(),
      otherSweep.sweep(),
    ]).finally(() => other.close());
    expect(written.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(3);
    const mine = (await entries(main)).filter((e) => e.includes(' 28 '));
    expect(mine).toEqual(reminded(28));
    // Across the whole table: never one person twice for the same step.
    const twice = await t.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT "userId", "commitmentId", kind, data->>'period', data->>'daysOverdue'
        FROM "Notification" WHERE kind IN ('REPORT_REMINDER', 'REPORT_OVERDUE')
        GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1) d`;
    expect(twice[0]!.n).toBe(0);
  });

  it('reminds nobody of a closed period', async () => {
    expect(await entries(closed)).toEqual([]);
  });

  it('runs on a pg-boss schedule, and as a job', async () => {
    const jobs = t.app.get(JobQueue);
    await waitFor(async () => {
      const rows = await t.prisma.$queryRaw<{ cron: string }[]>`
        SELECT cron FROM pgboss.schedule WHERE name = ${SWEEP_QUEUE}`;
      return rows[0]?.cron === SWEEP_CRON;
    });
    at('2026-11-19T03:00:00Z');
    await jobs.send(SWEEP_QUEUE, {});
    await waitFor(async () => (await entries(main)).some((e) => e.includes(' 35 ')));
    expect((await entries(main)).filter((e) => e.includes(' 35 '))).toEqual(reminded(35));
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
