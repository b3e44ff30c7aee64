import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { VersionedWrite } from '../common/versioned-write.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  CreateOrganizationDto,
  OrganizationDto,
  OrganizationListDto,
  UpdateOrganizationDto,
} from './organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Permission('commitment.read')
@Controller('workspaces/:slug/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOkResponse({ type: OrganizationListDto })
  list(@CurrentMember() member: WorkspaceActor): Promise<OrganizationListDto> {
    return this.organizations.list(member);
  }

  @Post()
  @Permission('workspace.manage')
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'The short name is taken in this workspace' })
  create(
    @CurrentMember() member: WorkspaceActor,
    @Body() body: CreateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.create(member, body);
  }

  @Patch(':id')
  @Permission('workspace.manage')
  @VersionedWrite({
    record: OrganizationDto,
    what: 'organization',
    ifMatch: 'required',
    responds: 'record',
  })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The short name is taken in this workspace' })
  update(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.update(member, id, ifMatch, body);
  }

  @Delete(':id')
  @Permission('workspace.manage')
  @HttpCode(204)
  @VersionedWrite({
    record: OrganizationDto,
    what: 'organization',
    ifMatch: 'required',
    responds: 'no content',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Commitments, positions or members still reference it' })
  remove(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.organizations.remove(member, id, ifMatch);
  }
}
