import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { TARGET_GROUPS, type TargetGroup, THEMES, type Theme } from '@spct/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

/** May be left out, but not sent as null: for fields a commitment always has. */
const OptionalNotNull = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

@ValidatorConstraint({ name: 'isCalendarDate' })
class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a calendar date YYYY-MM-DD`;
  }
}

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
  @IsObject({ message: 'must be an object { vi, en }' })
  @ValidateNested()
  @Type(() => CommitmentTextInput)
  title: CommitmentTextInput;

  @ApiPropertyOptional({ type: LocalizedLongTextInput, nullable: true })
  @IsOptional()
  @IsObject({ message: 'must be an object { vi, en }' })
  @ValidateNested()
  @Type(() => LocalizedLongTextInput)
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
  @Validate(IsCalendarDate)
  startDate?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2030-12-31' })
  @IsOptional()
  @Validate(IsCalendarDate)
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
