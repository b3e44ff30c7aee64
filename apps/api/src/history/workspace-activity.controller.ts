import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '../permissions/permission.decorator';
import { WorkspaceActivityListDto, WorkspaceActivityQuery } from './history.dto';
import { HistoryService } from './history.service';

/** The workspace's audit trail, administration included: for its administrators. */
@ApiTags('history')
@Permission('workspace.manage')
@Controller('workspaces/:slug/activity')
export class WorkspaceActivityController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOkResponse({ type: WorkspaceActivityListDto, description: 'Newest first' })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  list(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: WorkspaceActivityQuery,
  ): Promise<WorkspaceActivityListDto> {
    return this.history.forWorkspace(member, query);
  }
}
