import { Injectable } from '@nestjs/common';
import { type CommitmentStatus } from '@spct/contracts';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compiledOnce } from '../database/compiled-once';
import { KyselyService } from '../database/kysely.service';
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

/**
 * The frameworks of a workspace, each with its `figures` (as `figures()` gives them): one
 * statement on the Kysely pool, the overview being a hot read.
 */
function overviewQuery(db: KyselyService) {
  return compiledOnce(['workspaceId'], (a: { workspaceId: string }) =>
    db
      .selectFrom('Framework')
      .selectAll('Framework')
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('CommitmentTally as t')
            .select([
              sql<CommitmentStatus>`t.status::text`.as('status'),
              sql<number>`sum(t.items)::int`.as('items'),
              sql<number>`sum(t."progressWeight")::float8`.as('progressWeight'),
              sql<number>`sum(t.weight)::float8`.as('weight'),
              sql<number>`COALESCE(sum(t.items) FILTER (WHERE t."leadOrgId" IS NULL), 0)::int`.as(
                'untracked',
              ),
            ])
            .whereRef('t.frameworkId', '=', 'Framework.id')
            .whereRef('t.workspaceId', '=', 'Framework.workspaceId')
            .groupBy('t.status'),
        ).as('figures'),
      )
      .where('Framework.workspaceId', '=', a.workspaceId)
      .orderBy('Framework.code'),
  );
}

@Injectable()
export class FrameworksRepository {
  private readonly overview: ReturnType<typeof overviewQuery>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly db: KyselyService,
  ) {
    this.overview = overviewQuery(db);
  }

  /** Every framework of the workspace with its figures, ordered by code. */
  async findAllWithFigures(workspaceId: string) {
    const { rows } = await this.db.executeQuery(this.overview({ workspaceId }));
    return rows;
  }

  findOne(workspaceId: string, id: string) {
    return this.prisma.framework.findFirst({ where: { workspaceId, id } });
  }

  /**
   * The trackable items' figures of a framework per status, from the CommitmentTally (a few rows
   * per combination of dimensions, whatever the workspace's size).
   */
  figures(workspaceId: string, frameworkId: string): Promise<FrameworkFigures[]> {
    return this.prisma.$queryRaw<FrameworkFigures[]>(Prisma.sql`
      SELECT "frameworkId", status::text AS status, sum(items)::int AS items,
        sum("progressWeight")::float8 AS "progressWeight", sum(weight)::float8 AS weight,
        COALESCE(sum(items) FILTER (WHERE "leadOrgId" IS NULL), 0)::int AS untracked
      FROM "CommitmentTally"
      WHERE "workspaceId" = ${workspaceId}::uuid AND "frameworkId" = ${frameworkId}::uuid
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
