import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSTITUENCIES, type Constituency } from '@spct/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { ListOf } from '../common/list';
import { LocalizedText, localized } from '../common/localized';
import { LocalizedTextInput } from '../common/localized-text-input';
import { OptionalNotNull } from '../common/optional-not-null';

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

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto {
  @ApiProperty({
    example: 'VCA',
    minLength: 1,
    maxLength: 30,
    description: 'Unique in the workspace',
  })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  shortName: string;

  @ApiProperty({ type: LocalizedTextInput })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;

  @ApiProperty({ enum: CONSTITUENCIES })
  @IsIn(CONSTITUENCIES)
  constituency: Constituency;
}

/** Only the fields sent change; none of them can be cleared. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 30 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  shortName?: string;

  @ApiPropertyOptional({ type: LocalizedTextInput })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name?: LocalizedTextInput;

  @ApiPropertyOptional({ enum: CONSTITUENCIES })
  @OptionalNotNull()
  @IsIn(CONSTITUENCIES)
  constituency?: Constituency;
}
