import type { components } from '@spct/contracts';
import { createMember, type TestMember, uniqueSlug } from '../../test/accounts';
import { createTestApp, type TestApp } from '../../test/test-app';

type Comment = components['schemas']['CommentDto'];
type Position = components['schemas']['PositionDto'];
type Report = components['schemas']['ProgressUpdateDto'];
type NotificationPage = components['schemas']['NotificationPageDto'];

type Person =
  | 'admin'
  | 'manager'
  | 'manager2'
  | 'leadEditor'
  | 'leadEditor2'
  | 'unfollower'
  | 'focal'
  | 'follower'
  | 'partner'
  | 'otherEditor'
  | 'commenter'
  | 'viewer'
  | 'departed';

/**
 * Who hears of comments, mentions, positions and status changes: one workspace with an item whose
 * focal person is a VIEWER, whose lead organization has editors (one of whom unfollowed it), an
 * explicit follower, a departed editor (membership inactive) and people who follow nothing.
 */
describe('notification events', () => {
  let t: TestApp;
  let base: string;
  let people: Record<Person, TestMember>;
  let otherWorkspaceMember: TestMember;
  let commitmentId: string;
  let leadOrgId: string;
  let otherOrgId: string;
  let url: string;

  /** The people who received an entry of `kind` matching `data`, each asserted once. */
  const recipients = async (kind: string, data: Record<string, string>): Promise<Person[]> => {
    const rows = await t.prisma.notification.findMany({
      where: {
        kind: kind as never,
        AND: Object.entries(data).map(([key, value]) => ({
          data: { path: [key], equals: value },
        })),
      },
    });
    const names = (Object.entries(people) as [Person, TestMember][])
      .filter(([, p]) => rows.some((r) => r.userId === p.userId))
      .map(([name]) => name)
      .sort();
    expect(rows.length).toBe(names.length); // nobody twice, nobody from elsewhere
    return names;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const slug = uniqueSlug('ne');
    base = `/api/workspaces/${slug}`;
    const admin = await createMember(t, { slug, role: 'ADMIN' });
    const org = (shortName: string) =>
      t.prisma.organization.create({
        data: {
          workspaceId: admin.workspaceId,
          shortName,
          nameVi: shortName,
          nameEn: shortName,
          constituency: 'GOVERNMENT',
        },
      });
    leadOrgId = (await org('LEAD')).id;
    otherOrgId = (await org('OTHER')).id;
    const member = (role: 'MANAGER' | 'EDITOR' | 'PARTNER' | 'VIEWER', organizationId?: string) =>
      createMember(t, { slug, role, organizationId });
    people = {
      admin,
      manager: await member('MANAGER'),
      manager2: await member('MANAGER'),
      leadEditor: await member('EDITOR', leadOrgId),
      leadEditor2: await member('EDITOR', leadOrgId),
      unfollower: await member('EDITOR', leadOrgId),
      focal: await member('VIEWER'),
      follower: await member('VIEWER'),
      partner: await member('PARTNER', otherOrgId),
      otherEditor: await member('EDITOR', otherOrgId),
      commenter: await member('PARTNER', leadOrgId),
      viewer: await member('VIEWER'),
      departed: await member('EDITOR', leadOrgId),
    };
    otherWorkspaceMember = await createMember(t, { slug: uniqueSlug('ne-x'), role: 'ADMIN' });
    await t.prisma.membership.update({
      where: { id: people.departed.membershipId },
      data: { active: false },
    });
    const framework = await t.prisma.framework.create({
      data: { workspaceId: admin.workspaceId, code: 'NE', titleVi: 'Khung', titleEn: 'Framework' },
    });
    commitmentId = (
      await t.prisma.commitment.create({
        data: {
          workspaceId: admin.workspaceId,
          frameworkId: framework.id,
          reference: 'E.1',
          titleVi: 'Cam kết',
          titleEn: 'Commitment',
          leadOrgId,
          focalUserId: people.focal.userId,
          status: 'ON_TRACK',
        },
      })
    ).id;
    url = `${base}/commitments/${commitmentId}`;
    expect((await people.follower.client.put(`${url}/follow`)).status).toBe(200);
    expect((await people.unfollower.client.delete(`${url}/follow`)).status).toBe(200);
  });
  afterAll(() => t.close());

  async function comment(who: TestMember, body: string, parentId?: string): Promise<Comment> {
    const created = await who.client.post<Comment>(`${url}/comments`, {
      body,
      ...(parentId ? { parentId } : {}),
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('tells the people a comment mentions, and the followers of the others, never the author', async () => {
    // The focal person (a follower) and a MANAGER (not one) are mentioned, and so are the author
    // and people who are not active members here.
    const first = await comment(
      people.commenter,
      `@${people.focal.email} @${people.manager.email} @${people.commenter.email} ` +
        `@${people.departed.email} @${otherWorkspaceMember.email} xem giúp`,
    );
    expect(await recipients('MENTION', { commentId: first.id })).toEqual(['focal', 'manager']);
    // Followers: explicit, the focal person (told of the mention instead), the lead editors
    // but not the one who unfollowed, nor the departed one.
    expect(await recipients('COMMENT', { commentId: first.id })).toEqual([
      'follower',
      'leadEditor',
      'leadEditor2',
    ]);
    const entry = (
      await people.manager.client.get<NotificationPage>(`${base}/notifications`)
    ).body.items.find((n) => n.data.commentId === first.id);
    expect(entry).toMatchObject({
      kind: 'MENTION',
      actor: { id: people.commenter.userId },
      commitment: { id: commitmentId },
    });

    // The commenter now follows the item: told of a reply by another, with its parent.
    const reply = await comment(people.manager, 'Đã xem', first.id);
    expect(await recipients('COMMENT', { commentId: reply.id, parentId: first.id })).toEqual([
      'commenter',
      'focal',
      'follower',
      'leadEditor',
      'leadEditor2',
    ]);
    expect(await recipients('MENTION', { commentId: reply.id })).toEqual([]);
  });

  it('tells only the newly mentioned when a comment is edited', async () => {
    const created = await comment(people.manager2, `@${people.viewer.email} hỏi`);
    expect(await recipients('MENTION', { commentId: created.id })).toEqual(['viewer']);
    const edited = await people.manager2.client.patch(
      `${url}/comments/${created.id}`,
      { body: `@${people.viewer.email} @${people.otherEditor.email} hỏi` },
      { 'if-match': `"${created.version}"` },
    );
    expect(edited.status).toBe(200);
    expect(await recipients('MENTION', { commentId: created.id })).toEqual([
      'otherEditor',
      'viewer',
    ]);
  });

  it('tells the followers of a recorded or changed position, never who recorded it', async () => {
    const recorded = await people.partner.client.put<Position>(`${url}/positions/${otherOrgId}`, {
      position: 'RESERVATION',
      rationale: 'Cần thêm thời gian',
      decidedOn: '2026-01-10',
    });
    expect(recorded.status).toBe(200);
    const data = { positionId: recorded.body.id, position: 'RESERVATION', organization: 'OTHER' };
    const followers = await recipients('POSITION', data);
    expect(followers).toContain('follower');
    expect(followers).toContain('focal');
    expect(followers).not.toContain('partner');
    expect(followers).not.toContain('unfollower');
    expect(followers).not.toContain('viewer');
    // The same position again changes nothing and tells nobody; a change tells again.
    const again = await people.partner.client.put<Position>(
      `${url}/positions/${otherOrgId}`,
      { position: 'RESERVATION', rationale: 'Cần thêm thời gian', decidedOn: '2026-01-10' },
      { 'if-match': `"${recorded.body.version}"` },
    );
    expect(again.status).toBe(200);
    expect(await recipients('POSITION', data)).toEqual(followers);
    const changed = await people.partner.client.put<Position>(
      `${url}/positions/${otherOrgId}`,
      { position: 'AGREE', rationale: 'Đồng ý', decidedOn: '2026-01-12' },
      { 'if-match': `"${again.body.version}"` },
    );
    expect(changed.status).toBe(200);
    expect(await recipients('POSITION', { ...data, position: 'AGREE' })).toEqual(followers);
  });

  /** An approved report of `period` (one approved report per period: a new one each time). */
  async function approvedReport(
    period: string,
    status: string,
    approver: TestMember,
  ): Promise<Report> {
    const reports = `${url}/updates`;
    const created = await people.leadEditor.client.post<Report>(reports, {
      period,
      status,
      progress: 30,
      narrative: 'Tiến độ',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await people.leadEditor.client.post(`${reports}/${id}/submit`)).status).toBe(200);
    expect((await approver.client.post(`${reports}/${id}/approve`)).status).toBe(200);
    return created.body;
  }

  it('alerts followers and managers when the status turns AT_RISK or OFF_TRACK, never the approver', async () => {
    const onTrack = await approvedReport('2025-Q1', 'ON_TRACK', people.manager);
    expect(await recipients('STATUS_ALERT', { reportId: onTrack.id })).toEqual([]);

    const atRisk = await approvedReport('2025-Q2', 'AT_RISK', people.manager);
    expect(await recipients('STATUS_ALERT', { reportId: atRisk.id, status: 'AT_RISK' })).toEqual([
      'commenter', // followed by commenting
      'focal',
      'follower',
      'leadEditor', // author of reports, and lead editor
      'leadEditor2',
      'manager2',
    ]);
    // AT_RISK again: no change, no alert.
    const stillAtRisk = await approvedReport('2025-Q3', 'AT_RISK', people.manager);
    expect(await recipients('STATUS_ALERT', { reportId: stillAtRisk.id })).toEqual([]);

    const offTrack = await approvedReport('2025-Q4', 'OFF_TRACK', people.manager2);
    expect(
      await recipients('STATUS_ALERT', { reportId: offTrack.id, previousStatus: 'AT_RISK' }),
    ).toEqual(['commenter', 'focal', 'follower', 'leadEditor', 'leadEditor2', 'manager']);
  });

  it('counts the focal person and lead editors as following unless they unfollowed', async () => {
    const following = async (who: TestMember) =>
      (await who.client.get<{ following: boolean }>(`${url}/follow`)).body.following;
    expect(await following(people.focal)).toBe(true);
    expect(await following(people.leadEditor2)).toBe(true);
    expect(await following(people.unfollower)).toBe(false);
    expect(await following(people.viewer)).toBe(false);
    expect(await following(people.otherEditor)).toBe(false);
  });
});
