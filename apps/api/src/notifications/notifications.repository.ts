import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { type NotificationKind, Prisma } from '../generated/prisma/client';
import { FOLLOWING } from './notification-outbox';

const notificationInclude = {
  actor: { select: { id: true, displayName: true } },
  commitment: { select: { id: true, reference: true, titleVi: true, titleEn: true } },
} satisfies Prisma.NotificationInclude;

export type NotificationRow = Prisma.NotificationGetPayload<{
  include: typeof notificationInclude;
}>;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The caller's entries, newest first, after the (createdAt, id) of `after`. */
  page(
    workspaceId: string,
    userId: string,
    options: {
      unread: boolean;
      after: { createdAt: Date; id: string } | null;
      limit: number;
      /** Kinds the user turned off in the app. */
      hidden: NotificationKind[];
    },
  ): Promise<NotificationRow[]> {
    const { after } = options;
    return this.prisma.notification.findMany({
      where: {
        workspaceId,
        userId,
        ...(options.hidden.length > 0 ? { kind: { notIn: options.hidden } } : {}),
        ...(options.unread ? { readAt: null } : {}),
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
      include: notificationInclude,
    });
  }

  unreadCount(workspaceId: string, userId: string, hidden: NotificationKind[]): Promise<number> {
    return this.prisma.notification.count({
      where: {
        workspaceId,
        userId,
        readAt: null,
        ...(hidden.length > 0 ? { kind: { notIn: hidden } } : {}),
      },
    });
  }

  /** Marks one of the caller's entries read (the first reading counts); false when not theirs. */
  async markRead(workspaceId: string, userId: string, id: string, at: Date): Promise<boolean> {
    const row = await this.prisma.notification.findFirst({
      where: { id, workspaceId, userId },
      select: { readAt: true },
    });
    if (!row) return false;
    if (!row.readAt) {
      await this.prisma.notification.update({ where: { id }, data: { readAt: at } });
    }
    return true;
  }

  async markAllRead(workspaceId: string, userId: string, at: Date): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({
      where: { workspaceId, userId, readAt: null },
      data: { readAt: at },
    });
    return count;
  }

  async setFollowing(
    workspaceId: string,
    userId: string,
    commitmentId: string,
    following: boolean,
  ): Promise<void> {
    await this.prisma.follow.upsert({
      where: { userId_commitmentId: { userId, commitmentId } },
      create: { userId, commitmentId, workspaceId, following },
      update: { following },
    });
  }

  /** Whether the member follows the item: explicitly, or as its focal person or a lead editor. */
  async isFollowing(workspaceId: string, userId: string, commitmentId: string): Promise<boolean> {
    const [row] = await this.prisma.$queryRaw<{ following: boolean }[]>`
      SELECT ${FOLLOWING} AS following
      FROM "Membership" m JOIN "Commitment" c ON c.id = ${commitmentId}::uuid
      LEFT JOIN "Follow" f ON f."userId" = m."userId" AND f."commitmentId" = c.id
      WHERE m."userId" = ${userId}::uuid AND m."workspaceId" = ${workspaceId}::uuid`;
    return row?.following ?? false;
  }
}
