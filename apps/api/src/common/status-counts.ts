import { ApiProperty } from '@nestjs/swagger';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@spct/contracts';

/** How many commitments are in each status. */
export class StatusCountsDto implements Record<CommitmentStatus, number> {
  @ApiProperty() NOT_STARTED: number;
  @ApiProperty() ON_TRACK: number;
  @ApiProperty() AT_RISK: number;
  @ApiProperty() OFF_TRACK: number;
  @ApiProperty() COMPLETED: number;
  @ApiProperty() DISCONTINUED: number;
}

/** Counts per status from rows of (status, count), every status present (0 when absent). */
export function statusCounts(
  rows: Iterable<{ status: CommitmentStatus; count: number }>,
): StatusCountsDto {
  const counts = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<
    CommitmentStatus,
    number
  >;
  for (const row of rows) counts[row.status] += row.count;
  return counts;
}
