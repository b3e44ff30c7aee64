import type { WorkspaceActor } from '../auth/actor';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { ApiException, FieldValidationException } from '../common/api-error';
import { answerStale, checkIfMatch, StaleVersion } from '../common/etag';
import { diffFields, recordActivity, snapshot } from '../history/activity';
import { dateColumn, isFutureDate, isoDate } from '../common/dates';
import { type List, listOf } from '../common/list';
import { localized } from '../common/localized';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { PolicyService } from '../permissions/policy.service';
import { type PositionDto, type RecordPositionDto } from './position.dto';
import { isUniqueViolation, type PositionRow, PositionsRepository } from './positions.repository';

/** The preconditions of a PUT: If-Match edits the stored version, `If-None-Match: *` creates. */
export interface PositionPreconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

@Injectable()
export class PositionsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly positions: PositionsRepository,
    private readonly policy: PolicyService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<PositionDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.positions.findForCommitment(workspaceId, commitmentId);
    return listOf(rows.map(toDto));
  }

  /**
   * One position per commitment and organization. Creating needs no precondition (or
   * `If-None-Match: *`); replacing a recorded one needs If-Match naming its version (428
   * without, 412 with the stored position when stale). Of concurrent creations one wins and
   * the others get 412 with the position it recorded: never a silent overwrite.
   */
  async record(
    member: WorkspaceActor,
    commitmentId: string,
    organizationId: string,
    { ifMatch, ifNoneMatch }: PositionPreconditions,
    input: RecordPositionDto,
  ): Promise<PositionDto> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    if (!(await this.positions.organizationExists(workspaceId, organizationId))) {
      throw new NotFoundException(`Organization ${organizationId} not found`);
    }
    this.policy.assert(member, 'position.record', { organizationIds: [organizationId] });
    if (isFutureDate(input.decidedOn)) {
      throw new FieldValidationException([
        { field: 'decidedOn', code: 'inFuture', message: 'must not be in the future' },
      ]);
    }
    const createOnly = ifNoneMatch?.trim() === '*';
    const fields = {
      position: input.position,
      rationale: input.rationale,
      decidedOn: dateColumn(input.decidedOn),
    };
    const target = { workspaceId, commitmentId, organizationId };
    const event = {
      workspaceId,
      actorId: member.userId,
      commitmentId,
      entityType: 'position' as const,
    };
    const write = () =>
      this.positions.transaction(async (tx) => {
        const stored = await this.positions.lock(tx, workspaceId, commitmentId, organizationId);
        if (!stored) {
          if (ifMatch !== undefined) throw noPositionYet(ifMatch);
          const created = await this.positions.create(tx, target, fields, member.userId);
          await recordActivity(tx, {
            ...event,
            entityId: created.id,
            action: 'recorded',
            changes: snapshot({ organizationId, ...fields, recordedById: member.userId }, 'after'),
          });
          await this.outbox.positionRecorded(tx, positionEvent(member, created));
          return created;
        }
        if (createOnly) throw new StaleVersion();
        if (ifMatch === undefined) throw alreadyRecorded(toDto(stored));
        checkIfMatch(ifMatch, stored.version, { required: true });
        const changes = diffFields(
          {
            position: stored.position,
            rationale: stored.rationale,
            decidedOn: stored.decidedOn,
            recordedById: stored.recordedById,
          },
          { ...fields, recordedById: member.userId },
        );
        if (Object.keys(changes).length === 0) return stored;
        const replaced = await this.positions.replace(tx, stored.id, fields, member.userId);
        await recordActivity(tx, { ...event, entityId: stored.id, action: 'updated', changes });
        await this.outbox.positionRecorded(tx, positionEvent(member, replaced));
        return replaced;
      });
    const row = await answerStale(
      'position',
      ifMatch ?? ifNoneMatch ?? '(none: another request recorded it first)',
      // Of concurrent creations, the losers' inserts break the unique constraint: stale too.
      () =>
        write().catch((error: unknown) => {
          throw isUniqueViolation(error) ? new StaleVersion() : error;
        }),
      async () => {
        const current = await this.positions.findOne(commitmentId, organizationId);
        return current && toDto(current);
      },
    );
    return toDto(row);
  }
}

/**
 * 428 for a PUT without If-Match when a position is recorded (maybe by a request that won a
 * race): it carries `current`, like a 412, so the client can show what is stored and reapply.
 */
function alreadyRecorded(current: PositionDto): ApiException {
  return new ApiException(
    HttpStatus.PRECONDITION_REQUIRED,
    'preconditionRequired',
    'This organization already has a position on the commitment: send If-Match with the ETag of the version you replace',
    { current },
  );
}

/**
 * 412 for If-Match on a position that is not recorded: there is no version to match, so
 * `current` is null.
 */
function noPositionYet(ifMatch: string): ApiException {
  return new ApiException(
    HttpStatus.PRECONDITION_FAILED,
    'stale',
    `If-Match ${ifMatch}: this organization has no position on the commitment yet; send the PUT without If-Match to record one`,
    { current: null },
  );
}

/** What the item's followers are told of a recorded position. */
function positionEvent(member: WorkspaceActor, p: PositionRow) {
  return {
    workspaceId: p.workspaceId,
    commitmentId: p.commitmentId,
    actorId: member.userId,
    positionId: p.id,
    organization: p.organization.shortName,
    position: p.position,
  };
}

function toDto(p: PositionRow): PositionDto {
  return {
    id: p.id,
    organization: {
      id: p.organization.id,
      shortName: p.organization.shortName,
      name: localized(p.organization.nameVi, p.organization.nameEn),
    },
    position: p.position,
    rationale: p.rationale,
    decidedOn: isoDate(p.decidedOn),
    recordedBy: p.recordedBy,
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
