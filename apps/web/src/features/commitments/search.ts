import {
  ATTENTION_KINDS,
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  NONE,
  TARGET_GROUPS,
  THEMES,
  type AttentionKind,
  type CommitmentSort,
  type CommitmentStatus,
  type TargetGroup,
  type Theme,
} from '@spct/contracts';

/** The filters of the commitments list, as the API and the CSV export take them. */
export interface CommitmentFilters {
  q?: string;
  frameworkId?: string[];
  status?: CommitmentStatus[];
  /** Organization ids, or `none` for commitments no organization leads. */
  leadOrgId?: string[];
  coOrgId?: string[];
  /** Themes, or `none` for commitments without one. */
  theme?: (Theme | typeof NONE)[];
  targetGroup?: TargetGroup[];
  overdue?: boolean;
  /** Only commitments that need a progress report (none submitted or approved for a period due). */
  needsUpdate?: boolean;
  /** Only trackable items (no children), what the dashboard counts. */
  leaf?: boolean;
  /** Only the trackable items needing this kind of attention (the dashboard's lists). */
  attention?: AttentionKind;
  /** Only archived commitments. */
  archived?: boolean;
  sort?: CommitmentSort;
}

/**
 * Everything the list page keeps in the URL: the filters, and `after`, the cursors of the pages
 * before the one shown (a stack: "next" pushes the page's nextCursor, "previous" pops).
 */
export interface CommitmentSearch extends CommitmentFilters {
  after?: string[];
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export function listOf<T extends string>(values: readonly T[], value: unknown): T[] | undefined {
  const raw = Array.isArray(value) ? value : [value];
  const kept = raw.map((item) => oneOf(values, item)).filter((item) => item !== undefined);
  return kept.length > 0 ? [...new Set(kept)] : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function bool(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

export function texts(value: unknown): string[] | undefined {
  const raw = Array.isArray(value) ? value : [value];
  const kept = raw.map(text).filter((item) => item !== undefined);
  return kept.length > 0 ? kept : undefined;
}

/** `validateSearch` of the commitments route: anything unknown or invalid is dropped. */
export function validateCommitmentSearch(search: Record<string, unknown>): CommitmentSearch {
  const filters: CommitmentSearch = {
    q: text(search.q),
    frameworkId: texts(search.frameworkId),
    status: listOf(COMMITMENT_STATUSES, search.status),
    leadOrgId: texts(search.leadOrgId),
    coOrgId: texts(search.coOrgId),
    theme: listOf([...THEMES, NONE], search.theme),
    targetGroup: listOf(TARGET_GROUPS, search.targetGroup),
    overdue: bool(search.overdue),
    needsUpdate: bool(search.needsUpdate) === true ? true : undefined,
    leaf: bool(search.leaf) === true ? true : undefined,
    attention: oneOf(ATTENTION_KINDS, search.attention),
    archived: bool(search.archived) === true ? true : undefined,
    sort: oneOf(COMMITMENT_SORTS, search.sort),
    after: texts(search.after),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as CommitmentSearch;
}

/** The filters of a list search: what the API and the export take, without the page. */
export function filtersOf(search: CommitmentSearch): CommitmentFilters {
  const { after: _after, ...filters } = search;
  return filters;
}

/** Whether anything but the sort and the page narrows the list. */
export function hasFilters(filters: CommitmentSearch): boolean {
  return (
    Object.keys(validateCommitmentSearch({ ...filters, sort: undefined, after: undefined }))
      .length > 0
  );
}

// ---- The app's URL search format (the router's parseSearch/stringifySearch). Readable and
// shareable: `?status=AT_RISK&status=OFF_TRACK&overdue=true&sort=-progress`, not JSON.

/** Parses `?a=1&b=x&b=y` into `{ a: '1', b: ['x', 'y'] }`; `true`/`false` become booleans. */
export function parseReadableSearch(searchStr: string): Record<string, unknown> {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr);
  const search: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    search[key] = values.length > 1 ? values : scalar(values[0]!);
  }
  return search;
}

function scalar(value: string): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  // Links written before the readable format held JSON lists (`status=["AT_RISK"]`).
  if (value.startsWith('[') || value.startsWith('{')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** The reverse of `parseReadableSearch`; undefined values are left out. */
export function stringifyReadableSearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  const plain = (value: unknown) =>
    typeof value === 'string'
      ? value
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, plain(item));
    else params.append(key, plain(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
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

export interface DetailSearch {
  tab?: DetailTab;
  /** The report form to open on the reports tab: `new`, or the id of a report to edit. */
  report?: string;
}

export function validateDetailSearch(search: Record<string, unknown>): DetailSearch {
  const tab = oneOf(DETAIL_TABS, search.tab);
  const report = text(search.report);
  return { ...(tab ? { tab } : {}), ...(tab === 'updates' && report ? { report } : {}) };
}
