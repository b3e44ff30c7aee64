import { hashPassword } from '../../src/auth/passwords';
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

export const STRANGER_EMAIL = 'admin@elsewhere.test';
export const STRANGER_SLUG = 'elsewhere';

/**
 * A second workspace with its own admin, framework, organization and commitment: the stranger
 * is an ADMIN there and a member of nothing in the demo workspace.
 */
export async function createStrangerWorkspace(t: TestApp): Promise<{ workspaceId: string }> {
  const workspace = await t.prisma.workspace.create({
    data: { slug: STRANGER_SLUG, name: 'Elsewhere' },
  });
  const organization = await t.prisma.organization.create({
    data: {
      workspaceId: workspace.id,
      shortName: 'ELSE',
      nameVi: 'Tổ chức khác',
      nameEn: 'Other organization',
      constituency: 'GOVERNMENT',
    },
  });
  const user = await t.prisma.user.create({
    data: {
      email: STRANGER_EMAIL,
      displayName: 'Stranger',
      passwordHash: await hashPassword('tripartite-demo'),
    },
  });
  await t.prisma.membership.create({
    data: {
      userId: user.id,
      workspaceId: workspace.id,
      role: 'ADMIN',
      organizationId: organization.id,
    },
  });
  const framework = await t.prisma.framework.create({
    data: {
      workspaceId: workspace.id,
      code: 'ELSE-1',
      titleVi: 'Khung khác',
      titleEn: 'Other framework',
    },
  });
  await t.prisma.commitment.create({
    data: {
      workspaceId: workspace.id,
      frameworkId: framework.id,
      reference: '1',
      titleVi: 'Cam kết khác',
      titleEn: 'Other commitment',
      leadOrgId: organization.id,
    },
  });
  return { workspaceId: workspace.id };
}
