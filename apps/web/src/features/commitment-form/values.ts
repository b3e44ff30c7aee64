import type { TargetGroup, Theme } from '@spct/contracts';
import type { CommitmentDetail, CreateCommitmentBody, UpdateCommitmentBody } from '../../api/types';

/** What the commitment form edits: text inputs hold strings, '' meaning "none". */
export interface CommitmentFormValues {
  frameworkId: string;
  parentId: string;
  reference: string;
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  theme: Theme | '';
  leadOrgId: string;
  coOrgIds: string[];
  focalUserId: string;
  targetGroups: TargetGroup[];
  weight: number | string;
  startDate: string;
  targetDate: string;
}

/** The fields of the API a client writes (UpdateCommitmentDto), in the API's order. */
export const API_FIELDS = [
  'parentId',
  'reference',
  'title',
  'description',
  'theme',
  'leadOrgId',
  'coOrgIds',
  'focalUserId',
  'targetGroups',
  'weight',
  'startDate',
  'targetDate',
] as const satisfies readonly (keyof UpdateCommitmentBody)[];
export type ApiField = (typeof API_FIELDS)[number];

/** The form inputs each API field comes from. */
export const FORM_KEYS: Record<ApiField, (keyof CommitmentFormValues)[]> = {
  parentId: ['parentId'],
  reference: ['reference'],
  title: ['titleVi', 'titleEn'],
  description: ['descriptionVi', 'descriptionEn'],
  theme: ['theme'],
  leadOrgId: ['leadOrgId'],
  coOrgIds: ['coOrgIds'],
  focalUserId: ['focalUserId'],
  targetGroups: ['targetGroups'],
  weight: ['weight'],
  startDate: ['startDate'],
  targetDate: ['targetDate'],
};

export function emptyValues(defaults: Partial<CommitmentFormValues> = {}): CommitmentFormValues {
  return {
    frameworkId: '',
    parentId: '',
    reference: '',
    titleVi: '',
    titleEn: '',
    descriptionVi: '',
    descriptionEn: '',
    theme: '',
    leadOrgId: '',
    coOrgIds: [],
    focalUserId: '',
    targetGroups: [],
    weight: 1,
    startDate: '',
    targetDate: '',
    ...defaults,
  };
}

export function valuesOf(commitment: CommitmentDetail): CommitmentFormValues {
  return {
    frameworkId: commitment.frameworkId,
    parentId: commitment.parentId ?? '',
    reference: commitment.reference,
    titleVi: commitment.title.vi,
    titleEn: commitment.title.en,
    descriptionVi: commitment.description?.vi ?? '',
    descriptionEn: commitment.description?.en ?? '',
    theme: commitment.theme ?? '',
    leadOrgId: commitment.leadOrgId ?? '',
    coOrgIds: [...commitment.coOrgIds],
    focalUserId: commitment.focalUserId ?? '',
    targetGroups: [...commitment.targetGroups],
    weight: commitment.weight,
    startDate: commitment.startDate ?? '',
    targetDate: commitment.targetDate ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The API's shape of the form's values (every writable field). */
export function bodyOf(values: CommitmentFormValues): Required<UpdateCommitmentBody> {
  const descriptionVi = values.descriptionVi.trim();
  const descriptionEn = values.descriptionEn.trim();
  return {
    parentId: orNull(values.parentId),
    reference: values.reference.trim(),
    title: { vi: values.titleVi.trim(), en: values.titleEn.trim() },
    description:
      descriptionVi === '' && descriptionEn === ''
        ? null
        : { vi: descriptionVi, en: descriptionEn },
    theme: values.theme === '' ? null : values.theme,
    leadOrgId: orNull(values.leadOrgId),
    coOrgIds: values.coOrgIds.filter((id) => id !== values.leadOrgId),
    focalUserId: orNull(values.focalUserId),
    targetGroups: [...values.targetGroups],
    weight: Number(values.weight),
    startDate: orNull(values.startDate),
    targetDate: orNull(values.targetDate),
  };
}

export function createBodyOf(values: CommitmentFormValues): CreateCommitmentBody {
  return { frameworkId: values.frameworkId, ...bodyOf(values) };
}

/** A value compared as the API compares it: lists are sets. */
function canonical(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? [...(value as string[])].sort() : value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The API fields whose values differ between two states of the form. */
export function changedFields(
  before: CommitmentFormValues,
  after: CommitmentFormValues,
): ApiField[] {
  const a = bodyOf(before);
  const b = bodyOf(after);
  return API_FIELDS.filter((field) => !sameValue(a[field], b[field]));
}

/** A PATCH body with only the fields the user changed since `base`. */
export function patchOf(base: CommitmentFormValues, values: CommitmentFormValues) {
  const body = bodyOf(values);
  const patch: Partial<UpdateCommitmentBody> = {};
  for (const field of changedFields(base, values)) {
    (patch as Record<string, unknown>)[field] = body[field];
  }
  return patch;
}

/** One field of a conflict: the user's value and the one stored now. */
export interface ConflictRow {
  field: ApiField;
  mine: unknown;
  theirs: unknown;
  /** Whether the user changed this field (reapplying sends it). */
  mineChanged: boolean;
}

/**
 * The fields where the user's values and the current stored state differ (each was changed by
 * the user, by the other person, or by both since the version the form was loaded with).
 */
export function conflictRows(
  base: CommitmentFormValues,
  mine: CommitmentFormValues,
  current: CommitmentFormValues,
): ConflictRow[] {
  const [b, m, c] = [bodyOf(base), bodyOf(mine), bodyOf(current)];
  return API_FIELDS.filter((field) => !sameValue(m[field], c[field])).map((field) => ({
    field,
    mine: m[field],
    theirs: c[field],
    mineChanged: !sameValue(m[field], b[field]),
  }));
}

/** The user's changes (since `base`) laid over the current stored state. */
export function reapply(
  base: CommitmentFormValues,
  mine: CommitmentFormValues,
  current: CommitmentFormValues,
): CommitmentFormValues {
  const next = { ...current };
  for (const field of changedFields(base, mine)) {
    for (const key of FORM_KEYS[field]) (next as Record<string, unknown>)[key] = mine[key];
  }
  return next;
}

/** The form input that shows an API field's error (`title.vi` → `titleVi`). */
export function formKeyOfApiField(field: string): keyof CommitmentFormValues | null {
  const [head, sub] = field.split('.');
  if (head === 'frameworkId') return 'frameworkId';
  if (head === 'title') return sub === 'en' ? 'titleEn' : 'titleVi';
  if (head === 'description') return sub === 'en' ? 'descriptionEn' : 'descriptionVi';
  if (head && head in FORM_KEYS) return FORM_KEYS[head as ApiField][0]!;
  return null;
}
