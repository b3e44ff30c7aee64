import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, WorkspaceActor } from '../auth/actor';
import { CurrentActor, CurrentMember } from '../auth/current-actor.decorator';
import { SignedLink } from '../auth/public.decorator';
import { PageQuery } from '../common/list';
import { Permission } from '../permissions/permission.decorator';
import {
  NotificationPreferencesDto,
  OneClickBodyDto,
  OutboxPageDto,
  UnsubscribeDto,
  UnsubscribeQuery,
  UpdateNotificationPreferencesDto,
} from './email.dto';
import { NotificationPreferencesService } from './notification-preferences.service';
import { OutboxService } from './outbox.service';

@ApiTags('notifications')
@Controller('auth/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's notification settings: per kind, in the app and by e-mail",
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return this.preferences.get(actor);
  }

  @Put()
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiBadRequestResponse()
  update(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.update(actor, body);
  }
}

/** The link of every e-mail: the signed token is the authorization, no sign-in needed. */
@ApiTags('notifications')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @SignedLink()
  @Get()
  @ApiOperation({ summary: 'What an unsubscribe link turns off (changes nothing)' })
  @ApiOkResponse({ type: UnsubscribeDto })
  @ApiBadRequestResponse({ description: 'The token was altered (field "token")' })
  @ApiNotFoundResponse()
  describe(@Query() query: UnsubscribeQuery): Promise<UnsubscribeDto> {
    return this.preferences.describeUnsubscribe(query.token);
  }

  @SignedLink()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "One-click unsubscribe (RFC 8058): turns that e-mail's kinds off" })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: UnsubscribeDto })
  @ApiBadRequestResponse({ description: 'The token was altered (field "token")' })
  @ApiNotFoundResponse()
  unsubscribe(
    @Query() query: UnsubscribeQuery,
    @Body() _body: OneClickBodyDto,
  ): Promise<UnsubscribeDto> {
    return this.preferences.unsubscribe(query.token);
  }
}

@ApiTags('notifications')
@Permission('workspace.manage')
@Controller('workspaces/:slug/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's outgoing e-mail, newest first (administrators)" })
  @ApiOkResponse({ type: OutboxPageDto })
  list(@CurrentMember() member: WorkspaceActor, @Query() query: PageQuery): Promise<OutboxPageDto> {
    return this.outbox.list(member, query);
  }
}
