import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { type Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

const indicatorInclude = {
  measurements: { orderBy: [{ measuredOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.IndicatorInclude;

export type IndicatorRow = Prisma.IndicatorGetPayload<{ include: typeof indicatorInclude }>;
export type MeasurementRow = IndicatorRow['measurements'][number];

/** The indicator's columns an author writes. */
export interface IndicatorFields {
  nameVi?: string;
  nameEn?: string;
  unitVi?: string;
  unitEn?: string;
  direction?: IndicatorRow['direction'];
  baselineValue?: number;
  baselineYear?: number;
  targetValue?: number;
  targetYear?: number;
  sourceVi?: string | null;
  sourceEn?: string | null;
}

@Injectable()
export class IndicatorsRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  findForCommitment(workspaceId: string, commitmentId: string): Promise<IndicatorRow[]> {
    return this.prisma.indicator.findMany({
      where: { workspaceId, commitmentId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: indicatorInclude,
    });
  }

  findOne(
    workspaceId: string,
    commitmentId: string,
    id: string,
    tx: Tx = this.prisma,
  ): Promise<IndicatorRow | null> {
    return tx.indicator.findFirst({
      where: { id, workspaceId, commitmentId },
      include: indicatorInclude,
    });
  }

  create(
    tx: Tx,
    data: Required<IndicatorFields> & { workspaceId: string; commitmentId: string },
  ): Promise<IndicatorRow> {
    return tx.indicator.create({ data, include: indicatorInclude });
  }

  /** Whether the commitment has the indicator (its measurements are not read). */
  async exists(tx: Tx, workspaceId: string, commitmentId: string, id: string): Promise<boolean> {
    return (await tx.indicator.count({ where: { id, workspaceId, commitmentId } })) > 0;
  }

  /** Locks the indicator's row for an edit, so two edits never compute from the same old state. */
  async lock(tx: Tx, workspaceId: string, commitmentId: string, id: string): Promise<boolean> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Indicator"
      WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
        AND "commitmentId" = ${commitmentId}::uuid
      FOR UPDATE`;
    return rows.length > 0;
  }

  /** Writes the changed columns of a locked indicator and increments its version. */
  update(tx: Tx, id: string, fields: IndicatorFields): Promise<IndicatorRow> {
    return tx.indicator.update({
      where: { id },
      data: { ...fields, version: { increment: 1 } },
      include: indicatorInclude,
    });
  }

  createMeasurement(
    tx: Tx,
    data: {
      workspaceId: string;
      indicatorId: string;
      measuredOn: Date;
      value: number;
      source: string | null;
      createdById: string;
    },
  ): Promise<MeasurementRow> {
    return tx.measurement.create({ data });
  }
}
