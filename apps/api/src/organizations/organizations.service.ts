import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { type List, listOf } from '../common/list';
import { localized } from '../common/localized';
import { type OrganizationDto } from './organization.dto';
import { OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async list(member: WorkspaceActor): Promise<List<OrganizationDto>> {
    const rows = await this.organizations.findAll(member.workspaceId);
    return listOf(
      rows.map((o) => ({
        id: o.id,
        shortName: o.shortName,
        name: localized(o.nameVi, o.nameEn),
        constituency: o.constituency,
      })),
    );
  }
}
