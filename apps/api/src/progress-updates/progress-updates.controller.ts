import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Patch,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ETAG_HEADER, IF_MATCH, VersionEtagInterceptor } from '../common/etag';
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
  @UseInterceptors(VersionEtagInterceptor)
  @ApiCreatedResponse({ type: ProgressUpdateDto, headers: ETAG_HEADER })
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
  @UseInterceptors(VersionEtagInterceptor)
  @ApiOkResponse({ type: ProgressUpdateDto, headers: ETAG_HEADER })
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
  @UseInterceptors(VersionEtagInterceptor)
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: ProgressUpdateDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: 'Not the author' })
  @ApiConflictResponse({ description: 'The report is SUBMITTED or APPROVED' })
  @ApiResponse({
    status: 412,
    description: 'If-Match is not the current version; `current` is the stored report',
  })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  edit(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateProgressUpdateDto,
  ): Promise<ProgressUpdateDto> {
    return this.updates.edit(member, commitmentId, updateId, ifMatch, dto);
  }

  @Post(':updateId/submit')
  @HttpCode(200)
  @Permission('update.write')
  @ApiOperation({ summary: 'Submit a DRAFT or RETURNED report for approval (its author only)' })
  @UseInterceptors(VersionEtagInterceptor)
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiOkResponse({ type: ProgressUpdateDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: 'Not the author' })
  @ApiConflictResponse({ description: 'The report is not DRAFT or RETURNED' })
  @ApiResponse({
    status: 412,
    description: 'If-Match is not the current version; `current` is the stored report',
  })
  submit(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<ProgressUpdateDto> {
    return this.updates.submit(member, commitmentId, updateId, ifMatch);
  }

  @Post(':updateId/approve')
  @HttpCode(200)
  @Permission('update.decide')
  @ApiOperation({
    summary:
      'Approve a SUBMITTED report: its status, progress and indicator values become official',
  })
  @UseInterceptors(VersionEtagInterceptor)
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiOkResponse({ type: ProgressUpdateDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: 'The author cannot approve their own report' })
  @ApiConflictResponse({ description: 'The report is not SUBMITTED' })
  @ApiResponse({
    status: 412,
    description: 'If-Match is not the current version; `current` is the stored report',
  })
  approve(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<ProgressUpdateDto> {
    return this.updates.approve(member, commitmentId, updateId, ifMatch);
  }

  @Post(':updateId/return')
  @HttpCode(200)
  @Permission('update.decide')
  @ApiOperation({ summary: 'Return a SUBMITTED report to its author with a reason' })
  @UseInterceptors(VersionEtagInterceptor)
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiOkResponse({ type: ProgressUpdateDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: 'The author cannot decide on their own report' })
  @ApiConflictResponse({ description: 'The report is not SUBMITTED' })
  @ApiResponse({
    status: 412,
    description: 'If-Match is not the current version; `current` is the stored report',
  })
  returnToAuthor(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: ReturnProgressUpdateDto,
  ): Promise<ProgressUpdateDto> {
    return this.updates.returnToAuthor(member, commitmentId, updateId, dto, ifMatch);
  }
}
