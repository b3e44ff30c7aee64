import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSTITUENCIES, type Constituency } from '@spct/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { ListOf } from '../common/list';
import { LocalizedText, localized } from '../common/localized';
import { Localized, LocalizedTextInput } from '../common/localized-text-input';
import { OptionalNotNull } from '../common/optional-not-null';
import { Trim } from '../common/validation';

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'MOLISA' })
  shortName: string;

  @ApiProperty({ type: LocalizedText })
  name: LocalizedText;

  @ApiProperty({ enum: CONSTITUENCIES })
  constituency: Constituency;

  @ApiProperty({ example: 1, description: 'Send it back as If-Match to edit or delete' })
  version: number;
}

export class OrganizationListDto extends ListOf(OrganizationDto, 'OrganizationList') {}

export function toOrganizationDto(row: {
  id: string;
  shortName: string;
  nameVi: string;
  nameEn: string;
  constituency: Constituency;
  version: number;
}): OrganizationDto {
  return {
    id: row.id,
    shortName: row.shortName,
    name: localized(row.nameVi, row.nameEn),
    constituency: row.constituency,
    version: row.version,
  };
}

export class CreateOrganizationDto {
  @ApiProperty({
    example: 'VCA',
    minLength: 1,
    maxLength: 30,
    description: 'Unique in the workspace',
  })
  @Trim()
  @IsString()
  @Length(1, 30)
  shortName: string;

  @ApiProperty({ type: LocalizedTextInput })
  @Localized()
  name: LocalizedTextInput;

  @ApiProperty({ enum: CONSTITUENCIES })
  @IsIn(CONSTITUENCIES)
  constituency: Constituency;
}

/** Only the fields sent change; none of them can be cleared. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 30 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 30)
  shortName?: string;

  @ApiPropertyOptional({ type: LocalizedTextInput })
  @OptionalNotNull()
  @Localized()
  name?: LocalizedTextInput;

  @ApiPropertyOptional({ enum: CONSTITUENCIES })
  @OptionalNotNull()
  @IsIn(CONSTITUENCIES)
  constituency?: Constituency;
}
