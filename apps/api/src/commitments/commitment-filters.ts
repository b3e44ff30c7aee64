import {
  type AttentionKind,
  type CommitmentStatus,
  NONE,
  type TargetGroup,
  type Theme,
} from '@spct/contracts';
import { todayUtc } from '../common/dates';
import { Prisma } from '../generated/prisma/client';

/**
 * Which commitments a list, an export, a dashboard number or its drill-down is about. The
 * dimensions (framework, organizations, theme, target group, status) may each name several
 * values; `none` in `leadOrgId` or `theme` selects commitments without one.
 */
export interface CommitmentFilters {
  q?: string;
  status?: CommitmentStatus[];
  frameworkId?: string[];
  leadOrgId?: string[];
  /** Co-responsible organizations: commitments with any of them. */
  coOrgId?: string[];
  theme?: (Theme | typeof NONE)[];
  targetGroup?: TargetGroup[];
  overdue?: boolean;
  /** Commitments that need a progress report (needsUpdateCondition), or (false) those that do not. */
  needsUpdate?: boolean;
  /** true: trackable items only (no children that are not archived); false: parents only. */
  leaf?: boolean;
  attention?: AttentionKind;
  /** Led by this organization or with it co-responsible (not a list parameter: "My work"). */
  involvingOrgId?: string;
  /** true: only archived commitments; otherwise archived ones are hidden. */
  archived?: boolean;
}

/** What `needsUpdate=true` (and the attention kind `stale`) means, for the API description. */
export const NEEDS_UPDATE_DESCRIPTION =
  `Only (true) or no (false) commitments that need a progress report: not archived, with a ` +
  `lead organization (whose report is expected), neither COMPLETED nor DISCONTINUED, and ` +
  `without a report SUBMITTED or APPROVED for a reporting period that is due: the current ` +
  `period when it is open, and the previous one when it is open and past its due date`;

const DONE = Prisma.sql`('COMPLETED', 'DISCONTINUED')`;

/**
 * On the commitment aliased `c` of the workspace. "reportedPeriods" is kept by the database
 * (migration reporting_periods): the keys of the periods the commitment has a SUBMITTED or
 * APPROVED report for; spct_due_period_keys, evaluated once per statement, the keys due at `now`.
 */
export function needsUpdateCondition(workspaceId: string, now: Date): Prisma.Sql {
  return Prisma.sql`(c.archived = false AND c.status NOT IN ${DONE} AND c."leadOrgId" IS NOT NULL
    AND NOT (c."reportedPeriods" @> (SELECT spct_due_period_keys(${workspaceId}::uuid, ${now}::timestamptz))))`;
}

/** Past its target date and neither completed nor discontinued (commitment aliased `c`). */
export function overdueCondition(today: Date): Prisma.Sql {
  return Prisma.sql`(c."targetDate" < ${today}::date AND c.status NOT IN ${DONE})`;
}

const AT_RISK_OR_OFF_TRACK = Prisma.sql`c.status IN ('AT_RISK', 'OFF_TRACK')`;
const DIALOGUE_SPLIT = Prisma.sql`spct_dialogue_split(c."positionKeys")`;

/**
 * The column equals one of `values`. One value is written `=`, not `= ANY(…)`: only then does
 * the planner read the index on (workspace, column, reference) in the list's order; otherwise it
 * walks the whole reference order and filters, which takes as long as the matches lie far down
 * (a lead organization's commitments last: 83,000 rows read for 25).
 */
function equalsAny(column: Prisma.Sql, values: readonly string[], cast: Prisma.Sql): Prisma.Sql {
  return values.length === 1
    ? Prisma.sql`${column} = ${values[0]}::${cast}`
    : Prisma.sql`${column} = ANY(${values}::${cast}[])`;
}

/** One dimension that may name several values, `none` meaning "without one". */
function anyOf(column: Prisma.Sql, values: readonly string[], cast: Prisma.Sql): Prisma.Sql {
  const named = values.filter((v) => v !== NONE);
  const matches = named.length ? equalsAny(column, named, cast) : null;
  if (!values.includes(NONE)) return matches!;
  return matches ? Prisma.sql`(${matches} OR ${column} IS NULL)` : Prisma.sql`${column} IS NULL`;
}

/**
 * The dimensions, on rows aliased `c` that have the commitment's dimension columns: a commitment,
 * a CommitmentTally or a DashboardSnapshot row (the same column names).
 */
