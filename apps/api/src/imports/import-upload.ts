import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { FieldValidationException } from '../common/api-error';
import { CSV_ENCODINGS, type CsvEncoding, fileTooLarge, MAX_IMPORT_BYTES } from './import-file';

/** What an import POST carries: the file, and optionally its CSV encoding and a column mapping. */
export interface ImportUpload {
  fileName: string;
  file: Buffer;
  encoding?: CsvEncoding;
  /** Header → column key (or null: ignore it), overriding the headers' own meaning. */
  mapping?: Record<string, string | null>;
}

/** Reads the multipart form: one `file`, optional `encoding` and `mapping` (JSON) fields. */
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
    } else if (part.fieldname === 'encoding' || part.fieldname === 'mapping') {
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
    mapping: parseMapping(fields.mapping),
  };
}

function parseMapping(text: string | undefined): Record<string, string | null> | undefined {
  if (text === undefined) return undefined;
  let mapping: unknown;
  try {
    mapping = JSON.parse(text);
  } catch {
    mapping = undefined;
  }
  if (
    typeof mapping !== 'object' ||
    mapping === null ||
    Array.isArray(mapping) ||
    !Object.values(mapping).every((v) => v === null || typeof v === 'string')
  ) {
    throw new FieldValidationException([
      {
        field: 'mapping',
        code: 'invalidFormat',
        message: 'must be a JSON object of header → column key or null',
      },
    ]);
  }
  return mapping as Record<string, string | null>;
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
