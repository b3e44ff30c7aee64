import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { ListOf } from '../common/list';
import type { FieldChanges } from './activity';

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(100)
  limit?: number;
}

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
