import type { WorkspaceActor } from '../auth/actor';
import { Injectable, NotFoundException } from '@nestjs/common';
import { conflict, FieldValidationException } from '../common/api-error';
import { Clock } from '../common/clock';
import { isoDate } from '../common/dates';
import { answerStale, checkIfMatch } from '../common/etag';
import { type List, listOf } from '../common/list';
import { localized } from '../common/localized';
import {
  diffFields,
  type FieldChanges,
  recordActivity,
  workspaceRecordEvent,
} from '../history/activity';
import { exampleKey, isTimeZone, localDate, periodStartOf } from './period-keys';
import {
  type ComplianceCountsDto,
  type ComplianceDto,
  type ReopenPeriodDto,
  type ReportingCalendarDto,
  type ReportingPeriodDto,
  type UpdateReportingCalendarDto,
} from './reporting-period.dto';
import {
  type CalendarRow,
  type PeriodRef,
  type PeriodRow,
  ReportingPeriodsRepository,
  type Tx,
} from './reporting-periods.repository';

/**
 * The reporting calendar of a workspace and its periods: what a progress report belongs to, what
 * "needs an update" and compliance count against, and what an administrator closes and reopens.
 */
@Injectable()
export class ReportingPeriodsService {
  constructor(
    private readonly periods: ReportingPeriodsRepository,
    private readonly clock: Clock,
  ) {}

  async calendar(member: WorkspaceActor): Promise<ReportingCalendarDto> {
    return toCalendarDto(await this.periods.calendar(member.workspaceId));
  }

  /**
   * Changes the calendar under If-Match. A new delay moves every period's due date; a new cadence
   * drops the old cadence's periods that have not ended and hold no report.
   */
  updateCalendar(
    member: WorkspaceActor,
    ifMatch: string | undefined,
    dto: UpdateReportingCalendarDto,
  ): Promise<ReportingCalendarDto> {
    if (dto.timeZone !== undefined && !isTimeZone(dto.timeZone)) {
      throw new FieldValidationException([
        {
          field: 'timeZone',
          code: 'invalidFormat',
          message: 'must be an IANA time zone such as Asia/Ho_Chi_Minh',
        },
      ]);
    }
    return answerStale(
      'reporting calendar',
      ifMatch,
      () =>
        this.periods.transaction(async (tx) => {
          const stored = await this.periods.lockCalendar(tx, member.workspaceId);
          checkIfMatch(ifMatch, stored.version, { required: true });
          const changed = Object.fromEntries(
            Object.entries(dto).filter(
              ([field, value]) =>
                value !== undefined && value !== stored[field as keyof CalendarRow],
            ),
          ) as Partial<CalendarRow>;
          if (Object.keys(changed).length === 0) return toCalendarDto(stored);
          const updated = await this.periods.updateCalendar(tx, member.workspaceId, changed);
          if (changed.cadence) {
            const today = localDate(this.clock.now(), updated.timeZone);
            await this.periods.dropUnusedPeriodsFrom(tx, member.workspaceId, today);
          }
          if (changed.dueDays !== undefined) {
            await this.periods.moveDueDates(tx, member.workspaceId, updated.dueDays);
          }
          await recordActivity(tx, {
            ...workspaceRecordEvent(member, 'reportingCalendar', member.workspaceId),
            action: 'updated',
            changes: diffFields<Record<string, unknown>>(
              { cadence: stored.cadence, dueDays: stored.dueDays, timeZone: stored.timeZone },
              { ...changed },
            ),
          });
          return toCalendarDto(updated);
        }),
      async () => toCalendarDto(await this.periods.calendar(member.workspaceId)),
    );
  }

  /** The workspace's periods, latest first; the current one and the previous exist by now. */
  async list(member: WorkspaceActor): Promise<List<ReportingPeriodDto>> {
    const now = this.clock.now();
    await this.periods.ensureRecentPeriods(member.workspaceId, now);
    const [calendar, rows] = await Promise.all([
      this.periods.calendar(member.workspaceId),
      this.periods.findAll(member.workspaceId),
    ]);
    const today = localDate(now, calendar.timeZone);
    return listOf(rows.map((row) => toPeriodDto(row, today)));
  }

  /** Closes an OPEN period: it takes no new reports (nor submissions) until reopened. */
  close(member: WorkspaceActor, id: string, ifMatch: string | undefined) {
    return this.write(member, id, ifMatch, async (tx, row) => {
      if (row.state === 'CLOSED')
        throw conflict('invalidState', `Period ${row.key} is closed already`);
      const closedAt = this.clock.now();
      await this.periods.setState(tx, id, {
        state: 'CLOSED',
        closedAt,
        closedById: member.userId,
      });
      return {
        action: 'closed',
        changes: diffFields<Record<string, unknown>>({ state: row.state }, { state: 'CLOSED' }),
      };
    });
  }

  /** Reopens a CLOSED period, recording who did it and why. */
  reopen(member: WorkspaceActor, id: string, ifMatch: string | undefined, dto: ReopenPeriodDto) {
    return this.write(member, id, ifMatch, async (tx, row) => {
      if (row.state === 'OPEN') throw conflict('invalidState', `Period ${row.key} is open already`);
      const fields = {
        state: 'OPEN' as const,
        reopenedAt: this.clock.now(),
        reopenedById: member.userId,
        reopenReason: dto.reason,
      };
      await this.periods.setState(tx, id, fields);
      return {
        action: 'reopened',
        changes: diffFields<Record<string, unknown>>(
          { state: row.state, reopenReason: row.reopenReason },
          { state: 'OPEN', reopenReason: dto.reason },
        ),
      };
    });
  }

