import { demoActor } from '../../test/demo-actor';
import { createTestApp, type TestApp } from '../../test/test-app';
import { quarterId } from '../../test/periods';
import { MyWorkService } from './my-work.service';

// "My work" is JSON built by PostgreSQL (the list's items and REPORT_SECTIONS_JSON), held here
// byte for byte to what MyWorkService.get builds in Node.
describe('the My work answer built by PostgreSQL', () => {
  let t: TestApp;
  let service: MyWorkService;
  let workspaceId: string;

  const actor = (email: string) => demoActor(t, email);

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    service = t.app.get(MyWorkService);
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
    const official = await actor('official@demo.test');
    const manager = await actor('manager@demo.test');
    const periodId = await quarterId(t.prisma, workspaceId, '2026-Q4');
    const commitments = await t.prisma.commitment.findMany({
      where: { workspaceId, archived: false },
      orderBy: { referenceKey: 'asc' },
      take: 8,
    });
    // Values the serializers could disagree on: quotes, control characters and non-Latin text;
    // timestamps with trailing zeros in their milliseconds; a report on an archived commitment.
    await t.prisma.commitment.update({
      where: { id: commitments[0]!.id },
      data: { titleEn: 'Quote " backslash \\ tab \t newline \n bell \u0007 😀' },
    });
    await t.prisma.commitment.update({
      where: { id: commitments[7]!.id },
      data: { archived: true },
    });
    const states = ['RETURNED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'DRAFT', 'SUBMITTED', 'DRAFT'];
    for (const [i, c] of commitments.entries()) {
      const state = states[i % states.length] as 'RETURNED' | 'DRAFT' | 'SUBMITTED';
      await t.prisma.progressUpdate.create({
        data: {
          workspaceId,
          commitmentId: c.id,
          authorId: i % 3 === 2 ? manager.userId : official.userId,
          periodId,
          status: 'AT_RISK',
          progress: 10 * i,
          narrative: 'Báo cáo',
          state,
          returnReason: state === 'RETURNED' ? `Thiếu số liệu "${i}"\nTrả lại` : null,
          submittedAt: state === 'DRAFT' ? null : new Date(Date.UTC(2026, 9, i + 1, 8, 0, 0, 100)),
          decidedAt: state === 'RETURNED' ? new Date(Date.UTC(2026, 9, i + 2, 9, 30)) : null,
        },
      });
    }
  });
  afterAll(() => t.close());

  it.each(['official@demo.test', 'manager@demo.test', 'viewer@demo.test', 'admin@demo.test'])(
    'gives %s the same answer as get',
    async (email) => {
      const member = await actor(email);
      const text = await service.getJson(member);
      const dto = await service.get(member);
      expect(text).toBe(JSON.stringify(dto));
    },
  );

  it('is about something: each section has reports, and due commitments are listed', async () => {
    const official = await service.get(await actor('official@demo.test'));
    const manager = await service.get(await actor('manager@demo.test'));
    expect(official.dueCommitments.length).toBeGreaterThan(0);
    expect(official.returnedUpdates.length).toBeGreaterThan(0);
    expect(official.drafts.length).toBeGreaterThan(0);
    expect(manager.awaitingApproval.length).toBeGreaterThan(1);
  });
});
