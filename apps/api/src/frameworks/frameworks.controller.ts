import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Get, Headers, Patch, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ETAG_HEADER, VersionEtagInterceptor } from '../common/etag';
import { VersionedWrite } from '../common/versioned-write.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateFrameworkDto, UpdateFrameworkDto } from './framework-input.dto';
import { FrameworkDetailDto, FrameworkDto, FrameworkListDto } from './framework.dto';
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
  @UseInterceptors(VersionEtagInterceptor)
  @ApiOkResponse({ type: FrameworkDetailDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse()
  get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
  ): Promise<FrameworkDetailDto> {
    return this.frameworks.get(member, id);
  }

  @Post()
  @Permission('workspace.manage')
  @ApiCreatedResponse({ type: FrameworkDto })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'The code is taken in this workspace' })
  create(
    @CurrentMember() member: WorkspaceActor,
    @Body() body: CreateFrameworkDto,
  ): Promise<FrameworkDto> {
    return this.frameworks.create(member, body);
  }

  @Patch(':id')
  @Permission('workspace.manage')
  @VersionedWrite({
    record: FrameworkDto,
    what: 'framework',
    ifMatch: 'required',
    responds: 'record',
  })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The code is taken in this workspace' })
  update(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateFrameworkDto,
  ): Promise<FrameworkDto> {
    return this.frameworks.update(member, id, ifMatch, body);
  }
}
