import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class IndicatorsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForCommitment(workspaceId: string, commitmentId: string) {
    return this.prisma.indicator.findMany({
      where: { workspaceId, commitmentId },
      orderBy: { createdAt: 'asc' },
      include: { measurements: { orderBy: [{ measuredOn: 'asc' }, { createdAt: 'asc' }] } },
    });
  }
}
