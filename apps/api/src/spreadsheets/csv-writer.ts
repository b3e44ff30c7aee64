import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { isoDate } from '../common/dates';
import { neutralizeFormula } from './formula-cells';
import type { CellValue, Spreadsheet } from './spreadsheet';

/** Excel reads a UTF-8 file as UTF-8 (Vietnamese diacritics intact) only when it starts with a BOM. */
const BOM = '\uFEFF';

/** The first sheet as RFC 4180 CSV in UTF-8 with a BOM, written page by page. */
export function csvStream(spreadsheet: Spreadsheet): Readable {
  const sheet = spreadsheet.sheets[0]!;
  async function* chunks(): AsyncGenerator<string> {
    yield BOM + stringify([sheet.headers.map(neutralizeFormula)]);
    for await (const rows of sheet.pages) yield stringify(rows.map((r) => r.map(csvCell)));
  }
  return Readable.from(chunks());
}

function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') return String(value);
  return neutralizeFormula(value);
}
