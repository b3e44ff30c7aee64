import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { PositionListDto } from './position.dto';
import { PositionsService } from './positions.service';

@ApiTags('positions')
@Controller('workspaces/:slug/commitments/:commitmentId/positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Get()
  @ApiOkResponse({ type: PositionListDto })
  list(
    @Param('slug') slug: string,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<PositionListDto> {
    return this.positions.list(slug, commitmentId);
  }
}
