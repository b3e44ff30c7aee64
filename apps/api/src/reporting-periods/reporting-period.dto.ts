import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PERIOD_STATES,
  type PeriodState,
  REPORTING_CADENCES,
  type ReportingCadence,
} from '@spct/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { ListOf } from '../common/list';
import { LocalizedText } from '../common/localized';

export class ReportingCalendarDto {
  @ApiProperty({ enum: REPORTING_CADENCES }) cadence: ReportingCadence;
  @ApiProperty({ description: "A period's report is due this many days after it ends" })
  dueDays: number;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh', description: 'IANA time zone deciding "today"' })
  timeZone: string;
  @ApiProperty() version: number;
}

export class UpdateReportingCalendarDto {
  @ApiPropertyOptional({ enum: REPORTING_CADENCES })
  @IsOptional()
  @IsIn(REPORTING_CADENCES, { message: `must be one of: ${REPORTING_CADENCES.join(', ')}` })
  cadence?: ReportingCadence;

  @ApiPropertyOptional({ minimum: 0, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  dueDays?: number;

  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh', maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;
}

export class ReportingPeriodDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-Q4' }) key: string;
  @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date', description: 'Its last day' }) endsOn: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ enum: PERIOD_STATES }) state: PeriodState;
  @ApiProperty({ description: "Holds today's date in the workspace's time zone" })
  current: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) closedBy: UserRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reopenedAt: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) reopenedBy: UserRefDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was last reopened' })
  reopenReason: string | null;
  @ApiProperty() version: number;
}

export class ReportingPeriodListDto extends ListOf(ReportingPeriodDto, 'ReportingPeriodList') {}

export class ReopenPeriodDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why the period takes reports again' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class ComplianceQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the current period' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  periodId?: string;
}

export class ComplianceCountsDto {
  @ApiProperty({ description: 'Trackable items with a lead organization, not done' })
  expected: number;
  @ApiProperty({ description: 'First submitted by the end of the due date' })
  submittedOnTime: number;
  @ApiProperty({ description: 'First submitted after the due date' }) submittedLate: number;
  @ApiProperty({ description: 'With an approved report (also counted as submitted)' })
  approved: number;
  @ApiProperty({ description: 'No report submitted or approved' }) missing: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Reporting rate: submitted (on time or late) ÷ expected; null when none expected',
  })
  rate: number | null;
}

export class OrganizationComplianceDto extends ComplianceCountsDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ type: LocalizedText }) name: LocalizedText;
}

export class ComplianceDto {
  @ApiProperty({ type: ReportingPeriodDto }) period: ReportingPeriodDto;
  @ApiProperty({ type: ComplianceCountsDto }) totals: ComplianceCountsDto;
  @ApiProperty({
    type: OrganizationComplianceDto,
    isArray: true,
    description: 'By lead organization',
  })
  organizations: OrganizationComplianceDto[];
}
