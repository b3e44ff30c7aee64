import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { type List, listOf } from '../common/list';
import { type CommentDto } from './comment.dto';
import { CommentsRepository } from './comments.repository';

@Injectable()
export class CommentsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly comments: CommentsRepository,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<CommentDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.comments.findForCommitment(workspaceId, commitmentId);
    return listOf(
      rows.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        author: c.author,
        body: c.body,
        stance: c.stance,
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
      })),
    );
  }
}
