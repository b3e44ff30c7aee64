import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CommentListDto } from './comment.dto';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@Controller('workspaces/:slug/commitments/:commitmentId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOkResponse({ type: CommentListDto })
  list(
    @Param('slug') slug: string,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<CommentListDto> {
    return this.comments.list(slug, commitmentId);
  }
}
