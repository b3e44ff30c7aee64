import { type Type as Class } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { NestedObject, Trim } from './validation';

/** Translatable text in a request body: both languages, trimmed, non-empty. */
export class LocalizedTextInput {
  @ApiProperty({ description: 'Vietnamese', minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  vi: string;

  @ApiProperty({ description: 'English', minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  en: string;
}

/**
 * A `{ vi, en }` body field, validated as `input` (whose rules say what each language may hold):
 * anything but an object is a 400 naming the field, and each language's error names `field.vi`.
 */
export function Localized(input: Class = LocalizedTextInput) {
  return NestedObject(input, { message: 'must be an object { vi, en }' });
}
