import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { type PositionKind, Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

const positionInclude = {
  organization: true,
  recordedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.PositionInclude;

export type PositionRow = Prisma.PositionGetPayload<{ include: typeof positionInclude }>;

export interface PositionInput {
  position: PositionKind;
  rationale: string;
  decidedOn: Date;
}

@Injectable()
export class PositionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForCommitment(workspaceId: string, commitmentId: string): Promise<PositionRow[]> {
    return this.prisma.position.findMany({
      where: { workspaceId, commitmentId },
      orderBy: { organization: { shortName: 'asc' } },
      include: positionInclude,
    });
  }

  organizationExists(workspaceId: string, id: string): Promise<boolean> {
    return this.prisma.organization.count({ where: { id, workspaceId } }).then((n) => n > 0);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  findOne(commitmentId: string, organizationId: string): Promise<PositionRow | null> {
    return this.prisma.position.findUnique({
      where: { commitmentId_organizationId: { commitmentId, organizationId } },
      include: positionInclude,
    });
  }

  /**
   * The organization's position on the commitment, with its row locked until the transaction
   * ends (null when none is recorded yet: creation then races on the unique constraint).
   */
  async lock(
    tx: Tx,
    workspaceId: string,
    commitmentId: string,
    organizationId: string,
  ): Promise<PositionRow | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Position"
      WHERE "commitmentId" = ${commitmentId}::uuid AND "organizationId" = ${organizationId}::uuid
        AND "workspaceId" = ${workspaceId}::uuid
      FOR UPDATE`;
    if (rows.length === 0) return null;
    return tx.position.findUniqueOrThrow({ where: { id: rows[0]!.id }, include: positionInclude });
  }

  /** A new position; fails with a unique violation when one was created meanwhile. */
  create(
    tx: Tx,
    target: { workspaceId: string; commitmentId: string; organizationId: string },
    input: PositionInput,
    recordedById: string,
  ): Promise<PositionRow> {
    return tx.position.create({
      data: { ...target, ...input, recordedById },
      include: positionInclude,
    });
  }

  /** Replaces a locked position and increments its version. */
  replace(tx: Tx, id: string, input: PositionInput, recordedById: string): Promise<PositionRow> {
    return tx.position.update({
      where: { id },
      data: { ...input, recordedById, version: { increment: 1 } },
      include: positionInclude,
    });
  }
}

/** Whether `error` is a unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
