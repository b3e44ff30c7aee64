import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { VersionedWrite } from '../common/versioned-write.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  ComplianceDto,
  ComplianceQuery,
  ReopenPeriodDto,
  ReportingCalendarDto,
  ReportingPeriodDto,
  ReportingPeriodListDto,
  UpdateReportingCalendarDto,
} from './reporting-period.dto';
import { ReportingPeriodsService } from './reporting-periods.service';

@ApiTags('reporting periods')
@Permission('commitment.read')
@Controller('workspaces/:slug')
export class ReportingPeriodsController {
  constructor(private readonly periods: ReportingPeriodsService) {}

  @Get('reporting-calendar')
  @ApiOkResponse({ type: ReportingCalendarDto })
  calendar(@CurrentMember() member: WorkspaceActor): Promise<ReportingCalendarDto> {
    return this.periods.calendar(member);
  }

  @Put('reporting-calendar')
  @Permission('workspace.manage')
  @ApiOperation({
    summary: 'Set the cadence, the due-date delay and the time zone (administrators)',
  })
  @VersionedWrite({
    record: ReportingCalendarDto,
    what: 'reporting calendar',
    ifMatch: 'required',
    responds: 'record',
  })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  updateCalendar(
    @CurrentMember() member: WorkspaceActor,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateReportingCalendarDto,
  ): Promise<ReportingCalendarDto> {
    return this.periods.updateCalendar(member, ifMatch, dto);
  }

  @Get('reporting-periods')
  @ApiOperation({ summary: 'The reporting periods, latest first' })
  @ApiOkResponse({ type: ReportingPeriodListDto })
  list(@CurrentMember() member: WorkspaceActor): Promise<ReportingPeriodListDto> {
    return this.periods.list(member);
  }

  @Post('reporting-periods/:id/close')
  @HttpCode(200)
  @Permission('workspace.manage')
  @ApiOperation({ summary: 'Close a period: no new reports for it (administrators)' })
  @VersionedWrite({
    record: ReportingPeriodDto,
    what: 'reporting period',
    ifMatch: 'optional',
    responds: 'record',
  })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The period is closed already' })
  close(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<ReportingPeriodDto> {
    return this.periods.close(member, id, ifMatch);
  }

  @Post('reporting-periods/:id/reopen')
  @HttpCode(200)
  @Permission('workspace.manage')
  @ApiOperation({ summary: 'Reopen a closed period, saying why (administrators)' })
  @VersionedWrite({
    record: ReportingPeriodDto,
    what: 'reporting period',
    ifMatch: 'optional',
    responds: 'record',
  })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The period is open already' })
  reopen(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: ReopenPeriodDto,
  ): Promise<ReportingPeriodDto> {
    return this.periods.reopen(member, id, ifMatch, dto);
  }

  @Get('compliance')
  @ApiOperation({
    summary: 'Reporting compliance of a period per lead organization (reporting rate)',
  })
  @ApiOkResponse({ type: ComplianceDto })
  @ApiNotFoundResponse({ description: 'No such period in this workspace' })
  compliance(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ComplianceQuery,
  ): Promise<ComplianceDto> {
    return this.periods.compliance(member, query.periodId);
  }
}
