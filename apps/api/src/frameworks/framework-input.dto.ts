import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextInput } from '../common/localized-text-input';
import { OptionalNotNull } from '../common/optional-not-null';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const FRAMEWORK_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const Code = () =>
  applyDecorators(
    Transform(trim),
    IsString(),
    Length(1, 30),
    Matches(FRAMEWORK_CODE_PATTERN, {
      message: 'must start with a letter or digit and hold only letters, digits, ".", "_" or "-"',
    }),
  );

const Localized = () =>
  applyDecorators(
    IsObject(),
    ValidateNested(),
    Type(() => LocalizedTextInput),
  );

const Issuer = () => applyDecorators(Transform(trim), IsString(), Length(1, 200));

const DateOnly = () =>
  applyDecorators(
    IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' }),
  );

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

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ILO', maxLength: 200 })
  @IsOptional()
  @Issuer()
  issuer?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @DateOnly()
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

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @Issuer()
  issuer?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @DateOnly()
  adoptedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Link()
  url?: string | null;
}
