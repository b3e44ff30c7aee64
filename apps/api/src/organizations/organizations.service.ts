import type { WorkspaceActor } from '../auth/actor';
import { Injectable, NotFoundException } from '@nestjs/common';
import { conflict } from '../common/api-error';
import { answerStale, checkIfMatch } from '../common/etag';
import { type List, listOf } from '../common/list';
import { diffFields, recordActivity, snapshot, workspaceRecordEvent } from '../history/activity';
import {
  type CreateOrganizationDto,
  type OrganizationDto,
  toOrganizationDto,
  type UpdateOrganizationDto,
} from './organization.dto';
import {
  type OrganizationFields,
  type OrganizationReferences,
  type OrganizationRow,
  OrganizationsRepository,
  type Tx,
} from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async list(member: WorkspaceActor): Promise<List<OrganizationDto>> {
    const rows = await this.organizations.findAll(member.workspaceId);
    return listOf(rows.map(toOrganizationDto));
  }

  /** A duplicate short name in the workspace is a 409 (the unique constraint decides). */
  async create(member: WorkspaceActor, input: CreateOrganizationDto): Promise<OrganizationDto> {
    const row = await this.organizations.transaction(async (tx) => {
      const created = await this.organizations.create(tx, member.workspaceId, {
        shortName: input.shortName,
        nameVi: input.name.vi,
        nameEn: input.name.en,
        constituency: input.constituency,
      });
      await recordActivity(tx, {
        ...workspaceRecordEvent(member, 'organization', created.id),
        action: 'created',
        changes: snapshot(fieldsOf(created), 'after'),
      });
      return created;
    });
    return toOrganizationDto(row);
  }

  /**
   * A partial edit under optimistic concurrency: `ifMatch` must name the stored version. Only
   * fields that differ are written; an edit that changes nothing keeps the version.
   */
  update(
    member: WorkspaceActor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.write(member, id, ifMatch, async (tx, row) => {
      const sent = {
        shortName: input.shortName,
        nameVi: input.name?.vi,
        nameEn: input.name?.en,
        constituency: input.constituency,
      };
      const changed = Object.fromEntries(
        Object.entries(sent).filter(
          ([field, value]) => value !== undefined && value !== row[field as keyof typeof sent],
        ),
      ) as OrganizationFields;
      if (Object.keys(changed).length === 0) return toOrganizationDto(row);
      await recordActivity(tx, {
        ...workspaceRecordEvent(member, 'organization', id),
        action: 'updated',
        changes: diffFields<Record<string, unknown>>(fieldsOf(row), { ...changed }),
      });
      return toOrganizationDto(await this.organizations.update(tx, id, changed));
    });
  }

  /**
   * Deletes the organization of version `ifMatch`. Only an organization nothing refers to any
   * more can go: history must keep its owners.
   */
  async remove(member: WorkspaceActor, id: string, ifMatch: string | undefined): Promise<void> {
    await this.write(member, id, ifMatch, async (tx, row) => {
      refuseWhileReferenced(await this.organizations.references(tx, id));
      await this.organizations.delete(tx, id);
      await recordActivity(tx, {
        ...workspaceRecordEvent(member, 'organization', id),
        action: 'deleted',
        changes: snapshot(fieldsOf(row), 'before'),
      });
    });
  }

  /**
   * One write of the organization `id`, in one transaction on its locked row: 404 for an id
   * outside the workspace, then 428 when If-Match is missing, then 412 with the stored
   * organization when it names another version, then `apply`. Who may write is decided by the
   * route's permission (`workspace.manage` depends on the role only).
   */
  private write<T>(
    member: WorkspaceActor,
    id: string,
    ifMatch: string | undefined,
    apply: (tx: Tx, row: OrganizationRow) => Promise<T>,
  ): Promise<T> {
    return answerStale(
      'organization',
      ifMatch,
      () =>
        this.organizations.transaction(async (tx) => {
          const row = await this.organizations.lock(tx, member.workspaceId, id);
          if (!row) throw new NotFoundException(`Organization ${id} not found`);
          checkIfMatch(ifMatch, row.version, { required: true });
          return apply(tx, row);
        }),
      async () => {
        const stored = await this.organizations.findOne(member.workspaceId, id);
        return stored && toOrganizationDto(stored);
      },
    );
  }
}

/** What the audit trail records of an organization. */
function fieldsOf(row: OrganizationRow): Required<OrganizationFields> {
  return {
    shortName: row.shortName,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    constituency: row.constituency,
  };
}

function refuseWhileReferenced(references: OrganizationReferences): void {
  const still = Object.entries(references)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`);
  if (still.length > 0) {
    throw conflict(
      'inUse',
      `The organization is still referenced by ${still.join(', ')}; reassign them first`,
    );
  }
}
