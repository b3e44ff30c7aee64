import type { Locale } from '@spct/contracts';
import type { LocalizedText } from '../common/localized';

/** What a cell holds; the writers type it (a number stays a number, a date a date in XLSX). */
export type CellValue = string | number | Date | null;

export type ColumnType = 'text' | 'number' | 'date';

/** One column: a stable key, its header in each language, and how a row of `Row` fills it. */
export interface Column<Row> {
  key: string;
  header: LocalizedText;
  type: ColumnType;
  value: (row: Row, locale: Locale) => CellValue;
}

/** One table as the writers see it: headers in the reader's language and rows of cells, page by page. */
export interface Sheet {
  name: string;
  headers: string[];
  types: ColumnType[];
  pages: AsyncIterable<CellValue[][]>;
}

/** A download: one sheet per table (CSV holds only the first). */
export interface Spreadsheet {
  /** The file name without its extension. */
  basename: string;
  sheets: Sheet[];
}

/** `pages` of `Row` written through `columns` in `locale`. */
export function sheetOf<Row>(
  name: LocalizedText,
  columns: readonly Column<Row>[],
  pages: AsyncIterable<readonly Row[]>,
  locale: Locale,
): Sheet {
  return {
    name: name[locale],
    headers: columns.map((c) => c.header[locale]),
    types: columns.map((c) => c.type),
    pages: {
      async *[Symbol.asyncIterator]() {
        for await (const rows of pages) {
          yield rows.map((row) => columns.map((c) => c.value(row, locale)));
        }
      },
    },
  };
}

/**
 * Pages read with `next(last row of the previous page)` until one comes back shorter than `size`.
 * The first page is read before this returns, so a failing query is still an error answer, not a
 * cut-off file.
 */
export async function keysetPages<Row>(
  size: number,
  next: (last: Row | null) => Promise<readonly Row[]>,
): Promise<AsyncIterable<readonly Row[]>> {
  const first = await next(null);
  return {
    async *[Symbol.asyncIterator]() {
      let rows = first;
      while (rows.length > 0) {
        yield rows;
        if (rows.length < size) return;
        rows = await next(rows[rows.length - 1]!);
      }
    },
  };
}

/** A sheet whose rows are all known already (a few dozen numbers). */
export function onePage<Row>(rows: readonly Row[]): AsyncIterable<readonly Row[]> {
  return {
    async *[Symbol.asyncIterator]() {
      if (rows.length > 0) yield rows;
    },
  };
}
