import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { decodeKeyset, encodeKeyset, invalidCursor } from '../common/cursor';
import { type List } from '../common/list';
import type { FieldChanges } from './activity';
import { type ActivityEventDto, type HistoryQuery } from './history.dto';
import { HistoryRepository } from './history.repository';

const DEFAULT_LIMIT = 25;

@Injectable()
export class HistoryService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly history: HistoryRepository,
  ) {}

  async forCommitment(
    member: WorkspaceActor,
    commitmentId: string,
    query: HistoryQuery,
  ): Promise<List<ActivityEventDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.history.findForCommitment(workspaceId, commitmentId, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        at: row.createdAt.toISOString(),
        actor: row.actor,
        entityType: row.entityType,
        entityId: row.entityId,
        action: row.action,
        changes: (row.changes ?? {}) as FieldChanges,
      })),
      nextCursor:
        rows.length > limit && last ? encodeKeyset(last.createdAt.toISOString(), last.id) : null,
    };
  }
}

/** The (createdAt, id) position of a history cursor. */
function decodeCursor(raw: string): { at: Date; id: string } {
  const { value, id } = decodeKeyset(raw);
  const at = typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw invalidCursor();
  return { at, id };
}
