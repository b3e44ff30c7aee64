import { ApiProperty } from '@nestjs/swagger';
import { COMMITMENT_STATUSES, type CommitmentStatus, THEMES, type Theme } from '@spct/contracts';
import { ListOf } from '../common/list';
import { LocalizedText } from '../common/localized';
import { StatusCountsDto } from '../common/status-counts';
import { TRACKED_STATUS_DESCRIPTION } from '../commitments/tracked-status';

export class FrameworkDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'NQ-42' })
  code: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;

  @ApiProperty({ type: LocalizedText, nullable: true })
  description: LocalizedText | null;

  @ApiProperty({ type: LocalizedText, nullable: true, description: 'Who adopted it' })
  issuer: LocalizedText | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  adoptedOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  url: string | null;

  @ApiProperty({
    description:
      'Trackable items: commitments not archived and without children (sections roll up and are not counted)',
  })
  commitmentCount: number;

  @ApiProperty({
    description:
      'Trackable items that no organization leads yet (not taken up): counted in statusCounts as they stand, usually NOT_STARTED',
  })
  untrackedCount: number;

  @ApiProperty({
    description:
      'Weighted mean progress of the trackable items, 0–100, one decimal (as the dashboard)',
  })
  progress: number;

  @ApiProperty({ type: StatusCountsDto, description: 'Trackable items per status' })
  statusCounts: StatusCountsDto;

  @ApiProperty({ example: 1, description: 'Send it back as If-Match to edit' })
  version: number;
}

export class FrameworkListDto extends ListOf(FrameworkDto, 'FrameworkList') {}

export class CommitmentNodeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  reference: string;

  @ApiProperty({ type: LocalizedText })
  title: LocalizedText;

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
  weight: number;

  @ApiProperty({ enum: THEMES, nullable: true })
  theme: Theme | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  leadOrgId: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  targetDate: string | null;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ type: () => CommitmentNodeDto, isArray: true })
  children: CommitmentNodeDto[];
}

export class FrameworkDetailDto extends FrameworkDto {
  @ApiProperty({ type: CommitmentNodeDto, isArray: true })
  tree: CommitmentNodeDto[];
}
