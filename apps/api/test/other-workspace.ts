import { randomUUID } from 'node:crypto';
import { hashPassword } from '../src/auth/passwords';
import type { PrismaService } from '../src/database/prisma.service';
import type { Role } from '../src/generated/prisma/client';
import { DEMO_PASSWORD } from './test-app';

export interface OtherWorkspace {
  workspaceId: string;
  slug: string;
  organizationId: string;
  commitmentId: string;
  commentId: string;
  /** An active member (EDITOR unless asked otherwise) of the other workspace only; signs in with the demo password. */
  userId: string;
  email: string;
}

/**
 * A second workspace with an organization, a commitment, a comment and a member, for checking
 * that one workspace's ids do not exist for another's members.
 */
export async function createOtherWorkspace(
  prisma: PrismaService,
  role: Role = 'EDITOR',
): Promise<OtherWorkspace> {
  const tag = randomUUID().slice(0, 8);
  const workspace = await prisma.workspace.create({
    data: { slug: `other-${tag}`, name: `Other ${tag}` },
  });
  const organization = await prisma.organization.create({
    data: {
      workspaceId: workspace.id,
      shortName: `ORG-${tag}`,
      nameVi: `Tổ chức ${tag}`,
      nameEn: `Organization ${tag}`,
      constituency: 'WORKERS',
    },
  });
  const email = `member-${tag}@other.test`;
  const user = await prisma.user.create({
    data: { email, displayName: `Member ${tag}`, passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  await prisma.membership.create({
    data: {
      userId: user.id,
      workspaceId: workspace.id,
      role,
      organizationId: organization.id,
    },
  });
  const framework = await prisma.framework.create({
    data: { workspaceId: workspace.id, code: `FW-${tag}`, titleVi: 'Khung', titleEn: 'Framework' },
  });
  const commitment = await prisma.commitment.create({
    data: {
      workspaceId: workspace.id,
      frameworkId: framework.id,
      reference: '1',
      titleVi: `Cam kết khác ${tag}`,
      titleEn: `Other commitment ${tag}`,
      leadOrgId: organization.id,
    },
  });
  const comment = await prisma.comment.create({
    data: {
      workspaceId: workspace.id,
      commitmentId: commitment.id,
      authorId: user.id,
      body: 'Bình luận của không gian khác',
    },
  });
  return {
    workspaceId: workspace.id,
    slug: workspace.slug,
    organizationId: organization.id,
    commitmentId: commitment.id,
    commentId: comment.id,
    userId: user.id,
    email,
  };
}
