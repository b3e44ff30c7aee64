import { ApiProperty } from '@nestjs/swagger';
import { POSITION_KINDS, type PositionKind } from '@spct/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { ListOf } from '../common/list';
import { NotBlank } from '../common/validation';
import { LocalizedText } from '../common/localized';
import { IsCalendarDate } from '../common/dates';

export const RATIONALE_MAX_LENGTH = 5000;

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
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Who recorded it' })
  recordedBy: UserRefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Send it back as If-Match (quoted) to replace the position' })
  version: number;
}

export class PositionListDto extends ListOf(PositionDto, 'PositionList') {}

/** The organization's position on the commitment, replacing any earlier one. */
export class RecordPositionDto {
  @ApiProperty({ enum: POSITION_KINDS })
  @IsIn(POSITION_KINDS, { message: `must be one of: ${POSITION_KINDS.join(', ')}` })
  position: PositionKind;

  @ApiProperty({ minLength: 1, maxLength: RATIONALE_MAX_LENGTH })
  @IsString()
  @NotBlank()
  @MaxLength(RATIONALE_MAX_LENGTH)
  rationale: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-02-10',
    description: 'Not in the future',
  })
  @IsCalendarDate()
  decidedOn: string;
}
