import { type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export interface List<T> {
  items: T[];
  nextCursor: string | null;
}

/** OpenAPI class for `{ items: T[], nextCursor }`, one per item type. */
export function ListOf<T>(item: Type<T>, name: string): Type<List<T>> {
  class ListDto {
    @ApiProperty({ type: item, isArray: true })
    items: T[];

    @ApiProperty({ type: String, nullable: true })
    nextCursor: string | null;
  }
  Object.defineProperty(ListDto, 'name', { value: name });
  return ListDto;
}

export function listOf<T>(items: T[], nextCursor: string | null = null): List<T> {
  return { items, nextCursor };
}

/** The page parameters of a keyset-paginated list: `?cursor=<nextCursor>&limit=`. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(100)
  limit?: number;
}
