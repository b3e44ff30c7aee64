import { demoActor } from '../../test/demo-actor';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { WorkspaceActor } from '../auth/actor';
import { CommitmentsService } from './commitments.service';

// A commitment's detail is JSON built by PostgreSQL (COMMITMENT_DETAIL_JSON); the writes answer
// with the detail built by CommitmentsService.toDetailDto. Both must say the same, byte for byte.
// The detail's texts are both languages whatever the caller's locale: nothing depends on it.
describe('the detail answer built by PostgreSQL', () => {
  let t: TestApp;
  let service: CommitmentsService;
  let member: WorkspaceActor;
  /** A commitment with every relation filled, and one with none. */
  let full: string;
  let bare: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    service = t.app.get(CommitmentsService);
    member = await demoActor(t, 'viewer@demo.test');
    const [parent, ...rows] = await t.prisma.commitment.findMany({
      where: { workspaceId: member.workspaceId, parentId: null },
      orderBy: { referenceKey: 'asc' },
      take: 7,
    });
    const organizations = await t.prisma.organization.findMany({
      where: { workspaceId: member.workspaceId },
      orderBy: { shortName: 'desc' },
      take: 3,
    });
    const [target, source, child, archivedChild, sibling, other] = rows;
    const framework = await t.prisma.framework.findUniqueOrThrow({
      where: { id: parent!.frameworkId },
    });
    // Values the serializers could disagree on: quotes, control characters and non-Latin text;
    // a description and a note in one language only; a past target date (overdue).
    const created = await t.prisma.commitment.create({
      data: {
        workspaceId: member.workspaceId,
        frameworkId: framework.id,
        parentId: parent!.id,
        reference: 'JSON-1',
        titleVi: 'Cam kết “đầy đủ” – an sinh xã hội',
        titleEn: 'Quote " backslash \\ tab \t newline \n bell \u0007 / <b> 😀',
        descriptionVi: null,
        descriptionEn: 'English only',
        theme: 'SOCIAL_PROTECTION',
        leadOrgId: organizations[0]!.id,
        focalUserId: member.userId,
        status: 'ON_TRACK',
        progress: 40,
        weight: 3,
        startDate: new Date('2000-01-31T00:00:00Z'),
        targetDate: new Date('2001-02-03T00:00:00Z'),
        targetGroups: ['WOMEN', 'INFORMAL_WORKERS'],
        coOrganizations: {
          create: organizations.slice(1).map((o) => ({ organizationId: o.id })),
        },
      },
    });
    full = created.id;
    // Children: two in one position (the order then follows the reference), one archived (left
    // out).
    for (const [i, c] of [child, sibling].entries()) {
      await t.prisma.commitment.create({
        data: {
          workspaceId: member.workspaceId,
          frameworkId: framework.id,
          parentId: full,
          reference: `JSON-1.${2 - i}`,
          titleVi: c!.titleVi,
          titleEn: c!.titleEn,
          leadOrgId: i === 0 ? organizations[0]!.id : null,
          status: 'AT_RISK',
          position: 1,
        },
      });
    }
    await t.prisma.commitment.create({
      data: {
        workspaceId: member.workspaceId,
        frameworkId: framework.id,
        parentId: full,
        reference: 'JSON-1.0',
        titleVi: archivedChild!.titleVi,
        titleEn: archivedChild!.titleEn,
        archived: true,
      },
    });
    await t.prisma.alignment.createMany({
      data: [
        {
          workspaceId: member.workspaceId,
          sourceId: full,
          targetId: target!.id,
          noteVi: 'Ghi chú',
        },
        { workspaceId: member.workspaceId, sourceId: full, targetId: other!.id },
        {
          workspaceId: member.workspaceId,
          sourceId: source!.id,
          targetId: full,
          noteVi: 'Hai',
          noteEn: 'Two "quoted"',
        },
      ],
    });
    bare = (
      await t.prisma.commitment.create({
        data: {
          workspaceId: member.workspaceId,
          frameworkId: framework.id,
          reference: 'JSON-2',
          titleVi: 'Trống',
          titleEn: 'Bare',
        },
      })
    ).id;
  });
  afterAll(() => t.close());

  async function expectSame(id: string): Promise<string> {
    const { json, version } = await service.getJson(member, id);
    const dto = await service.get(member, id);
    expect(json).toBe(JSON.stringify(dto));
    expect(version).toBe(dto.version);
    return json;
  }

  it('gives the same answer as toDetailDto for a commitment with every relation filled', async () => {
    const detail = JSON.parse(await expectSame(full)) as Record<string, unknown[] | unknown>;
    // The case is what it says: each relation is there, in both directions for alignments.
    expect(detail).toMatchObject({
      parent: expect.anything(),
      focalUser: expect.anything(),
      description: { vi: '', en: 'English only' },
      overdue: true,
      childCount: 2,
      trackedStatus: null,
    });
    expect(detail.coOrgIds).toHaveLength(2);
    expect((detail.children as { reference: string }[]).map((c) => c.reference)).toEqual([
      'JSON-1.1',
      'JSON-1.2',
    ]);
    expect((detail.alignments as { direction: string }[]).map((a) => a.direction)).toEqual([
      'OUTGOING',
      'OUTGOING',
      'INCOMING',
    ]);
  });

  it('gives the same answer for a commitment with no relation at all', async () => {
    const detail = JSON.parse(await expectSame(bare)) as Record<string, unknown>;
    expect(detail).toMatchObject({
      parent: null,
      focalUser: null,
      description: null,
      theme: null,
      startDate: null,
      coOrgIds: [],
      children: [],
      alignments: [],
    });
  });

  it('gives the same answer for every demo commitment, and a 404 for an unknown one', async () => {
    const all = await t.prisma.commitment.findMany({
      where: { workspaceId: member.workspaceId },
      select: { id: true },
    });
    for (const { id } of all) await expectSame(id);
    await expect(service.getJson(member, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      'not found',
    );
  });
});
