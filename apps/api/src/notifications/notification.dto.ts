import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  NOTIFICATION_KINDS,
  type NotificationKind,
  POSITION_KINDS,
  type PositionKind,
} from '@spct/contracts';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { PageQuery } from '../common/list';
import { LocalizedText } from '../common/localized';
import { OptionalBooleanQuery } from '../common/validation';

export class NotificationCommitmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ type: LocalizedText }) title: LocalizedText;
}

export class NotificationDataDto {
  @ApiPropertyOptional({ format: 'uuid' }) reportId?: string;
  @ApiPropertyOptional({ example: '2026-Q4' }) period?: string;
  @ApiPropertyOptional({ description: 'Why a report was returned' }) reason?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The comment (MENTION, COMMENT)' })
  commentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The comment a reply answers' })
  parentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) positionId?: string;
  @ApiPropertyOptional({ description: "The short name of the position's organization" })
  organization?: string;
  @ApiPropertyOptional({ enum: POSITION_KINDS }) position?: PositionKind;
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES, description: 'The new status (STATUS_ALERT)' })
  status?: CommitmentStatus;
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES }) previousStatus?: CommitmentStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'The period a reminder is about' })
  periodId?: string;
  @ApiPropertyOptional({ format: 'date', description: "The period's due date (reminders)" })
  dueOn?: string;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'Days past the due date when the reminder was sent: negative before it, 0 on it',
  })
  daysOverdue?: number;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ type: NotificationCommitmentDto, nullable: true })
  commitment: NotificationCommitmentDto | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) actor: UserRefDto | null;
  @ApiProperty({ type: NotificationDataDto }) data: NotificationDataDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: NotificationDto, isArray: true }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: "The caller's unread notifications in this workspace" })
  unread: number;
}

export class NotificationsQuery extends PageQuery {
  @OptionalBooleanQuery('Only unread ones')
  unread?: boolean;
}

export class ReadAllDto {
  @ApiProperty({ description: 'How many were marked read' }) updated: number;
}

export class FollowDto {
  @ApiProperty() following: boolean;
}
