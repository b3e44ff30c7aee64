import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralizeFormula } from './formula-cells';
import type { CellValue, ColumnType, Spreadsheet } from './spreadsheet';

const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * The sheets as an XLSX workbook, streamed: exceljs's WorkbookWriter zips each committed row as
 * it goes (no shared-strings table, which would hold every text in memory), and the next page is
 * read only once the answer has been taken up by the client, so memory does not grow with rows.
 */
export function xlsxStream(spreadsheet: Spreadsheet): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  async function write() {
    for (const sheet of spreadsheet.sheets) {
      const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      worksheet.columns = sheet.headers.map((header, i) => ({
        header: neutralizeFormula(header),
        width: width(sheet.types[i]!, header),
        style: sheet.types[i] === 'date' ? { numFmt: DATE_FORMAT } : {},
      }));
      worksheet.getRow(1).font = { bold: true };
      worksheet.getRow(1).commit();
      for await (const rows of sheet.pages) {
        for (const row of rows) worksheet.addRow(row.map(xlsxCell)).commit();
        if (out.destroyed) return;
        await drained(out);
      }
      worksheet.commit();
    }
    await workbook.commit();
  }
  write().catch((error: Error) => out.destroy(error));
  return out;
}

function xlsxCell(value: CellValue): CellValue {
  return typeof value === 'string' ? neutralizeFormula(value) : value;
}

/** Until the client has read what is buffered (or gone away). */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Excel's limits: 31 characters, none of []:*?/\ */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function width(type: ColumnType, header: string): number {
  const content = type === 'text' ? 24 : 12;
  return Math.min(60, Math.max(content, header.length + 2));
}
