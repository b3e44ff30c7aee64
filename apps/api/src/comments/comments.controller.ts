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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ETAG_HEADER, VersionEtagInterceptor } from '../common/etag';
import { VersionedWrite } from '../common/versioned-write.decorator';
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
  @VersionedWrite({ record: CommentDto, what: 'comment', ifMatch: 'required', responds: 'record' })
  @ApiForbiddenResponse({ description: 'Not the author' })
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
  @VersionedWrite({
    record: CommentDto,
    what: 'comment',
    ifMatch: 'required',
    responds: 'no content',
  })
  @ApiNoContentResponse({ description: 'Deleted; the thread keeps it with body null' })
  @ApiForbiddenResponse({ description: 'Neither the author nor a workspace administrator' })
  remove(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('commentId') commentId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.comments.remove(member, commitmentId, commentId, ifMatch);
  }
}
