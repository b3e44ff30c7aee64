import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class PositionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForCommitment(workspaceId: string, commitmentId: string) {
    return this.prisma.position.findMany({
      where: { workspaceId, commitmentId },
      orderBy: { organization: { shortName: 'asc' } },
      include: { organization: true },
    });
  }
}
