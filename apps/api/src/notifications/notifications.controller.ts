import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { FollowDto, NotificationPageDto, NotificationsQuery, ReadAllDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Permission('commitment.read')
@Controller('workspaces/:slug')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({
    summary: "The caller's own notifications, newest first, and how many are unread",
  })
  @ApiOkResponse({ type: NotificationPageDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: NotificationsQuery,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(member, query);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllDto })
  readAll(@CurrentMember() member: WorkspaceActor): Promise<ReadAllDto> {
    return this.notifications.markAllRead(member);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: "Not one of the caller's notifications" })
  read(@CurrentMember() member: WorkspaceActor, @UuidParam('id') id: string): Promise<void> {
    return this.notifications.markRead(member, id);
  }

  @Get('commitments/:commitmentId/follow')
  @ApiOkResponse({ type: FollowDto })
  following(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<FollowDto> {
    return this.notifications.following(member, commitmentId);
  }

  @Put('commitments/:commitmentId/follow')
  @ApiOperation({ summary: 'Follow a commitment: be told of what happens to it' })
  @ApiOkResponse({ type: FollowDto })
  follow(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<FollowDto> {
    return this.notifications.setFollowing(member, commitmentId, true);
  }

  @Delete('commitments/:commitmentId/follow')
  @ApiOperation({ summary: 'Stop following a commitment (also one followed automatically)' })
  @ApiOkResponse({ type: FollowDto })
  unfollow(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<FollowDto> {
    return this.notifications.setFollowing(member, commitmentId, false);
  }
}