  /** Reporting compliance of a period (default: the current one), per lead organization. */
  async compliance(member: WorkspaceActor, periodId?: string): Promise<ComplianceDto> {
    const now = this.clock.now();
    const calendar = await this.periods.calendar(member.workspaceId);
    const today = localDate(now, calendar.timeZone);
    let period: PeriodRow | null;
    if (periodId) {
      period = await this.periods.findOne(member.workspaceId, periodId);
      if (!period) throw new NotFoundException(`Reporting period ${periodId} not found`);
    } else {
      await this.periods.ensureRecentPeriods(member.workspaceId, now);
      period = await this.periods.findHolding(member.workspaceId, today);
      if (!period) throw new NotFoundException('The workspace has no current reporting period');
    }
    const rows = await this.periods.compliance(member.workspaceId, period, calendar.timeZone);
    const totals = rows.reduce(
      (sum, row) => ({
        expected: sum.expected + row.expected,
        submittedOnTime: sum.submittedOnTime + row.submittedOnTime,
        submittedLate: sum.submittedLate + row.submittedLate,
        approved: sum.approved + row.approved,
        missing: sum.missing + row.missing,
      }),
      { expected: 0, submittedOnTime: 0, submittedLate: 0, approved: 0, missing: 0 },
    );
    return {
      period: toPeriodDto(period, today),
      totals: withRate(totals),
      organizations: rows.map(({ nameVi, nameEn, ...row }) => ({
        ...withRate(row),
        name: localized(nameVi, nameEn),
      })),
    };
  }

  /**
   * The period a progress report written now names by `key` (created when first named), locked
   * for the transaction: 400 when the key is no period of the calendar or one that has not begun,
   * 409 when it is closed.
   */
  async periodForReport(tx: Tx, workspaceId: string, key: string): Promise<PeriodRef> {
    const calendar = await this.periods.calendar(workspaceId, tx);
    const start = periodStartOf(calendar.cadence, key);
    const today = localDate(this.clock.now(), calendar.timeZone);
    if (!start) {
      throw new FieldValidationException([
        {
          field: 'period',
          code: 'invalidFormat',
          message: `must be a ${calendar.cadence.toLowerCase()} reporting period such as ${exampleKey(calendar.cadence)}`,
        },
      ]);
    }
    if (start > today) {
      throw new FieldValidationException([
        { field: 'period', code: 'unknownReference', message: 'has not begun yet' },
      ]);
    }
    const period = await this.periods.ensurePeriod(tx, workspaceId, calendar, start);
    assertOpen(period);
    return period;
  }

  /** The stored period of a report, share-locked: 409 when it is closed. */
  async assertPeriodOpen(tx: Tx, workspaceId: string, periodId: string): Promise<void> {
    const period = await this.periods.lockShared(tx, workspaceId, periodId);
    assertOpen(period);
  }

  private write(
    member: WorkspaceActor,
    id: string,
    ifMatch: string | undefined,
    apply: (tx: Tx, row: PeriodRow) => Promise<{ action: string; changes: FieldChanges }>,
  ): Promise<ReportingPeriodDto> {
    return answerStale(
      'reporting period',
      ifMatch,
      () =>
        this.periods.transaction(async (tx) => {
          const row = await this.periods.lock(tx, member.workspaceId, id);
          if (!row) throw new NotFoundException(`Reporting period ${id} not found`);
          checkIfMatch(ifMatch, row.version, { required: false });
          const { action, changes } = await apply(tx, row);
          await recordActivity(tx, {
            ...workspaceRecordEvent(member, 'reportingPeriod', id),
            action,
            changes,
          });
          return this.periodDto(
            member.workspaceId,
            (await this.periods.findOne(member.workspaceId, id, tx))!,
            tx,
          );
        }),
      async () => {
        const stored = await this.periods.findOne(member.workspaceId, id);
        return stored && this.periodDto(member.workspaceId, stored);
      },
    );
  }

  private async periodDto(
    workspaceId: string,
    row: PeriodRow,
    tx?: Tx,
  ): Promise<ReportingPeriodDto> {
    const calendar = await this.periods.calendar(workspaceId, tx);
    return toPeriodDto(row, localDate(this.clock.now(), calendar.timeZone));
  }
}

function assertOpen(period: PeriodRef): void {
  if (period.state === 'CLOSED') {
    throw conflict(
      'periodClosed',
      `The reporting period ${period.key} is closed: it takes no new reports unless an administrator reopens it`,
    );
  }
}

function withRate<T extends Omit<ComplianceCountsDto, 'rate'>>(
  counts: T,
): T & { rate: number | null } {
  const submitted = counts.submittedOnTime + counts.submittedLate;
  return { ...counts, rate: counts.expected === 0 ? null : submitted / counts.expected };
}

function toCalendarDto(row: CalendarRow): ReportingCalendarDto {
  return {
    cadence: row.cadence,
    dueDays: row.dueDays,
    timeZone: row.timeZone,
    version: row.version,
  };
}

export function toPeriodDto(row: PeriodRow, today: string): ReportingPeriodDto {
  const startsOn = isoDate(row.startsOn);
  const endsOn = isoDate(row.endsOn);
  return {
    id: row.id,
    key: row.key,
    startsOn,
    endsOn,
    dueOn: isoDate(row.dueOn),
    state: row.state,
    current: startsOn <= today && today <= endsOn,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedBy,
    reopenedAt: row.reopenedAt?.toISOString() ?? null,
    reopenedBy: row.reopenedBy,
    reopenReason: row.reopenReason,
    version: row.version,
  };
}
