import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Get, Headers, Put } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IF_MATCH } from '../common/etag';
import { VersionedWrite } from '../common/versioned-write.decorator';
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
  @VersionedWrite({
    record: PositionDto,
    what: 'position',
    ifMatch: 'optional',
    responds: 'record',
    description: 'The position as recorded (created or replaced)',
    mayBeMissing: true,
  })
  @ApiHeader({
    ...IF_MATCH,
    required: false,
    description: `${IF_MATCH.description}: required to replace a recorded position; omit it to record the first one`,
  })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: '`*`: only record a first position (412 when one is recorded)',
  })
  @ApiForbiddenResponse({ description: "Not the caller's organization (administrators: any)" })
  @ApiResponse({ status: 428, description: 'A position is recorded and If-Match is missing' })
  record(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('organizationId') organizationId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Body() body: RecordPositionDto,
  ): Promise<PositionDto> {
    return this.positions.record(
      member,
      commitmentId,
      organizationId,
      { ifMatch, ifNoneMatch },
      body,
    );
  }
}
