import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { ProgressUpdateListDto } from './progress-update.dto';
import { ProgressUpdatesService } from './progress-updates.service';

@ApiTags('progress updates')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:commitmentId/updates')
export class ProgressUpdatesController {
  constructor(private readonly updates: ProgressUpdatesService) {}

  @Get()
  @ApiOkResponse({ type: ProgressUpdateListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<ProgressUpdateListDto> {
    return this.updates.list(member, commitmentId);
  }
}
