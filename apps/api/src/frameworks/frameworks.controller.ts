import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { FrameworkDetailDto, FrameworkListDto } from './framework.dto';
import { FrameworksService } from './frameworks.service';

@ApiTags('frameworks')
@Permission('commitment.read')
@Controller('workspaces/:slug/frameworks')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @ApiOkResponse({ type: FrameworkListDto })
  list(@CurrentMember() member: WorkspaceActor): Promise<FrameworkListDto> {
    return this.frameworks.list(member);
  }

  @Get(':id')
  @ApiOkResponse({ type: FrameworkDetailDto })
  @ApiNotFoundResponse()
  get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
  ): Promise<FrameworkDetailDto> {
    return this.frameworks.get(member, id);
  }
}
