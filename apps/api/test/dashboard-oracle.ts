// The dashboard's numbers counted the slow, obvious way — every commitment of the workspace in
// memory, with the TypeScript rules — for the tests to compare the API's SQL and tally against.
import {
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  NONE,
  type PositionKind,
  type TargetGroup,
  type Theme,
} from '@spct/contracts';
import { type CommitmentFilters } from '../src/commitments/commitment-filters';
import { todayUtc } from '../src/common/dates';
import { trajectory } from '../src/indicators/trajectory';
import type { PrismaService } from '../src/database/prisma.service';

const DAY = 24 * 60 * 60 * 1000;

export interface OracleItem {
  id: string;
  frameworkId: string;
  leadOrgId: string | null;
  coOrgIds: string[];
  theme: Theme | null;
  targetGroups: TargetGroup[];
  status: CommitmentStatus;
  progress: number;
  weight: number;
  targetDate: Date | null;
  /** The attention kinds it falls under. */
  offTrack: boolean;
  overdue: boolean;
  stale: boolean;
  pendingReports: number;
  offTrackIndicators: number;
  positions: { organizationId: string; position: PositionKind }[];
  disagreement: boolean;
}

/**
 * The quarters an item must have reported on at `now` under the default calendar (quarterly, due
 * 15 days after the quarter, Viet Nam time — UTC+7 all year): the current one, and the previous
 * once past due; closed ones are left out.
 */
export function dueQuarters(now: Date, closed: Set<string>): string[] {
  const local = new Date(now.getTime() + 7 * 60 * 60 * 1000);
  const year = local.getUTCFullYear();
  const quarter = Math.floor(local.getUTCMonth() / 3);
  const today = Date.UTC(year, local.getUTCMonth(), local.getUTCDate());
  const previousDue = Date.UTC(year, quarter * 3, 1) - DAY + 15 * DAY;
  const keys = [`${year}-Q${quarter + 1}`];
  if (previousDue < today) keys.push(quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`);
  return keys.filter((key) => !closed.has(key));
}

/**
 * The trackable items of a workspace (not archived, no child that is not archived), worked out in
 * memory at the instant `now`. The workspace keeps the default reporting calendar.
 */
export async function trackableItems(
  prisma: PrismaService,
  workspaceId: string,
  now: Date,
): Promise<OracleItem[]> {
  const today = todayUtc(now);
  if (await prisma.reportingCalendar.findUnique({ where: { workspaceId } })) {
    throw new Error('The oracle knows only the default reporting calendar');
  }
  const closed = await prisma.reportingPeriod.findMany({
    where: { workspaceId, state: 'CLOSED' },
    select: { key: true },
  });
  const due = dueQuarters(now, new Set(closed.map((p) => p.key)));
  const rows = await prisma.commitment.findMany({
    where: { workspaceId, archived: false },
    include: {
      children: { where: { archived: false }, select: { id: true } },
      coOrganizations: true,
      progressUpdates: { include: { period: { select: { key: true } } } },
      positions: true,
      indicators: { include: { measurements: true } },
    },
  });
  return rows
    .filter((c) => c.children.length === 0)
    .map((c) => {
      const done = c.status === 'COMPLETED' || c.status === 'DISCONTINUED';
      const reported = new Set(
        c.progressUpdates
          .filter((u) => u.state === 'SUBMITTED' || u.state === 'APPROVED')
          .map((u) => u.period.key),
      );
      const offTrackIndicators = c.indicators.filter((i) => {
        const last = [...i.measurements].sort(
          (a, b) =>
            a.measuredOn.getTime() - b.measuredOn.getTime() ||
            a.createdAt.getTime() - b.createdAt.getTime() ||
            a.id.localeCompare(b.id),
        )[i.measurements.length - 1];
        return (
          trajectory({
            direction: i.direction,
            baseline: { value: i.baselineValue.toNumber(), year: i.baselineYear },
            target: { value: i.targetValue.toNumber(), year: i.targetYear },
            latest: last ? { measuredOn: last.measuredOn, value: last.value.toNumber() } : null,
          }).onTrack === false
        );
      }).length;
      const positions = c.positions.map((p) => ({
        organizationId: p.organizationId,
        position: p.position,
      }));
      return {
        id: c.id,
        frameworkId: c.frameworkId,
        leadOrgId: c.leadOrgId,
        coOrgIds: c.coOrganizations.map((co) => co.organizationId),
        theme: c.theme,
        targetGroups: c.targetGroups,
        status: c.status,
        progress: c.progress,
        weight: c.weight,
        targetDate: c.targetDate,
        offTrack: c.status === 'AT_RISK' || c.status === 'OFF_TRACK',
        overdue: c.targetDate !== null && c.targetDate < today && !done,
        stale: !done && c.leadOrgId !== null && due.some((key) => !reported.has(key)),
        pendingReports: c.progressUpdates.filter((u) => u.state === 'SUBMITTED').length,
        offTrackIndicators,
        positions,
        disagreement: new Set(positions.map((p) => p.position)).size > 1,
      };
    });
}

/** Whether an item is in the population the list's dimension filters describe. */
export function matches(item: OracleItem, filters: CommitmentFilters): boolean {
  const oneOf = (values: readonly string[] | undefined, value: string | null) =>
    !values?.length || values.includes(value ?? NONE);
  return (
    oneOf(filters.frameworkId, item.frameworkId) &&
    oneOf(filters.leadOrgId, item.leadOrgId) &&
    oneOf(filters.theme, item.theme) &&
    oneOf(filters.status, item.status) &&
    (!filters.coOrgId?.length || item.coOrgIds.some((o) => filters.coOrgId!.includes(o))) &&
    (!filters.targetGroup?.length ||
      item.targetGroups.some((g) => filters.targetGroup!.includes(g)))
  );
}

export function countByStatus(items: OracleItem[]): Record<CommitmentStatus, number> {
  return Object.fromEntries(
    COMMITMENT_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length]),
  ) as Record<CommitmentStatus, number>;
}

export function meanOf(items: OracleItem[]): number {
  const weight = items.reduce((sum, i) => sum + i.weight, 0);
  if (weight === 0) return 0;
  return Math.round((items.reduce((sum, i) => sum + i.progress * i.weight, 0) / weight) * 10) / 10;
}
