import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import {
  CreateProgressUpdateDto,
  ProgressUpdateDto,
  ProgressUpdateListDto,
  ReturnProgressUpdateDto,
  UpdateProgressUpdateDto,
} from './progress-update.dto';
import { ProgressUpdatesService } from './progress-updates.service';

@ApiTags('progress updates')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:commitmentId/updates')
export class ProgressUpdatesController {
  constructor(private readonly updates: ProgressUpdatesService) {}

  @Get()
  @ApiOkResponse({ type: ProgressUpdateListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<ProgressUpdateListDto> {
    return this.updates.list(member, commitmentId);
  }

  @Post()
  @Permission('update.write')
  @ApiOperation({ summary: 'Write a progress report as a DRAFT' })
  @ApiCreatedResponse({ type: ProgressUpdateDto })
  @ApiForbiddenResponse({ description: "Not allowed to report on this commitment's organizations" })
  @ApiConflictResponse({ description: 'The commitment is archived' })
  create(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @Body() dto: CreateProgressUpdateDto,
  ): Promise<ProgressUpdateDto> {
    return this.updates.create(member, commitmentId, dto);
  }

  @Get(':updateId')
  @ApiOkResponse({ type: ProgressUpdateDto })
  get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
  ): Promise<ProgressUpdateDto> {
    return this.updates.get(member, commitmentId, updateId);
  }

  @Patch(':updateId')
  @Permission('update.write')
  @ApiOperation({ summary: 'Edit a DRAFT or RETURNED report (its author only)' })
  @ApiOkResponse({ type: ProgressUpdateDto })
  @ApiForbiddenResponse({ description: 'Not the author' })
  @ApiConflictResponse({ description: 'The report is SUBMITTED or APPROVED' })
  edit(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
    @Body() dto: UpdateProgressUpdateDto,
  ): Promise<ProgressUpdateDto> {
    return this.updates.edit(member, commitmentId, updateId, dto);
  }

  @Post(':updateId/submit')
  @HttpCode(200)
  @Permission('update.write')
  @ApiOperation({ summary: 'Submit a DRAFT or RETURNED report for approval (its author only)' })
  @ApiOkResponse({ type: ProgressUpdateDto })
  @ApiForbiddenResponse({ description: 'Not the author' })
  @ApiConflictResponse({ description: 'The report is not DRAFT or RETURNED' })
  submit(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
  ): Promise<ProgressUpdateDto> {
    return this.updates.submit(member, commitmentId, updateId);
  }

  @Post(':updateId/approve')
  @HttpCode(200)
  @Permission('update.decide')
  @ApiOperation({
    summary:
      'Approve a SUBMITTED report: its status, progress and indicator values become official',
  })
  @ApiOkResponse({ type: ProgressUpdateDto })
  @ApiForbiddenResponse({ description: 'The author cannot approve their own report' })
  @ApiConflictResponse({ description: 'The report is not SUBMITTED' })
  approve(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
  ): Promise<ProgressUpdateDto> {
    return this.updates.approve(member, commitmentId, updateId);
  }

  @Post(':updateId/return')
  @HttpCode(200)
  @Permission('update.decide')
  @ApiOperation({ summary: 'Return a SUBMITTED report to its author with a reason' })
  @ApiOkResponse({ type: ProgressUpdateDto })
  @ApiForbiddenResponse({ description: 'The author cannot decide on their own report' })
  @ApiConflictResponse({ description: 'The report is not SUBMITTED' })
  returnToAuthor(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
    @Body() dto: ReturnProgressUpdateDto,
  ): Promise<ProgressUpdateDto> {
    return this.updates.returnToAuthor(member, commitmentId, updateId, dto);
  }
}
