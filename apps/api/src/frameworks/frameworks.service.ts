import type { WorkspaceActor } from '../auth/actor';
import { Injectable, NotFoundException } from '@nestjs/common';
import { dateColumn, isoDate, todayUtc } from '../common/dates';
import { answerStale, checkIfMatch } from '../common/etag';
import { type List, listOf } from '../common/list';
import { localized, localizedOrNull } from '../common/localized';
import { isOverdue } from '../commitments/overdue';
import { meanProgress } from '../commitments/rollup';
import { trackedStatus } from '../commitments/tracked-status';
import { Clock } from '../common/clock';
import { statusCounts } from '../common/status-counts';
import {
  diffFields,
  type FieldChanges,
  recordActivity,
  snapshot,
  workspaceRecordEvent,
} from '../history/activity';
import {
  type CommitmentNodeDto,
  type FrameworkDetailDto,
  type FrameworkDto,
} from './framework.dto';
import { type CreateFrameworkDto, type UpdateFrameworkDto } from './framework-input.dto';
import {
  type FrameworkFields,
  type FrameworkFigures,
  FrameworksRepository,
} from './frameworks.repository';

type FrameworkRow = NonNullable<Awaited<ReturnType<FrameworksRepository['findOne']>>>;

@Injectable()
export class FrameworksService {
  constructor(
    private readonly frameworks: FrameworksRepository,
    private readonly clock: Clock,
  ) {}

  async list(member: WorkspaceActor): Promise<List<FrameworkDto>> {
    const rows = await this.frameworks.findAllWithFigures(member.workspaceId);
    return listOf(rows.map((row) => this.toDto(row, row.figures)));
  }

  async get(member: WorkspaceActor, id: string): Promise<FrameworkDetailDto> {
    const row = await this.frameworks.findOne(member.workspaceId, id);
    if (!row) throw new NotFoundException(`Framework ${id} not found`);
    const [commitments, figures] = await Promise.all([
      this.frameworks.commitmentsOf(member.workspaceId, id),
      this.frameworks.figures(member.workspaceId, id),
    ]);
    const summary = this.toDto(row, figures);
    const today = todayUtc(this.clock.now());
    const nodes = new Map<string, CommitmentNodeDto>();
    for (const c of commitments) {
      nodes.set(c.id, {
        id: c.id,
        reference: c.reference,
        title: localized(c.titleVi, c.titleEn),
        status: c.status,
        trackedStatus: null,
        progress: c.progress,
        weight: c.weight,
        theme: c.theme,
        leadOrgId: c.leadOrgId,
        targetDate: isoDate(c.targetDate),
        overdue: isOverdue(c, today),
        children: [],
      });
    }
    const tree: CommitmentNodeDto[] = [];
    for (const c of commitments) {
      const node = nodes.get(c.id)!;
      const parent = c.parentId ? nodes.get(c.parentId) : undefined;
      (parent ? parent.children : tree).push(node);
    }
    for (const node of nodes.values()) {
      node.trackedStatus = trackedStatus({ ...node, activeChildren: node.children.length });
    }
    return { ...summary, tree };
  }

  /** A duplicate code in the workspace is a 409 (the unique constraint decides). */
  async create(member: WorkspaceActor, input: CreateFrameworkDto): Promise<FrameworkDto> {
    const row = await this.frameworks.transaction(async (tx) => {
      const created = await this.frameworks.create(tx, member.workspaceId, {
        code: input.code,
        titleVi: input.title.vi,
        titleEn: input.title.en,
        ...optionalFields(input),
      });
      await recordActivity(tx, {
        ...workspaceRecordEvent(member, 'framework', created.id),
        action: 'created',
        changes: calendarDates(
          snapshot(
            {
              code: created.code,
              titleVi: created.titleVi,
              titleEn: created.titleEn,
              descriptionVi: created.descriptionVi,
              descriptionEn: created.descriptionEn,
              issuerVi: created.issuerVi,
              issuerEn: created.issuerEn,
              adoptedOn: created.adoptedOn,
              url: created.url,
            },
            'after',
          ),
        ),
      });
      return created;
    });
    return this.toDto(row, []);
  }

