import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { IsCalendarDate } from '../common/dates';
import { ListOf, PageQuery } from '../common/list';
import { LocalizedText } from '../common/localized';
import { OptionalEnumListQuery } from '../common/validation';
import { ACTIVITY_ENTITIES, type ActivityEntity, type FieldChanges } from './activity';

export class HistoryQuery extends PageQuery {}

/** One entry of the audit trail. */
export class ActivityEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  @ApiProperty({ type: UserRefDto, nullable: true, description: 'null once the user is deleted' })
  actor: UserRefDto | null;

  @ApiProperty({
    example: 'commitment',
    description: ACTIVITY_ENTITIES.join(', '),
  })
  entityType: string;

  @ApiProperty({ format: 'uuid' })
  entityId: string;

  @ApiProperty({
    example: 'updated',
    description: 'created, updated, archived, restored, rolledUp, submitted, approved, returned…',
  })
  action: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { before: {}, after: {} },
      required: ['before', 'after'],
    },
    description: 'Field-level change: { field: { before, after } }',
    example: { targetDate: { before: '2030-12-31', after: '2029-12-31' } },
  })
  changes: FieldChanges;
}

export class ActivityEventListDto extends ListOf(ActivityEventDto, 'ActivityEventList') {}

/** `GET /workspaces/:slug/activity`: the filters of the workspace's audit trail. */
export class WorkspaceActivityQuery extends PageQuery {
  @OptionalEnumListQuery(ACTIVITY_ENTITIES, 'Only events on these kinds of records (repeatable)')
  entityType?: ActivityEntity[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this user did' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'From this day on (UTC, inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Up to the end of this day (UTC, inclusive)',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** The commitment an event concerns, to name and link it. */
export class ActivityCommitmentRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '1.2' })
  reference: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;
}

/** One entry of the workspace's audit trail. */
export class WorkspaceActivityEventDto extends ActivityEventDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The commitment the record belongs to; null for members, organizations…',
  })
  commitmentId: string | null;

  @ApiProperty({
    type: ActivityCommitmentRefDto,
    nullable: true,
    description: 'null when there is no commitment (or it no longer exists)',
  })
  commitment: ActivityCommitmentRefDto | null;
}

export class WorkspaceActivityListDto extends ListOf(
  WorkspaceActivityEventDto,
  'WorkspaceActivityList',
) {}
