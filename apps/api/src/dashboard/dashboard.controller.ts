import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PopulationQuery } from '../commitments/dto/population.query';
import { DashboardService } from './dashboard.service';
import { AttentionListDto, DashboardSummaryDto, DashboardTrendDto } from './dto/dashboard.dto';
import { AttentionQuery, TrendQuery } from './dto/dashboard.query';

@ApiTags('dashboard')
@Permission('commitment.read')
@ApiNotFoundResponse({ description: 'Not a member of this workspace' })
@Controller('workspaces/:slug/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @ApiOperation({
    summary:
      'How the trackable items stand: by status, framework, organization, theme, target group; attention and dialogue',
  })
  @ApiOkResponse({ type: DashboardSummaryDto })
  summary(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: PopulationQuery,
  ): Promise<DashboardSummaryDto> {
    return this.dashboard.summary(member, query);
  }

  @Get('trend')
  @ApiOperation({ summary: 'The trackable items at the end of each of the last 8 periods' })
  @ApiOkResponse({ type: DashboardTrendDto })
  trend(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: TrendQuery,
  ): Promise<DashboardTrendDto> {
    return this.dashboard.trend(member, query);
  }

  @Get('attention')
  @ApiOperation({
    summary: 'The trackable items needing one kind of attention, with their latest approved report',
  })
  @ApiOkResponse({ type: AttentionListDto })
  attention(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: AttentionQuery,
  ): Promise<AttentionListDto> {
    return this.dashboard.attention(member, query);
  }
}
