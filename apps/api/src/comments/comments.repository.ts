import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class CommentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForCommitment(workspaceId: string, commitmentId: string) {
    return this.prisma.comment.findMany({
      where: { workspaceId, commitmentId, deletedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { author: { select: { id: true, displayName: true } } },
    });
  }
}
