import { ApiProperty } from '@nestjs/swagger';
import {
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  UPDATE_STATES,
  type UpdateState,
} from '@spct/contracts';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { ListOf } from '../common/list';

export class ProgressUpdateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) commitmentId: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty({ example: '2026-Q1' }) period: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES, description: 'Proposed status' })
  status: CommitmentStatus;
  @ApiProperty({ description: 'Proposed progress, 0–100' }) progress: number;
  @ApiProperty() narrative: string;
  @ApiProperty({ enum: UPDATE_STATES }) state: UpdateState;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedById: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class ProgressUpdateListDto extends ListOf(ProgressUpdateDto, 'ProgressUpdateList') {}
