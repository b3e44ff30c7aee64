import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { MAX_IMPORT_SHEETS, readImportFile } from './import-file';

const SHEET = 'Cam kết';

/** A workbook of a header and one row: text, a date, a number, a formula and a link. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET);
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
      sheets: [{ name: SHEET, rows: expected }],
    });
  });

  it('reads every sheet with its name, Vietnamese letters whole however the zip is cut into chunks', async () => {
    const book = new ExcelJS.Workbook();
    const text = (i: number) => `Tăng cường năng lực người lao động ${i} — đối thoại xã hội`;
    for (const name of ['Cam kết', 'Chỉ số', 'Ghi chú']) {
      const sheet = book.addWorksheet(name);
      for (let i = 0; i < 3000; i++) sheet.addRow([name, text(i)]);
    }
    book.addWorksheet('Sheet4');
    const read = await readImportFile(Buffer.from(await book.xlsx.writeBuffer()), undefined);
    expect(read.sheets.map((sheet) => sheet.name)).toEqual([
      'Cam kết',
      'Chỉ số',
      'Ghi chú',
      'Sheet4',
    ]);
    expect(read.sheets[3]!.rows).toEqual([]);
    for (const { name, rows } of read.sheets.slice(0, 3)) {
      expect(rows).toHaveLength(3000);
      expect(rows.filter((row, i) => row.cells[0] !== name || row.cells[1] !== text(i))).toEqual(
        [],
      );
    }
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
    expect(await readImportFile(file, undefined)).toEqual({
      format: 'xlsx',
      sheets: [{ name: SHEET, rows: expected }],
    });
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
    expect(await readImportFile(file, undefined)).toEqual({
      format: 'xlsx',
      sheets: [{ name: SHEET, rows: expected }],
    });
  });

  /** The workbook with its hyperlinks replaced by one over each of `refs`. */
  async function withHyperlinks(refs: string[]): Promise<Buffer> {
    const entries = unzipSync(await workbook());
    const sheet = new TextDecoder().decode(entries['xl/worksheets/sheet1.xml']);
    const id = /<hyperlink [^>]*r:id="([^"]+)"/.exec(sheet)![1];
    const links = refs.map((ref) => `<hyperlink ref="${ref}" r:id="${id}"/>`).join('');
    entries['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(
      sheet.replace(/<hyperlinks>.*<\/hyperlinks>/s, `<hyperlinks>${links}</hyperlinks>`),
    );
    return Buffer.from(zipSync(entries));
  }

  it('refuses the cells under a hyperlink over the whole sheet without visiting every cell of it', async () => {
    const read = await readImportFile(
      await withHyperlinks(['A1:XFD1048576', 'B2', 'C1:C9']),
      undefined,
    );
    expect(read.sheets[0]!.rows.flatMap((row) => row.cells)).toEqual(
      Array(10).fill({ refused: 'link' }),
    );
  });

  it('refuses a workbook of more sheets than it reads (each one is read in the dry run)', async () => {
    const book = new ExcelJS.Workbook();
    for (let i = 1; i <= MAX_IMPORT_SHEETS + 1; i++) book.addWorksheet(`Đợt ${i}`).addRow(['x']);
    const refusal = readImportFile(Buffer.from(await book.xlsx.writeBuffer()), undefined);
    await expect(refusal).rejects.toMatchObject({
      status: 413,
      response: {
        details: [
          expect.objectContaining({ field: 'file', code: 'tooManySheets', max: MAX_IMPORT_SHEETS }),
        ],
      },
    });
  });

  it('reads a workbook that holds parts it does not read (a picture)', async () => {
    const picture = new Uint8Array(64 * 1024).map((_, i) => (i * 7919) % 251);
    const file = Buffer.from(
      zipSync({ ...unzipSync(await workbook()), 'xl/media/image1.png': [picture, { level: 0 }] }),
    );
    expect((await readImportFile(file, undefined)).sheets[0]!.rows).toEqual(expected);
  });

  it('refuses a sheet with too many hyperlinks to check (a cheap file, costly to read)', async () => {
    await expect(
      readImportFile(
        // Varied, so that the zip's packing ratio does not give the file away as a bomb.
        await withHyperlinks(
          Array.from({ length: 100_000 }, (_, i) => `A${(i * 7919) % 2}:XFD${1_000_000 + i}`),
        ),
        undefined,
      ),
    ).rejects.toThrow(/too many hyperlinks/);
  });
});
