import { type CommitmentSort } from '@spct/contracts';
import { FieldValidationException } from '../common/api-error.filter';

/** The column a list sort orders by (then by id), and whether it may be NULL. */
export const SORT_COLUMNS = {
  reference: { column: 'referenceKey', nullable: false, kind: 'text' },
  progress: { column: 'progress', nullable: false, kind: 'int' },
  targetDate: { column: 'targetDate', nullable: true, kind: 'date' },
  updatedAt: { column: 'updatedAt', nullable: false, kind: 'timestamp' },
} as const;

export type SortField = keyof typeof SORT_COLUMNS;

export interface ParsedSort {
  field: SortField;
  descending: boolean;
}

export function parseSort(sort: CommitmentSort = 'reference'): ParsedSort {
  const descending = sort.startsWith('-');
  return { field: (descending ? sort.slice(1) : sort) as SortField, descending };
}

/** Position after the last row of a page: its sort value and id. */
export interface Cursor {
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(raw: string, sort: ParsedSort): Cursor {
  const invalid = () =>
    new FieldValidationException([{ field: 'cursor', message: 'is not a cursor of this list' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [value, id] = parsed as [unknown, unknown];
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid();
  const spec = SORT_COLUMNS[sort.field];
  if (value === null && spec.nullable) return { value: null, id };
  if (spec.kind === 'int' && Number.isInteger(value)) return { value: value as number, id };
  if (
    spec.kind !== 'int' &&
    typeof value === 'string' &&
    (spec.kind === 'text' || !Number.isNaN(Date.parse(value)))
  ) {
    return { value, id };
  }
  throw invalid();
}
