import { Readable } from 'node:stream';
import { HttpException, HttpStatus } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { strToU8, unzip, type Unzipped, unzipSync, zip, type Zippable } from 'fflate';
import { parse } from 'csv-parse/sync';
import { fileTypeFromBuffer } from 'file-type';
import type { ApiErrorCode, FieldErrorCode } from '@spct/contracts';
import { ApiException, type FieldError } from '../common/api-error';
import { SPREADSHEET_TYPES, type SpreadsheetFormat } from '../spreadsheets/spreadsheet-file';

/** The largest file accepted: 10 MiB (10,000 rows of commitments take about 3 MiB of XLSX). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Data rows beyond the header (and the template's hint row). */
export const MAX_IMPORT_ROWS = 10_000;
/** Worksheets of a workbook: each is read (and may be chosen a kind) in the dry run. */
export const MAX_IMPORT_SHEETS = 20;
/**
 * What an XLSX may unpack to (the parts read are unpacked in memory: a 10,000-row sheet with
 * styles is about 15 MB of XML), and by how much one part may outgrow its compressed size.
 */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_PACKING_RATIO = 200;
/**
 * The text of all the cells of a file, in characters: what is read is held in memory several
 * times over (the rows, their plan, the stored rows, the answer), and a sheet of 10,000 rows of
 * 2,400 characters each (35 MB of XML, a 770 KB file) exhausted the API's heap. 5 million is 500
 * characters a row over 10,000 rows; a file with more is refused, to be split.
 */
export const MAX_IMPORT_TEXT = 5_000_000;
/**
 * The workbook's shared strings are all read before any row: their part may unpack to at most
 * this (about MAX_IMPORT_TEXT characters of Vietnamese text with their XML).
 */
const MAX_SHARED_STRINGS_BYTES = 16 * 1024 * 1024;

/** A cell as the import reads it: text, a number or a date; `formula` and `link` are refused per cell. */
export type ImportCell = string | number | Date | null | { refused: 'formula' | 'link' };

/** Rows as read, the header first; `line` is the row number a spreadsheet program shows. */
export type ImportRows = { line: number; cells: ImportCell[] }[];

export interface ImportSheet {
  /** The worksheet's name; null for a CSV. */
  name: string | null;
  rows: ImportRows;
}

export interface ImportTable {
  format: SpreadsheetFormat;
  /** Every worksheet of a workbook in its order, empty ones included; a CSV's one. */
  sheets: ImportSheet[];
}

