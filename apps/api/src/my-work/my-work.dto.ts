import { ApiProperty } from '@nestjs/swagger';
import {
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  UPDATE_STATES,
  type UpdateState,
} from '@spct/contracts';
import { CommitmentDto, CommitmentRefDto, UserRefDto } from '../commitments/dto/commitment.dto';

/** How many items each section of "My work" shows at most. */
export const MY_WORK_LIMIT = 50;

/** A progress report as "My work" lists it: with the commitment it is about. */
export class MyWorkReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: CommitmentRefDto }) commitment: CommitmentRefDto;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty({ example: '2026-Q1' }) period: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES, description: 'Proposed status' })
  status: CommitmentStatus;
  @ApiProperty({ description: 'Proposed progress, 0–100' }) progress: number;
  @ApiProperty({ enum: UPDATE_STATES }) state: UpdateState;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class MyWorkDto {
  @ApiProperty({
    type: CommitmentDto,
    isArray: true,
    description:
      "The caller's organization's commitments (lead or co-responsible) that need a progress " +
      'report (see needsUpdate on the commitments list), earliest target date first, at most 50; ' +
      'empty for a member without an organization',
  })
  dueCommitments: CommitmentDto[];

  @ApiProperty({
    type: MyWorkReportDto,
    isArray: true,
    description: "The caller's own RETURNED reports, most recently returned first (at most 50)",
  })
  returnedUpdates: MyWorkReportDto[];

  @ApiProperty({
    type: MyWorkReportDto,
    isArray: true,
    description:
      'SUBMITTED reports the caller may approve or return (never their own), oldest submission ' +
      'first (at most 50); empty for roles that do not decide reports',
  })
  awaitingApproval: MyWorkReportDto[];

  @ApiProperty({
    type: MyWorkReportDto,
    isArray: true,
    description: "The caller's own DRAFT reports, most recently changed first (at most 50)",
  })
  drafts: MyWorkReportDto[];
}
