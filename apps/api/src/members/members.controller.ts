import { Body, Controller, Get, Headers, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { VersionedWrite } from '../common/versioned-write.decorator';
import { UuidParam } from '../common/uuid-param';
import { Permission } from '../permissions/permission.decorator';
import {
  InvitationDto,
  InviteMemberDto,
  MemberDto,
  MemberListDto,
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
  @VersionedWrite({ record: MemberDto, what: 'member', ifMatch: 'required', responds: 'record' })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Would leave the workspace without an active administrator' })
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
