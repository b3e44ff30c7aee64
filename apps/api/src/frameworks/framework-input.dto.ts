import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../common/dates';
import { Localized, LocalizedTextInput } from '../common/localized-text-input';
import { OptionalNotNull } from '../common/optional-not-null';
import { Trim } from '../common/validation';

export const FRAMEWORK_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const Code = () =>
  applyDecorators(
    Trim(),
    IsString(),
    Length(1, 30),
    Matches(FRAMEWORK_CODE_PATTERN, {
      message: 'must start with a letter or digit and hold only letters, digits, ".", "_" or "-"',
    }),
  );

/** Who adopted a framework, in both languages (each 1–200 characters). */
export class IssuerInput {
  @ApiProperty({ description: 'Vietnamese', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  vi: string;

  @ApiProperty({ description: 'English', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  en: string;
}

const Link = () =>
  applyDecorators(
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true },
      { message: 'must be an http(s) address' },
    ),
    MaxLength(2000),
  );

export class CreateFrameworkDto {
  @ApiProperty({ example: 'DWCP-2027', pattern: FRAMEWORK_CODE_PATTERN.source, maxLength: 30 })
  @Code()
  code: string;

  @ApiProperty({ type: LocalizedTextInput })
  @Localized()
  title: LocalizedTextInput;

  @ApiPropertyOptional({ type: LocalizedTextInput, nullable: true })
  @IsOptional()
  @Localized()
  description?: LocalizedTextInput | null;

  @ApiPropertyOptional({ type: IssuerInput, nullable: true })
  @IsOptional()
  @Localized(IssuerInput)
  issuer?: IssuerInput | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  adoptedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.ilo.org/' })
  @IsOptional()
  @Link()
  url?: string | null;
}

/** Only the fields sent change; null clears an optional one; code and title cannot be cleared. */
export class UpdateFrameworkDto {
  @ApiPropertyOptional({ pattern: FRAMEWORK_CODE_PATTERN.source, maxLength: 30 })
  @OptionalNotNull()
  @Code()
  code?: string;

  @ApiPropertyOptional({ type: LocalizedTextInput })
  @OptionalNotNull()
  @Localized()
  title?: LocalizedTextInput;

  @ApiPropertyOptional({ type: LocalizedTextInput, nullable: true })
  @IsOptional()
  @Localized()
  description?: LocalizedTextInput | null;

  @ApiPropertyOptional({ type: IssuerInput, nullable: true })
  @IsOptional()
  @Localized(IssuerInput)
  issuer?: IssuerInput | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  adoptedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Link()
  url?: string | null;
}
