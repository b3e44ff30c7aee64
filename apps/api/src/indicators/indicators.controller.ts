import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Get, Headers, Patch, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ETAG_HEADER, VersionEtagInterceptor } from '../common/etag';
import { VersionedWrite } from '../common/versioned-write.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  CreateIndicatorDto,
  CreateMeasurementDto,
  IndicatorDto,
  IndicatorListDto,
  MeasurementDto,
  MeasurementListDto,
  UpdateIndicatorDto,
} from './indicator.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:commitmentId/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOkResponse({ type: IndicatorListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<IndicatorListDto> {
    return this.indicators.list(member, commitmentId);
  }

  @Post()
  @Permission('measurement.write')
  @ApiOperation({ summary: 'Add an indicator to the commitment' })
  @UseInterceptors(VersionEtagInterceptor)
  @ApiCreatedResponse({ type: IndicatorDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: "Not allowed to write on this commitment's organizations" })
  create(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @Body() dto: CreateIndicatorDto,
  ): Promise<IndicatorDto> {
    return this.indicators.create(member, commitmentId, dto);
  }

  @Get(':indicatorId')
  @UseInterceptors(VersionEtagInterceptor)
  @ApiOkResponse({ type: IndicatorDto, headers: ETAG_HEADER })
  get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('indicatorId') indicatorId: string,
  ): Promise<IndicatorDto> {
    return this.indicators.get(member, commitmentId, indicatorId);
  }

  @Patch(':indicatorId')
  @Permission('measurement.write')
  @ApiOperation({ summary: 'Edit an indicator' })
  @VersionedWrite({
    record: IndicatorDto,
    what: 'indicator',
    ifMatch: 'required',
    responds: 'record',
  })
  @ApiForbiddenResponse({ description: "Not allowed to write on this commitment's organizations" })
  update(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('indicatorId') indicatorId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateIndicatorDto,
  ): Promise<IndicatorDto> {
    return this.indicators.update(member, commitmentId, indicatorId, ifMatch, dto);
  }

  @Get(':indicatorId/measurements')
  @ApiOperation({ summary: "The indicator's measurements, oldest first" })
  @ApiOkResponse({ type: MeasurementListDto })
  listMeasurements(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('indicatorId') indicatorId: string,
  ): Promise<MeasurementListDto> {
    return this.indicators.listMeasurements(member, commitmentId, indicatorId);
  }

  @Post(':indicatorId/measurements')
  @Permission('measurement.write')
  @ApiOperation({ summary: 'Record a measured value of the indicator' })
  @ApiCreatedResponse({ type: MeasurementDto })
  @ApiForbiddenResponse({ description: "Not allowed to write on this commitment's organizations" })
  addMeasurement(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('indicatorId') indicatorId: string,
    @Body() dto: CreateMeasurementDto,
  ): Promise<MeasurementDto> {
    return this.indicators.addMeasurement(member, commitmentId, indicatorId, dto);
  }
}
