import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { FieldValidationException } from '../common/api-error.filter';
import { type List } from '../common/list';
import type { FieldChanges } from './activity';
import { type ActivityEventDto, type HistoryQuery } from './history.dto';
import { HistoryRepository } from './history.repository';

const DEFAULT_LIMIT = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(raw: string): { at: Date; id: string } {
  const invalid = () =>
    new FieldValidationException([{ field: 'cursor', message: 'is not a cursor of this list' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [at, id] = parsed as [unknown, unknown];
  if (typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw invalid();
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw invalid();
  return { at: date, id };
}
