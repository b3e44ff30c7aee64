import { COMMITMENT_STATUSES, type CommitmentSort } from '@spct/contracts';
import { isoDate } from '../common/dates';
import { decodeKeyset, encodeKeyset, invalidCursor } from '../common/cursor';

/**
 * The column a list sort orders by (then by id), whether it may be NULL, and the SQL type a
 * cursor value is cast to. Each has an index on (workspaceId, column, id) or
 * (workspaceId, column, …) that serves the keyset (test/list-query-plans.spec.ts).
 */
export const SORT_COLUMNS = {
  reference: { column: 'referenceKey', nullable: false, kind: 'text' },
  progress: { column: 'progress', nullable: false, kind: 'int' },
  targetDate: { column: 'targetDate', nullable: true, kind: 'date' },
  updatedAt: { column: 'updatedAt', nullable: false, kind: 'timestamp' },
  /** Declaration order of the enumeration: NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, … */
  status: { column: 'status', nullable: false, kind: 'status' },
  /** The lead organization's short name, case-insensitive; commitments without one last. */
  leadOrg: { column: 'leadOrgKey', nullable: true, kind: 'text' },
} as const;

export type SortField = keyof typeof SORT_COLUMNS;

/** The SQL type of each kind of sort column. */
export const SORT_CASTS = {
  text: 'text',
  int: 'int',
  date: 'date',
  timestamp: 'timestamp',
  status: '"CommitmentStatus"',
} as const;

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

/** What a row must carry for its sort value to be read. */
export interface SortableRow {
  id: string;
  referenceKey: string;
  progress: number;
  targetDate: Date | null;
  updatedAt: Date;
  status: string;
  leadOrgKey: string | null;
}

/** The keyset position just after `row` in `field` order. */
export function cursorAfter(row: SortableRow, field: SortField): Cursor {
  const values: Record<SortField, string | number | null> = {
    reference: row.referenceKey,
    progress: row.progress,
    targetDate: isoDate(row.targetDate),
    updatedAt: row.updatedAt.toISOString(),
    status: row.status,
    leadOrg: row.leadOrgKey,
  };
  return { value: values[field], id: row.id };
}

export function encodeCursor(cursor: Cursor): string {
  return encodeKeyset(cursor.value, cursor.id);
}

export function decodeCursor(raw: string, sort: ParsedSort): Cursor {
  const { value, id } = decodeKeyset(raw);
  const spec = SORT_COLUMNS[sort.field];
  if (value === null && spec.nullable) return { value: null, id };
  switch (spec.kind) {
    case 'int':
      if (Number.isInteger(value)) return { value: value as number, id };
      break;
    case 'text':
      if (typeof value === 'string') return { value, id };
      break;
    case 'status':
      if ((COMMITMENT_STATUSES as readonly unknown[]).includes(value)) {
        return { value: value as string, id };
      }
      break;
    case 'date':
    case 'timestamp':
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return { value, id };
      break;
  }
  throw invalidCursor();
}
