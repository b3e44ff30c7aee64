import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { PositionDto, PositionListDto, RecordPositionDto } from './position.dto';
import { PositionsService } from './positions.service';

@ApiTags('positions')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:commitmentId/positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Get()
  @ApiOkResponse({ type: PositionListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<PositionListDto> {
    return this.positions.list(member, commitmentId);
  }

  @Put(':organizationId')
  @Permission('position.record')
  @ApiOkResponse({
    type: PositionDto,
    description: 'The position as recorded (created or replaced)',
  })
  @ApiForbiddenResponse({ description: "Not the caller's organization (administrators: any)" })
  record(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('organizationId') organizationId: string,
    @Body() body: RecordPositionDto,
  ): Promise<PositionDto> {
    return this.positions.record(member, commitmentId, organizationId, body);
  }
}
