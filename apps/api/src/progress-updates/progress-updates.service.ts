import type { WorkspaceActor } from '../auth/actor';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type UpdateState } from '@spct/contracts';
import {
  type ApiException,
  conflict,
  type FieldError,
  FieldValidationException,
} from '../common/api-error';
import { Clock } from '../common/clock';
import { answerStale, checkIfMatch } from '../common/etag';
import { dateColumn, isoDate } from '../common/dates';
import { type List, listOf } from '../common/list';
import { consistencyErrors } from '../commitments/consistency';
import { diffFields, recordActivity, snapshot } from '../history/activity';
import { CommitmentsService } from '../commitments/commitments.service';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { PolicyService } from '../permissions/policy.service';
import { ReportingPeriodsService } from '../reporting-periods/reporting-periods.service';
import { EDITABLE_STATES } from './editable-states';
import {
  type CreateProgressUpdateDto,
  type IndicatorValueInput,
  type ProgressUpdateDto,
  REPORT_STEP_ACTIONS,
  type ReportStepAction,
  type ReportStepDto,
  type ReturnProgressUpdateDto,
  type UpdateProgressUpdateDto,
} from './progress-update.dto';
import { type CommitmentFacts } from '../commitments/commitments.repository';
import {
  type IndicatorValueData,
  type ProgressUpdateRow,
  ProgressUpdatesRepository,
  type Tx,
  type UpdateFields,
} from './progress-updates.repository';

/** What a workflow step records, or null when it changed nothing (no event, no new version). */
type StepResult = { action: string; changes: ReturnType<typeof diffFields> } | null;

/** The If-Match of a step: `required` for edits of content, optional (but honoured) otherwise. */
interface Precondition {
  ifMatch: string | undefined;
  required: boolean;
}

/** An indicator value as history and the API show it. */
function valueView(v: IndicatorValueData) {
  return {
    indicatorId: v.indicatorId,
    value: Number(v.value),
    measuredOn: isoDate(v.measuredOn),
    source: v.source,
  };
}

/**
 * The report workflow DRAFT → SUBMITTED → APPROVED | RETURNED (→ SUBMITTED again). Every step
 * runs in one transaction with the report's row locked and writes its activity event there.
 */
