import type { WorkspaceActor } from '../auth/actor';
import { Injectable, NotFoundException } from '@nestjs/common';
import { type List } from '../common/list';
import { isoDate, todayUtc } from '../common/dates';
import { localized, localizedOrNull } from '../common/localized';
import { isOverdue } from './overdue';
import { decodeCursor, encodeCursor, parseSort, SORT_COLUMNS } from './commitment-cursor';
import {
  type CommitmentRow,
  type CommitmentDetailRow,
  CommitmentsRepository,
} from './commitments.repository';
import { type CommitmentDetailDto, type CommitmentDto } from './dto/commitment.dto';
import { type ListCommitmentsQuery } from './dto/list-commitments.query';

const DEFAULT_LIMIT = 25;

@Injectable()
export class CommitmentsService {
  constructor(private readonly commitments: CommitmentsRepository) {}

  async list(member: WorkspaceActor, query: ListCommitmentsQuery): Promise<List<CommitmentDto>> {
    const sort = parseSort(query.sort);
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const today = todayUtc();
    const { cursor: _c, limit: _l, sort: _s, ...filters } = query;
    const rows = await this.commitments.findPage(
      member.workspaceId,
      filters,
      sort,
      cursor,
      limit + 1,
      today,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ value: this.sortValue(last, sort.field), id: last.id })
        : null;
    return { items: page.map((row) => this.toDto(row, today)), nextCursor };
  }

  async get(member: WorkspaceActor, id: string): Promise<CommitmentDetailDto> {
    const row = await this.commitments.findDetail(member.workspaceId, id);
    if (!row) throw new NotFoundException(`Commitment ${id} not found`);
    return this.toDetailDto(row);
  }

  /** The commitment `id` of the member's workspace, or a 404: for the routes nested under a commitment. */
  async requireInWorkspace(member: WorkspaceActor, id: string): Promise<{ workspaceId: string }> {
    if (!(await this.commitments.exists(member.workspaceId, id))) {
      throw new NotFoundException(`Commitment ${id} not found`);
    }
    return { workspaceId: member.workspaceId };
  }

  private sortValue(row: CommitmentRow, field: keyof typeof SORT_COLUMNS): string | number | null {
    switch (field) {
      case 'reference':
        return row.referenceKey;
      case 'progress':
        return row.progress;
      case 'targetDate':
        return isoDate(row.targetDate);
      case 'updatedAt':
        return row.updatedAt.toISOString();
    }
  }

  private toDto(row: CommitmentRow, today = todayUtc()): CommitmentDto {
    return {
      id: row.id,
      frameworkId: row.frameworkId,
      frameworkCode: row.framework.code,
      parentId: row.parentId,
      reference: row.reference,
      title: localized(row.titleVi, row.titleEn),
      description: localizedOrNull(row.descriptionVi, row.descriptionEn),
      theme: row.theme,
      status: row.status,
      progress: row.progress,
      weight: row.weight,
      leadOrgId: row.leadOrgId,
      coOrgIds: row.coOrganizations.map((c) => c.organizationId),
      focalUserId: row.focalUserId,
      targetGroups: row.targetGroups,
      startDate: isoDate(row.startDate),
      targetDate: isoDate(row.targetDate),
      archived: row.archived,
      version: row.version,
      overdue: isOverdue(row, today),
      childCount: row._count.children,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  private toDetailDto(row: CommitmentDetailRow): CommitmentDetailDto {
    const ref = (c: {
      id: string;
      frameworkId: string;
      reference: string;
      titleVi: string;
      titleEn: string;
      framework: { code: string };
    }) => ({
      id: c.id,
      frameworkId: c.frameworkId,
      frameworkCode: c.framework.code,
      reference: c.reference,
      title: localized(c.titleVi, c.titleEn),
    });
    return {
      ...this.toDto({ ...row, framework: { code: row.framework.code } }),
      framework: {
        id: row.framework.id,
        code: row.framework.code,
        title: localized(row.framework.titleVi, row.framework.titleEn),
      },
      parent: row.parent
        ? {
            id: row.parent.id,
            reference: row.parent.reference,
            title: localized(row.parent.titleVi, row.parent.titleEn),
          }
        : null,
      children: row.children.map((c) => ({
        id: c.id,
        reference: c.reference,
        title: localized(c.titleVi, c.titleEn),
        status: c.status,
        progress: c.progress,
      })),
      alignments: [
        ...row.alignmentsFrom.map((a) => ({
          id: a.id,
          direction: 'OUTGOING' as const,
          note: localizedOrNull(a.noteVi, a.noteEn),
          commitment: ref(a.target),
        })),
        ...row.alignmentsTo.map((a) => ({
          id: a.id,
          direction: 'INCOMING' as const,
          note: localizedOrNull(a.noteVi, a.noteEn),
          commitment: ref(a.source),
        })),
      ],
      focalUser: row.focalUser,
    };
  }
}
