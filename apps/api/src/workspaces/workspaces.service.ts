import { Injectable } from '@nestjs/common';
import { type List, listOf } from '../common/list';
import { type CreateWorkspaceDto } from './create-workspace.dto';
import { type WorkspaceDto } from './workspace.dto';
import { WorkspacesRepository } from './workspaces.repository';

@Injectable()
export class WorkspacesService {
  constructor(private readonly workspaces: WorkspacesRepository) {}

  async listForUser(userId: string): Promise<List<WorkspaceDto>> {
    const rows = await this.workspaces.findForUser(userId);
    return listOf(rows.map(({ id, slug, name, isDemo }) => ({ id, slug, name, isDemo })));
  }

  /** Any signed-in user may start a workspace; they become its administrator. A taken slug is a 409. */
  create(userId: string, input: CreateWorkspaceDto): Promise<WorkspaceDto> {
    return this.workspaces.createWithAdmin(input.slug, input.name, userId);
  }
}
