import { FieldValidationException } from './api-error';

/**
 * The opaque `cursor` of a keyset-paginated list: the sort value and id of the last row of a
 * page, as a JSON pair in base64url.
 */
export function encodeKeyset(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A 400 naming `cursor`: what a list answers to a cursor it did not make. */
export function invalidCursor(): FieldValidationException {
  return new FieldValidationException([
    { field: 'cursor', code: 'invalidCursor', message: 'is not a cursor of this list' },
  ]);
}

/** The (value, id) pair of `encodeKeyset`; a 400 naming `cursor` when `raw` is not one. */
export function decodeKeyset(raw: string): { value: unknown; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [value, id] = parsed as [unknown, unknown];
  if (typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
  return { value, id };
}
