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
    return this.prisma.activityEvent.findMany({
      where: {
        workspaceId,
        AND: [
          { OR: [{ commitmentId }, { entityType: 'commitment', entityId: commitmentId }] },
          after
            ? {
                OR: [
                  { createdAt: { lt: after.at } },
                  { createdAt: after.at, id: { lt: after.id } },
                ],
              }
            : {},
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      include: { actor: { select: { id: true, displayName: true } } },
    });
  }
}
