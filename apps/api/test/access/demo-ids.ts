import type { TestApp } from '../test-app';

/** Ids of the demo workspace's records that the access tests aim requests at. */
export interface DemoIds {
  workspaceId: string;
  /** A leaf commitment led by MOLISA (the demo EDITOR's organization). */
  ownCommitmentId: string;
  /** A leaf commitment neither led nor co-owned by MOLISA. */
  otherCommitmentId: string;
  frameworkId: string;
  organizationIds: Record<string, string>;
  userIds: Record<string, string>;
}

export async function loadDemoIds(t: TestApp): Promise<DemoIds> {
  const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
  const organizations = await t.prisma.organization.findMany({
    where: { workspaceId: workspace.id },
  });
  const organizationIds = Object.fromEntries(organizations.map((o) => [o.shortName, o.id]));
  const molisa = organizationIds.MOLISA!;
  const own = await t.prisma.commitment.findFirstOrThrow({
    where: { workspaceId: workspace.id, leadOrgId: molisa, children: { none: {} } },
    orderBy: { referenceKey: 'asc' },
  });
  const other = await t.prisma.commitment.findFirstOrThrow({
    where: {
      workspaceId: workspace.id,
      leadOrgId: { notIn: [molisa] },
      NOT: { leadOrgId: null },
      coOrganizations: { none: { organizationId: molisa } },
      children: { none: {} },
    },
    orderBy: { referenceKey: 'asc' },
  });
  const users = await t.prisma.user.findMany({ where: { email: { endsWith: '@demo.test' } } });
  return {
    workspaceId: workspace.id,
    ownCommitmentId: own.id,
    otherCommitmentId: other.id,
    frameworkId: own.frameworkId,
    organizationIds,
    userIds: Object.fromEntries(users.map((u) => [u.email.split('@')[0]!, u.id])),
  };
}
