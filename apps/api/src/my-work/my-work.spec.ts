import { randomUUID } from 'node:crypto';
import { createOtherWorkspace, type OtherWorkspace } from '../../test/other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { quarterId } from '../../test/periods';
import { Clock } from '../common/clock';

interface Due {
  id: string;
  reference: string;
  leadOrgId: string | null;
  coOrgIds: string[];
  status: string;
  targetDate: string | null;
  archived: boolean;
}
interface Report {
  id: string;
  commitment: { id: string; reference: string; frameworkCode: string; title: { en: string } };
  author: { id: string; displayName: string };
  period: string;
  status: string;
  progress: number;
  state: string;
  returnReason: string | null;
  submittedAt: string | null;
}
interface MyWork {
  dueCommitments: Due[];
  returnedUpdates: Report[];
  awaitingApproval: Report[];
  drafts: Report[];
}

const URL = '/api/workspaces/viet-nam/my-work';
const DAY = 24 * 60 * 60 * 1000;

describe('GET /api/workspaces/:slug/my-work', () => {
  let t: TestApp;
  let official: TestClient;
  let manager: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let frameworkId: string;
  let orgs: Record<string, string>;
  let users: Record<string, string>;
  let other: OtherWorkspace;

  /** A commitment of its own framework-free reference, led by `lead`. */
  async function commitment(
    lead: string,
    extra: { coOrgIds?: string[]; targetDate?: Date | null; archived?: boolean } = {},
  ) {
    const reference = `MW-${randomUUID().slice(0, 8)}`;
    return t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId,
        reference,
        titleVi: `Cam kết ${reference}`,
        titleEn: `Commitment ${reference}`,
        leadOrgId: lead,
        targetDate: extra.targetDate ?? null,
        archived: extra.archived ?? false,
        coOrganizations: {
          create: (extra.coOrgIds ?? []).map((organizationId) => ({ organizationId })),
        },
      },
    });
  }

  async function report(
    commitmentId: string,
    authorId: string,
    state: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED',
    extra: { submittedAt?: Date; returnReason?: string; workspaceId?: string } = {},
  ) {
    return t.prisma.progressUpdate.create({
      data: {
        workspaceId: extra.workspaceId ?? workspaceId,
        commitmentId,
        authorId,
        periodId: await quarterId(t.prisma, extra.workspaceId ?? workspaceId, '2026-Q4'),
        status: 'AT_RISK',
        progress: 35,
        narrative: 'Báo cáo kiểm tra',
        state,
        submittedAt: extra.submittedAt ?? (state === 'DRAFT' ? null : new Date()),
        returnReason: extra.returnReason ?? null,
        decidedAt: state === 'RETURNED' || state === 'APPROVED' ? new Date() : null,
      },
    });
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    official = await t.signIn('official@demo.test');
    manager = await t.signIn('manager@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const ws = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    workspaceId = ws.id;
    frameworkId = (await t.prisma.framework.findFirstOrThrow({ where: { workspaceId } })).id;
    const orgRows = await t.prisma.organization.findMany({ where: { workspaceId } });
    orgs = Object.fromEntries(orgRows.map((o) => [o.shortName, o.id]));
    const userRows = await t.prisma.user.findMany();
    users = Object.fromEntries(userRows.map((u) => [u.email.split('@')[0]!, u.id]));
    other = await createOtherWorkspace(t.prisma);
    // 5 October 2026: 2026-Q4 is the period due (2026-Q3's reports are due on the 15th).
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-10-05T03:00:00Z'));
  });
  afterAll(() => t.close());

  it("lists the EDITOR's organization's commitments that need a report, most overdue first", async () => {
    const led = await commitment(orgs.MOLISA!, { targetDate: new Date(Date.now() - 400 * DAY) });
    const shared = await commitment(orgs.VGCL!, {
      coOrgIds: [orgs.MOLISA!],
      targetDate: new Date(Date.now() - 500 * DAY),
    });
    const reported = await commitment(orgs.MOLISA!, { targetDate: new Date(Date.now() - DAY) });
    await report(reported.id, users.official!, 'APPROVED', {
      submittedAt: new Date(Date.now() - 10 * DAY),
    });
    const othersOrg = await commitment(orgs.VCCI!);
    const archived = await commitment(orgs.MOLISA!, { archived: true });

    const { status, body } = await official.get<MyWork>(URL);
    expect(status).toBe(200);
    const ids = body.dueCommitments.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([led.id, shared.id]));
    expect(ids).not.toContain(reported.id);
    expect(ids).not.toContain(othersOrg.id);
    expect(ids).not.toContain(archived.id);
    expect(ids.length).toBeLessThanOrEqual(50);
    for (const item of body.dueCommitments) {
      expect([item.leadOrgId, ...item.coOrgIds]).toContain(orgs.MOLISA);
      expect(['COMPLETED', 'DISCONTINUED']).not.toContain(item.status);
      expect(item.archived).toBe(false);
    }
    // Earliest target date first; undated ones last.
    const dates = body.dueCommitments.map((c) => c.targetDate ?? '9999-12-31');
    expect(dates).toEqual([...dates].sort());
    expect(ids.indexOf(shared.id)).toBeLessThan(ids.indexOf(led.id));
  });

  it('shows the official their returned report with its reason and their drafts, but nothing to approve', async () => {
    const target = await commitment(orgs.MOLISA!);
    const returned = await report(target.id, users.official!, 'RETURNED', {
      returnReason: 'Thiếu minh chứng',
    });
    const draft = await report(target.id, users.official!, 'DRAFT');
    const someoneElses = await report(target.id, users.admin!, 'RETURNED', {
      returnReason: 'Not yours',
    });
    await report(target.id, users.admin!, 'SUBMITTED');

    const { body } = await official.get<MyWork>(URL);
    const mine = body.returnedUpdates.find((u) => u.id === returned.id);
    expect(mine).toMatchObject({
      returnReason: 'Thiếu minh chứng',
      state: 'RETURNED',
      period: '2026-Q4',
      status: 'AT_RISK',
      progress: 35,
      commitment: { id: target.id, reference: target.reference },
      author: { id: users.official },
    });
    expect(body.returnedUpdates.map((u) => u.id)).not.toContain(someoneElses.id);
    expect(body.returnedUpdates.every((u) => u.author.id === users.official)).toBe(true);
    expect(body.drafts.map((u) => u.id)).toContain(draft.id);
    expect(body.drafts.every((u) => u.state === 'DRAFT' && u.author.id === users.official)).toBe(
      true,
    );
    expect(body.awaitingApproval).toEqual([]);
  });

  it('shows the manager the submitted reports of others, oldest first, never their own', async () => {
    const target = await commitment(orgs.MOLISA!);
    const older = await report(target.id, users.official!, 'SUBMITTED', {
      submittedAt: new Date(Date.now() - 2000 * DAY),
    });
    const newer = await report(target.id, users.official!, 'SUBMITTED', {
      submittedAt: new Date(Date.now() - DAY),
    });
    const own = await report(target.id, users.manager!, 'SUBMITTED');
    const onArchived = await report(
      (await commitment(orgs.MOLISA!, { archived: true })).id,
      users.official!,
      'SUBMITTED',
    );
    const elsewhere = await report(other.commitmentId, other.userId, 'SUBMITTED', {
      workspaceId: other.workspaceId,
    });

    const { status, body } = await manager.get<MyWork>(URL);
    expect(status).toBe(200);
    const ids = body.awaitingApproval.map((u) => u.id);
    expect(ids[0]).toBe(older.id);
    expect(ids).toContain(newer.id);
    expect(ids).not.toContain(own.id);
    expect(ids).not.toContain(onArchived.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(body.awaitingApproval.every((u) => u.author.id !== users.manager)).toBe(true);
    expect(body.awaitingApproval.every((u) => u.state === 'SUBMITTED')).toBe(true);
    const submitted = body.awaitingApproval.map((u) => u.submittedAt!);
    expect(submitted).toEqual([...submitted].sort());
    expect(body.awaitingApproval.find((u) => u.id === newer.id)).toMatchObject({
      author: { id: users.official, displayName: expect.any(String) },
      commitment: { reference: target.reference, frameworkCode: expect.any(String) },
      period: '2026-Q4',
      status: 'AT_RISK',
      progress: 35,
    });
  });

  it('gives a VIEWER without an organization empty lists', async () => {
    const { status, body } = await viewer.get<MyWork>(URL);
    expect(status).toBe(200);
    expect(body).toEqual({
      dueCommitments: [],
      returnedUpdates: [],
      awaitingApproval: [],
      drafts: [],
    });
  });

  it("answers 404 for another workspace and never shows another workspace's records", async () => {
    expect((await official.get(`/api/workspaces/${other.slug}/my-work`)).status).toBe(404);
    const outsider = await t.signIn(other.email);
    expect((await outsider.get(URL)).status).toBe(404);
    const theirs = await t.prisma.commitment.create({
      data: {
        workspaceId: other.workspaceId,
        frameworkId: (
          await t.prisma.commitment.findUniqueOrThrow({ where: { id: other.commitmentId } })
        ).frameworkId,
        reference: '2',
        titleVi: 'Cam kết chưa báo cáo',
        titleEn: 'Unreported commitment',
        leadOrgId: other.organizationId,
      },
    });
    const own = await outsider.get<MyWork>(`/api/workspaces/${other.slug}/my-work`);
    expect(own.status).toBe(200);
    // Only the other workspace's own commitment; its member's reports are its own too.
    expect(own.body.dueCommitments.map((c) => c.id)).toEqual([theirs.id]);
    expect(own.body.awaitingApproval).toEqual([]);
  });
});