  /**
   * A partial edit under optimistic concurrency, on the framework's locked row: 404 for an id
   * outside the workspace, 428 without If-Match, 412 with the stored framework when If-Match
   * names another version. Only fields that differ are written; an edit that changes nothing
   * keeps the version. A duplicate code is a 409 (the unique constraint decides).
   */
  async update(
    member: WorkspaceActor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateFrameworkDto,
  ): Promise<FrameworkDto> {
    const sent: Partial<FrameworkFields> = {
      code: input.code,
      titleVi: input.title?.vi,
      titleEn: input.title?.en,
      ...optionalFields(input),
    };
    const row = await answerStale(
      'framework',
      ifMatch,
      () =>
        this.frameworks.transaction(async (tx) => {
          const locked = await this.frameworks.lock(tx, member.workspaceId, id);
          if (!locked) throw new NotFoundException(`Framework ${id} not found`);
          checkIfMatch(ifMatch, locked.version, { required: true });
          const changes = diffFields<Record<string, unknown>>({ ...locked }, sent);
          if (Object.keys(changes).length === 0) return locked;
          const changed = Object.fromEntries(
            Object.keys(changes).map((field) => [field, sent[field as keyof FrameworkFields]]),
          ) as Partial<FrameworkFields>;
          await recordActivity(tx, {
            ...workspaceRecordEvent(member, 'framework', id),
            action: 'updated',
            changes: calendarDates(changes),
          });
          return this.frameworks.update(tx, id, changed);
        }),
      async () => {
        const stored = await this.frameworks.findOne(member.workspaceId, id);
        return stored && this.toDto(stored, await this.frameworks.figures(member.workspaceId, id));
      },
    );
    // The framework as stored now (the locked row, or what the update wrote), without its tree.
    return this.toDto(row, await this.frameworks.figures(member.workspaceId, id));
  }

  /** The framework with its trackable items' counts and progress (from the tally). */
  private toDto(
    row: FrameworkRow,
    figures: readonly Omit<FrameworkFigures, 'frameworkId'>[],
  ): FrameworkDto {
    return {
      id: row.id,
      code: row.code,
      title: localized(row.titleVi, row.titleEn),
      description: localizedOrNull(row.descriptionVi, row.descriptionEn),
      issuer: localizedOrNull(row.issuerVi, row.issuerEn),
      adoptedOn: isoDate(row.adoptedOn),
      url: row.url,
      commitmentCount: figures.reduce((sum, f) => sum + f.items, 0),
      untrackedCount: figures.reduce((sum, f) => sum + f.untracked, 0),
      progress: meanProgress(figures),
      statusCounts: statusCounts(figures.map((f) => ({ status: f.status, count: f.items }))),
      version: row.version,
    };
  }
}

/** `adoptedOn` as the calendar date it is (YYYY-MM-DD), not a timestamp. */
function calendarDates(changes: FieldChanges): FieldChanges {
  const adopted = changes.adoptedOn;
  if (!adopted) return changes;
  const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : value);
  return { ...changes, adoptedOn: { before: day(adopted.before), after: day(adopted.after) } };
}

/** The clearable fields of a framework as columns: left out stays, null clears. */
function optionalFields(
  input: Pick<CreateFrameworkDto, 'description' | 'issuer' | 'adoptedOn' | 'url'>,
): Partial<FrameworkFields> {
  const fields: Partial<FrameworkFields> = {};
  if (input.description !== undefined) {
    fields.descriptionVi = input.description?.vi ?? null;
    fields.descriptionEn = input.description?.en ?? null;
  }
  if (input.issuer !== undefined) {
    fields.issuerVi = input.issuer?.vi ?? null;
    fields.issuerEn = input.issuer?.en ?? null;
  }
  if (input.adoptedOn !== undefined) {
    fields.adoptedOn = dateColumn(input.adoptedOn);
  }
  if (input.url !== undefined) fields.url = input.url;
  return fields;
}
