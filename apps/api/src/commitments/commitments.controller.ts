import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ETAG_HEADER, etagOf, VersionEtagInterceptor } from '../common/etag';
import { type JsonText, SendsJsonText } from '../common/json-text';
import { VersionedWrite } from '../common/versioned-write.decorator';
import { UuidParam } from '../common/uuid-param';
import { CommitmentsService } from './commitments.service';
import { CommitmentCountDto, CommitmentDetailDto, CommitmentListDto } from './dto/commitment.dto';
import { CreateCommitmentDto, UpdateCommitmentDto } from './dto/commitment-write.dto';
import { CountCommitmentsQuery, ListCommitmentsQuery } from './dto/list-commitments.query';

@ApiTags('commitments')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @SendsJsonText()
  @ApiOkResponse({ type: CommitmentListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ListCommitmentsQuery,
  ): Promise<JsonText<CommitmentListDto>> {
    return this.commitments.listJson(member, query);
  }

  @Get('count')
  @ApiOkResponse({ type: CommitmentCountDto })
  count(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: CountCommitmentsQuery,
  ): Promise<CommitmentCountDto> {
    return this.commitments.count(member, query);
  }

  @Post()
  @Permission('commitment.create')
  @UseInterceptors(VersionEtagInterceptor)
  @ApiCreatedResponse({ type: CommitmentDetailDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({
    description: 'Not allowed to create commitments for these organizations',
  })
  @ApiConflictResponse({ description: 'The reference is already used in this framework' })
  create(
    @CurrentMember() member: WorkspaceActor,
    @Body() body: CreateCommitmentDto,
  ): Promise<CommitmentDetailDto> {
    return this.commitments.create(member, body);
  }

  @Get(':id')
  @SendsJsonText()
  @ApiOkResponse({ type: CommitmentDetailDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse()
  async get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JsonText<CommitmentDetailDto>> {
    const { version, json } = await this.commitments.getJson(member, id);
    void reply.header('ETag', etagOf(version));
    return json;
  }

  @Patch(':id')
  @Permission('commitment.edit')
  @VersionedWrite({
    record: CommitmentDetailDto,
    what: 'commitment',
    ifMatch: 'required',
    responds: 'record',
  })
  @ApiForbiddenResponse({ description: "Not one of the caller's organization's commitments" })
  @ApiConflictResponse({ description: 'Archived, or the reference is already used' })
  update(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCommitmentDto,
  ): Promise<CommitmentDetailDto> {
    return this.commitments.update(member, id, ifMatch, body);
  }

  @Delete(':id')
  @Permission('commitment.archive')
  @VersionedWrite({
    record: CommitmentDetailDto,
    what: 'commitment',
    ifMatch: 'optional',
    responds: 'record',
    description: 'Archived',
  })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'It still has children that are not archived' })
  archive(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CommitmentDetailDto> {
    return this.commitments.archive(member, id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Permission('commitment.archive')
  @VersionedWrite({
    record: CommitmentDetailDto,
    what: 'commitment',
    ifMatch: 'optional',
    responds: 'record',
    description: 'Restored',
  })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'Its parent is archived' })
  restore(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CommitmentDetailDto> {
    return this.commitments.restore(member, id, ifMatch);
  }
}
