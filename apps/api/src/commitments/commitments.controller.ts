import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CommitmentsService } from './commitments.service';
import { CommitmentDetailDto, CommitmentListDto } from './dto/commitment.dto';
import { ListCommitmentsQuery } from './dto/list-commitments.query';

@ApiTags('commitments')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @ApiOkResponse({ type: CommitmentListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ListCommitmentsQuery,
  ): Promise<CommitmentListDto> {
    return this.commitments.list(member, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CommitmentDetailDto })
  @ApiNotFoundResponse()
  get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
  ): Promise<CommitmentDetailDto> {
    return this.commitments.get(member, id);
  }
}
