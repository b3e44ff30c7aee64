import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CreateWorkspaceDto } from './create-workspace.dto';
import { WorkspaceDto, WorkspaceListDto } from './workspace.dto';
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

  /** Creates a workspace; the caller becomes its administrator. */
  @Post()
  @ApiCreatedResponse({ type: WorkspaceDto })
  @ApiBadRequestResponse({ description: 'Invalid slug or name' })
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateWorkspaceDto): Promise<WorkspaceDto> {
    return this.workspaces.create(actor.userId, body);
  }
}
