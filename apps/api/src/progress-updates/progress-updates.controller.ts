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
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ETAG_HEADER, VersionEtagInterceptor } from '../common/etag';
import { VersionedWrite } from '../common/versioned-write.decorator';
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
  @VersionedWrite({
    record: ProgressUpdateDto,
    what: 'report',
    ifMatch: 'required',
    responds: 'record',
  })
  @ApiForbiddenResponse({ description: 'Not the author' })
  @ApiConflictResponse({ description: 'The report is SUBMITTED or APPROVED' })
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
  @VersionedWrite({
    record: ProgressUpdateDto,
    what: 'report',
    ifMatch: 'optional',
    responds: 'record',
  })
  @ApiForbiddenResponse({ description: 'Not the author' })
  @ApiConflictResponse({ description: 'The report is not DRAFT or RETURNED' })
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
  @VersionedWrite({
    record: ProgressUpdateDto,
    what: 'report',
    ifMatch: 'optional',
    responds: 'record',
  })
  @ApiForbiddenResponse({ description: 'The author cannot approve their own report' })
  @ApiConflictResponse({ description: 'The report is not SUBMITTED' })
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
  @VersionedWrite({
    record: ProgressUpdateDto,
    what: 'report',
    ifMatch: 'optional',
    responds: 'record',
  })
  @ApiForbiddenResponse({ description: 'The author cannot decide on their own report' })
  @ApiConflictResponse({ description: 'The report is not SUBMITTED' })
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
