import type { WorkspaceActor } from '../auth/actor';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import {
  ApiException,
  conflict,
  type FieldError,
  FieldValidationException,
} from '../common/api-error';
import { answerStale, checkIfMatch } from '../common/etag';
import { Clock } from '../common/clock';
import { jsonText, type JsonText } from '../common/json-text';
import { dateColumn, isoDate, todayUtc } from '../common/dates';
import { localized, localizedOrNull } from '../common/localized';
import { diffFields, recordActivity, snapshot } from '../history/activity';
import { PolicyService } from '../permissions/policy.service';
import { isOverdue } from './overdue';
import { cursorAfter, decodeCursor, encodeCursor, parseSort } from './commitment-cursor';
import {
  canonicalPatch,
  type EditableFields,
  editableOf,
  newCommitmentDefaults,
} from './commitment-fields';
import { type CommitmentSort } from '@spct/contracts';
import {
  type CommitmentFacts,
  type CommitmentRow,
  CommitmentsRepository,
  type StoredCommitment,
  isUniqueViolation,
  type Tx,
} from './commitments.repository';
import { type CommitmentDetailRow } from './commitment-detail.query';
import { type CommitmentFilters, searchCondition } from './commitment-filters';
import { consistencyErrors } from './consistency';
import {
  type CommitmentCountDto,
  type CommitmentDetailDto,
  type CommitmentDto,
  type CommitmentListDto,
} from './dto/commitment.dto';
import { type CreateCommitmentDto, type UpdateCommitmentDto } from './dto/commitment-write.dto';
import {
  type CountCommitmentsQuery,
  type ListCommitmentsQuery,
} from './dto/list-commitments.query';
import { trackedStatus } from './tracked-status';

/** A 409 naming `reference` when the framework already has the reference. */
function duplicateReference(error: unknown): never {
  if (!isUniqueViolation(error)) throw error;
  const message = 'is already used in this framework';
  throw new ApiException(HttpStatus.CONFLICT, 'alreadyExists', `reference: ${message}`, {
    details: [{ field: 'reference', code: 'taken', message }],
  });
}

/** What a write needs to check an edit: the row as it is and as it would be. */
interface WriteCheck {
  member: WorkspaceActor;
  /** The commitment being edited (absent on create). */
  id?: string;
  frameworkId: string;
  before: EditableFields | null;
  after: EditableFields;
  /** The fields the client sent. */
  sent: Partial<EditableFields>;
  status: string;
  progress: number;
  evidenceCount: number;
}

const DEFAULT_LIMIT = 25;

/**
 * Whether a first page also says how many match. A search's count reads every match (a trigram
 * index cannot count), many times the cost of its first page, so the list leaves it to
 * `GET …/commitments/count`, which the web app asks for beside the page.
 */
function countedWithPage(filters: CommitmentFilters): boolean {
  return searchCondition(filters.q) === null;
}

