import { Injectable } from '@nestjs/common';
import { type CommitmentStatus, type UpdateState } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

const updateInclude = {
  author: { select: { id: true, displayName: true } },
  period: { select: { key: true } },
  indicatorValues: { orderBy: [{ measuredOn: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.ProgressUpdateInclude;

export type ProgressUpdateRow = Prisma.ProgressUpdateGetPayload<{ include: typeof updateInclude }>;

export interface IndicatorValueData {
  indicatorId: string;
  value: number | Prisma.Decimal;
  measuredOn: Date;
  source: string | null;
}

export interface UpdateFields {
  periodId?: string;
  status?: CommitmentStatus;
  progress?: number;
  narrative?: string;
}

@Injectable()
export class ProgressUpdatesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs `work` in one transaction: every write of a workflow step commits or fails together. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  }

  findForCommitment(workspaceId: string, commitmentId: string): Promise<ProgressUpdateRow[]> {
    return this.prisma.progressUpdate.findMany({
      where: { workspaceId, commitmentId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: updateInclude,
    });
  }

  findOne(
    workspaceId: string,
    commitmentId: string,
    id: string,
    tx: Tx = this.prisma,
  ): Promise<ProgressUpdateRow | null> {
    return tx.progressUpdate.findFirst({
      where: { id, workspaceId, commitmentId },
      include: updateInclude,
    });
  }

  /**
   * The report, with its row locked until the transaction ends: concurrent workflow steps on
   * one report run one after the other, each seeing the state the previous one left.
   */
  async findLocked(
    tx: Tx,
    workspaceId: string,
    commitmentId: string,
    id: string,
  ): Promise<ProgressUpdateRow | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ProgressUpdate"
      WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
        AND "commitmentId" = ${commitmentId}::uuid
      FOR UPDATE`;
    if (locked.length === 0) return null;
    return this.findOne(workspaceId, commitmentId, id, tx);
  }

  /** The workflow events (`actions`) of the reports `ids`, oldest first, in one query. */
  findSteps(workspaceId: string, ids: string[], actions: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.activityEvent.findMany({
      where: {
        workspaceId,
        entityType: 'progressUpdate',
        entityId: { in: ids },
        action: { in: [...actions] },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        entityId: true,
        action: true,
        createdAt: true,
        changes: true,
        actor: { select: { id: true, displayName: true } },
      },
    });
  }

  /** Which of `indicatorIds` are indicators of the commitment. */
  async indicatorsOf(
    workspaceId: string,
    commitmentId: string,
    indicatorIds: string[],
    tx: Tx = this.prisma,
  ): Promise<Set<string>> {
    if (indicatorIds.length === 0) return new Set();
    const rows = await tx.indicator.findMany({
      where: { workspaceId, commitmentId, id: { in: indicatorIds } },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  /** Evidence that backs a report: the commitment's own items and those attached to the report. */
  countEvidence(
    tx: Tx,
    workspaceId: string,
    commitmentId: string,
    progressUpdateId: string,
  ): Promise<number> {
    return tx.evidence.count({
      where: {
        workspaceId,
        commitmentId,
        OR: [{ progressUpdateId: null }, { progressUpdateId }],
      },
    });
  }

  create(
    tx: Tx,
    data: {
      workspaceId: string;
      commitmentId: string;
      authorId: string;
      periodId: string;
      status: CommitmentStatus;
      progress: number;
      narrative: string;
      indicatorValues: IndicatorValueData[];
    },
  ): Promise<ProgressUpdateRow> {
    const { indicatorValues, ...fields } = data;
    return tx.progressUpdate.create({
      data: { ...fields, indicatorValues: { create: indicatorValues } },
      include: updateInclude,
    });
  }

  /** Edits a locked report; `indicatorValues`, when given, replaces the whole set. */
  async edit(
    tx: Tx,
    id: string,
    fields: UpdateFields,
    indicatorValues: IndicatorValueData[] | undefined,
  ): Promise<void> {
    if (indicatorValues) {
      await tx.updateIndicatorValue.deleteMany({ where: { progressUpdateId: id } });
      await tx.updateIndicatorValue.createMany({
        data: indicatorValues.map((v) => ({ ...v, progressUpdateId: id })),
      });
    }
    await tx.progressUpdate.update({
      where: { id },
      data: { ...fields, version: { increment: 1 } },
    });
  }

  /** Moves a locked report, whose state the caller checked, to `to`. */
  async transition(
    tx: Tx,
    id: string,
    to: UpdateState,
    fields: {
      submittedAt?: Date;
      decidedAt?: Date;
      decidedById?: string;
      returnReason?: string;
      approvedPeriodId?: string;
    } = {},
  ): Promise<void> {
    await tx.progressUpdate.update({
      where: { id },
      data: { ...fields, state: to, version: { increment: 1 } },
    });
  }

  /** Whether another report of the commitment is approved for the period. */
  async hasApprovedReport(
    tx: Tx,
    commitmentId: string,
    periodId: string,
    exceptId: string,
  ): Promise<boolean> {
    const count = await tx.progressUpdate.count({
      where: { commitmentId, approvedPeriodId: periodId, id: { not: exceptId } },
    });
    return count > 0;
  }

  /**
   * Locks the commitment and every ancestor, root first (so two approvals under one parent
   * queue at the top instead of deadlocking), and returns their ids in that order.
   */
  async lockChain(tx: Tx, workspaceId: string, commitmentId: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE chain AS (
        SELECT id, "parentId", 0 AS depth FROM "Commitment"
        WHERE id = ${commitmentId}::uuid AND "workspaceId" = ${workspaceId}::uuid
        UNION ALL
        SELECT c.id, c."parentId", chain.depth + 1 FROM "Commitment" c
        JOIN chain ON c.id = chain."parentId"
        WHERE chain.depth < 100
      )
      SELECT c.id::text AS id FROM "Commitment" c JOIN chain ON chain.id = c.id
      ORDER BY chain.depth DESC
      FOR UPDATE OF c`;
    return rows.map((r) => r.id);
  }

  /** The official status and progress of the commitment, with its version bumped. */
  setOfficial(
    tx: Tx,
    commitmentId: string,
    status: CommitmentStatus,
    progress: number,
  ): Promise<{ status: CommitmentStatus; progress: number; version: number }> {
    return tx.commitment.update({
      where: { id: commitmentId },
      data: { status, progress, version: { increment: 1 } },
      select: { status: true, progress: true, version: true },
    });
  }

  createMeasurements(
    tx: Tx,
    workspaceId: string,
    createdById: string,
    values: IndicatorValueData[],
  ): Promise<unknown> {
    return tx.measurement.createMany({
      data: values.map((v) => ({ ...v, workspaceId, createdById })),
    });
  }
}
