import { Injectable } from '@nestjs/common';
import type { Role } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

const MEMBER_SELECT = {
  id: true,
  userId: true,
  role: true,
  active: true,
  version: true,
  createdAt: true,
  user: { select: { email: true, displayName: true, passwordHash: true } },
  organization: {
    select: {
      id: true,
      shortName: true,
      nameVi: true,
      nameEn: true,
      constituency: true,
      version: true,
    },
  },
} satisfies Prisma.MembershipSelect;

export type Tx = Prisma.TransactionClient;

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

  async organizationExists(
    workspaceId: string,
    id: string,
    tx: Tx = this.prisma,
  ): Promise<boolean> {
    return (await tx.organization.count({ where: { workspaceId, id } })) > 0;
  }

  /**
   * Adds the user with this e-mail (created without a password when unknown) to the workspace.
   * Null when they are a member already, active or not. Call inside `transaction`.
   */
  async invite(
    tx: Tx,
    workspaceId: string,
    input: { email: string; displayName: string; role: Role; organizationId: string | null },
  ): Promise<MemberRow | null> {
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
  }

  /**
   * Runs `work` in one transaction. The waits are generous because a write holds row locks
   * while concurrent writers queue behind it.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  }

  /**
   * Locks the workspace's active administrators (in id order, so concurrent writers never
   * deadlock) and returns their ids: two concurrent demotions or deactivations cannot both pass
   * a "someone else is still an administrator" check.
   */
  async lockActiveAdmins(tx: Tx, workspaceId: string): Promise<string[]> {
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Membership"
      WHERE "workspaceId" = ${workspaceId}::uuid AND role = 'ADMIN' AND active
      ORDER BY id
      FOR UPDATE`;
    return admins.map((a) => a.id);
  }

  /** The membership, locked until the transaction ends (concurrent writers wait), or null. */
  async lock(tx: Tx, workspaceId: string, id: string): Promise<MemberRow | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Membership" WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
      FOR UPDATE`;
    if (locked.length === 0) return null;
    return tx.membership.findUniqueOrThrow({ where: { id }, select: MEMBER_SELECT });
  }

  /** Writes the change and moves the membership to its next version. */
  update(tx: Tx, id: string, change: MembershipChange): Promise<MemberRow> {
    return tx.membership.update({
      where: { id },
      data: { ...change, version: { increment: 1 } },
      select: MEMBER_SELECT,
    });
  }
}
