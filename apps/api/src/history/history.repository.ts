import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

export type ActivityRow = Prisma.ActivityEventGetPayload<{
  include: { actor: { select: { id: true; displayName: true } } };
}>;

@Injectable()
export class HistoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * A page of what happened to a commitment (itself, or anything recorded under it), newest
   * first, strictly after the cursor in (createdAt, id) descending order.
   */
  findForCommitment(
    workspaceId: string,
    commitmentId: string,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<ActivityRow[]> {
    return this.page(
      {
        workspaceId,
        OR: [{ commitmentId }, { entityType: 'commitment', entityId: commitmentId }],
      },
      after,
      limit,
    );
  }

  /**
   * A page of the workspace's whole trail, newest first, strictly after the cursor in
   * (createdAt, id) descending order, narrowed by the filters.
   */
  findForWorkspace(
    workspaceId: string,
    filter: { entityTypes?: string[]; actorId?: string; from?: Date; until?: Date },
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<ActivityRow[]> {
    return this.page(
      {
        workspaceId,
        ...(filter.entityTypes && { entityType: { in: filter.entityTypes } }),
        ...(filter.actorId && { actorId: filter.actorId }),
        AND: [
          filter.from ? { createdAt: { gte: filter.from } } : {},
          filter.until ? { createdAt: { lt: filter.until } } : {},
        ],
      },
      after,
      limit,
    );
  }

  /** Events matching `where`, newest first, strictly after the cursor in (createdAt, id) order. */
  private page(
    where: Prisma.ActivityEventWhereInput,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<ActivityRow[]> {
    const afterCursor: Prisma.ActivityEventWhereInput = after
      ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
      : {};
    return this.prisma.activityEvent.findMany({
      where: { AND: [where, afterCursor] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      include: { actor: { select: { id: true, displayName: true } } },
    });
  }

  /** Reference and titles of the workspace's commitments with these ids (archived included). */
  commitmentRefs(workspaceId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.commitment.findMany({
      where: { workspaceId, id: { in: ids } },
      select: { id: true, reference: true, titleVi: true, titleEn: true },
    });
  }
}
