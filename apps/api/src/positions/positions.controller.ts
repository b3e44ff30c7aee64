import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { PositionListDto } from './position.dto';
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
}
