import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Translatable text in a request body: both languages, trimmed, non-empty. */
export class LocalizedTextInput {
  @ApiProperty({ description: 'Vietnamese', minLength: 1, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  vi: string;

  @ApiProperty({ description: 'English', minLength: 1, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  en: string;
}