/** CSV text encodings tried, in order, when the file has no byte order mark. */
export const CSV_ENCODINGS = ['utf-8', 'windows-1258', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/**
 * The table of an uploaded spreadsheet, its type decided by its content (never by its name):
 * an XLSX workbook (each of its worksheets) or a CSV text. Refuses, with a 4xx naming the problem,
 * what it cannot read safely: other types, too large, too many rows, a zip that unpacks to far
 * more than it weighs, external workbook links, text that is not in the encoding given.
 */
export async function readImportFile(
  file: Buffer,
  encoding: CsvEncoding | undefined,
): Promise<ImportTable> {
  if (file.length > MAX_IMPORT_BYTES) throw fileTooLarge();
  if (file.length === 0) throw refused('emptyFile', 'The file is empty');
  const detected = await fileTypeFromBuffer(file);
  // Any zip is read as a workbook (and checked as one): file-type names only well-formed ones XLSX.
  if (detected?.mime === SPREADSHEET_TYPES.xlsx || detected?.mime === 'application/zip') {
    return readXlsx(file);
  }
  if (detected || file.includes(0)) {
    throw refused(
      'notSpreadsheet',
      `Not a spreadsheet (${detected?.mime ?? 'binary data'}): send an XLSX workbook or a CSV file`,
    );
  }
  return readCsv(file, encoding);
}

/**
 * The worksheets, read as a stream: parsing a whole workbook would hold the API's event loop
 * for seconds (and far more memory) on a 10,000-row sheet.
 */
async function readXlsx(file: Buffer): Promise<ImportTable> {
  const sheets: ImportSheet[] = [];
  let total = 0;
  let text = 0;
  try {
    const zip = await streamableZip(file, checkZip(file));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([zip]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      // A sheet lists its hyperlinks after its cells: they come as events of their own.
      hyperlinks: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      const rows: ImportRows = [];
      const links: CellRange[] = [];
      for await (const events of (sheet as unknown as SheetEvents).parse()) {
        for (const { eventType, value } of events) {
          if (eventType === 'hyperlink') {
            const range = rangeOf((value as { ref: string }).ref);
            if (range) links.push(range);
            if (links.length > MAX_LINK_WORK) tooManyLinks();
          } else if (eventType === 'row' && (value as ExcelJS.Row).hasValues) {
            const row = value as ExcelJS.Row;
            const cells = rowCells(row);
            for (const cell of cells) if (typeof cell === 'string') text += cell.length;
            if (text > MAX_IMPORT_TEXT) tooMuchText();
            rows.push({ line: row.number, cells });
            // Each sheet may have a header and a hint row besides its data rows.
            if (++total > MAX_IMPORT_ROWS + 2 * (sheets.length + 1)) tooManyRows();
          }
        }
      }
      refuseLinkedCells(rows, links);
      sheets.push({ name: (sheet as unknown as { name: string }).name, rows });
    }
  } catch (error) {
    if (error instanceof HttpException) throw error;
    throw refused('unreadableFile', 'The XLSX workbook cannot be read');
  }
  if (sheets.length === 0) throw refused('noWorksheet', 'The workbook has no worksheet');
  return { format: 'xlsx', sheets };
}

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** The worksheets and their relations (a hyperlink's target). */
const READ_PART = /^xl\/worksheets\/(_rels\/)?[^/]+\.(xml|xml\.rels)$/i;

/** The parts exceljs's stream reader must meet before any worksheet to read it as it comes. */
const FIRST_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * The workbook zipped again so that exceljs's stream reader reads it right, unpacked and packed
 * (large parts by fflate's workers) off the event loop:
 * - the workbook, its relations, shared strings and styles first: the reader parses a worksheet
 *   as it comes only once they are read (else it keeps it for the end, and without the styles
 *   it takes dates for numbers);
 * - its XML in ASCII, other characters written as character references: the reader decodes
 *   each chunk of a part apart, so a character split between two chunks would come out as
 *   U+FFFD.
 */
async function streamableZip(file: Buffer, entries: string[]): Promise<Uint8Array> {
  // Only what the reader reads (no media, drawings…): at most MAX_IMPORT_SHEETS worksheets and
  // their relations besides FIRST_PARTS, so a bounded number of parts and of fflate's workers.
  const parts = await new Promise<Unzipped>((resolve, reject) =>
    unzip(
      file,
      { filter: ({ name }) => READ_PART.test(name) || FIRST_PARTS.includes(name) },
      (error, data) => (error ? reject(error) : resolve(data)),
    ),
  );
  const ordered: Unzipped = {};
  for (const name of [...FIRST_PARTS, ...entries]) {
    const data = parts[name];
    if (!data || name in ordered) continue;
    ordered[name] = /\.(xml|rels)$/i.test(name) ? await asciiXml(data) : data;
  }
  return zipOf(ordered);
}

/**
 * A zip of `parts` in their order, each deflated (by fflate's workers): the stream reader then
 * parses a part in the small chunks it inflates to (a stored part would come as one chunk,
 * parsed at once).
 */
function zipOf(parts: Zippable): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    zip(parts, { level: 1 }, (error, data) => (error ? reject(error) : resolve(data))),
  );
}

/** Bytes of a part written in ASCII per turn of the event loop. */
const ASCII_SLICE = 256 * 1024;

async function asciiXml(data: Uint8Array): Promise<Uint8Array> {
  const decoder = new TextDecoder();
  const slices: Uint8Array[] = [];
  for (let start = 0; start < data.length;) {
    let end = Math.min(start + ASCII_SLICE, data.length);
    // Never inside a character's bytes (10xxxxxx continue one).
    while (end < data.length && (data[end]! & 0xc0) === 0x80) end++;
    const slice = data.subarray(start, end);
    const text = decoder.decode(slice);
    slices.push(
      /[^\p{ASCII}]/u.test(text)
        ? strToU8(text.replace(/[^\p{ASCII}]/gu, (c) => `&#${c.codePointAt(0)};`))
        : slice,
    );
    start = end;
    if (start < data.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return slices.length === 1 ? slices[0]! : Buffer.concat(slices);
}

function rowCells(row: ExcelJS.Row): ImportCell[] {
  const cells: ImportCell[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cells[column - 1] = xlsxCell(cell);
  });
  return Array.from(cells, (c) => c ?? null);
}

/** What exceljs's streamed worksheet gives besides its rows (its typings name only the rows). */
interface SheetEvents {
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}

/** Rows and columns (from 1) of a reference, one cell ("E7") or a range ("A1:B3"). */
interface CellRange {
  fromRow: number;
  toRow: number;
  fromColumn: number;
  toColumn: number;
}

/**
 * Hyperlinks and cells the marking of linked cells may visit: a file that asks for more (ranges
 * spanning the whole sheet, a million hyperlink elements) is refused rather than held in memory.
 */
const MAX_LINK_WORK = 1_000_000;

function rangeOf(ref: string): CellRange | null {
  const [from, to = from] = ref.split(':') as [string, string?];
  const start = /^([A-Z]+)(\d+)$/.exec(from.toUpperCase());
  const end = /^([A-Z]+)(\d+)$/.exec(to!.toUpperCase());
  if (!start || !end) return null;
  return {
    fromRow: Number(start[2]),
    toRow: Number(end[2]),
    fromColumn: columnNumber(start[1]!),
    toColumn: columnNumber(end[1]!),
  };
}

/** Marks the cells under a hyperlink as refused: only the rows and cells the sheet has. */
function refuseLinkedCells(rows: ImportRows, links: CellRange[]): void {
  // The rows come in sheet order, so their lines are sorted.
  let work = 0;
  for (const range of links) {
    let i = firstRowFrom(rows, range.fromRow);
    for (; i < rows.length && rows[i]!.line <= range.toRow; i++) {
      const cells = rows[i]!.cells;
      for (let c = range.fromColumn; c <= Math.min(range.toColumn, cells.length); c++) {
        cells[c - 1] = { refused: 'link' };
        if (++work > MAX_LINK_WORK) tooManyLinks();
      }
      if (++work > MAX_LINK_WORK) tooManyLinks();
    }
    if (++work > MAX_LINK_WORK) tooManyLinks();
  }
}

/** The index of the first row whose line is `line` or after (binary search). */
function firstRowFrom(rows: ImportRows, line: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

function tooManyLinks(): never {
  throw refused('tooManyLinks', 'The sheet has too many hyperlinks: save it without them');
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * Reads the zip's directory (declared sizes, nothing unpacked) before anything is inflated;
 * gives the names of its entries in their order.
 */
function checkZip(file: Buffer): string[] {
  const entries: string[] = [];
  let unpacked = 0;
  let sheets = 0;
  try {
    unzipSync(file, {
      filter(entry) {
        if (/^xl\/externalLinks\//i.test(entry.name)) {
          throw refused(
            'externalLinks',
            'The workbook links to other workbooks (external links): save it without them',
          );
        }
        entries.push(entry.name);
        if (WORKSHEET_PART.test(entry.name) && ++sheets > MAX_IMPORT_SHEETS) {
          throw refused('tooManySheets', `The workbook has more than ${MAX_IMPORT_SHEETS} sheets`, {
            max: MAX_IMPORT_SHEETS,
          });
        }
        if (
          /^xl\/sharedStrings\.xml$/i.test(entry.name) &&
          entry.originalSize > MAX_SHARED_STRINGS_BYTES
        ) {
          tooMuchText();
        }
        unpacked += entry.originalSize;
        if (
          unpacked > MAX_UNPACKED_BYTES ||
          entry.originalSize > MAX_PACKING_RATIO * Math.max(entry.size, 1024)
        ) {
          throw refused(
            'unpacksTooLarge',
            'The workbook unpacks to far more than its size (a zip bomb?): refused',
          );
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof HttpException) throw error;
    throw refused('unreadableFile', 'The XLSX workbook is not a valid zip file');
  }
  return entries;
}

function xlsxCell(cell: ExcelJS.Cell): ImportCell {
  const value = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
    case ExcelJS.ValueType.Error:
      return { refused: 'formula' };
    case ExcelJS.ValueType.Hyperlink:
      return { refused: 'link' };
    case ExcelJS.ValueType.Number:
      return value as number;
    case ExcelJS.ValueType.Date:
      return value as Date;
    case ExcelJS.ValueType.Boolean:
      return String(value);
    case ExcelJS.ValueType.RichText:
      return (value as ExcelJS.CellRichTextValue).richText
        .map((r) => r.text)
        .join('')
        .normalize('NFC');
    default:
      return (typeof value === 'string' ? value : cell.text).normalize('NFC');
  }
}

function readCsv(file: Buffer, encoding: CsvEncoding | undefined): ImportTable {
  // Windows-1258 writes Vietnamese tone marks as combining characters: compose them.
  const text = decode(file, encoding).normalize('NFC');
  // Separators and quotes included: a CSV near the limit of text is refused a little earlier.
  if (text.length > MAX_IMPORT_TEXT) tooMuchText();
  let records: string[][];
  try {
    records = parse(text, {
      relaxColumnCount: true,
      skipEmptyLines: false,
      delimiter: sniffDelimiter(text),
      to: MAX_IMPORT_ROWS + 3,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw refused('malformedCsv', `The CSV file cannot be read: ${(error as Error).message}`, {
      ...(typeof line === 'number' && { line }),
    });
  }
  if (records.length > MAX_IMPORT_ROWS + 2) tooManyRows();
  const rows = records
    .map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c === '' ? null : c)) }))
    .filter((row) => row.cells.some((c) => c !== null));
  return { format: 'csv', sheets: [{ name: null, rows }] };
}

/**
 * The text of a CSV: UTF-8 when it starts with a byte order mark or is valid UTF-8; otherwise the
 * encoding given, or Windows-1258 (Vietnamese Windows). A file that is not valid in the encoding
 * named is refused rather than read with broken letters.
 */
function decode(file: Buffer, encoding: CsvEncoding | undefined): string {
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf)
    return strict('utf-8', file.subarray(3));
  if (encoding) return strict(encoding, file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('windows-1258').decode(file);
  }
}

function strict(encoding: CsvEncoding, bytes: Buffer): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw refused('wrongEncoding', `The CSV file is not valid ${encoding} text`, {
      allowed: [encoding],
    });
  }
}