@Injectable()
export class ProgressUpdatesService {
  constructor(
    private readonly updates: ProgressUpdatesRepository,
    private readonly commitments: CommitmentsService,
    private readonly policy: PolicyService,
    private readonly periods: ReportingPeriodsService,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<ProgressUpdateDto>> {
    await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.updates.findForCommitment(member.workspaceId, commitmentId);
    return listOf(await this.withSteps(member, rows));
  }

  async get(member: WorkspaceActor, commitmentId: string, id: string): Promise<ProgressUpdateDto> {
    const row = await this.updates.findOne(member.workspaceId, commitmentId, id);
    if (!row) throw this.notFound(id);
    return (await this.withSteps(member, [row]))[0]!;
  }

  async create(
    member: WorkspaceActor,
    commitmentId: string,
    dto: CreateProgressUpdateDto,
  ): Promise<ProgressUpdateDto> {
    const commitment = await this.commitments.requireFacts(member, commitmentId);
    this.policy.assert(member, 'update.write', { organizationIds: commitment.organizationIds });
    this.assertLive(commitment);
    const values = await this.checkIndicatorValues(member, commitmentId, dto.indicatorValues);
    const row = await this.updates.transaction(async (tx) => {
      const period = await this.periods.periodForReport(tx, member.workspaceId, dto.period);
      const created = await this.updates.create(tx, {
        workspaceId: member.workspaceId,
        commitmentId,
        authorId: member.userId,
        periodId: period.id,
        status: dto.status,
        progress: dto.progress,
        narrative: dto.narrative,
        indicatorValues: values ?? [],
      });
      await this.record(
        tx,
        member,
        created,
        'created',
        snapshot(this.editableView(created), 'after'),
      );
      await this.outbox.autoFollow(tx, member.workspaceId, member.userId, commitmentId);
      return created;
    });
    return this.toDto(row, []);
  }

  /**
   * Edits a DRAFT or RETURNED report under optimistic concurrency: `ifMatch` must name the stored
   * version. A PATCH that changes nothing answers the report as it is, with the same version.
   */
  async edit(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateProgressUpdateDto,
  ): Promise<ProgressUpdateDto> {
    return this.step(
      member,
      commitmentId,
      id,
      { ifMatch, required: true },
      (row, commitment) => this.assertAuthorMayWrite(member, row, commitment),
      async (tx, row) => {
        this.assertState(row, EDITABLE_STATES, 'edited');
        const values = await this.checkIndicatorValues(
          member,
          commitmentId,
          dto.indicatorValues,
          tx,
        );
        const { indicatorValues: _values, period: _period, ...fields } = dto;
        const after = {
          ...dto,
          indicatorValues: values ? values.map(valueView) : undefined,
        };
        const changes = diffFields(this.editableView(row), after);
        if (Object.keys(changes).length === 0) return null;
        const changedFields: UpdateFields = Object.fromEntries(
          Object.entries(fields).filter(([field]) => field in changes),
        );
        if (dto.period !== undefined && 'period' in changes) {
          const period = await this.periods.periodForReport(tx, member.workspaceId, dto.period);
          changedFields.periodId = period.id;
        }
        await this.updates.edit(
          tx,
          id,
          changedFields,
          'indicatorValues' in changes ? values : undefined,
        );
        return { action: 'updated', changes };
      },
    );
  }

  submit(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
    ifMatch?: string,
  ): Promise<ProgressUpdateDto> {
    return this.step(
      member,
      commitmentId,
      id,
      { ifMatch, required: false },
      (row, commitment) => this.assertAuthorMayWrite(member, row, commitment),
      async (tx, row, commitment) => {
        this.assertState(row, EDITABLE_STATES, 'submitted');
        this.assertLive(commitment);
        await this.periods.assertPeriodOpen(tx, member.workspaceId, row.periodId);
        await this.assertConsistent(tx, member, row);
        const submittedAt = this.clock.now();
        await this.updates.transition(tx, id, 'SUBMITTED', { submittedAt });
        await this.outbox.reportSubmitted(tx, this.reportEvent(member, row));
        return {
          action: 'submitted',
          changes: diffFields(
            { state: row.state, submittedAt: row.submittedAt },
            { state: 'SUBMITTED', submittedAt },
          ),
        };
      },
    );
  }

  approve(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
    ifMatch?: string,
  ): Promise<ProgressUpdateDto> {
    return this.step(
      member,
      commitmentId,
      id,
      { ifMatch, required: false },
      (row) => this.policy.assert(member, 'update.decide', { authorId: row.authorId }),
      async (tx, row, commitment) => {
        this.assertState(row, ['SUBMITTED'], 'approved');
        this.assertLive(commitment);
        const chain = await this.updates.lockChain(tx, member.workspaceId, commitmentId);
        await this.assertConsistent(tx, member, row);
        // The commitment is locked: no other approval of it can slip in between.
        if (await this.updates.hasApprovedReport(tx, commitmentId, row.periodId, id)) {
          throw conflict(
            'alreadyExists',
            `The commitment already has an approved report for ${row.period.key}: one approved report per period`,
          );
        }
        const decidedAt = this.clock.now();
        await this.updates.transition(tx, id, 'APPROVED', {
          decidedAt,
          decidedById: member.userId,
          approvedPeriodId: row.periodId,
        });
        await this.outbox.reportDecided(tx, {
          ...this.reportEvent(member, row),
          kind: 'REPORT_APPROVED',
          authorId: row.authorId,
        });
        // The report's figures become the commitment's official ones...
        const official = await this.updates.setOfficial(tx, commitmentId, row.status, row.progress);
        await this.outbox.statusChanged(tx, {
          ...this.reportEvent(member, row),
          before: commitment.status,
          after: official.status,
        });
        await recordActivity(tx, {
          workspaceId: member.workspaceId,
          actorId: member.userId,
          commitmentId,
          entityType: 'commitment',
          entityId: commitmentId,
          action: 'updated',
          changes: diffFields(
            {
              status: commitment.status,
              progress: commitment.progress,
              version: commitment.version,
            },
            official,
          ),
        });
        // ...its indicator values become measurements, recorded as the author's...
        await this.updates.createMeasurements(
          tx,
          member.workspaceId,
          row.authorId,
          row.indicatorValues.map(({ indicatorId, value, measuredOn, source }) => ({
            indicatorId,
            value,
            measuredOn,
            source,
          })),
        );
        // ...and every ancestor's stored progress follows (frameworks read their top level).
        await this.commitments.rollUpAndRecord(tx, member, chain.at(-2) ?? null);
        return {
          action: 'approved',
          changes: diffFields(
            { state: row.state, decidedAt: row.decidedAt, decidedById: row.decidedById },
            { state: 'APPROVED', decidedAt, decidedById: member.userId },
          ),
        };
      },
    );
  }

  returnToAuthor(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
    dto: ReturnProgressUpdateDto,
    ifMatch?: string,
  ): Promise<ProgressUpdateDto> {
    return this.step(
      member,
      commitmentId,
      id,
      { ifMatch, required: false },
      (row) => this.policy.assert(member, 'update.decide', { authorId: row.authorId }),
      async (tx, row) => {
        this.assertState(row, ['SUBMITTED'], 'returned');
        const decidedAt = this.clock.now();
        const fields = { decidedAt, decidedById: member.userId, returnReason: dto.reason };
        await this.updates.transition(tx, id, 'RETURNED', fields);
        await this.outbox.reportDecided(tx, {
          ...this.reportEvent(member, row),
          kind: 'REPORT_RETURNED',
          authorId: row.authorId,
          reason: dto.reason,
        });
        return {
          action: 'returned',
          changes: diffFields(
            {
              state: row.state,
              returnReason: row.returnReason,
              decidedAt: row.decidedAt,
              decidedById: row.decidedById,
            },
            { state: 'RETURNED', ...fields },
          ),
        };
      },
    );
  }

  /**
   * One workflow step on a report, in one transaction on its locked row: 404 when it is not the
   * commitment's (in this workspace), then `authorize` (403), then 428 when If-Match is required
   * and missing, then 412 with the stored report when it names another version, then `work`,
   * whose event is recorded; answers the report as it now is.
   */
  private async step(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
    { ifMatch, required }: Precondition,
    authorize: (row: ProgressUpdateRow, commitment: CommitmentFacts) => void,
    work: (tx: Tx, row: ProgressUpdateRow, commitment: CommitmentFacts) => Promise<StepResult>,
  ): Promise<ProgressUpdateDto> {
    const row = await answerStale(
      'progress report',
      ifMatch,
      () =>
        this.updates.transaction(async (tx) => {
          const locked = await this.updates.findLocked(tx, member.workspaceId, commitmentId, id);
          if (!locked) throw this.notFound(id);
          const commitment = await this.commitments.requireFacts(member, commitmentId, tx);
          authorize(locked, commitment);
          checkIfMatch(ifMatch, locked.version, { required });
          const result = await work(tx, locked, commitment);
          if (!result) return locked; // nothing changed: no event, no new version, no re-read
          await this.record(tx, member, locked, result.action, result.changes);
          return this.updates.findOne(member.workspaceId, commitmentId, id, tx);
        }),
      () => this.get(member, commitmentId, id),
    );
    return (await this.withSteps(member, [row!]))[0]!;
  }

  /** The reports as the API answers them, with their workflow steps (one query for all). */
  private async withSteps(
    member: WorkspaceActor,
    rows: ProgressUpdateRow[],
  ): Promise<ProgressUpdateDto[]> {
    const events = await this.updates.findSteps(
      member.workspaceId,
      rows.map((row) => row.id),
      REPORT_STEP_ACTIONS,
    );
    const steps = new Map<string, ReportStepDto[]>();
    for (const event of events) {
      const changes = event.changes as { returnReason?: { after?: unknown } } | null;
      const reason = changes?.returnReason?.after;
      const list = steps.get(event.entityId) ?? [];
      list.push({
        action: event.action as ReportStepAction,
        at: event.createdAt.toISOString(),
        actor: event.actor,
        reason: event.action === 'returned' && typeof reason === 'string' ? reason : null,
      });
      steps.set(event.entityId, list);
    }
    return rows.map((row) => this.toDto(row, steps.get(row.id) ?? []));
  }

  /** The indicator values as stored, after checking each names an indicator of the commitment. */
  private async checkIndicatorValues(
    member: WorkspaceActor,
    commitmentId: string,
    values: IndicatorValueInput[] | undefined,
    tx?: Tx,
  ): Promise<IndicatorValueData[] | undefined> {
    if (!values) return undefined;
    const known = await this.updates.indicatorsOf(
      member.workspaceId,
      commitmentId,
      values.map((v) => v.indicatorId),
      tx,
    );
    const seen = new Set<string>();
    const errors = values.flatMap((v, i): FieldError[] => {
      const field = `indicatorValues.${i}.indicatorId`;
      if (!known.has(v.indicatorId)) {
        return [
          {
            field,
            code: 'unknownReference',
            message: 'is not an indicator of this commitment',
          },
        ];
      }
      if (seen.has(v.indicatorId)) {
        return [{ field, code: 'duplicate', message: 'has a value earlier in the list' }];
      }
      seen.add(v.indicatorId);
      return [];
    });
    if (errors.length > 0) throw new FieldValidationException(errors);
    return values.map((v) => ({
      indicatorId: v.indicatorId,
      value: v.value,
      measuredOn: dateColumn(v.measuredOn),
      source: v.source ?? null,
    }));
  }

  /** Only the author writes a report, and only while their role may write on the commitment. */
  private assertAuthorMayWrite(
    member: WorkspaceActor,
    row: ProgressUpdateRow,
    commitment: CommitmentFacts,
  ): void {
    this.policy.assert(member, 'update.write', { organizationIds: commitment.organizationIds });
    if (row.authorId !== member.userId) {
      throw new ForbiddenException('Only the author of a progress report can change or submit it');
    }
  }

  private assertState(row: ProgressUpdateRow, allowed: readonly UpdateState[], verb: string): void {
    if (!allowed.includes(row.state)) throw this.conflict(row.state, allowed, verb);
  }

  private assertLive(commitment: CommitmentFacts): void {
    if (commitment.archived) {
      throw conflict('archived', 'The commitment is archived: restore it to report on it');
    }
  }

  /** DESIGN.md's consistency rules, applied to the report's proposed status and progress. */
  private async assertConsistent(
    tx: Tx,
    member: WorkspaceActor,
    row: ProgressUpdateRow,
  ): Promise<void> {
    const evidenceCount = await this.updates.countEvidence(
      tx,
      member.workspaceId,
      row.commitmentId,
      row.id,
    );
    const errors = consistencyErrors({
      status: row.status,
      progress: row.progress,
      // A report does not change the commitment's dates.
      startDate: null,
      targetDate: null,
      evidenceCount,
    });
    if (errors.length > 0) throw new FieldValidationException(errors);
  }

  private record(
    tx: Tx,
    member: WorkspaceActor,
    row: ProgressUpdateRow,
    action: string,
    changes: ReturnType<typeof diffFields>,
  ): Promise<void> {
    return recordActivity(tx, {
      workspaceId: member.workspaceId,
      actorId: member.userId,
      commitmentId: row.commitmentId,
      entityType: 'progressUpdate',
      entityId: row.id,
      action,
      changes,
    });
  }

  /** What the inbox entries of a step on `row` by `member` say. */
  private reportEvent(member: WorkspaceActor, row: ProgressUpdateRow) {
    return {
      workspaceId: member.workspaceId,
      commitmentId: row.commitmentId,
      reportId: row.id,
      period: row.period.key,
      actorId: member.userId,
    };
  }

  /** The fields an author writes, as history records them. */
  private editableView(row: ProgressUpdateRow) {
    return {
      period: row.period.key,
      status: row.status,
      progress: row.progress,
      narrative: row.narrative,
      indicatorValues: row.indicatorValues.map(valueView),
    };
  }

  private conflict(
    state: UpdateState,
    allowed: readonly UpdateState[],
    verb: string,
  ): ApiException {
    return conflict(
      'invalidState',
      `The progress report is ${state}: only a ${allowed.join(' or ')} report can be ${verb}`,
    );
  }

  private notFound(id: string): NotFoundException {
    return new NotFoundException(`Progress report ${id} not found`);
  }

  private toDto(u: ProgressUpdateRow, steps: ReportStepDto[]): ProgressUpdateDto {
    return {
      id: u.id,
      commitmentId: u.commitmentId,
      authorId: u.authorId,
      author: u.author,
      periodId: u.periodId,
      period: u.period.key,
      status: u.status,
      progress: u.progress,
      narrative: u.narrative,
      state: u.state,
      returnReason: u.returnReason,
      submittedAt: u.submittedAt?.toISOString() ?? null,
      decidedAt: u.decidedAt?.toISOString() ?? null,
      decidedById: u.decidedById,
      indicatorValues: u.indicatorValues.map(valueView),
      steps,
      version: u.version,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    };
  }
}
