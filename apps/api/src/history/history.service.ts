import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { decodeKeyset, encodeKeyset, invalidCursor } from '../common/cursor';
import { FieldValidationException } from '../common/api-error';
import { dateColumn } from '../common/dates';
import { type List } from '../common/list';
import { localized } from '../common/localized';
import type { FieldChanges } from './activity';
import {
  type ActivityEventDto,
  type HistoryQuery,
  type WorkspaceActivityEventDto,
  type WorkspaceActivityQuery,
} from './history.dto';
import { type ActivityRow, HistoryRepository } from './history.repository';

const DEFAULT_LIMIT = 25;
const DAY_MS = 24 * 60 * 60_000;

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
    const { page, nextCursor } = pageOf(rows, limit);
    return { items: page.map(eventDto), nextCursor };
  }

  /**
   * The workspace's whole audit trail (administration included), newest first. Who may read it
   * is decided by the route's permission (`workspace.manage`).
   */
  async forWorkspace(
    member: WorkspaceActor,
    query: WorkspaceActivityQuery,
  ): Promise<List<WorkspaceActivityEventDto>> {
    if (query.from && query.to && query.from > query.to) {
      throw new FieldValidationException([
        { field: 'to', code: 'beforeOther', other: 'from', message: 'must not be before from' },
      ]);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.history.findForWorkspace(
      member.workspaceId,
      {
        entityTypes: query.entityType,
        actorId: query.actorId,
        from: query.from ? dateColumn(query.from) : undefined,
        until: query.to ? new Date(dateColumn(query.to).getTime() + DAY_MS) : undefined,
      },
      after,
      limit + 1,
    );
    const { page, nextCursor } = pageOf(rows, limit);
    const commitmentIds = [
      ...new Set(page.map((row) => row.commitmentId).filter((id): id is string => id !== null)),
    ];
    const refs = new Map(
      (await this.history.commitmentRefs(member.workspaceId, commitmentIds)).map((c) => [
        c.id,
        { id: c.id, reference: c.reference, title: localized(c.titleVi, c.titleEn) },
      ]),
    );
    return {
      items: page.map((row) => ({
        ...eventDto(row),
        commitmentId: row.commitmentId,
        commitment: (row.commitmentId && refs.get(row.commitmentId)) || null,
      })),
      nextCursor,
    };
  }
}

/** The first `limit` of `rows` (fetched one more), and the cursor after them if more follow. */
function pageOf(rows: ActivityRow[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeKeyset(last.createdAt.toISOString(), last.id) : null;
  return { page, nextCursor };
}

function eventDto(row: ActivityRow): ActivityEventDto {
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: row.actor,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    changes: (row.changes ?? {}) as FieldChanges,
  };
}

/** The (createdAt, id) position of a history cursor. */
function decodeCursor(raw: string): { at: Date; id: string } {
  const { value, id } = decodeKeyset(raw);
  const at = typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw invalidCursor();
  return { at, id };
}
