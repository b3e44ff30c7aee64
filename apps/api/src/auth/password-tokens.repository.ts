import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

@Injectable()
export class PasswordTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores a new link for the user; their earlier unused links stop working. Inside the
   * caller's `tx`, so that its audit event commits with it.
   */
  async replaceForUser(
    data: {
      userId: string;
      tokenHash: string;
      expiresAt: Date;
      workspaceId: string | null;
      createdById: string | null;
    },
    tx: Prisma.TransactionClient,
  ): Promise<void> {
    await tx.passwordToken.deleteMany({ where: { userId: data.userId, usedAt: null } });
    await tx.passwordToken.create({ data });
  }

  /** The unused, unexpired link with this hash, of an active user, with what it is for. */
  async findLive(tokenHash: string, now: Date) {
    const token = await this.prisma.passwordToken.findFirst({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      select: {
        workspaceId: true,
        user: { select: { email: true, displayName: true } },
      },
    });
    if (!token) return null;
    const workspace = token.workspaceId
      ? await this.prisma.workspace.findUnique({
          where: { id: token.workspaceId },
          select: { name: true },
        })
      : null;
    return { ...token.user, workspaceName: workspace?.name ?? null };
  }

  /**
   * Uses up a live link and sets its user's password, in one transaction: of two concurrent
   * requests with the same link, one wins. Returns the user's id, or null for a dead link.
   */
  redeem(tokenHash: string, passwordHash: string, now: Date): Promise<string | null> {
    return this.prisma.$transaction(async (tx) => {
      const live = { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { active: true } };
      const { count } = await tx.passwordToken.updateMany({
        where: live,
        data: { usedAt: now },
      });
      if (count !== 1) return null;
      const { userId } = await tx.passwordToken.findUniqueOrThrow({
        where: { tokenHash },
        select: { userId: true },
      });
      await tx.user.update({ where: { id: userId }, data: { passwordHash } });
      await tx.passwordToken.deleteMany({ where: { userId, usedAt: null } });
      return userId;
    });
  }
}
