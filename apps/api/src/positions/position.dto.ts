import { ApiProperty } from '@nestjs/swagger';
import { POSITION_KINDS, type PositionKind } from '@spct/contracts';
import { ListOf } from '../common/list';
import { LocalizedText } from '../common/localized';

export class PositionOrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ type: LocalizedText }) name: LocalizedText;
}

export class PositionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PositionOrganizationDto }) organization: PositionOrganizationDto;
  @ApiProperty({ enum: POSITION_KINDS }) position: PositionKind;
  @ApiProperty() rationale: string;
  @ApiProperty({ type: String, format: 'date' }) decidedOn: string;
}

export class PositionListDto extends ListOf(PositionDto, 'PositionList') {}
