import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  type CommitmentSort,
  type CommitmentStatus,
  TARGET_GROUPS,
  type TargetGroup,
  THEMES,
  type Theme,
} from '@spct/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NEEDS_UPDATE_DESCRIPTION } from '../needs-update';
import { PageQuery } from '../../common/list';
import { OptionalBooleanQuery, OptionalEnumListQuery } from '../../common/validation';

export class ListCommitmentsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Accent-insensitive search in reference, titles and descriptions',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @OptionalEnumListQuery(COMMITMENT_STATUSES, 'One or more statuses')
  status?: CommitmentStatus[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  frameworkId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lead organization' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  leadOrgId?: string;

  @OptionalEnumListQuery(THEMES, 'One or more themes')
  theme?: Theme[];

  @OptionalEnumListQuery(TARGET_GROUPS, 'Commitments concerning any of these target groups')
  targetGroup?: TargetGroup[];

  @OptionalBooleanQuery('Only (true) or no (false) commitments past their target date and not done')
  overdue?: boolean;

  @OptionalBooleanQuery(NEEDS_UPDATE_DESCRIPTION)
  needsUpdate?: boolean;

  @OptionalBooleanQuery('true: only archived commitments (by default they are left out)')
  archived?: boolean;

  @ApiPropertyOptional({ enum: COMMITMENT_SORTS, default: 'reference' })
  @IsOptional()
  @IsIn(COMMITMENT_SORTS, { message: `must be one of: ${COMMITMENT_SORTS.join(', ')}` })
  sort?: CommitmentSort;
}
