import { Injectable } from '@nestjs/common';
import { type List, listOf } from '../common/list';
import { localized } from '../common/localized';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { type OrganizationDto } from './organization.dto';
import { OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async list(slug: string): Promise<List<OrganizationDto>> {
    const workspace = await this.workspaces.resolve(slug);
    const rows = await this.organizations.findAll(workspace.id);
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
