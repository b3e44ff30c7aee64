import { applyDecorators, Header } from '@nestjs/common';

declare const jsonOf: unique symbol;

/** The JSON text of a `T`, built elsewhere (by PostgreSQL) and sent as it is. */
export type JsonText<T> = string & { readonly [jsonOf]: T };

/** Marks `text` as the JSON of a `T`: only where the text is known to have that shape. */
export function jsonText<T>(text: string): JsonText<T> {
  return text as JsonText<T>;
}

/**
 * A route answering `JsonText`: sent as `application/json` without serializing it again
 * (Fastify passes a string body with a JSON content type through as it is).
 */
export const SendsJsonText = () =>
  applyDecorators(Header('Content-Type', 'application/json; charset=utf-8'));
