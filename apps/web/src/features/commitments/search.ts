import {
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  TARGET_GROUPS,
  THEMES,
  type CommitmentSort,
  type CommitmentStatus,
  type TargetGroup,
  type Theme,
} from '@spct/contracts';

/** The filters of the commitments list, kept in the URL search params. */
export interface CommitmentFilters {
  q?: string;
  frameworkId?: string;
  status?: CommitmentStatus[];
  leadOrgId?: string;
  theme?: Theme[];
  targetGroup?: TargetGroup[];
  overdue?: boolean;
  sort?: CommitmentSort;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function listOf<T extends string>(values: readonly T[], value: unknown): T[] | undefined {
  const raw = Array.isArray(value) ? value : [value];
  const kept = raw.map((item) => oneOf(values, item)).filter((item) => item !== undefined);
  return kept.length > 0 ? [...new Set(kept)] : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function bool(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** `validateSearch` of the commitments route: anything unknown or invalid is dropped. */
export function validateCommitmentSearch(search: Record<string, unknown>): CommitmentFilters {
  const filters: CommitmentFilters = {
    q: text(search.q),
    frameworkId: text(search.frameworkId),
    status: listOf(COMMITMENT_STATUSES, search.status),
    leadOrgId: text(search.leadOrgId),
    theme: listOf(THEMES, search.theme),
    targetGroup: listOf(TARGET_GROUPS, search.targetGroup),
    overdue: bool(search.overdue),
    sort: oneOf(COMMITMENT_SORTS, search.sort),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as CommitmentFilters;
}

export function hasFilters(filters: CommitmentFilters): boolean {
  return Object.keys(validateCommitmentSearch({ ...filters, sort: undefined })).length > 0;
}

export const DETAIL_TABS = [
  'overview',
  'updates',
  'indicators',
  'evidence',
  'comments',
  'positions',
  'history',
] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export function validateDetailSearch(search: Record<string, unknown>): { tab?: DetailTab } {
  const tab = oneOf(DETAIL_TABS, search.tab);
  return tab ? { tab } : {};
}
