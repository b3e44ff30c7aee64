import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import type { Locale } from '@spct/contracts';
import { isoDate, todayUtc } from '../common/dates';
import { cursorAfter, parseSort } from '../commitments/commitment-cursor';
import { type CommitmentRow, CommitmentsRepository } from '../commitments/commitments.repository';
import { DashboardService } from '../dashboard/dashboard.service';
import { keysetPages, onePage, sheetOf, type Spreadsheet } from '../spreadsheets/spreadsheet';
import { COMMITMENT_SHEET, commitmentColumns } from './commitment-columns';
import { DASHBOARD_COLUMNS, DASHBOARD_SHEET, dashboardLines } from './dashboard-columns';
import {
  type ExportCommitmentsQuery,
  type ExportDashboardQuery,
  type ExportLanguageQuery,
  type ExportReportsQuery,
} from './export.query';
import {
  ExportsRepository,
  type IndicatorExportRow,
  type ReportExportRow,
} from './exports.repository';
import { INDICATOR_COLUMNS, INDICATOR_SHEET, indicatorLines } from './indicator-columns';
import { REPORT_COLUMNS, REPORT_SHEET } from './report-columns';

/** Rows fetched (and written) at a time. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * What people look at, as spreadsheets for the CSV and XLSX writers: rows are read page by page
 * as the file is written, never the whole workspace at once.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly commitmentsRepo: CommitmentsRepository,
    private readonly exportsRepo: ExportsRepository,
    private readonly dashboard: DashboardService,
  ) {}

  /** The workspace's commitments matching the list's filters, in the list's order. */
  async commitments(member: WorkspaceActor, query: ExportCommitmentsQuery): Promise<Spreadsheet> {
    const today = todayUtc();
    const { sort: sortParam, lang, ...filters } = query;
    const sort = parseSort(sortParam);
    const [locale, organizations] = await Promise.all([
      this.language(member, lang),
      this.exportsRepo.organizationNames(member.workspaceId),
    ]);
    const pages = await keysetPages<CommitmentRow>(EXPORT_PAGE_SIZE, async (last) => {
      const cursor = last ? cursorAfter(last, sort.field) : null;
      const page = await this.commitmentsRepo.findPage(
        member.workspaceId,
        filters,
        sort,
        cursor,
        EXPORT_PAGE_SIZE,
        today,
      );
      return page.rows;
    });
    return {
      basename: this.basename('commitments', member),
      sheets: [sheetOf(COMMITMENT_SHEET, commitmentColumns(organizations), pages, locale)],
    };
  }

  /** Every indicator of the commitments that are not archived, one line per measurement. */
  async indicators(member: WorkspaceActor, query: ExportLanguageQuery): Promise<Spreadsheet> {
    const locale = await this.language(member, query.lang);
    const pages = await keysetPages<IndicatorExportRow>(EXPORT_PAGE_SIZE, (last) =>
      this.exportsRepo.indicatorPage(member.workspaceId, last, EXPORT_PAGE_SIZE),
    );
    const lines = {
      async *[Symbol.asyncIterator]() {
        for await (const rows of pages) yield indicatorLines(rows);
      },
    };
    return {
      basename: this.basename('indicators', member),
      sheets: [sheetOf(INDICATOR_SHEET, INDICATOR_COLUMNS, lines, locale)],
    };
  }

  /** The progress reports of a period, whatever their state. */
  async reports(member: WorkspaceActor, query: ExportReportsQuery): Promise<Spreadsheet> {
    const locale = await this.language(member, query.lang);
    const pages = await keysetPages<ReportExportRow>(EXPORT_PAGE_SIZE, (last) =>
      this.exportsRepo.reportPage(member.workspaceId, query.period, last, EXPORT_PAGE_SIZE),
    );
    return {
      basename: this.basename(`reports-${query.period.replace(/[^\w-]+/g, '_')}`, member),
      sheets: [sheetOf(REPORT_SHEET, REPORT_COLUMNS, pages, locale)],
    };
  }

  /** The dashboard's numbers for its filters: all items, then by framework, organization, theme, group. */
  async dashboardSummary(
    member: WorkspaceActor,
    query: ExportDashboardQuery,
  ): Promise<Spreadsheet> {
    const { lang, ...population } = query;
    const [locale, summary] = await Promise.all([
      this.language(member, lang),
      this.dashboard.summary(member, population),
    ]);
    return {
      basename: this.basename('dashboard', member),
      sheets: [
        sheetOf(DASHBOARD_SHEET, DASHBOARD_COLUMNS, onePage(dashboardLines(summary)), locale),
      ],
    };
  }

  private async language(member: WorkspaceActor, lang: Locale | undefined): Promise<Locale> {
    return lang ?? this.exportsRepo.userLocale(member.userId);
  }

  private basename(kind: string, member: WorkspaceActor): string {
    return `${kind}-${member.slug}-${isoDate(todayUtc())}`;
  }
}
