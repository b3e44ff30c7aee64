import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class ProgressUpdatesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForCommitment(workspaceId: string, commitmentId: string) {
    return this.prisma.progressUpdate.findMany({
      where: { workspaceId, commitmentId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: { author: { select: { id: true, displayName: true } } },
    });
  }
}
