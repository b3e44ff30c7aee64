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
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ETAG_HEADER, IF_MATCH, VersionEtagInterceptor } from '../common/etag';
import { UuidParam } from '../common/uuid-param';
import { CommentDto, CommentListDto, CreateCommentDto, UpdateCommentDto } from './comment.dto';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:commitmentId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOkResponse({ type: CommentListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<CommentListDto> {
    return this.comments.list(member, commitmentId);
  }

  @Post()
  @Permission('comment.write')
  @UseInterceptors(VersionEtagInterceptor)
  @ApiCreatedResponse({ type: CommentDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: 'The role cannot comment' })
  create(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.create(member, commitmentId, body);
  }

  @Patch(':commentId')
  @Permission('comment.write')
  @UseInterceptors(VersionEtagInterceptor)
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: CommentDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: 'Not the author' })
  @ApiResponse({
    status: 412,
    description: 'If-Match is not the current version; `current` is the stored comment',
  })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  update(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('commentId') commentId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.update(member, commitmentId, commentId, ifMatch, body);
  }

  @Delete(':commentId')
  @HttpCode(204)
  @Permission('comment.write')
  @ApiNoContentResponse({ description: 'Deleted; the thread keeps it with body null' })
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiForbiddenResponse({ description: 'Neither the author nor a workspace administrator' })
  @ApiResponse({
    status: 412,
    description: 'If-Match is not the current version; `current` is the stored comment',
  })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  remove(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('commentId') commentId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.comments.remove(member, commitmentId, commentId, ifMatch);
  }
}
