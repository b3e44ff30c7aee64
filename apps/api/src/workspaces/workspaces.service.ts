import { Injectable, NotFoundException } from '@nestjs/common';
import { type List, listOf } from '../common/list';
import { type WorkspaceDto } from './workspace.dto';
import { WorkspacesRepository } from './workspaces.repository';

@Injectable()
export class WorkspacesService {
  constructor(private readonly workspaces: WorkspacesRepository) {}

  async list(): Promise<List<WorkspaceDto>> {
    const rows = await this.workspaces.findAll();
    return listOf(rows.map(({ id, slug, name, isDemo }) => ({ id, slug, name, isDemo })));
  }

  /** The workspace a request is scoped to; an unknown slug does not exist for the caller. */
  async resolve(slug: string): Promise<{ id: string; slug: string }> {
    const workspace = await this.workspaces.findBySlug(slug);
    if (!workspace) throw new NotFoundException(`Workspace "${slug}" not found`);
    return workspace;
  }
}
