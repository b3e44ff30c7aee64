import { Injectable } from '@nestjs/common';
import type { Role } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

const MEMBER_SELECT = {
  id: true,
  userId: true,
  role: true,
  active: true,
  createdAt: true,
  user: { select: { email: true, displayName: true, passwordHash: true } },
  organization: {
    select: { id: true, shortName: true, nameVi: true, nameEn: true, constituency: true },
  },
} satisfies Prisma.MembershipSelect;

export type MemberRow = Prisma.MembershipGetPayload<{ select: typeof MEMBER_SELECT }>;

export interface MembershipChange {
  role?: Role;
  organizationId?: string | null;
  active?: boolean;
}

@Injectable()
export class MembersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(workspaceId: string): Promise<MemberRow[]> {
    return this.prisma.membership.findMany({
      where: { workspaceId },
      orderBy: [{ user: { displayName: 'asc' } }, { id: 'asc' }],
      select: MEMBER_SELECT,
    });
  }

  findOne(workspaceId: string, id: string): Promise<MemberRow | null> {
    return this.prisma.membership.findFirst({ where: { workspaceId, id }, select: MEMBER_SELECT });
  }

  async organizationExists(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.organization.count({ where: { workspaceId, id } })) > 0;
  }

  /**
   * Adds the user with this e-mail (created without a password when unknown) to the workspace.
   * Null when they are a member already, active or not.
   */
  invite(
    workspaceId: string,
    input: { email: string; displayName: string; role: Role; organizationId: string | null },
  ): Promise<MemberRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.upsert({
        where: { email: input.email },
        create: { email: input.email, displayName: input.displayName },
        update: {},
        select: { id: true },
      });
      const existing = await tx.membership.findUnique({
        where: { userId_workspaceId: { userId: user.id, workspaceId } },
        select: { id: true },
      });
      if (existing) return null;
      // A concurrent invitation of the same user loses on the unique (userId, workspaceId): 409.
      return tx.membership.create({
        data: {
          userId: user.id,
          workspaceId,
          role: input.role,
          organizationId: input.organizationId,
        },
        select: MEMBER_SELECT,
      });
    });
  }

  /**
   * Changes a membership after `check` has seen it and the workspace's active administrators.
   * Those administrators' rows are locked first, so two concurrent demotions or deactivations
   * cannot both pass a "someone else is still an administrator" check. Null for an unknown id.
   */
  update(
    workspaceId: string,
    id: string,
    change: MembershipChange,
    check: (target: MemberRow, activeAdminIds: string[]) => void,
  ): Promise<{ before: MemberRow; after: MemberRow } | null> {
    return this.prisma.$transaction(async (tx) => {
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Membership"
        WHERE "workspaceId" = ${workspaceId}::uuid AND role = 'ADMIN' AND active
        ORDER BY id
        FOR UPDATE`;
      const before = await tx.membership.findFirst({
        where: { workspaceId, id },
        select: MEMBER_SELECT,
      });
      if (!before) return null;
      check(
        before,
        admins.map((a) => a.id),
      );
      const after = await tx.membership.update({
        where: { id },
        data: change,
        select: MEMBER_SELECT,
      });
      return { before, after };
    });
  }
}
