import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Trim } from '../common/validation';

export const SLUG_PATTERN = /^[a-z0-9-]{3,40}$/;

export class CreateWorkspaceDto {
  @ApiProperty({
    example: 'lao-pdr',
    pattern: SLUG_PATTERN.source,
    description: 'Lowercase letters, digits and hyphens, 3–40 characters; part of every URL',
  })
  @IsString()
  @Matches(SLUG_PATTERN, {
    message: 'must be 3–40 lowercase letters, digits or hyphens',
  })
  slug: string;

  @ApiProperty({ example: 'Lào', minLength: 1, maxLength: 120 })
  @Trim()
  @IsString()
  @Length(1, 120)
  name: string;
}
