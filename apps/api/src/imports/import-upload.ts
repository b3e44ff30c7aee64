import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { FieldValidationException } from '../common/api-error';
import { IMPORT_KINDS, type ImportKind } from './import-indicator-columns';
import { CSV_ENCODINGS, type CsvEncoding, fileTooLarge, MAX_IMPORT_BYTES } from './import-file';

/** What an import POST carries: the file, and optionally its CSV encoding and a column mapping. */
export interface ImportUpload {
  fileName: string;
  file: Buffer;
  encoding?: CsvEncoding;
  /** Header → column key (or null: ignore it), overriding the headers' own meaning. */
  mapping?: Record<string, string | null>;
  /** Per sheet (by its index in the dry run's `sheets`): its kind, and its own mapping. */
  sheets?: SheetChoice[];
}

export interface SheetChoice {
  sheet: number;
  kind: ImportKind | 'skip';
  mapping?: Record<string, string | null>;
}

const SHEET_KINDS: readonly string[] = [...IMPORT_KINDS, 'skip'];

/** Reads the multipart form: one `file`, optional `encoding`, `mapping` and `sheets` (JSON). */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  if (!request.isMultipart()) {
    throw new FieldValidationException([
      { field: 'file', code: 'required', message: 'send multipart/form-data with a file' },
    ]);
  }
  let upload: Pick<ImportUpload, 'fileName' | 'file'> | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts({ limits: { fileSize: MAX_IMPORT_BYTES + 1 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || upload) {
        part.file.resume();
        throw new FieldValidationException([
          {
            field: part.fieldname,
            code: 'unexpectedFile',
            message: 'send the one file in the "file" field',
          },
        ]);
      }
      upload = { fileName: part.filename || 'import', file: await bufferOf(part) };
    } else if (['encoding', 'mapping', 'sheets'].includes(part.fieldname)) {
      fields[part.fieldname] = String(part.value);
    } else {
      throw new FieldValidationException([
        {
          field: part.fieldname,
          code: 'unknownField',
          message: `property ${part.fieldname} should not exist`,
        },
      ]);
    }
  }
  if (!upload)
    throw new FieldValidationException([
      { field: 'file', code: 'required', message: 'a file is required' },
    ]);
  const encoding = fields.encoding;
  if (encoding !== undefined && !(CSV_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new FieldValidationException([
      {
        field: 'encoding',
        code: 'notInEnum',
        message: `must be one of: ${CSV_ENCODINGS.join(', ')}`,
      },
    ]);
  }
  return {
    ...upload,
    encoding: encoding as CsvEncoding | undefined,
    mapping: fields.mapping === undefined ? undefined : parseMapping(fields.mapping, 'mapping'),
    sheets: fields.sheets === undefined ? undefined : parseSheets(fields.sheets),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isMapping(value: unknown): value is Record<string, string | null> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => v === null || typeof v === 'string')
  );
}

function parseMapping(text: string, field: string): Record<string, string | null> {
  const mapping = parseJson(text);
  if (!isMapping(mapping)) {
    throw new FieldValidationException([
      {
        field,
        code: 'invalidFormat',
        message: 'must be a JSON object of header → column key or null',
      },
    ]);
  }
  return mapping;
}

function parseSheets(text: string): SheetChoice[] {
  const sheets = parseJson(text);
  const valid =
    Array.isArray(sheets) &&
    sheets.every(
      (choice: unknown) =>
        typeof choice === 'object' &&
        choice !== null &&
        Number.isSafeInteger((choice as SheetChoice).sheet) &&
        (choice as SheetChoice).sheet >= 0 &&
        SHEET_KINDS.includes((choice as SheetChoice).kind) &&
        ((choice as SheetChoice).mapping === undefined ||
          isMapping((choice as SheetChoice).mapping)),
    );
  if (!valid) {
    throw invalidSheets(
      'must be a JSON array of { sheet: index, kind: commitment | indicator | skip, mapping?: header → column key or null }',
    );
  }
  const named = new Set<number>();
  for (const { sheet } of sheets as SheetChoice[]) {
    if (named.has(sheet)) throw invalidSheets(`names sheet ${sheet} twice`);
    named.add(sheet);
  }
  return sheets as SheetChoice[];
}

/** A 400 for `sheets` (also once the file is read: a sheet it does not have). */
export function invalidSheets(message: string): FieldValidationException {
  return new FieldValidationException([{ field: 'sheets', code: 'invalidFormat', message }]);
}

/** The file part's bytes; past the limit, the refusal names the file and the limit. */
async function bufferOf(part: MultipartFile): Promise<Buffer> {
  try {
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
    throw error;
  }
}
