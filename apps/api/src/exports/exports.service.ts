import type { WorkspaceActor } from '../auth/actor';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { isoDate, todayUtc } from '../common/dates';
import { type Cursor, cursorAfter, parseSort } from '../commitments/commitment-cursor';
import { type CommitmentRow, CommitmentsRepository } from '../commitments/commitments.repository';
import { isOverdue } from '../commitments/overdue';
import { neutralizeFormula } from './csv-cells';
import { type ExportCommitmentsQuery } from './export-commitments.query';
import { ExportsRepository } from './exports.repository';

/** Rows fetched (and written) at a time. */
export const EXPORT_PAGE_SIZE = 500;

export const COMMITMENT_COLUMNS = [
  'framework',
  'reference',
  'title_vi',
  'title_en',
  'status',
  'progress',
  'lead_organization',
  'target_date',
  'overdue',
] as const;

/** Excel reads a UTF-8 file as UTF-8 (Vietnamese diacritics intact) only when it starts with a BOM. */
const BOM = '\uFEFF';

export interface CsvExport {
  filename: string;
  stream: Readable;
}

@Injectable()
export class ExportsService {
  constructor(
    private readonly commitments: CommitmentsRepository,
    private readonly exportsRepo: ExportsRepository,
  ) {}

  /**
   * The workspace's commitments matching the list's filters, as CSV. The first page is read
   * before answering (so a failure is still an error response); the rest stream page by page.
   */
  async commitmentsCsv(member: WorkspaceActor, query: ExportCommitmentsQuery): Promise<CsvExport> {
    const today = todayUtc();
    const { sort: sortParam, ...filters } = query;
    const sort = parseSort(sortParam);
    const organizations = await this.exportsRepo.organizationNames(member.workspaceId);
    const page = async (cursor: Cursor | null) =>
      (
        await this.commitments.findPage(
          member.workspaceId,
          filters,
          sort,
          cursor,
          EXPORT_PAGE_SIZE,
          today,
        )
      ).rows;
    const toCsv = (rows: CommitmentRow[]) =>
      stringify(rows.map((row) => toRecord(row, organizations, today)));

    const first = await page(null);
    async function* chunks(): AsyncGenerator<string> {
      yield BOM + stringify([[...COMMITMENT_COLUMNS]]);
      let rows = first;
      while (rows.length > 0) {
        yield toCsv(rows);
        if (rows.length < EXPORT_PAGE_SIZE) return;
        rows = await page(cursorAfter(rows[rows.length - 1]!, sort.field));
      }
    }
    return {
      filename: `commitments-${member.slug}-${isoDate(today)}.csv`,
      stream: Readable.from(chunks()),
    };
  }
}

function toRecord(row: CommitmentRow, organizations: Map<string, string>, today: Date): string[] {
  return [
    row.framework.code,
    row.reference,
    row.titleVi,
    row.titleEn,
    row.status,
    String(row.progress),
    row.leadOrgId ? (organizations.get(row.leadOrgId) ?? '') : '',
    isoDate(row.targetDate) ?? '',
    isOverdue(row, today) ? 'true' : 'false',
  ].map(neutralizeFormula);
}
