import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { FrameworkDetailDto, FrameworkListDto } from './framework.dto';
import { FrameworksService } from './frameworks.service';

@ApiTags('frameworks')
@Controller('workspaces/:slug/frameworks')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @ApiOkResponse({ type: FrameworkListDto })
  list(@Param('slug') slug: string): Promise<FrameworkListDto> {
    return this.frameworks.list(slug);
  }

  @Get(':id')
  @ApiOkResponse({ type: FrameworkDetailDto })
  @ApiNotFoundResponse()
  get(@Param('slug') slug: string, @UuidParam('id') id: string): Promise<FrameworkDetailDto> {
    return this.frameworks.get(slug, id);
  }
}
