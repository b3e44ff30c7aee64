import { Injectable } from '@nestjs/common';
import { type CommitmentStatus } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Framework, Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

export type FrameworkFields = Omit<
  Prisma.FrameworkUncheckedCreateInput,
  'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'version'
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

  /** What a framework's counts and progress are made of: its live commitments' figures. */
  figuresOf(workspaceId: string, frameworkId: string) {
    return this.prisma.commitment.findMany({
      where: { workspaceId, frameworkId, archived: false },
      select: { parentId: true, status: true, progress: true, weight: true },
    });
  }

  create(tx: Tx, workspaceId: string, data: FrameworkFields) {
    return tx.framework.create({ data: { ...data, workspaceId } });
  }

  /**
   * Runs `work` in one transaction. The waits are generous because a write holds the row lock of
   * its framework while concurrent writers of the same row queue behind it.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  }

  /** The framework, locked until the transaction ends (concurrent writers wait), or null. */
  async lock(tx: Tx, workspaceId: string, id: string): Promise<Framework | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Framework" WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
      FOR UPDATE`;
    if (locked.length === 0) return null;
    return tx.framework.findUniqueOrThrow({ where: { id } });
  }

  /** Writes the changed fields and moves the framework to its next version. */
  update(tx: Tx, id: string, data: Partial<FrameworkFields>): Promise<Framework> {
    return tx.framework.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  }
}
