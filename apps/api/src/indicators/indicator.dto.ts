import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_DIRECTIONS, type IndicatorDirection } from '@spct/contracts';
import { ListOf } from '../common/list';
import { LocalizedText } from '../common/localized';

export class YearValueDto {
  @ApiProperty() value: number;
  @ApiProperty() year: number;
}

export class MeasurementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date' }) measuredOn: string;
  @ApiProperty() value: number;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
}

export class LatestValueDto {
  @ApiProperty({ type: String, format: 'date' }) measuredOn: string;
  @ApiProperty() value: number;
}

export class IndicatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) commitmentId: string;
  @ApiProperty({ type: LocalizedText }) name: LocalizedText;
  @ApiProperty({ example: '%' }) unit: string;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction: IndicatorDirection;
  @ApiProperty({ type: YearValueDto }) baseline: YearValueDto;
  @ApiProperty({ type: YearValueDto }) target: YearValueDto;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: MeasurementDto, isArray: true, description: 'Oldest first' })
  measurements: MeasurementDto[];
  @ApiProperty({ type: LatestValueDto, nullable: true }) latest: LatestValueDto | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Value on the baseline→target line at the latest measurement',
  })
  expected: number | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Latest value on or ahead of the line (5% tolerance)',
  })
  onTrack: boolean | null;
}

export class IndicatorListDto extends ListOf(IndicatorDto, 'IndicatorList') {}
