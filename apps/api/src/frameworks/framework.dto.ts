import { ApiProperty } from '@nestjs/swagger';
import { COMMITMENT_STATUSES, type CommitmentStatus, THEMES, type Theme } from '@spct/contracts';
import { ListOf } from '../common/list';
import { LocalizedText } from '../common/localized';

export class StatusCountsDto implements Record<CommitmentStatus, number> {
  @ApiProperty() NOT_STARTED: number;
  @ApiProperty() ON_TRACK: number;
  @ApiProperty() AT_RISK: number;
  @ApiProperty() OFF_TRACK: number;
  @ApiProperty() COMPLETED: number;
  @ApiProperty() DISCONTINUED: number;
}

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

  @ApiProperty({ description: 'Commitments (not archived) at every level' })
  commitmentCount: number;

  @ApiProperty({
    description: 'Weighted progress of the top-level commitments, 0–100, one decimal',
  })
  progress: number;

  @ApiProperty({ type: StatusCountsDto })
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
