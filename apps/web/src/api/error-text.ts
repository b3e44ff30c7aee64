import type { TFunction } from 'i18next';
import { API_ERROR_CODES, FIELD_ERROR_CODES } from '@spct/contracts';
import type { ApiErrorBody } from './types';

type FieldDetail = NonNullable<ApiErrorBody['details']>[number];

/** Whether `value` is one of `values` (a code list of the contracts or of the app). */
export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/**
 * A field's path as a label key: indices dropped, dots as underscores (`title.vi` → `title_vi`,
 * `indicatorValues.0.value` → `indicatorValues_value`).
 */
const labelKey = (field: string) =>
  field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('_');

/** The field's name in the user's language, or its path when the app has no name for it. */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`apiErrors.fieldNames.${labelKey(field)}`, { defaultValue: field });
}

/** Why one field was refused, in the user's language, with the constraint's values. */
export function fieldErrorText(t: TFunction, detail: FieldDetail): string {
  if (!isOneOf(FIELD_ERROR_CODES, detail.code)) return t('apiErrors.fieldCodes.invalid');
  return t(`apiErrors.fieldCodes.${detail.code}`, {
    min: detail.min,
    max: detail.max,
    allowed: (detail.allowed ?? []).join(', '),
    other: detail.other === undefined ? '' : fieldLabel(t, detail.other),
    line: detail.line,
  });
}

/**
 * What an error answer says, in the user's language, from its `code` (never the API's English
 * `message`): for a validation error, each field with why it was refused.
 */
export function apiErrorText(t: TFunction, status: number, body: ApiErrorBody | null): string {
  if (status === 0) return t('error.network');
  const code = body?.code;
  if (code === 'validation' && body?.details?.length) {
    return body.details
      .map((detail) => `${fieldLabel(t, detail.field)}: ${fieldErrorText(t, detail)}`)
      .join(' ');
  }
  if (isOneOf(API_ERROR_CODES, code)) return t(`apiErrors.codes.${code}`);
  return t('apiErrors.status', { status });
}
