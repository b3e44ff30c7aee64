import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { isOneOf } from '../../api/error-text';
import type { ImportRow } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { CSV_ENCODINGS, type CsvEncoding } from './queries';

/** The API's limit on an import file (10 MB), checked here too so nobody waits for a refusal. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** What the file picker offers; the API decides by the content, not the name. */
export const IMPORT_TYPES = [
  '.xlsx',
  '.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
].join(',');

const UPLOAD_FIELDS = ['file', 'mapping', 'sheets', 'encoding'] as const;
/** Why the API refused the file itself (a detail on the `file` field). */
const FILE_CODES = [
  'emptyFile',
  'tooLarge',
  'tooManyRows',
  'tooManySheets',
  'tooMuchText',
  'unpacksTooLarge',
  'notSpreadsheet',
  'unreadableFile',
  'noWorksheet',
  'externalLinks',
  'tooManyLinks',
  'malformedCsv',
  'wrongEncoding',
] as const;
const UPLOAD_CODES = ['required', 'invalidFormat', 'notInEnum', 'unexpectedFile'] as const;
const ROW_ERROR_CODES = [
  'required',
  'tooLong',
  'unknownCode',
  'invalidNumber',
  'invalidDate',
  'dateOrder',
  'duplicateRow',
  'formula',
  'link',
  'forbidden',
  'archived',
  'leadInCoOrganizations',
  'yearOrder',
  'inconsistent',
  'ambiguousIndicator',
] as const;
/** The columns a sheet of commitments is read as. */
export const COMMITMENT_COLUMNS = [
  'framework',
  'reference',
  'title_vi',
  'title_en',
  'description_vi',
  'description_en',
  'theme',
  'status',
  'progress',
  'weight',
  'lead_organization',
  'co_organizations',
  'target_groups',
  'start_date',
  'target_date',
] as const;
/** The columns a sheet of indicators is read as (the unit in either language). */
export const INDICATOR_COLUMNS = [
  'framework',
  'reference',
  'indicator_vi',
  'indicator_en',
  'unit_vi',
  'unit_en',
  'direction',
  'baseline_value',
  'baseline_year',
  'target_value',
  'target_year',
  'measured_on',
  'value',
  'source',
] as const;
const IMPORT_COLUMNS = [...COMMITMENT_COLUMNS, ...INDICATOR_COLUMNS];

/** A column key in the user's language (an unknown one as the API named it). */
export function useColumnName() {
  const { t } = useTranslation();
  return (key: string) => (isOneOf(IMPORT_COLUMNS, key) ? t(`imports.columns.${key}`) : key);
}

/** Why a row is refused, in the user's language: the column, then the reason. */
export function useRowErrorText() {
  const { t } = useTranslation();
  const column = useColumnName();
  return (error: ImportRow['errors'][number]) =>
    t('imports.rowError', {
      field: column(error.field),
      reason: isOneOf(ROW_ERROR_CODES, error.code)
        ? t(`imports.rowErrors.${error.code}`)
        : error.message,
    });
}

/** Checks a chosen file before sending it: the message to show, or null when it may be sent. */
export function useImportFileCheck() {
  const { t } = useTranslation();
  const format = useFormat();
  return (file: File): string | null => {
    if (!/\.(xlsx|csv)$/i.test(file.name)) return t('imports.wrongType', { name: file.name });
    if (file.size === 0) return t('imports.emptyFile', { name: file.name });
    if (file.size > MAX_IMPORT_BYTES) {
      return t('imports.tooLargeLocal', {
        name: file.name,
        size: format.bytes(file.size),
        max: format.bytes(MAX_IMPORT_BYTES),
      });
    }
    return null;
  };
}

/**
 * A refused upload in the user's language: why the file was refused (with the limit, the line
 * or the encoding at fault), the field at fault for another validation error.
 */
export function useUploadErrorMessage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) {
      return error instanceof Error ? error.message : t('error.unknown');
    }
    if (error.status === 0) return t('error.network');
    const code = error.body?.code;
    const details = error.body?.details ?? [];
    const refusal = details.find((d) => d.field === 'file' && isOneOf(FILE_CODES, d.code));
    if (refusal) {
      return t(`imports.fileRefused.${refusal.code as (typeof FILE_CODES)[number]}`, {
        max:
          refusal.code === 'tooLarge'
            ? format.bytes(refusal.max ?? MAX_IMPORT_BYTES)
            : format.number(refusal.max ?? 0),
        line: refusal.line ?? '?',
        encoding: encodingName(t, refusal.allowed?.[0]),
      });
    }
    if (code === 'payloadTooLarge' || error.status === 413) {
      return t('imports.fileRefused.tooLarge', { max: format.bytes(MAX_IMPORT_BYTES) });
    }
    if (code === 'unsupportedMediaType' || error.status === 415) {
      return t('imports.fileRefused.notSpreadsheet');
    }
    if (code === 'forbidden' || error.status === 403) return t('imports.uploadError.forbidden');
    if (code === 'validation' && details.length > 0) {
      return details
        .map((detail) =>
          t('imports.uploadError.field', {
            field: isOneOf(UPLOAD_FIELDS, detail.field)
              ? t(`imports.uploadFields.${detail.field}`)
              : detail.field,
            message: isOneOf(UPLOAD_CODES, detail.code)
              ? t(`imports.uploadError.codes.${detail.code}`)
              : t('imports.uploadError.codes.invalid'),
          }),
        )
        .join(' ');
    }
    // A 400 without a known detail is a file the API could not read; anything else (the session
    // ended, the server is away) is worded from its own code.
    return error.status === 400 ? t('imports.fileRefused.unreadableFile') : error.message;
  };
}

/** An encoding's name for people ("Windows-1258 (Vietnamese)"); automatic when absent. */
export function encodingName(t: TFunction, encoding: string | undefined): string {
  return isOneOf(CSV_ENCODINGS, encoding ?? '')
    ? t(`imports.encodings.${encoding as CsvEncoding}`)
    : t('imports.encodings.auto');
}
