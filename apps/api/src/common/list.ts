import { type Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

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
