import { ApiProperty } from '@nestjs/swagger';
import {
  POSITION_KINDS,
  type PositionKind,
  TARGET_GROUPS,
  type TargetGroup,
  THEMES,
  type Theme,
  TREND_GRANULARITIES,
  type TrendGranularity,
} from '@spct/contracts';
import { CommitmentDto } from '../../commitments/dto/commitment.dto';
import { ListOf } from '../../common/list';
import { LocalizedText } from '../../common/localized';
import { StatusCountsDto } from '../../common/status-counts';

/** A group of trackable items: how many, and how many in each status. */
export class SliceDto {
  @ApiProperty()
  total: number;

  @ApiProperty({ type: StatusCountsDto })
  statusCounts: StatusCountsDto;
}

export class FrameworkSliceDto extends SliceDto {
  @ApiProperty({ format: 'uuid' })
  frameworkId: string;

  @ApiProperty({ example: 'ILC-2021' })
  code: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;

  @ApiProperty({ description: 'Weighted mean progress of these items, one decimal' })
  progress: number;
}

export class OrganizationSliceDto extends SliceDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: items without a lead organization (no organization has taken them up)',
  })
  organizationId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'MOLISA' })
  shortName: string | null;

  @ApiProperty({ type: LocalizedText, nullable: true })
  name: LocalizedText | null;
}

export class ThemeSliceDto extends SliceDto {
  @ApiProperty({ enum: THEMES, nullable: true, type: String })
  theme: Theme | null;
}

export class TargetGroupSliceDto extends SliceDto {
  @ApiProperty({ enum: TARGET_GROUPS })
  targetGroup: TargetGroup;
}

/** Trackable items needing attention, by kind (the `attention` filter of the list). */
export class AttentionCountsDto {
  @ApiProperty({ description: 'AT_RISK or OFF_TRACK' })
  offTrack: number;

  @ApiProperty({ description: 'Past the target date, neither COMPLETED nor DISCONTINUED' })
  overdue: number;

  @ApiProperty({ description: 'Needing a progress report (as needsUpdate on the list)' })
  stale: number;

  @ApiProperty({ description: 'With a progress report waiting for a decision' })
  pending: number;

  @ApiProperty({ description: 'Progress reports waiting for a decision' })
  pendingReports: number;

  @ApiProperty({ description: 'With an indicator off its trajectory' })
  indicators: number;

  @ApiProperty({ description: 'Indicators off their trajectory' })
  offTrackIndicators: number;

  @ApiProperty({ description: "Where the organizations' positions differ" })
  disagreement: number;
}

export class PositionCountsDto {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: 'VGCL' })
  shortName: string;

  @ApiProperty({ type: LocalizedText })
  name: LocalizedText;

  @ApiProperty() AGREE: number;
  @ApiProperty() RESERVATION: number;
  @ApiProperty() DISAGREE: number;
}

export class OrganizationPositionDto {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: 'VCCI' })
  shortName: string;

  @ApiProperty({ enum: POSITION_KINDS })
  position: PositionKind;
}

export class DisagreementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '11.C.1' })
  reference: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;

  @ApiProperty({ format: 'uuid' })
  frameworkId: string;

  @ApiProperty({ example: 'ILC-2021' })
  frameworkCode: string;

  @ApiProperty({ type: OrganizationPositionDto, isArray: true })
  positions: OrganizationPositionDto[];
}

export class DialogueDto {
  @ApiProperty({
    type: PositionCountsDto,
    isArray: true,
    description: 'Positions each organization recorded on these items, by kind',
  })
  byOrganization: PositionCountsDto[];

  @ApiProperty({
    type: DisagreementDto,
    isArray: true,
    description: `The first ${10} items where the organizations' positions differ (attention.disagreement counts them all)`,
  })
  disagreements: DisagreementDto[];
}

export class DashboardSummaryDto {
  @ApiProperty({ type: String, format: 'date', description: 'The day the counts are for (UTC)' })
  asOf: string;

  @ApiProperty({ description: 'Trackable items: not archived, without children' })
  total: number;

  @ApiProperty({ description: 'Weighted mean progress of the trackable items, one decimal' })
  progress: number;

  @ApiProperty({ type: StatusCountsDto })
  statusCounts: StatusCountsDto;

  @ApiProperty({ type: FrameworkSliceDto, isArray: true })
  byFramework: FrameworkSliceDto[];

  @ApiProperty({ type: OrganizationSliceDto, isArray: true })
  byLeadOrganization: OrganizationSliceDto[];

  @ApiProperty({
    type: OrganizationSliceDto,
    isArray: true,
    description:
      'Items each organization is co-responsible for (an item counts once per organization)',
  })
  byCoOrganization: OrganizationSliceDto[];

  @ApiProperty({ type: ThemeSliceDto, isArray: true })
  byTheme: ThemeSliceDto[];

  @ApiProperty({
    type: TargetGroupSliceDto,
    isArray: true,
    description:
      'Items concerning each target group (an item counts once per group); with a targetGroup filter, only those groups',
  })
  byTargetGroup: TargetGroupSliceDto[];

  @ApiProperty({ type: AttentionCountsDto })
  attention: AttentionCountsDto;

  @ApiProperty({ type: DialogueDto })
  dialogue: DialogueDto;
}

export class TrendPeriodDto extends SliceDto {
  @ApiProperty({ example: '2026-Q4', description: 'YYYY-Qn or YYYY-MM' })
  key: string;

  @ApiProperty({ type: String, format: 'date' })
  start: string;

  @ApiProperty({ type: String, format: 'date' })
  end: string;

  @ApiProperty({ description: 'The period today is in: its figures are as they stand now' })
  current: boolean;

  @ApiProperty({ description: 'COMPLETED items at the end of the period (burn-up)' })
  completed: number;

  @ApiProperty({ description: 'Weighted mean progress at the end of the period, one decimal' })
  progress: number;
}

export class DashboardTrendDto {
  @ApiProperty({ enum: TREND_GRANULARITIES })
  granularity: TrendGranularity;

  @ApiProperty({
    type: TrendPeriodDto,
    isArray: true,
    description: 'The last 8 periods, oldest first, the current one last',
  })
  periods: TrendPeriodDto[];
}

export class LatestReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-Q3' })
  period: string;

  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt: string;

  @ApiProperty({ description: 'The first lines of its narrative' })
  excerpt: string;
}

export class AttentionItemDto extends CommitmentDto {
  @ApiProperty({ type: LatestReportDto, nullable: true })
  latestReport: LatestReportDto | null;
}

export class AttentionListDto extends ListOf(AttentionItemDto, 'AttentionList') {
  @ApiProperty({ type: Number, nullable: true, description: 'How many in all, on the first page' })
  total: number | null;
}
