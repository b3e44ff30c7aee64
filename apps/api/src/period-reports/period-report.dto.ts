import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LOCALES,
  type Locale,
  NONE,
  type TargetGroup,
  TARGET_GROUPS,
  THEMES,
  type Theme,
} from '@spct/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { PopulationQuery } from '../commitments/dto/population.query';
import { IsCalendarDate } from '../common/dates';
import { ListOf } from '../common/list';

export const PERIOD_REPORT_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type PeriodReportState = (typeof PERIOD_REPORT_STATES)[number];

/** A reporting period, or a date range, with the dashboard's filters and the report's language. */
export class CreatePeriodReportDto extends PopulationQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The reporting period to report on (or give `from` and `to`)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  periodId?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'First day of a date range' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Last day of a date range' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: "Language of the document (by default the caller's)",
  })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  language?: Locale;
}

export class PeriodReportFiltersDto {
  @ApiProperty({ type: String, isArray: true, format: 'uuid' })
  frameworkId: string[];

  @ApiProperty({ type: String, isArray: true, description: `UUIDs, or "${NONE}"` })
  leadOrgId: string[];

  @ApiProperty({ enum: [...THEMES, NONE], isArray: true })
  theme: (Theme | typeof NONE)[];

  @ApiProperty({ enum: TARGET_GROUPS, isArray: true })
  targetGroup: TargetGroup[];
}

export class PeriodReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PERIOD_REPORT_STATES }) state: PeriodReportState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) periodId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-Q3',
    description: 'null: a date range',
  })
  periodKey: string | null;
  @ApiProperty({ type: String, format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date' }) to: string;
  @ApiProperty({ type: PeriodReportFiltersDto }) filters: PeriodReportFiltersDto;
  @ApiProperty({ enum: LOCALES }) language: Locale;
  @ApiProperty({ type: Number, nullable: true, description: 'Trackable items in the report' })
  items: number | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The name the download is saved under',
  })
  fileName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the generation failed' })
  failure: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) createdBy: UserRefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class PeriodReportListDto extends ListOf(PeriodReportDto, 'PeriodReportList') {}
