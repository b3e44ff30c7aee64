import { ApiProperty } from '@nestjs/swagger';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { ListOf, PageQuery } from '../common/list';
import type { FieldChanges } from './activity';

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
    description: 'commitment, progressUpdate, indicator, measurement, evidence…',
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
