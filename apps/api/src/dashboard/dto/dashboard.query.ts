import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ATTENTION_KINDS,
  type AttentionKind,
  TREND_GRANULARITIES,
  type TrendGranularity,
} from '@spct/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PopulationQuery } from '../../commitments/dto/population.query';
import { PageQuery } from '../../common/list';

export class TrendQuery extends PopulationQuery {
  @ApiPropertyOptional({ enum: TREND_GRANULARITIES, default: 'quarter' })
  @IsOptional()
  @IsIn(TREND_GRANULARITIES, { message: `must be one of: ${TREND_GRANULARITIES.join(', ')}` })
  granularity?: TrendGranularity;
}

export class AttentionQuery extends IntersectionType(PageQuery, PopulationQuery) {
  @ApiProperty({ enum: ATTENTION_KINDS })
  @IsIn(ATTENTION_KINDS, { message: `must be one of: ${ATTENTION_KINDS.join(', ')}` })
  kind: AttentionKind;
}
