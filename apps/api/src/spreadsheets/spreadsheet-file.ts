import { StreamableFile } from '@nestjs/common';
import { csvStream } from './csv-writer';
import type { Spreadsheet } from './spreadsheet';
import { xlsxStream } from './xlsx-writer';

export type SpreadsheetFormat = 'csv' | 'xlsx';

export const SPREADSHEET_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The spreadsheet as a download in `format`, named after its basename. */
export function spreadsheetFile(
  spreadsheet: Spreadsheet,
  format: SpreadsheetFormat,
): StreamableFile {
  const stream = format === 'csv' ? csvStream(spreadsheet) : xlsxStream(spreadsheet);
  return new StreamableFile(stream, {
    type: SPREADSHEET_TYPES[format],
    disposition: `attachment; filename="${spreadsheet.basename}.${format}"`,
  });
}
