import { Injectable } from '@nestjs/common';
import { type CommitmentStatus } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import { type Framework, Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

export type FrameworkFields = Omit<
  Prisma.FrameworkUncheckedCreateInput,
  'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'version'
>;

/** The trackable items of a framework in one status. */
export interface FrameworkFigures {
  frameworkId: string;
  status: CommitmentStatus;
  items: number;
  progressWeight: number;
  weight: number;
  /** Of `items`, those without a lead organization. */
  untracked: number;
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

  /**
   * The trackable items' figures per framework and status, from the CommitmentTally (a few rows
   * per combination of dimensions, whatever the workspace's size): `frameworkId` alone or all.
   */
  figures(workspaceId: string, frameworkId?: string): Promise<FrameworkFigures[]> {
    return this.prisma.$queryRaw<FrameworkFigures[]>(Prisma.sql`
      SELECT "frameworkId", status::text AS status, sum(items)::int AS items,
        sum("progressWeight")::float8 AS "progressWeight", sum(weight)::float8 AS weight,
        COALESCE(sum(items) FILTER (WHERE "leadOrgId" IS NULL), 0)::int AS untracked
      FROM "CommitmentTally"
      WHERE "workspaceId" = ${workspaceId}::uuid
        ${frameworkId ? Prisma.sql`AND "frameworkId" = ${frameworkId}::uuid` : Prisma.empty}
      GROUP BY 1, 2`);
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
