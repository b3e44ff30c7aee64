import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { IndicatorListDto } from './indicator.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:commitmentId/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOkResponse({ type: IndicatorListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<IndicatorListDto> {
    return this.indicators.list(member, commitmentId);
  }
}
