import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { INDICATOR_DIRECTIONS, type IndicatorDirection } from '@spct/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/dates';
import { NestedObject } from '../common/validation';
import { IsDecimal } from '../common/numbers';
import { ListOf } from '../common/list';
import { LocalizedText } from '../common/localized';
import { Localized } from '../common/localized-text-input';

/** Decimal(18, 4) columns hold values below 10^14 in magnitude. */
const MAX_VALUE = 99_999_999_999_999;

export class YearValueDto {
  @ApiProperty() value: number;
  @ApiProperty() year: number;
}

export class MeasurementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ type: String, format: 'date' }) measuredOn: string;
  @ApiProperty() value: number;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdById: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class MeasurementListDto extends ListOf(MeasurementDto, 'MeasurementList') {}

export class LatestValueDto {
  @ApiProperty({ type: String, format: 'date' }) measuredOn: string;
  @ApiProperty() value: number;
}

export class IndicatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) commitmentId: string;
  @ApiProperty({ type: LocalizedText }) name: LocalizedText;
  @ApiProperty({
    type: LocalizedText,
    description: 'e.g. { vi: "nghìn người", en: "thousand people" }',
  })
  unit: LocalizedText;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction: IndicatorDirection;
  @ApiProperty({ type: YearValueDto }) baseline: YearValueDto;
  @ApiProperty({ type: YearValueDto }) target: YearValueDto;
  @ApiProperty({ type: LocalizedText, nullable: true, description: 'Where its values come from' })
  source: LocalizedText | null;
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
  @ApiProperty({ description: 'Send it back as If-Match (quoted) to edit the indicator' })
  version: number;
}

export class IndicatorListDto extends ListOf(IndicatorDto, 'IndicatorList') {}

export class IndicatorNameInput {
  @ApiProperty({ description: 'Vietnamese', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  vi: string;

  @ApiProperty({ description: 'English', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  en: string;
}

export class IndicatorUnitInput {
  @ApiProperty({ description: 'Vietnamese', minLength: 1, maxLength: 40, example: 'nghìn người' })
  @IsString()
  @Length(1, 40)
  vi: string;

  @ApiProperty({ description: 'English', minLength: 1, maxLength: 40, example: 'thousand people' })
  @IsString()
  @Length(1, 40)
  en: string;
}

export class IndicatorSourceInput {
  @ApiProperty({ description: 'Vietnamese', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  vi: string;

  @ApiProperty({ description: 'English', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  en: string;
}

export class YearValueInput {
  @ApiProperty({ example: 40.5 })
  @IsDecimal(4)
  @Min(-MAX_VALUE)
  @Max(MAX_VALUE)
  value: number;

  @ApiProperty({ example: 2025, minimum: 1900, maximum: 2100 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  year: number;
}

export class CreateIndicatorDto {
  @ApiProperty({ type: IndicatorNameInput })
  @Localized(IndicatorNameInput)
  name: IndicatorNameInput;

  @ApiProperty({ type: IndicatorUnitInput })
  @Localized(IndicatorUnitInput)
  unit: IndicatorUnitInput;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  @IsIn(INDICATOR_DIRECTIONS, { message: `must be one of: ${INDICATOR_DIRECTIONS.join(', ')}` })
  direction: IndicatorDirection;

  @ApiProperty({ type: YearValueInput })
  @NestedObject(YearValueInput)
  baseline: YearValueInput;

  @ApiProperty({ type: YearValueInput, description: 'Its year is not before the baseline year' })
  @NestedObject(YearValueInput)
  target: YearValueInput;

  @ApiPropertyOptional({ type: IndicatorSourceInput, nullable: true })
  @IsOptional()
  @Localized(IndicatorSourceInput)
  source?: IndicatorSourceInput | null;
}

export class UpdateIndicatorDto extends PartialType(CreateIndicatorDto) {}

export class CreateMeasurementDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-06-30' })
  @IsCalendarDate()
  measuredOn: string;

  @ApiProperty({ example: 47.5 })
  @IsDecimal(4)
  @Min(-MAX_VALUE)
  @Max(MAX_VALUE)
  value: number;

  @ApiPropertyOptional({ type: String, maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  source?: string;
}
