import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { Permission } from '../permissions/permission.decorator';
import { ActivityEventListDto, HistoryQuery } from './history.dto';
import { HistoryService } from './history.service';

@ApiTags('history')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:id/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOkResponse({ type: ActivityEventListDto, description: 'Newest first' })
  @ApiNotFoundResponse()
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Query() query: HistoryQuery,
  ): Promise<ActivityEventListDto> {
    return this.history.forCommitment(member, id, query);
  }
}
