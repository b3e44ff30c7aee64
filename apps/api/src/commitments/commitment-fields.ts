import { TARGET_GROUPS, type TargetGroup, type Theme } from '@spct/contracts';
import { isoDate } from '../common/dates';
import type { LocalizedText } from '../common/localized';

/**
 * The fields a client writes, in the API's own shape: what an edit compares and what the
 * history records (so a diff reads like the form that produced it).
 */
export interface EditableFields {
  parentId: string | null;
  reference: string;
  title: LocalizedText;
  description: LocalizedText | null;
  theme: Theme | null;
  leadOrgId: string | null;
  coOrgIds: string[];
  focalUserId: string | null;
  targetGroups: TargetGroup[];
  weight: number;
  /** YYYY-MM-DD */
  startDate: string | null;
  /** YYYY-MM-DD */
  targetDate: string | null;
}

export const EDITABLE_FIELDS = [
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
] as const satisfies readonly (keyof EditableFields)[];

/** What a new commitment has in the fields it was not given (all but its reference and title). */
export const newCommitmentDefaults = (): Omit<EditableFields, 'reference' | 'title'> => ({
  parentId: null,
  description: null,
  theme: null,
  leadOrgId: null,
  coOrgIds: [],
  focalUserId: null,
  targetGroups: [],
  weight: 1,
  startDate: null,
  targetDate: null,
});

/** The stored columns the editable fields come from. */
export interface StoredFields {
  parentId: string | null;
  reference: string;
  titleVi: string;
  titleEn: string;
  descriptionVi: string | null;
  descriptionEn: string | null;
  theme: Theme | null;
  leadOrgId: string | null;
  coOrganizations: { organizationId: string }[];
  focalUserId: string | null;
  targetGroups: TargetGroup[];
  weight: number;
  startDate: Date | null;
  targetDate: Date | null;
}

export function editableOf(row: StoredFields): EditableFields {
  return {
    parentId: row.parentId,
    reference: row.reference,
    title: { vi: row.titleVi, en: row.titleEn },
    description:
      row.descriptionVi === null && row.descriptionEn === null
        ? null
        : { vi: row.descriptionVi ?? '', en: row.descriptionEn ?? '' },
    theme: row.theme,
    leadOrgId: row.leadOrgId,
    coOrgIds: canonicalIds(row.coOrganizations.map((c) => c.organizationId)),
    focalUserId: row.focalUserId,
    targetGroups: canonicalTargetGroups(row.targetGroups),
    weight: row.weight,
    startDate: isoDate(row.startDate),
    targetDate: isoDate(row.targetDate),
  };
}

/**
 * A client's partial write in canonical form: absent fields stay absent, lists are sorted so
 * that a mere reordering is no change, `{vi, en}` objects keep only those two keys.
 */
export function canonicalPatch(input: Partial<EditableFields>): Partial<EditableFields> {
  const patch: Partial<EditableFields> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = input[field];
    if (value !== undefined) (patch as Record<string, unknown>)[field] = value;
  }
  if (input.title) patch.title = { vi: input.title.vi, en: input.title.en };
  if (input.description) patch.description = { vi: input.description.vi, en: input.description.en };
  for (const field of ['parentId', 'leadOrgId', 'focalUserId'] as const) {
    const id = input[field];
    if (id) patch[field] = id.toLowerCase();
  }
  if (input.coOrgIds) patch.coOrgIds = canonicalIds(input.coOrgIds);
  if (input.targetGroups) patch.targetGroups = canonicalTargetGroups(input.targetGroups);
  return patch;
}

function canonicalIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))].sort();
}

function canonicalTargetGroups(groups: readonly TargetGroup[]): TargetGroup[] {
  return TARGET_GROUPS.filter((g) => groups.includes(g));
}