export function dimensionConditions(filters: CommitmentFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.status?.length) {
    conditions.push(
      equalsAny(Prisma.sql`c.status`, filters.status, Prisma.sql`"CommitmentStatus"`),
    );
  }
  if (filters.frameworkId?.length) {
    conditions.push(equalsAny(Prisma.sql`c."frameworkId"`, filters.frameworkId, Prisma.sql`uuid`));
  }
  if (filters.leadOrgId?.length) {
    conditions.push(anyOf(Prisma.sql`c."leadOrgId"`, filters.leadOrgId, Prisma.sql`uuid`));
  }
  if (filters.coOrgId?.length) {
    conditions.push(Prisma.sql`c."coOrgIds" && ${filters.coOrgId}::uuid[]`);
  }
  if (filters.theme?.length) {
    conditions.push(anyOf(Prisma.sql`c.theme`, filters.theme, Prisma.sql`"Theme"`));
  }
  if (filters.targetGroup?.length) {
    conditions.push(Prisma.sql`c."targetGroups" && ${filters.targetGroup}::"TargetGroup"[]`);
  }
  return conditions;
}

/**
 * The filters as conditions on the commitment aliased `c` of the workspace, at the instant `now`
 * (overdue compares dates in UTC; "needs an update" asks the workspace's calendar).
 */
export function commitmentConditions(
  workspaceId: string,
  filters: CommitmentFilters,
  now: Date,
): Prisma.Sql[] {
  const today = todayUtc(now);
  const conditions: Prisma.Sql[] = [
    Prisma.sql`c."workspaceId" = ${workspaceId}::uuid`,
    filters.archived ? Prisma.sql`c.archived = true` : Prisma.sql`c.archived = false`,
    ...dimensionConditions(filters),
  ];
  if (filters.leaf !== undefined) {
    conditions.push(
      filters.leaf ? Prisma.sql`c."activeChildren" = 0` : Prisma.sql`c."activeChildren" > 0`,
    );
  }
  if (filters.overdue !== undefined) {
    const overdue = overdueCondition(today);
    conditions.push(filters.overdue ? overdue : Prisma.sql`NOT COALESCE(${overdue}, false)`);
  }
  if (filters.needsUpdate !== undefined) {
    const needsUpdate = needsUpdateCondition(workspaceId, now);
    conditions.push(filters.needsUpdate ? needsUpdate : Prisma.sql`NOT ${needsUpdate}`);
  }
  switch (filters.attention) {
    case 'off-track':
      conditions.push(AT_RISK_OR_OFF_TRACK);
      break;
    case 'overdue':
      conditions.push(overdueCondition(today));
      break;
    case 'stale':
      conditions.push(needsUpdateCondition(workspaceId, now));
      break;
    case 'pending':
      conditions.push(Prisma.sql`c."pendingReports" > 0`);
      break;
    case 'indicators':
      conditions.push(Prisma.sql`c."offTrackIndicators" > 0`);
      break;
    case 'disagreement':
      conditions.push(DIALOGUE_SPLIT);
      break;
  }
  if (filters.involvingOrgId) {
    conditions.push(Prisma.sql`(c."leadOrgId" = ${filters.involvingOrgId}::uuid
      OR c."coOrgIds" && ARRAY[${filters.involvingOrgId}::uuid])`);
  }
  const search = searchCondition(filters.q);
  if (search) conditions.push(search);
  return conditions;
}

/** The accent-insensitive search in reference, titles and descriptions, if `q` says something. */
export function searchCondition(q: string | undefined): Prisma.Sql | null {
  const text = q?.trim();
  if (!text) return null;
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return Prisma.sql`c."searchText" LIKE spct_search_normalize(${pattern})`;
}

/**
 * How many trackable items match, counted on the CommitmentTally (aliased `c`) instead of the
 * commitments: the conditions and the column to sum, or null when the filters name something the
 * tally does not hold (a search, dates, reports' recency, archived items, parents).
 */
export function tallyCount(
  workspaceId: string,
  filters: CommitmentFilters,
): { conditions: Prisma.Sql[]; measure: Prisma.Sql } | null {
  const answerable =
    !filters.q?.trim() &&
    filters.overdue === undefined &&
    filters.needsUpdate === undefined &&
    !filters.archived &&
    filters.leaf !== false &&
    filters.involvingOrgId === undefined &&
    filters.attention !== 'overdue' &&
    filters.attention !== 'stale';
  if (!answerable) return null;
  const conditions = [
    Prisma.sql`c."workspaceId" = ${workspaceId}::uuid`,
    ...dimensionConditions(filters),
  ];
  if (filters.attention === 'off-track') conditions.push(AT_RISK_OR_OFF_TRACK);
  if (filters.attention === 'disagreement') conditions.push(DIALOGUE_SPLIT);
  const measure =
    filters.attention === 'pending'
      ? Prisma.sql`c."pendingItems"`
      : filters.attention === 'indicators'
        ? Prisma.sql`c."offTrackItems"`
        : Prisma.sql`c.items`;
  return { conditions, measure };
}
