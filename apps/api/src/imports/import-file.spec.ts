import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { readImportFile } from './import-file';

/** A workbook of a header and one row: text, a date, a number, a formula and a link. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Cam kết');
  sheet.addRow(['Khung', 'Ngày', 'Trọng số', 'Công thức', 'Liên kết']);
  sheet.addRow(['NQ-42', new Date(Date.UTC(2030, 5, 30)), 3, null, null]);
  sheet.getCell('D2').value = { formula: 'A1&B1', result: 'x' };
  sheet.getCell('E2').value = { text: 'MOLISA', hyperlink: 'https://example.test' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same zip with its entries in the order given first (the others after). */
function reordered(file: Buffer, first: string[]): Buffer {
  const entries = unzipSync(file);
  const names = [...first, ...Object.keys(entries).filter((name) => !first.includes(name))];
  return Buffer.from(zipSync(Object.fromEntries(names.map((name) => [name, entries[name]!]))));
}

describe('readImportFile (XLSX)', () => {
  const expected = [
    { line: 1, cells: ['Khung', 'Ngày', 'Trọng số', 'Công thức', 'Liên kết'] },
    {
      line: 2,
      cells: [
        'NQ-42',
        new Date(Date.UTC(2030, 5, 30)),
        3,
        { refused: 'formula' },
        { refused: 'link' },
      ],
    },
  ];

  it('reads text, dates, numbers, formulas and links as the file has them', async () => {
    expect(await readImportFile(await workbook(), undefined)).toEqual({
      format: 'xlsx',
      rows: expected,
    });
  });

  it("reads a zip in Excel's order: the sheet before its shared strings and styles", async () => {
    const file = reordered(await workbook(), [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ]);
    expect(await readImportFile(file, undefined)).toEqual({ format: 'xlsx', rows: expected });
  });

  it('reads dates when the zip lists its styles after the sheet and its shared strings before', async () => {
    // A streamed read would meet the sheet before the number formats that make a date a date.
    const file = reordered(await workbook(), [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
    ]);
    expect(await readImportFile(file, undefined)).toEqual({ format: 'xlsx', rows: expected });
  });
});
