import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STANCES, type Stance } from '@spct/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { ListOf } from '../common/list';
import { NotBlank } from '../common/validation';

export const COMMENT_MAX_LENGTH = 5000;

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Markdown-lite text, stored as typed; null once the comment was deleted',
  })
  body: string | null;
  @ApiProperty({ enum: STANCES, nullable: true }) stance: Stance | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Members mentioned in the body as @email',
  })
  mentionedIds: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
  @ApiProperty({ description: 'Send it back as If-Match (quoted) to edit or delete the comment' })
  version: number;
}

export class CommentListDto extends ListOf(CommentDto, 'CommentList') {}

const BODY_DESCRIPTION = `Markdown-lite text (1 to ${COMMENT_MAX_LENGTH} characters); @email mentions a member`;

export class CreateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX_LENGTH, description: BODY_DESCRIPTION })
  @IsString()
  @NotBlank()
  @MaxLength(COMMENT_MAX_LENGTH)
  body: string;

  @ApiPropertyOptional({ enum: STANCES, nullable: true })
  @IsOptional()
  @IsIn(STANCES, { message: `must be one of: ${STANCES.join(', ')}` })
  stance?: Stance | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The comment this one replies to (of the same commitment)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  parentId?: string;
}

export class UpdateCommentDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: COMMENT_MAX_LENGTH,
    description: BODY_DESCRIPTION,
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @NotBlank()
  @MaxLength(COMMENT_MAX_LENGTH)
  body?: string;

  @ApiPropertyOptional({ enum: STANCES, nullable: true, description: 'null clears the stance' })
  @IsOptional()
  @IsIn(STANCES, { message: `must be one of: ${STANCES.join(', ')}` })
  stance?: Stance | null;
}
