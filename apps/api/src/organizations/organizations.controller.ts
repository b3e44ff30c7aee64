import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Patch,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ETAG_HEADER, IF_MATCH, VersionEtagInterceptor } from '../common/etag';
import { UuidParam } from '../common/uuid-param';
import {
  CreateOrganizationDto,
  OrganizationDto,
  OrganizationListDto,
  StaleOrganizationErrorDto,
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
  @UseInterceptors(VersionEtagInterceptor)
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: OrganizationDto, headers: ETAG_HEADER })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The short name is taken in this workspace' })
  @ApiPreconditionFailedResponse({
    type: StaleOrganizationErrorDto,
    description: 'If-Match is not the current version; `current` is the stored organization',
  })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
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
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiNoContentResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Commitments, positions or members still reference it' })
  @ApiPreconditionFailedResponse({
    type: StaleOrganizationErrorDto,
    description: 'If-Match is not the current version; `current` is the stored organization',
  })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  remove(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.organizations.remove(member, id, ifMatch);
  }
}
