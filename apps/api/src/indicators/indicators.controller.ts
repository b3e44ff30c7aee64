import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { IndicatorListDto } from './indicator.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@Controller('workspaces/:slug/commitments/:commitmentId/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOkResponse({ type: IndicatorListDto })
  list(
    @Param('slug') slug: string,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<IndicatorListDto> {
    return this.indicators.list(slug, commitmentId);
  }
}
