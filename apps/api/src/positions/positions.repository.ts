import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { PositionKind, Prisma } from '../generated/prisma/client';
import { diffFields, recordActivity, snapshot } from '../history/activity';

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

  /** Records (or replaces) the organization's position on the commitment, with its audit event. */
  record(
    target: { workspaceId: string; commitmentId: string; organizationId: string },
    input: PositionInput,
    recordedById: string,
  ): Promise<PositionRow> {
    const { commitmentId, organizationId } = target;
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.position.findUnique({
        where: { commitmentId_organizationId: { commitmentId, organizationId } },
        select: { position: true, rationale: true, decidedOn: true, recordedById: true },
      });
      const row = await tx.position.upsert({
        where: { commitmentId_organizationId: { commitmentId, organizationId } },
        create: { ...target, ...input, recordedById },
        update: { ...input, recordedById },
        include: positionInclude,
      });
      const after = { ...input, recordedById };
      await recordActivity(tx, {
        workspaceId: target.workspaceId,
        actorId: recordedById,
        commitmentId,
        entityType: 'position',
        entityId: row.id,
        action: before ? 'updated' : 'recorded',
        changes: before
          ? diffFields(before, after)
          : snapshot({ organizationId, ...after }, 'after'),
      });
      return row;
    });
  }
}
