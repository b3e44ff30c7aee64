import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { ProgressUpdateListDto } from './progress-update.dto';
import { ProgressUpdatesService } from './progress-updates.service';

@ApiTags('progress updates')
@Controller('workspaces/:slug/commitments/:commitmentId/updates')
export class ProgressUpdatesController {
  constructor(private readonly updates: ProgressUpdatesService) {}

  @Get()
  @ApiOkResponse({ type: ProgressUpdateListDto })
  list(
    @Param('slug') slug: string,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<ProgressUpdateListDto> {
    return this.updates.list(slug, commitmentId);
  }
}
