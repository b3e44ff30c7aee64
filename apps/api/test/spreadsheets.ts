import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

export type ReadCell = string | number | Date | boolean | null;

/** Each worksheet of an XLSX file as its name and rows of plain values (empty cells null). */
export async function readXlsx(file: Buffer): Promise<{ name: string; rows: ReadCell[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: ReadCell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: ReadCell[] = [];
      for (let i = 1; i <= sheet.columnCount; i++) {
        const value = row.getCell(i).value;
        cells.push(value === undefined ? null : (value as ReadCell));
      }
      rows.push(cells);
    });
    return { name: sheet.name, rows };
  });
}

/** A UTF-8 CSV with a byte order mark as rows of strings (fails without the mark). */
export function readCsv(file: Buffer): string[][] {
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(file.subarray(3), { relaxColumnCount: false }) as string[][];
}

/** Rows as objects keyed by the header row. */
export function byHeader<T extends ReadCell>(rows: T[][]): Record<string, T>[] {
  const [header, ...records] = rows;
  return records.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]!])));
}
