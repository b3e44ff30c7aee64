import { ApiProperty } from '@nestjs/swagger';
import {
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  TARGET_GROUPS,
  type TargetGroup,
  THEMES,
  type Theme,
} from '@spct/contracts';
import { ListOf } from '../../common/list';
import { LocalizedText } from '../../common/localized';
import { TOTAL_CAP } from '../commitments.repository';
import { TRACKED_STATUS_DESCRIPTION } from '../tracked-status';

export class CommitmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  frameworkId: string;

  @ApiProperty({ example: 'ILC-2021' })
  frameworkCode: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ example: '11.C.1' })
  reference: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;

  @ApiProperty({ type: LocalizedText, nullable: true })
  description: LocalizedText | null;

  @ApiProperty({ enum: THEMES, nullable: true })
  theme: Theme | null;

  @ApiProperty({ enum: COMMITMENT_STATUSES })
  status: CommitmentStatus;

  @ApiProperty({
    enum: COMMITMENT_STATUSES,
    nullable: true,
    description: TRACKED_STATUS_DESCRIPTION,
  })
  trackedStatus: CommitmentStatus | null;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'Official progress; for parents the weighted roll-up of their children',
  })
  progress: number;

  @ApiProperty({ minimum: 1 })
  weight: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  leadOrgId: string | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  coOrgIds: string[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  focalUserId: string | null;

  @ApiProperty({ enum: TARGET_GROUPS, isArray: true })
  targetGroups: TargetGroup[];

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  targetDate: string | null;

  @ApiProperty()
  archived: boolean;

  @ApiProperty({ description: 'Optimistic-locking version' })
  version: number;

  @ApiProperty({ description: 'Past its target date and neither completed nor discontinued' })
  overdue: boolean;

  @ApiProperty()
  childCount: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}

export class CommitmentListDto extends ListOf(CommitmentDto, 'CommitmentList') {
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'How many commitments match the filters in all, on the first page (null on later pages, and for a search: ask GET …/commitments/count)',
  })
  total: number | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: `false: at least \`total\` match (a date filter is counted up to ${TOTAL_CAP.toLocaleString('en')}); null when \`total\` is`,
  })
  totalIsExact: boolean | null;
}

export class CommitmentCountDto {
  @ApiProperty({ description: 'How many commitments match the filters in all' })
  total: number;

  @ApiProperty({
    description: `false: at least \`total\` match (a search or a date filter is counted up to ${TOTAL_CAP.toLocaleString('en')})`,
  })
  totalIsExact: boolean;
}

export class CommitmentRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  frameworkId: string;

  @ApiProperty()
  frameworkCode: string;

  @ApiProperty()
  reference: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;
}

export class CommitmentParentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  reference: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;
}

export class CommitmentChildDto extends CommitmentParentDto {
  @ApiProperty({ enum: COMMITMENT_STATUSES })
  status: CommitmentStatus;

  @ApiProperty({
    enum: COMMITMENT_STATUSES,
    nullable: true,
    description: TRACKED_STATUS_DESCRIPTION,
  })
  trackedStatus: CommitmentStatus | null;

  @ApiProperty()
  progress: number;

  @ApiProperty()
  childCount: number;
}

export class FrameworkRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;
}

export class AlignmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: ['OUTGOING', 'INCOMING'],
    description: 'OUTGOING: this commitment implements the other',
  })
  direction: 'OUTGOING' | 'INCOMING';

  @ApiProperty({ type: LocalizedText, nullable: true })
  note: LocalizedText | null;

  @ApiProperty({ type: CommitmentRefDto })
  commitment: CommitmentRefDto;
}

export class UserRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

export class CommitmentDetailDto extends CommitmentDto {
  @ApiProperty({ type: FrameworkRefDto })
  framework: FrameworkRefDto;

  @ApiProperty({ type: CommitmentParentDto, nullable: true })
  parent: CommitmentParentDto | null;

  @ApiProperty({ type: CommitmentChildDto, isArray: true })
  children: CommitmentChildDto[];

  @ApiProperty({ type: AlignmentDto, isArray: true })
  alignments: AlignmentDto[];

  @ApiProperty({ type: UserRefDto, nullable: true })
  focalUser: UserRefDto | null;
}
