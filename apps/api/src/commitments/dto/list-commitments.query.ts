import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import {
  ATTENTION_KINDS,
  type AttentionKind,
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  type CommitmentSort,
  type CommitmentStatus,
} from '@spct/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NEEDS_UPDATE_DESCRIPTION } from '../commitment-filters';
import { PageQuery } from '../../common/list';
import { PopulationQuery } from './population.query';
import {
  OptionalBooleanQuery,
  OptionalEnumListQuery,
  OptionalUuidListQuery,
} from '../../common/validation';

export class ListCommitmentsQuery extends IntersectionType(PageQuery, PopulationQuery) {
  @ApiPropertyOptional({
    description: 'Accent-insensitive search in reference, titles and descriptions',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @OptionalEnumListQuery(COMMITMENT_STATUSES, 'One or more statuses')
  status?: CommitmentStatus[];

  @OptionalUuidListQuery('Commitments with any of these co-responsible organizations')
  coOrgId?: string[];

  @OptionalBooleanQuery('Only (true) or no (false) commitments past their target date and not done')
  overdue?: boolean;

  @OptionalBooleanQuery(NEEDS_UPDATE_DESCRIPTION)
  needsUpdate?: boolean;

  @OptionalBooleanQuery(
    'true: only trackable items (no children that are not archived), what the dashboard counts; false: only parents',
  )
  leaf?: boolean;

  @ApiPropertyOptional({
    enum: ATTENTION_KINDS,
    description:
      'off-track: AT_RISK or OFF_TRACK; overdue: as overdue=true; stale: as needsUpdate=true; ' +
      'pending: a progress report waits for a decision; indicators: an indicator is off its ' +
      "trajectory; disagreement: the organizations' positions differ",
  })
  @IsOptional()
  @IsIn(ATTENTION_KINDS, { message: `must be one of: ${ATTENTION_KINDS.join(', ')}` })
  attention?: AttentionKind;

  @OptionalBooleanQuery('true: only archived commitments (by default they are left out)')
  archived?: boolean;

  @ApiPropertyOptional({ enum: COMMITMENT_SORTS, default: 'reference' })
  @IsOptional()
  @IsIn(COMMITMENT_SORTS, { message: `must be one of: ${COMMITMENT_SORTS.join(', ')}` })
  sort?: CommitmentSort;
}

/** The list's filters, without its paging: what `GET …/commitments/count` counts. */
export class CountCommitmentsQuery extends OmitType(ListCommitmentsQuery, [
  'cursor',
  'limit',
  'sort',
] as const) {}
