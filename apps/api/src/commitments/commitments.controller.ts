import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CommitmentsService } from './commitments.service';
import { CommitmentDetailDto, CommitmentListDto } from './dto/commitment.dto';
import { ListCommitmentsQuery } from './dto/list-commitments.query';

@ApiTags('commitments')
@Controller('workspaces/:slug/commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @ApiOkResponse({ type: CommitmentListDto })
  list(
    @Param('slug') slug: string,
    @Query() query: ListCommitmentsQuery,
  ): Promise<CommitmentListDto> {
    return this.commitments.list(slug, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CommitmentDetailDto })
  @ApiNotFoundResponse()
  get(@Param('slug') slug: string, @UuidParam('id') id: string): Promise<CommitmentDetailDto> {
    return this.commitments.get(slug, id);
  }
}