/** Excel writes ";" instead of "," where the decimal mark is a comma (vi-VN among them). */
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function fileTooLarge(): ApiException {
  return refused('tooLarge', `The file is over ${MAX_IMPORT_BYTES / 2 ** 20} MB`, {
    max: MAX_IMPORT_BYTES,
  });
}

export function tooManyRows(): never {
  throw refused('tooManyRows', `The sheet has more than ${MAX_IMPORT_ROWS} rows`, {
    max: MAX_IMPORT_ROWS,
  });
}

export function tooMuchText(): never {
  throw refused(
    'tooMuchText',
    `The file holds more than ${MAX_IMPORT_TEXT.toLocaleString('en')} characters of text: split it`,
    { max: MAX_IMPORT_TEXT },
  );
}

/** The status and error code of each way a file is refused; the field at fault is `file`. */
const REFUSALS: Partial<Record<FieldErrorCode, [HttpStatus, ApiErrorCode]>> = {
  tooLarge: [HttpStatus.PAYLOAD_TOO_LARGE, 'payloadTooLarge'],
  tooManyRows: [HttpStatus.PAYLOAD_TOO_LARGE, 'payloadTooLarge'],
  tooManySheets: [HttpStatus.PAYLOAD_TOO_LARGE, 'payloadTooLarge'],
  tooMuchText: [HttpStatus.PAYLOAD_TOO_LARGE, 'payloadTooLarge'],
  unpacksTooLarge: [HttpStatus.PAYLOAD_TOO_LARGE, 'payloadTooLarge'],
  notSpreadsheet: [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupportedMediaType'],
};

/**
 * A refused file: 413 for what is too big, 415 for what is not a spreadsheet, 400 otherwise,
 * with a `file` detail whose code tells the web app which message to show.
 */
function refused(
  code: FieldErrorCode,
  message: string,
  extra: Pick<FieldError, 'max' | 'allowed' | 'line'> = {},
): ApiException {
  const [status, apiCode] = REFUSALS[code] ?? [HttpStatus.BAD_REQUEST, 'validation'];
  return new ApiException(status, apiCode, message, {
    details: [{ field: 'file', code, message, ...extra }],
  });
}
