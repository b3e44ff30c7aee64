import type { WorkspaceActor } from '../auth/actor';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type List, listOf } from '../common/list';
import {
  type CreateOrganizationDto,
  type OrganizationDto,
  toOrganizationDto,
  type UpdateOrganizationDto,
} from './organization.dto';
import { type OrganizationReferences, OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async list(member: WorkspaceActor): Promise<List<OrganizationDto>> {
    const rows = await this.organizations.findAll(member.workspaceId);
    return listOf(rows.map(toOrganizationDto));
  }

  /** A duplicate short name in the workspace is a 409 (the unique constraint decides). */
  async create(member: WorkspaceActor, input: CreateOrganizationDto): Promise<OrganizationDto> {
    const row = await this.organizations.create(member.workspaceId, {
      shortName: input.shortName,
      nameVi: input.name.vi,
      nameEn: input.name.en,
      constituency: input.constituency,
    });
    return toOrganizationDto(row);
  }

  async update(
    member: WorkspaceActor,
    id: string,
    input: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    const row = await this.organizations.update(member.workspaceId, id, {
      shortName: input.shortName,
      nameVi: input.name?.vi,
      nameEn: input.name?.en,
      constituency: input.constituency,
    });
    if (!row) throw new NotFoundException(`Organization ${id} not found`);
    return toOrganizationDto(row);
  }

  /** Only an organization nothing refers to any more can go: history must keep its owners. */
  async remove(member: WorkspaceActor, id: string): Promise<void> {
    const deleted = await this.organizations.deleteUnlessReferenced(
      member.workspaceId,
      id,
      refuseWhileReferenced,
    );
    if (!deleted) throw new NotFoundException(`Organization ${id} not found`);
  }
}

function refuseWhileReferenced(references: OrganizationReferences): void {
  const still = Object.entries(references)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`);
  if (still.length > 0) {
    throw new ConflictException(
      `The organization is still referenced by ${still.join(', ')}; reassign them first`,
    );
  }
}
