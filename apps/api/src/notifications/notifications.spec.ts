import { randomUUID } from 'node:crypto';
import type { components } from '@spct/contracts';
import { createMember, type TestMember, uniqueSlug } from '../../test/accounts';
import { createTestApp, type TestApp } from '../../test/test-app';

type NotificationPage = components['schemas']['NotificationPageDto'];
type Report = components['schemas']['ProgressUpdateDto'];

/**
 * A workspace of its own: an ADMIN, two MANAGERs, the author and a colleague (EDITORs of the lead
 * organization), an EDITOR of another organization, a PARTNER and a VIEWER of the lead one.
 */
describe('notifications', () => {
  let t: TestApp;
  let slug: string;
  let people: Record<
    | 'admin'
    | 'manager'
    | 'manager2'
    | 'author'
    | 'colleague'
    | 'otherEditor'
    | 'partner'
    | 'viewer',
    TestMember
  >;
  let commitmentId: string;
  let base: string;

  const inbox = async (who: TestMember, query = '') =>
    (await who.client.get<NotificationPage>(`${base}/notifications${query}`)).body;
  /** Who received an entry of `kind` about the report `reportId`. */
  const recipients = async (kind: string, reportId: string) => {
    const rows = await t.prisma.notification.findMany({
      where: { kind: kind as never, data: { path: ['reportId'], equals: reportId } },
    });
    const names = Object.entries(people)
      .filter(([, p]) => rows.some((r) => r.userId === p.userId))
      .map(([name]) => name)
      .sort();
    expect(rows.length).toBe(names.length); // nobody twice, nobody outside the workspace
    return names;
  };

  beforeAll(async () => {
    t = await createTestApp();
    slug = uniqueSlug('nt');
    base = `/api/workspaces/${slug}`;
    const admin = await createMember(t, { slug, role: 'ADMIN' });
    const [lead, other] = await Promise.all(
      ['LEAD', 'OTHER'].map((shortName) =>
        t.prisma.organization.create({
          data: {
            workspaceId: admin.workspaceId,
            shortName,
            nameVi: shortName,
            nameEn: shortName,
            constituency: 'GOVERNMENT',
          },
        }),
      ),
    );
    const member = (role: 'MANAGER' | 'EDITOR' | 'PARTNER' | 'VIEWER', organizationId?: string) =>
      createMember(t, { slug, role, organizationId });
    people = {
      admin,
      manager: await member('MANAGER'),
      manager2: await member('MANAGER'),
      author: await member('EDITOR', lead!.id),
      colleague: await member('EDITOR', lead!.id),
      otherEditor: await member('EDITOR', other!.id),
      partner: await member('PARTNER', lead!.id),
      viewer: await member('VIEWER', lead!.id),
    };
    const framework = await t.prisma.framework.create({
      data: { workspaceId: admin.workspaceId, code: 'NT', titleVi: 'Khung', titleEn: 'Framework' },
    });
    commitmentId = (
      await t.prisma.commitment.create({
        data: {
          workspaceId: admin.workspaceId,
          frameworkId: framework.id,
          reference: 'N.1',
          titleVi: 'Cam kết thông báo',
          titleEn: 'Notified commitment',
          leadOrgId: lead!.id,
        },
      })
    ).id;
  });
  afterAll(() => t.close());

  async function submittedReport(): Promise<Report> {
    const url = `${base}/commitments/${commitmentId}/updates`;
    const created = await people.author.client.post<Report>(url, {
      period: currentQuarter(),
      status: 'ON_TRACK',
      progress: 20,
      narrative: 'Đang triển khai',
    });
    expect(created.status).toBe(201);
    expect((await people.author.client.post(`${url}/${created.body.id}/submit`)).status).toBe(200);
    return created.body;
  }

  it('tells those who may decide of a submitted report, never its author', async () => {
    const report = await submittedReport();
    expect(await recipients('REPORT_SUBMITTED', report.id)).toEqual([
      'admin',
      'manager',
      'manager2',
    ]);
    const page = await inbox(people.manager);
    expect(page.unread).toBeGreaterThanOrEqual(1);
    expect(page.items[0]).toMatchObject({
      kind: 'REPORT_SUBMITTED',
      commitment: { id: commitmentId, reference: 'N.1', title: { en: 'Notified commitment' } },
      actor: { id: people.author.userId },
      data: { reportId: report.id, period: currentQuarter() },
      readAt: null,
    });
    // The author now follows the item.
    const follow = await people.author.client.get<{ following: boolean }>(
      `${base}/commitments/${commitmentId}/follow`,
    );
    expect(follow.body.following).toBe(true);
  });

  it('tells the author and the lead organization’s editors of a return (with the reason), never the one who decided', async () => {
    const report = await submittedReport();
    const url = `${base}/commitments/${commitmentId}/updates/${report.id}`;
    expect(
      (await people.manager.client.post(`${url}/return`, { reason: 'Thiếu số liệu' })).status,
    ).toBe(200);
    expect(await recipients('REPORT_RETURNED', report.id)).toEqual(['author', 'colleague']);
    const entry = (await inbox(people.author)).items.find(
      (n) => n.data.reportId === report.id && n.kind === 'REPORT_RETURNED',
    );
    expect(entry).toMatchObject({
      data: { reason: 'Thiếu số liệu' },
      actor: { id: people.manager.userId },
    });
    // Resubmitted and approved by the other manager.
    expect((await people.author.client.post(`${url}/submit`)).status).toBe(200);
    expect((await people.manager2.client.post(`${url}/approve`)).status).toBe(200);
    expect(await recipients('REPORT_APPROVED', report.id)).toEqual(['author', 'colleague']);
    // Submitted twice: the deciders were told twice, each once a time.
    const submitted = await t.prisma.notification.count({
      where: {
        kind: 'REPORT_SUBMITTED',
        userId: people.manager.userId,
        data: { path: ['reportId'], equals: report.id },
      },
    });
    expect(submitted).toBe(2);
  });

  it('writes nothing when the change is refused (its transaction rolls back)', async () => {
    const report = await submittedReport();
    // Of this report (the scheduled reminder sweep may write others meanwhile).
    const ofReport = { data: { path: ['reportId'], equals: report.id } };
    const before = await t.prisma.notification.count({ where: ofReport });
    // The author cannot approve their own report: 403, and no entry.
    const url = `${base}/commitments/${commitmentId}/updates/${report.id}/approve`;
    expect((await people.author.client.post(url)).status).toBe(403);
    expect(await t.prisma.notification.count({ where: ofReport })).toBe(before);
  });

  it('pages newest first, marks one or all read, and shows only the caller’s own', async () => {
    for (let i = 0; i < 3; i++) await submittedReport();
    const first = await people.manager.client.get<NotificationPage>(
      `${base}/notifications?limit=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await inbox(people.manager, `?limit=2&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...second.items].map((n) => n.createdAt);
    expect(all).toEqual([...all].sort().reverse());

    const id = first.body.items[0]!.id;
    // Someone else's entry does not exist for the caller.
    expect((await people.manager2.client.post(`${base}/notifications/${id}/read`)).status).toBe(
      404,
    );
    expect((await people.manager.client.post(`${base}/notifications/${id}/read`)).status).toBe(204);
    const unread = (await inbox(people.manager)).unread;
    expect(unread).toBe(first.body.unread - 1);
    expect((await inbox(people.manager, '?unread=true')).items.map((n) => n.id)).not.toContain(id);
    const readAll = await people.manager.client.post<{ updated: number }>(
      `${base}/notifications/read-all`,
    );
    expect(readAll.body.updated).toBe(unread);
    expect((await inbox(people.manager)).unread).toBe(0);
    expect((await inbox(people.manager2)).unread).toBeGreaterThan(0);
    // Every entry of an inbox is the caller's.
    const mine = await t.prisma.notification.findMany({ where: { userId: people.viewer.userId } });
    expect((await inbox(people.viewer)).items.map((n) => n.id).sort()).toEqual(
      mine.map((n) => n.id).sort(),
    );
  });

  it('follows and unfollows an item; an explicit unfollow outlasts automatic following', async () => {
    const url = `${base}/commitments/${commitmentId}/follow`;
    expect((await people.partner.client.get<{ following: boolean }>(url)).body.following).toBe(
      false,
    );
    expect((await people.partner.client.put<{ following: boolean }>(url)).body.following).toBe(
      true,
    );
    expect((await people.partner.client.get<{ following: boolean }>(url)).body.following).toBe(
      true,
    );
    expect((await people.author.client.delete<{ following: boolean }>(url)).body.following).toBe(
      false,
    );
    await submittedReport(); // writing a report follows automatically, unless unfollowed
    expect((await people.author.client.get<{ following: boolean }>(url)).body.following).toBe(
      false,
    );
    expect(
      (await people.partner.client.put(`${base}/commitments/${randomUUID()}/follow`)).status,
    ).toBe(404);
  });

  it('answers 400 naming a malformed cursor or unread flag', async () => {
    const bad = await people.manager.client.get<{ details: { field: string }[] }>(
      `${base}/notifications?cursor=bm90`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field)).toEqual(['cursor']);
    const flag = await people.manager.client.get<{ details: { field: string }[] }>(
      `${base}/notifications?unread=maybe`,
    );
    expect(flag.body.details.map((d) => d.field)).toEqual(['unread']);
  });
});

/** The current quarter in Viet Nam: a period open for reports. */
function currentQuarter(): string {
  const local = new Date(Date.now() + 7 * 60 * 60 * 1000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}
