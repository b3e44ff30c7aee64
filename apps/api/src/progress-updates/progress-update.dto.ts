import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  UPDATE_STATES,
  type UpdateState,
} from '@spct/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { IsCalendarDate } from '../common/dates';
import { NestedObject } from '../common/validation';
import { IsDecimal } from '../common/numbers';
import { ListOf } from '../common/list';

/** Decimal(18, 4) columns hold values below 10^14 in magnitude. */
export const MAX_MEASURED_VALUE = 99_999_999_999_999;

export class IndicatorValueDto {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty() value: number;
  @ApiProperty({ type: String, format: 'date' }) measuredOn: string;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
}

/** The workflow steps a report's history shows (its edits are in the commitment's history). */
export const REPORT_STEP_ACTIONS = ['submitted', 'returned', 'approved'] as const;
export type ReportStepAction = (typeof REPORT_STEP_ACTIONS)[number];

export class ReportStepDto {
  @ApiProperty({ enum: REPORT_STEP_ACTIONS }) action: ReportStepAction;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Who took the step' })
  actor: UserRefDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reason of a return' })
  reason: string | null;
}

export class ProgressUpdateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) commitmentId: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ example: '2026-Q1', description: 'The key of its reporting period' })
  period: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES, description: 'Proposed status' })
  status: CommitmentStatus;
  @ApiProperty({ description: 'Proposed progress, 0–100' }) progress: number;
  @ApiProperty() narrative: string;
  @ApiProperty({ enum: UPDATE_STATES }) state: UpdateState;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedById: string | null;
  @ApiProperty({
    type: IndicatorValueDto,
    isArray: true,
    description: 'Indicator values proposed by the report; they become measurements on approval',
  })
  indicatorValues: IndicatorValueDto[];
  @ApiProperty({
    type: ReportStepDto,
    isArray: true,
    description:
      'Every submission, return (with its reason) and approval of the report, oldest first',
  })
  steps: ReportStepDto[];
  @ApiProperty({ description: 'Incremented by every change of the report' }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class ProgressUpdateListDto extends ListOf(ProgressUpdateDto, 'ProgressUpdateList') {}

export class IndicatorValueInput {
  @ApiProperty({ format: 'uuid', description: 'An indicator of the same commitment' })
  @IsUUID('all', { message: 'must be a UUID' })
  indicatorId: string;

  @ApiProperty({ example: 47.5 })
  @IsDecimal(4)
  @Min(-MAX_MEASURED_VALUE)
  @Max(MAX_MEASURED_VALUE)
  value: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-06-30' })
  @IsCalendarDate()
  measuredOn: string;

  @ApiPropertyOptional({ type: String, maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  source?: string;
}

export class CreateProgressUpdateDto {
  @ApiProperty({
    example: '2026-Q3',
    minLength: 1,
    maxLength: 40,
    description:
      "The key of a reporting period of the workspace's calendar that has begun and is open " +
      '(see GET reporting-periods); a closed period answers 409',
  })
  @IsString()
  @Length(1, 40)
  period: string;

  @ApiProperty({ enum: COMMITMENT_STATUSES, description: 'Proposed status' })
  @IsIn(COMMITMENT_STATUSES, { message: `must be one of: ${COMMITMENT_STATUSES.join(', ')}` })
  status: CommitmentStatus;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Proposed progress' })
  @IsInt()
  @Min(0)
  @Max(100)
  progress: number;

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @Length(1, 10000)
  narrative: string;

  @ApiPropertyOptional({
    type: IndicatorValueInput,
    isArray: true,
    description: 'At most one value per indicator; on edit, replaces the whole set',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedObject(IndicatorValueInput, { each: true })
  indicatorValues?: IndicatorValueInput[];
}

export class UpdateProgressUpdateDto extends PartialType(CreateProgressUpdateDto) {}

export class ReturnProgressUpdateDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'What the author should change' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
