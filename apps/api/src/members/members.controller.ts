import { Body, Controller, Get, Headers, Patch, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { ETAG_HEADER, IF_MATCH, VersionEtagInterceptor } from '../common/etag';
import { UuidParam } from '../common/uuid-param';
import { Permission } from '../permissions/permission.decorator';
import {
  InvitationDto,
  InviteMemberDto,
  MemberDto,
  MemberListDto,
  StaleMemberErrorDto,
  UpdateMemberDto,
} from './member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('workspaces/:slug/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Permission('commitment.read')
  @ApiOkResponse({ type: MemberListDto })
  list(@CurrentMember() member: WorkspaceActor): Promise<MemberListDto> {
    return this.members.list(member);
  }

  /** Invites a user by e-mail; returns the set-password link to pass on when they have none. */
  @Post()
  @Permission('workspace.manage')
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'Already a member of this workspace' })
  invite(
    @CurrentMember() member: WorkspaceActor,
    @Body() body: InviteMemberDto,
  ): Promise<InvitationDto> {
    return this.members.invite(member, body);
  }

  @Patch(':id')
  @Permission('workspace.manage')
  @UseInterceptors(VersionEtagInterceptor)
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: MemberDto, headers: ETAG_HEADER })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Would leave the workspace without an active administrator' })
  @ApiPreconditionFailedResponse({
    type: StaleMemberErrorDto,
    description: 'If-Match is not the current version; `current` is the stored member',
  })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  update(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.members.update(member, id, ifMatch, body);
  }

  /** A fresh set-password link (earlier unused links stop working). */
  @Post(':id/invitation')
  @Permission('workspace.manage')
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The member has a password already' })
  reinvite(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
  ): Promise<InvitationDto> {
    return this.members.reinvite(member, id);
  }
}
