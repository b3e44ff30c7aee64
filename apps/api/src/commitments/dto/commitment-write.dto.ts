import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { TARGET_GROUPS, type TargetGroup, THEMES, type Theme } from '@spct/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dates';
import { Localized } from '../../common/localized-text-input';
import { OptionalNotNull } from '../../common/optional-not-null';

/** Translatable text as a client writes it: both languages, Vietnamese first. */
export class CommitmentTextInput {
  @ApiProperty({ description: 'Vietnamese', maxLength: 1000 })
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(1000)
  vi: string;

  @ApiProperty({ description: 'English', maxLength: 1000 })
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(1000)
  en: string;
}

/** A longer translatable text; either language may be left empty. */
export class LocalizedLongTextInput {
  @ApiProperty({ description: 'Vietnamese', maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  vi: string;

  @ApiProperty({ description: 'English', maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  en: string;
}

/**
 * What a client may write of a commitment. Status and progress are absent on purpose: only an
 * approved progress update changes them (DESIGN.md), so sending them is a 400 like any unknown
 * field. Optional fields accept `null` to clear them.
 */
export class CreateCommitmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  frameworkId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  parentId?: string | null;

  @ApiProperty({ example: '11.C.1', maxLength: 40 })
  @IsString()
  @Matches(/^\S(?:.{0,38}\S)?$/, {
    message: 'must be 1 to 40 characters without leading or trailing spaces',
  })
  reference: string;

  @ApiProperty({ type: CommitmentTextInput })
  @Localized(CommitmentTextInput)
  title: CommitmentTextInput;

  @ApiPropertyOptional({ type: LocalizedLongTextInput, nullable: true })
  @IsOptional()
  @Localized(LocalizedLongTextInput)
  description?: LocalizedLongTextInput | null;

  @ApiPropertyOptional({ enum: THEMES, nullable: true })
  @IsOptional()
  @IsIn(THEMES, { message: `must be one of: ${THEMES.join(', ')}` })
  theme?: Theme | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  leadOrgId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Co-responsible organizations (not the lead)',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'must not repeat an organization' })
  @IsUUID('all', { each: true, message: 'each value must be a UUID' })
  coOrgIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  focalUserId?: string | null;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique({ message: 'must not repeat a target group' })
  @IsIn(TARGET_GROUPS, {
    each: true,
    message: `each value must be one of: ${TARGET_GROUPS.join(', ')}`,
  })
  targetGroups?: TargetGroup[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    description: 'Roll-up weight (1 when left out)',
  })
  @OptionalNotNull()
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(100)
  weight?: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2030-12-31' })
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string | null;
}

/**
 * A partial edit. The framework cannot change. `null` is refused for the fields a commitment
 * always has (reference, title, weight, the lists) and clears the others.
 */
export class UpdateCommitmentDto extends PartialType(
  OmitType(CreateCommitmentDto, ['frameworkId'] as const),
  { skipNullProperties: false },
) {}
