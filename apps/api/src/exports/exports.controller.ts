import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { applyDecorators, Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  SPREADSHEET_TYPES,
  type SpreadsheetFormat,
  spreadsheetFile,
} from '../spreadsheets/spreadsheet-file';
import {
  ExportCommitmentsQuery,
  ExportDashboardQuery,
  ExportLanguageQuery,
  ExportReportsQuery,
} from './export.query';
import { ExportsService } from './exports.service';

/** The OpenAPI description of one download route. */
function Download(format: SpreadsheetFormat, summary: string) {
  const type = SPREADSHEET_TYPES[format].split(';')[0]!;
  const file =
    format === 'csv'
      ? 'UTF-8 CSV with a byte order mark'
      : 'An XLSX workbook (numbers and dates typed as such)';
  return applyDecorators(
    ApiOperation({ summary }),
    ApiProduces(type),
    ApiOkResponse({
      description: `${file}; headers and labels in the caller's language; cells a spreadsheet would run as a formula are quoted`,
      content: { [type]: { schema: { type: 'string', format: 'binary' } } },
    }),
  );
}

const COMMITMENTS = 'The commitments of the list, with its filters and sort';
const INDICATORS = 'The indicators with their measurements, one line per measurement';
const REPORTS = 'The progress reports of a reporting period';
const DASHBOARD = "The dashboard's numbers, with its filters";

@ApiTags('exports')
@Permission('export')
@Controller('workspaces/:slug/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('commitments.csv')
  @Download('csv', COMMITMENTS)
  async commitmentsCsv(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportCommitmentsQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.commitments(member, query), 'csv');
  }

  @Get('commitments.xlsx')
  @Download('xlsx', COMMITMENTS)
  async commitmentsXlsx(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportCommitmentsQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.commitments(member, query), 'xlsx');
  }

  @Get('indicators.csv')
  @Download('csv', INDICATORS)
  async indicatorsCsv(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportLanguageQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.indicators(member, query), 'csv');
  }

  @Get('indicators.xlsx')
  @Download('xlsx', INDICATORS)
  async indicatorsXlsx(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportLanguageQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.indicators(member, query), 'xlsx');
  }

  @Get('reports.csv')
  @Download('csv', REPORTS)
  async reportsCsv(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportReportsQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.reports(member, query), 'csv');
  }

  @Get('reports.xlsx')
  @Download('xlsx', REPORTS)
  async reportsXlsx(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportReportsQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.reports(member, query), 'xlsx');
  }

  @Get('dashboard.csv')
  @Download('csv', DASHBOARD)
  async dashboardCsv(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportDashboardQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.dashboardSummary(member, query), 'csv');
  }

  @Get('dashboard.xlsx')
  @Download('xlsx', DASHBOARD)
  async dashboardXlsx(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportDashboardQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.exports.dashboardSummary(member, query), 'xlsx');
  }
}
