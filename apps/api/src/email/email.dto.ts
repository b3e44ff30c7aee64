import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_DIGEST_MODES,
  EMAIL_STATES,
  type EmailDigestMode,
  type EmailState,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '@spct/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListOf } from '../common/list';
import { NestedObject } from '../common/validation';

export class KindPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;

  @ApiProperty({ description: 'Shown in the inbox and counted as unread' })
  @IsBoolean()
  inApp: boolean;

  @ApiProperty({ description: 'Sent by e-mail (activity kinds: in the digest, if any)' })
  @IsBoolean()
  email: boolean;
}

export class EmailDigestDto {
  @ApiProperty({
    enum: EMAIL_DIGEST_MODES,
    description:
      'When e-mail about activity on followed items (COMMENT, POSITION, STATUS_ALERT) goes out',
  })
  @IsIn(EMAIL_DIGEST_MODES)
  mode: EmailDigestMode;

  @ApiProperty({
    minimum: 0,
    maximum: 23,
    description: "Hour of the day, in the workspace's time zone",
  })
  @IsInt()
  @Min(0)
  @Max(23)
  hour: number;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'For WEEKLY: 1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: KindPreferenceDto, isArray: true, description: 'One entry per kind' })
  kinds: KindPreferenceDto[];

  @ApiProperty({ type: EmailDigestDto })
  digest: EmailDigestDto;
}

/** Sets the kinds listed (others keep their setting) and, when given, the digest. */
export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ type: KindPreferenceDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ArrayUnique((entry: KindPreferenceDto) => entry?.kind, { message: 'lists a kind twice' })
  @NestedObject(KindPreferenceDto, { each: true })
  kinds?: KindPreferenceDto[];

  @ApiPropertyOptional({ type: EmailDigestDto })
  @IsOptional()
  @NestedObject(EmailDigestDto)
  digest?: EmailDigestDto;
}

export class OutboundEmailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'lan.nguyen@molisa.gov.vn' }) recipient: string;
  @ApiProperty({ enum: ['vi', 'en'] }) locale: string;
  @ApiProperty() subject: string;
  @ApiProperty({
    enum: EMAIL_STATES,
    description:
      'NOT_SENT: kept in the outbox because no mail server is configured; FAILED: refused for good by the mail server, or failing after every retry',
  })
  state: EmailState;
  @ApiProperty({ description: 'Delivery attempts so far' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class OutboxPageDto extends ListOf(OutboundEmailDto, 'OutboxPage') {
  @ApiProperty({ description: 'Whether a mail server is configured (SMTP_URL)' })
  mailServerConfigured: boolean;
}

export class UnsubscribeQuery {
  @ApiProperty({ description: 'The signed token of the link in the e-mail' })
  @IsString()
  @MaxLength(2000)
  token: string;
}

/** The body a mail client's one-click unsubscribe posts (RFC 8058); ignored. */
export class OneClickBodyDto {
  @ApiPropertyOptional({ example: 'One-Click' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  'List-Unsubscribe'?: string;
}

export class UnsubscribeDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true, description: 'The kinds concerned' })
  kinds: NotificationKind[];
  @ApiProperty({ enum: ['vi', 'en'], description: "The person's language" }) locale: string;
  @ApiProperty({ description: 'Whether their e-mail for these kinds is off' })
  unsubscribed: boolean;
}
