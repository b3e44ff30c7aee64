import type { WorkspaceActor } from '../auth/actor';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Clock } from '../common/clock';
import { decodeKeyset, encodeKeyset, invalidCursor } from '../common/cursor';
import { localized } from '../common/localized';
import { CommitmentsService } from '../commitments/commitments.service';
import { NotificationPreferencesRepository } from '../email/notification-preferences.repository';
import {
  type FollowDto,
  type NotificationDataDto,
  type NotificationDto,
  type NotificationPageDto,
  type NotificationsQuery,
  type ReadAllDto,
} from './notification.dto';
import { type NotificationRow, NotificationsRepository } from './notifications.repository';

const DEFAULT_LIMIT = 25;

/** The caller's inbox in a workspace, and the items they follow. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly commitments: CommitmentsService,
    private readonly clock: Clock,
    private readonly preferences: NotificationPreferencesRepository,
  ) {}

  async list(member: WorkspaceActor, query: NotificationsQuery): Promise<NotificationPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? afterCursor(query.cursor) : null;
    const hidden = await this.preferences.hiddenKinds(member.userId);
    const [rows, unread] = await Promise.all([
      this.notifications.page(member.workspaceId, member.userId, {
        unread: query.unread ?? false,
        after,
        limit: limit + 1,
        hidden,
      }),
      this.notifications.unreadCount(member.workspaceId, member.userId, hidden),
    ]);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toDto),
      nextCursor:
        rows.length > limit && last ? encodeKeyset(last.createdAt.toISOString(), last.id) : null,
      unread,
    };
  }

  async markRead(member: WorkspaceActor, id: string): Promise<void> {
    const found = await this.notifications.markRead(
      member.workspaceId,
      member.userId,
      id,
      this.clock.now(),
    );
    if (!found) throw new NotFoundException(`Notification ${id} not found`);
  }

  async markAllRead(member: WorkspaceActor): Promise<ReadAllDto> {
    const updated = await this.notifications.markAllRead(
      member.workspaceId,
      member.userId,
      this.clock.now(),
    );
    return { updated };
  }

  async following(member: WorkspaceActor, commitmentId: string): Promise<FollowDto> {
    await this.commitments.requireInWorkspace(member, commitmentId);
    return {
      following: await this.notifications.isFollowing(
        member.workspaceId,
        member.userId,
        commitmentId,
      ),
    };
  }

  async setFollowing(
    member: WorkspaceActor,
    commitmentId: string,
    following: boolean,
  ): Promise<FollowDto> {
    await this.commitments.requireInWorkspace(member, commitmentId);
    await this.notifications.setFollowing(
      member.workspaceId,
      member.userId,
      commitmentId,
      following,
    );
    return { following };
  }
}

function afterCursor(raw: string): { createdAt: Date; id: string } {
  const { value, id } = decodeKeyset(raw);
  const createdAt = typeof value === 'string' ? new Date(value) : null;
  if (!createdAt || Number.isNaN(createdAt.getTime())) throw invalidCursor();
  return { createdAt, id };
}

function toDto(row: NotificationRow): NotificationDto {
  const c = row.commitment;
  return {
    id: row.id,
    kind: row.kind,
    commitment: c
      ? { id: c.id, reference: c.reference, title: localized(c.titleVi, c.titleEn) }
      : null,
    actor: row.actor,
    data: row.data as NotificationDataDto,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
