import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Evidence, EvidenceKind, UpdateState } from '../generated/prisma/client';
import { type ActivityInput, recordActivity, snapshot } from '../history/activity';

/** The fields a new evidence row is given. */
export interface NewEvidence {
  workspaceId: string;
  commitmentId: string;
  progressUpdateId: string | null;
  kind: EvidenceKind;
  title: string;
  url?: string;
  fileName?: string;
  mimeType?: string;
  sizeBytes?: number;
  sha256?: string;
  storageKey?: string;
  uploadedById: string;
}

export interface UpdateFacts {
  state: UpdateState;
  authorId: string;
}

export type EvidenceWithUpdate = Evidence & { progressUpdate: UpdateFacts | null };

/** The fields of an evidence item its history events show (those it has: a link has no size). */
function auditedFields(e: Evidence): Record<string, unknown> {
  const fields = {
    kind: e.kind,
    title: e.title,
    url: e.url,
    fileName: e.fileName,
    mimeType: e.mimeType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    progressUpdateId: e.progressUpdateId,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}

@Injectable()
export class EvidenceRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForCommitment(workspaceId: string, commitmentId: string) {
    return this.prisma.evidence.findMany({
      where: { workspaceId, commitmentId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  }

  findUpdate(
    workspaceId: string,
    commitmentId: string,
    updateId: string,
  ): Promise<UpdateFacts | null> {
    return this.prisma.progressUpdate.findFirst({
      where: { id: updateId, commitmentId, workspaceId },
      select: { state: true, authorId: true },
    });
  }

  findOne(
    workspaceId: string,
    commitmentId: string,
    id: string,
  ): Promise<EvidenceWithUpdate | null> {
    return this.prisma.evidence.findFirst({
      where: { id, commitmentId, workspaceId },
      include: { progressUpdate: { select: { state: true, authorId: true } } },
    });
  }

  /**
   * Inserts the row and its `created` history event in one transaction. Evidence of a progress
   * update first locks the update and asks `updateRefusal` about its state as it is now (an upload
   * may have streamed for a while): a returned error is thrown and nothing is written.
   */
  create(
    data: NewEvidence,
    updateRefusal: (state: UpdateState) => Error | null = () => null,
  ): Promise<Evidence> {
    return this.prisma.$transaction(async (tx) => {
      if (data.progressUpdateId) {
        const [update] = await tx.$queryRaw<{ state: UpdateState }[]>`
          SELECT "state"::text AS state FROM "ProgressUpdate"
          WHERE "id" = ${data.progressUpdateId}::uuid FOR UPDATE`;
        const refusal = update && updateRefusal(update.state);
        if (refusal) throw refusal;
      }
      const row = await tx.evidence.create({ data });
      await recordActivity(tx, this.event(row, data.uploadedById, 'created'));
      return row;
    });
  }

  /**
   * Deletes the row and writes its `deleted` event in one transaction, unless `keep` says the
   * commitment, as it is once the row is gone, must not lose it (then nothing changes and `keep`'s
   * error is thrown). The commitment row is locked so concurrent deletions are judged in turn.
   */
  delete(
    row: Evidence,
    actorId: string,
    keep: (after: { status: string; evidenceCount: number }) => Error | null,
  ): Promise<void> {
    return this.prisma.$transaction(async (tx) => {
      const [commitment] = await tx.$queryRaw<{ status: string }[]>`
        SELECT "status"::text AS status FROM "Commitment" WHERE "id" = ${row.commitmentId}::uuid FOR UPDATE`;
      await tx.evidence.delete({ where: { id: row.id } });
      const evidenceCount = await tx.evidence.count({ where: { commitmentId: row.commitmentId } });
      const refusal = commitment && keep({ status: commitment.status, evidenceCount });
      if (refusal) throw refusal;
      await recordActivity(tx, this.event(row, actorId, 'deleted'));
    });
  }

  private event(row: Evidence, actorId: string, action: 'created' | 'deleted'): ActivityInput {
    return {
      workspaceId: row.workspaceId,
      actorId,
      commitmentId: row.commitmentId,
      entityType: 'evidence',
      entityId: row.id,
      action,
      changes: snapshot(auditedFields(row), action === 'created' ? 'after' : 'before'),
    };
  }
}