@Injectable()
export class CommitmentsService {
  constructor(
    private readonly commitments: CommitmentsRepository,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async list(member: WorkspaceActor, query: ListCommitmentsQuery): Promise<CommitmentListDto> {
    const sort = parseSort(query.sort);
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const now = this.clock.now();
    const today = todayUtc(now);
    const { cursor: _c, limit: _l, sort: _s, ...filters } = query;
    // The first page says how many match in all (the dashboard's numbers open it), except for a
    // search (see countedWithPage); later pages do not count again.
    const { rows, total } = await this.commitments.findPage(
      member.workspaceId,
      filters,
      sort,
      cursor,
      limit + 1,
      now,
      { total: cursor === null && countedWithPage(filters) },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor(cursorAfter(last, sort.field)) : null;
    return {
      items: page.map((row) => this.toDto(row, today)),
      nextCursor,
      total: total?.count ?? null,
      totalIsExact: total?.exact ?? null,
    };
  }

  /**
   * A page of the list as the JSON text of `CommitmentListDto`: its items are built by
   * PostgreSQL (CommitmentsRepository.findPageJson) and pass through as they are.
   */
  async listJson(
    member: WorkspaceActor,
    query: ListCommitmentsQuery,
  ): Promise<JsonText<CommitmentListDto>> {
    const sort = parseSort(query.sort);
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { cursor: _c, limit: _l, sort: _s, ...filters } = query;
    // The first page says how many match in all (the dashboard's numbers open it), except for a
    // search (see countedWithPage); later pages do not count again.
    const { items, last, total } = await this.commitments.findPageJson(
      member.workspaceId,
      filters,
      sort,
      cursor,
      limit,
      this.clock.now(),
      { total: cursor === null && countedWithPage(filters) },
    );
    const nextCursor = last ? encodeCursor(cursorAfter(last, sort.field)) : null;
    return jsonText(
      `{"items":${items},"nextCursor":${JSON.stringify(nextCursor)},` +
        `"total":${total?.count ?? null},"totalIsExact":${total?.exact ?? null}}`,
    );
  }

  /** How many commitments match the list's filters in all (what a search's first page leaves out). */
  async count(member: WorkspaceActor, filters: CountCommitmentsQuery): Promise<CommitmentCountDto> {
    const total = await this.commitments.count(member.workspaceId, filters, this.clock.now());
    return { total: total.count, totalIsExact: total.exact };
  }

  /** The first `limit` commitments matching `filters` in `sort` order: for views built on the list. */
  async firstPage(
    member: WorkspaceActor,
    filters: CommitmentFilters,
    sort: CommitmentSort,
    limit: number,
  ): Promise<CommitmentDto[]> {
    const now = this.clock.now();
    const { rows } = await this.commitments.findPage(
      member.workspaceId,
      filters,
      parseSort(sort),
      null,
      limit,
      now,
    );
    return rows.map((row) => this.toDto(row, todayUtc(now)));
  }

  /** `firstPage` as the JSON text of its items, built by PostgreSQL (findPageJson). */
  async firstPageJson(
    member: WorkspaceActor,
    filters: CommitmentFilters,
    sort: CommitmentSort,
    limit: number,
  ): Promise<string> {
    const page = await this.commitments.findPageJson(
      member.workspaceId,
      filters,
      parseSort(sort),
      null,
      limit,
      this.clock.now(),
    );
    return page.items;
  }

  async get(member: WorkspaceActor, id: string): Promise<CommitmentDetailDto> {
    const row = await this.commitments.findDetail(member.workspaceId, id);
    if (!row) throw new NotFoundException(`Commitment ${id} not found`);
    return this.toDetailDto(row);
  }

  /**
   * The detail as the JSON text of `CommitmentDetailDto`, built by PostgreSQL and sent as it is,
   * with its version (the ETag).
   */
  async getJson(
    member: WorkspaceActor,
    id: string,
  ): Promise<{ version: number; json: JsonText<CommitmentDetailDto> }> {
    const found = await this.commitments.findDetailJson(member.workspaceId, id, this.clock.now());
    if (!found) throw new NotFoundException(`Commitment ${id} not found`);
    return { version: found.version, json: jsonText(found.json) };
  }

  /** The commitment `id` of the member's workspace, or a 404: for the routes nested under a commitment. */
  async requireInWorkspace(member: WorkspaceActor, id: string): Promise<{ workspaceId: string }> {
    if (!(await this.commitments.exists(member.workspaceId, id))) {
      throw new NotFoundException(`Commitment ${id} not found`);
    }
    return { workspaceId: member.workspaceId };
  }

  /**
   * The facts of the commitment `id` of the member's workspace (first of all its organizations,
   * which decide who may write under it), or a 404. `tx` reads them inside a write's transaction.
   */
  async requireFacts(member: WorkspaceActor, id: string, tx?: Tx): Promise<CommitmentFacts> {
    const facts = await this.commitments.findFacts(member.workspaceId, id, tx);
    if (!facts) throw new NotFoundException(`Commitment ${id} not found`);
    return facts;
  }

  /**
   * A new commitment (NOT_STARTED, progress 0). An EDITOR may create one only for their own
   * organization, as lead or co-responsible.
   */
  async create(member: WorkspaceActor, dto: CreateCommitmentDto): Promise<CommitmentDetailDto> {
    const { frameworkId: rawFrameworkId, ...input } = dto;
    const frameworkId = rawFrameworkId.toLowerCase();
    const sent = canonicalPatch(input);
    const fields: EditableFields = {
      ...newCommitmentDefaults(),
      ...(sent as Pick<EditableFields, 'reference' | 'title'> & Partial<EditableFields>),
    };
    this.policy.assert(member, 'commitment.create', {
      organizationIds: [fields.leadOrgId, ...fields.coOrgIds],
    });
    const id = await this.commitments
      .transaction(async (tx) => {
        if (!(await this.commitments.frameworkExists(tx, member.workspaceId, frameworkId))) {
          throw new FieldValidationException([
            {
              field: 'frameworkId',
              code: 'unknownReference',
              message: 'is not a framework of this workspace',
            },
          ]);
        }
        await this.check(tx, {
          member,
          frameworkId,
          before: null,
          after: fields,
          sent,
          status: 'NOT_STARTED',
          progress: 0,
          evidenceCount: 0,
        });
        const created = await this.commitments.insert(tx, member.workspaceId, frameworkId, fields);
        await recordActivity(tx, {
          ...this.event(member, created.id),
          action: 'created',
          changes: snapshot(
            {
              frameworkId,
              ...editableOf(created),
              status: created.status,
              progress: created.progress,
            },
            'after',
          ),
        });
        await this.rollUpAndRecord(tx, member, created.parentId);
        return created.id;
      })
      .catch(duplicateReference);
    return this.get(member, id);
  }

  /**
   * A partial edit under optimistic concurrency: `ifMatch` must name the stored version. The row
   * is locked for the transaction, so of concurrent edits of one version exactly one wins.
   */
  async update(
    member: WorkspaceActor,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateCommitmentDto,
  ): Promise<CommitmentDetailDto> {
    const sent = canonicalPatch(dto);
    const edit = this.write(
      member,
      id,
      { ifMatch, required: true },
      (row) => {
        const before = editableOf(row);
        this.policy.assert(member, 'commitment.edit', { organizationIds: this.orgsOf(before) });
        if (sent.leadOrgId !== undefined || sent.coOrgIds !== undefined) {
          // An EDITOR may not hand a commitment over to organizations other than their own.
          this.policy.assert(member, 'commitment.edit', {
            organizationIds: this.orgsOf({ ...before, ...sent }),
          });
        }
      },
      async (tx, row) => {
        if (row.archived) {
          throw conflict('archived', 'This commitment is archived: restore it before editing');
        }
        const before = editableOf(row);
        const changes = diffFields<Record<string, unknown>>({ ...before }, sent);
        if (Object.keys(changes).length === 0) return;
        const after: EditableFields = { ...before, ...sent };
        await this.check(tx, {
          member,
          id,
          frameworkId: row.frameworkId,
          before,
          after,
          sent,
          status: row.status,
          progress: row.progress,
          evidenceCount: await this.commitments.evidenceCount(tx, id),
        });
        const changed = Object.fromEntries(
          Object.keys(changes).map((field) => [field, after[field as keyof EditableFields]]),
        ) as Partial<EditableFields>;
        await this.commitments.update(tx, id, changed);
        await recordActivity(tx, { ...this.event(member, id), action: 'updated', changes });
        if ('weight' in changes || 'parentId' in changes) {
          await this.rollUpAndRecord(tx, member, before.parentId);
          if (after.parentId !== before.parentId)
            await this.rollUpAndRecord(tx, member, after.parentId);
        }
      },
    );
    await edit.catch(duplicateReference);
    return this.get(member, id);
  }

  /** Archives (DELETE): hidden from lists and roll-ups, still readable by id. */
  archive(member: WorkspaceActor, id: string, ifMatch?: string): Promise<CommitmentDetailDto> {
    return this.setArchived(member, id, ifMatch, true);
  }

  restore(member: WorkspaceActor, id: string, ifMatch?: string): Promise<CommitmentDetailDto> {
    return this.setArchived(member, id, ifMatch, false);
  }

  private async setArchived(
    member: WorkspaceActor,
    id: string,
    ifMatch: string | undefined,
    archived: boolean,
  ): Promise<CommitmentDetailDto> {
    await this.write(
      member,
      id,
      { ifMatch, required: false },
      (row) =>
        this.policy.assert(member, 'commitment.archive', {
          organizationIds: this.orgsOf(editableOf(row)),
        }),
      async (tx, row) => {
        if (row.archived === archived) return;
        if (archived && (await this.commitments.hasActiveChildren(tx, id))) {
          throw conflict('hasChildren', 'Archive the children of this commitment first');
        }
        if (!archived && row.parentId) {
          const parent = await this.commitments.findParentCandidate(
            tx,
            member.workspaceId,
            row.parentId,
          );
          if (parent?.archived) {
            throw conflict(
              'archived',
              'The parent of this commitment is archived: restore the parent first',
            );
          }
        }
        await this.commitments.setArchived(tx, id, archived);
        await recordActivity(tx, {
          ...this.event(member, id),
          action: archived ? 'archived' : 'restored',
          changes: { archived: { before: !archived, after: archived } },
        });
        await this.rollUpAndRecord(tx, member, row.parentId);
      },
    );
    return this.get(member, id);
  }

  /**
   * One write of the commitment `id`, in one transaction on its locked row: 404 for an id
   * outside the workspace, then `authorize` (403), then 428 when If-Match is required and
   * missing, then 412 with the stored state when it names another version, then `apply`.
   */
  private async write(
    member: WorkspaceActor,
    id: string,
    { ifMatch, required }: { ifMatch: string | undefined; required: boolean },
    authorize: (row: StoredCommitment) => void,
    apply: (tx: Tx, row: StoredCommitment) => Promise<void>,
  ): Promise<void> {
    await answerStale(
      'commitment',
      ifMatch,
      () =>
        this.commitments.transaction(async (tx) => {
          const row = await this.commitments.lock(tx, member.workspaceId, id);
          if (!row) throw new NotFoundException(`Commitment ${id} not found`);
          authorize(row);
          checkIfMatch(ifMatch, row.version, { required });
          await apply(tx, row);
        }),
      () => this.get(member, id),
    );
  }

  /**
   * The rules every write of the editable fields obeys, as 400s naming the fields: referenced
   * records belong to the workspace, the parent is in the same framework and makes no cycle,
   * and the change introduces no consistency error (consistency.ts).
   */
  private async check(tx: Tx, c: WriteCheck): Promise<void> {
    const errors: FieldError[] = [];
    const { workspaceId } = c.member;
    const { sent, after } = c;
    if (sent.parentId) {
      const parent = await this.commitments.findParentCandidate(tx, workspaceId, sent.parentId);
      if (!parent) {
        errors.push({
          field: 'parentId',
          code: 'unknownReference',
          message: 'is not a commitment of this workspace',
        });
      } else if (parent.frameworkId !== c.frameworkId) {
        errors.push({
          field: 'parentId',
          code: 'inOtherFramework',
          message: 'is in another framework',
        });
      } else if (parent.archived && parent.id !== c.before?.parentId) {
        errors.push({ field: 'parentId', code: 'archived', message: 'is archived' });
      } else if (c.id && (await this.commitments.lineage(tx, parent.id)).includes(c.id)) {
        errors.push({
          field: 'parentId',
          code: 'cycle',
          message: 'would make the commitment its own ancestor',
        });
      }
    }
    const orgIds = [...(sent.leadOrgId ? [sent.leadOrgId] : []), ...(sent.coOrgIds ?? [])];
    const known = new Set(await this.commitments.organizationsOf(tx, workspaceId, orgIds));
    if (sent.leadOrgId && !known.has(sent.leadOrgId)) {
      errors.push({
        field: 'leadOrgId',
        code: 'unknownReference',
        message: 'is not an organization of this workspace',
      });
    }
    if (sent.coOrgIds?.some((orgId) => !known.has(orgId))) {
      errors.push({
        field: 'coOrgIds',
        code: 'unknownReference',
        message: 'are not all organizations of this workspace',
      });
    }
    if (
      (sent.leadOrgId !== undefined || sent.coOrgIds !== undefined) &&
      after.leadOrgId !== null &&
      after.coOrgIds.includes(after.leadOrgId)
    ) {
      errors.push({
        field: 'coOrgIds',
        code: 'includesLead',
        message: 'must not include the lead organization',
      });
    }
    if (
      sent.focalUserId &&
      !(await this.commitments.isActiveMember(tx, workspaceId, sent.focalUserId))
    ) {
      errors.push({
        field: 'focalUserId',
        code: 'unknownReference',
        message: 'is not an active member of this workspace',
      });
    }
    // Only what this write breaks: a rule the row already broke is not the client's to fix here.
    const facts = (fields: EditableFields | null) =>
      fields
        ? consistencyErrors({
            status: c.status,
            progress: c.progress,
            evidenceCount: c.evidenceCount,
            startDate: dateColumn(fields.startDate),
            targetDate: dateColumn(fields.targetDate),
          })
        : [];
    const already = new Set(facts(c.before).map((e) => `${e.field}\n${e.message}`));
    errors.push(...facts(after).filter((e) => !already.has(`${e.field}\n${e.message}`)));
    if (errors.length > 0) throw new FieldValidationException(errors);
  }

  /**
   * Recomputes the stored progress of `parentId` and its ancestors from their children, inside
   * the caller's transaction, and records each change (edits here, approvals of reports).
   */
  async rollUpAndRecord(tx: Tx, member: WorkspaceActor, parentId: string | null): Promise<void> {
    for (const changed of await this.commitments.rollUpAncestors(tx, parentId)) {
      await recordActivity(tx, {
        ...this.event(member, changed.id),
        action: 'rolledUp',
        changes: { progress: { before: changed.before, after: changed.after } },
      });
    }
  }

  private event(member: WorkspaceActor, commitmentId: string) {
    return {
      workspaceId: member.workspaceId,
      actorId: member.userId,
      commitmentId,
      entityType: 'commitment' as const,
      entityId: commitmentId,
    };
  }

  private orgsOf(fields: Pick<EditableFields, 'leadOrgId' | 'coOrgIds'>): (string | null)[] {
    return [fields.leadOrgId, ...fields.coOrgIds];
  }

  private toDto(row: CommitmentRow, today = todayUtc()): CommitmentDto {
    return {
      id: row.id,
      frameworkId: row.frameworkId,
      frameworkCode: row.framework.code,
      parentId: row.parentId,
      reference: row.reference,
      title: localized(row.titleVi, row.titleEn),
      description: localizedOrNull(row.descriptionVi, row.descriptionEn),
      theme: row.theme,
      status: row.status,
      trackedStatus: trackedStatus({ ...row, activeChildren: row._count.children }),
      progress: row.progress,
      weight: row.weight,
      leadOrgId: row.leadOrgId,
      coOrgIds: row.coOrganizations.map((c) => c.organizationId),
      focalUserId: row.focalUserId,
      targetGroups: row.targetGroups,
      startDate: isoDate(row.startDate),
      targetDate: isoDate(row.targetDate),
      archived: row.archived,
      version: row.version,
      overdue: isOverdue(row, today),
      childCount: row._count.children,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  private toDetailDto(row: CommitmentDetailRow): CommitmentDetailDto {
    const ref = (c: {
      id: string;
      frameworkId: string;
      reference: string;
      titleVi: string;
      titleEn: string;
      framework: { code: string };
    }) => ({
      id: c.id,
      frameworkId: c.frameworkId,
      frameworkCode: c.framework.code,
      reference: c.reference,
      title: localized(c.titleVi, c.titleEn),
    });
    return {
      ...this.toDto(
        { ...row, framework: { code: row.framework.code } },
        todayUtc(this.clock.now()),
      ),
      framework: {
        id: row.framework.id,
        code: row.framework.code,
        title: localized(row.framework.titleVi, row.framework.titleEn),
      },
      parent: row.parent
        ? {
            id: row.parent.id,
            reference: row.parent.reference,
            title: localized(row.parent.titleVi, row.parent.titleEn),
          }
        : null,
      children: row.children.map((c) => ({
        id: c.id,
        reference: c.reference,
        title: localized(c.titleVi, c.titleEn),
        status: c.status,
        trackedStatus: trackedStatus(c),
        progress: c.progress,
        childCount: c.activeChildren,
      })),
      alignments: [
        ...row.alignmentsFrom.map((a) => ({
          id: a.id,
          direction: 'OUTGOING' as const,
          note: localizedOrNull(a.noteVi, a.noteEn),
          commitment: ref(a.target),
        })),
        ...row.alignmentsTo.map((a) => ({
          id: a.id,
          direction: 'INCOMING' as const,
          note: localizedOrNull(a.noteVi, a.noteEn),
          commitment: ref(a.source),
        })),
      ],
      focalUser: row.focalUser,
    };
  }
}
