import { Injectable } from '@nestjs/common';
import { type CommitmentStatus } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

export type FrameworkFields = Omit<
  Prisma.FrameworkUncheckedCreateInput,
  'id' | 'workspaceId' | 'createdAt' | 'updatedAt'
>;

export interface FrameworkStats {
  frameworkId: string;
  status: CommitmentStatus;
  count: number;
}

@Injectable()
export class FrameworksRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(workspaceId: string) {
    return this.prisma.framework.findMany({ where: { workspaceId }, orderBy: { code: 'asc' } });
  }

  findOne(workspaceId: string, id: string) {
    return this.prisma.framework.findFirst({ where: { workspaceId, id } });
  }

  async statusCounts(workspaceId: string): Promise<FrameworkStats[]> {
    const groups = await this.prisma.commitment.groupBy({
      by: ['frameworkId', 'status'],
      where: { workspaceId, archived: false },
      _count: { _all: true },
    });
    return groups.map((g) => ({
      frameworkId: g.frameworkId,
      status: g.status,
      count: g._count._all,
    }));
  }

  /** Top-level commitments' progress and weight: what a framework's progress is made of. */
  topLevel(workspaceId: string) {
    return this.prisma.commitment.findMany({
      where: { workspaceId, parentId: null, archived: false },
      select: { frameworkId: true, progress: true, weight: true },
    });
  }

  commitmentsOf(workspaceId: string, frameworkId: string) {
    return this.prisma.commitment.findMany({
      where: { workspaceId, frameworkId, archived: false },
      orderBy: [{ position: 'asc' }, { referenceKey: 'asc' }],
      select: {
        id: true,
        parentId: true,
        reference: true,
        titleVi: true,
        titleEn: true,
        status: true,
        progress: true,
        weight: true,
        theme: true,
        leadOrgId: true,
        targetDate: true,
      },
    });
  }

  create(workspaceId: string, data: FrameworkFields) {
    return this.prisma.framework.create({ data: { ...data, workspaceId } });
  }

  /** Updates a framework of the workspace; null when there is none with this id. */
  async update(workspaceId: string, id: string, data: Partial<FrameworkFields>) {
    const { count } = await this.prisma.framework.updateMany({ where: { workspaceId, id }, data });
    return count === 1 ? this.findOne(workspaceId, id) : null;
  }
}
