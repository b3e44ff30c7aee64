import { ApiProperty } from '@nestjs/swagger';
import { STANCES, type Stance } from '@spct/contracts';
import { UserRefDto } from '../commitments/dto/commitment.dto';
import { ListOf } from '../common/list';

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty({ description: 'Markdown-lite text' }) body: string;
  @ApiProperty({ enum: STANCES, nullable: true }) stance: Stance | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
}

export class CommentListDto extends ListOf(CommentDto, 'CommentList') {}
