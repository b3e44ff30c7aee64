import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class EvidenceRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForCommitment(workspaceId: string, commitmentId: string) {
    return this.prisma.evidence.findMany({
      where: { workspaceId, commitmentId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  }
}
