import { fileTypeFromBuffer, fileTypeFromStream } from 'file-type';
import type { Readable } from 'node:stream';

/** The largest file accepted: 25 MiB. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Limits of the multipart parser: one file, a few small text fields. */
export const MULTIPART_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 5,
  fieldSize: 4 * 1024,
  fieldNameSize: 100,
  parts: 8,
  headerPairs: 20,
};

/** How much of a file is read before anything is stored, to decide its type. */
export const HEAD_BYTES = 64 * 1024;

/** The types accepted, by the MIME type `file-type` detects from the content. */
export const ALLOWED_DETECTED_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

/** Text types have no magic number: accepted by name and by looking like UTF-8 text. */
const TEXT_TYPES: Record<string, string> = { '.txt': 'text/plain', '.csv': 'text/csv' };

/** What the first bytes say about an upload. */
export type HeadVerdict =
  | { result: 'allowed'; mimeType: string }
  /** A ZIP container (DOCX, XLSX, ODT... are ZIPs): decided by reading the whole stored file. */
  | { result: 'zip' }
  | { result: 'refused'; reason: string };

/**
 * Decides from the first bytes of a file (all of it when it is shorter than HEAD_BYTES; `ended`
 * says so) and its sanitized name. The name only matters for text, which has no signature.
 */
export async function judgeHead(
  head: Buffer,
  ended: boolean,
  fileName: string,
): Promise<HeadVerdict> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (detected.ext === 'zip') return { result: 'zip' };
    return ALLOWED_DETECTED_TYPES.has(detected.mime)
      ? { result: 'allowed', mimeType: detected.mime }
      : { result: 'refused', reason: `files of type ${detected.mime} are not accepted` };
  }
  const textType = TEXT_TYPES[extensionOf(fileName)];
  if (textType && isUtf8Text(head, ended)) return { result: 'allowed', mimeType: textType };
  return {
    result: 'refused',
    reason: textType
      ? 'a .txt or .csv file must be UTF-8 text'
      : 'the content is not one of the accepted types (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, ODT, ODS, TXT, CSV)',
  };
}

/** The type of a whole ZIP-based file: one of the allowed office formats, or undefined. */
export async function officeTypeOf(content: Readable): Promise<string | undefined> {
  try {
    const detected = await fileTypeFromStream(content);
    return detected && ALLOWED_DETECTED_TYPES.has(detected.mime) ? detected.mime : undefined;
  } catch {
    return undefined;
  } finally {
    content.destroy();
  }
}

/** Valid UTF-8 without NUL bytes; a multi-byte character cut by the end of the head is fine. */
export function isUtf8Text(head: Buffer, ended: boolean): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !ended });
    return true;
  } catch {
    return false;
  }
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

const MAX_FILE_NAME = 200;

/**
 * A file name safe to store and to show: the last path segment, without control or
 * bidirectional-override characters nor characters file systems or headers object to, at most
 * 200 characters (keeping the extension). Only ever used for display and the download name.
 */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = Array.from(cleaned);
  if (chars.length === 0) return 'file';
  if (chars.length <= MAX_FILE_NAME) return cleaned;
  const ext = extensionOf(cleaned);
  const keep = ext.length > 0 && ext.length <= 10 ? Array.from(ext) : [];
  return chars.slice(0, MAX_FILE_NAME - keep.length).join('') + keep.join('');
}
