import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CreatePeriodReportDto, PeriodReportDto, PeriodReportListDto } from './period-report.dto';
import { PeriodReportsService } from './period-reports.service';

@ApiTags('period-reports')
@Permission('export')
@Controller('workspaces/:slug/period-reports')
export class PeriodReportsController {
  constructor(private readonly reports: PeriodReportsService) {}

  @Post()
  @HttpCode(202)
  @Permission('report.generate')
  @ApiOperation({
    summary:
      'Generate the PDF report of a reporting period (or a date range) for the dashboard filters, in the background',
  })
  @ApiAcceptedResponse({ type: PeriodReportDto })
  create(
    @CurrentMember() member: WorkspaceActor,
    @Body() dto: CreatePeriodReportDto,
  ): Promise<PeriodReportDto> {
    return this.reports.create(member, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The period reports generated in the workspace, newest first' })
  @ApiOkResponse({ type: PeriodReportListDto })
  history(@CurrentMember() member: WorkspaceActor): Promise<PeriodReportListDto> {
    return this.reports.history(member);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A period report: its state, who asked for it, when, and its parameters',
  })
  @ApiOkResponse({ type: PeriodReportDto })
  get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
  ): Promise<PeriodReportDto> {
    return this.reports.get(member, id);
  }

  @Get(':id/download')
  @ApiOperation({ summary: 'The PDF of a generated period report' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF, named after the period and the workspace',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiConflictResponse({ description: 'The report is not generated (yet)' })
  download(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
  ): Promise<StreamableFile> {
    return this.reports.download(member, id);
  }
}
