import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { WorkspaceListDto } from './workspace.dto';
import { WorkspacesService } from './workspaces.service';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  /** The workspaces the caller is a member of. */
  @Get()
  @ApiOkResponse({ type: WorkspaceListDto })
  list(@CurrentActor() actor: Actor): Promise<WorkspaceListDto> {
    return this.workspaces.listForUser(actor.userId);
  }
}
