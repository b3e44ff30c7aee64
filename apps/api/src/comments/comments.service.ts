import type { WorkspaceActor } from '../auth/actor';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { FieldValidationException } from '../common/api-error.filter';
import { type List, listOf } from '../common/list';
import { PolicyService } from '../permissions/policy.service';
import { type CommentDto, type CreateCommentDto, type UpdateCommentDto } from './comment.dto';
import { type CommentRow, CommentsRepository } from './comments.repository';
import { mentionedEmails } from './mentions';

@Injectable()
export class CommentsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly comments: CommentsRepository,
    private readonly policy: PolicyService,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<CommentDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.comments.findForCommitment(workspaceId, commitmentId);
    return listOf(rows.map(toDto));
  }

  async create(
    member: WorkspaceActor,
    commitmentId: string,
    input: CreateCommentDto,
  ): Promise<CommentDto> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    if (input.parentId !== undefined) {
      const parent = await this.comments.findInCommitment(
        workspaceId,
        commitmentId,
        input.parentId,
      );
      if (!parent || parent.deletedAt) {
        throw new FieldValidationException([
          {
            field: 'parentId',
            message: 'must be a comment of this commitment that is not deleted',
          },
        ]);
      }
    }
    const row = await this.comments.create({
      workspaceId,
      commitmentId,
      parentId: input.parentId ?? null,
      authorId: member.userId,
      body: input.body,
      stance: input.stance ?? null,
      mentionedIds: await this.mentions(workspaceId, input.body),
    });
    return toDto(row);
  }

  /** Only the author edits a comment. */
  async update(
    member: WorkspaceActor,
    commitmentId: string,
    commentId: string,
    input: UpdateCommentDto,
  ): Promise<CommentDto> {
    const comment = await this.requireLive(member, commitmentId, commentId);
    if (comment.authorId !== member.userId) {
      throw new ForbiddenException('Only the author may edit this comment');
    }
    const changed = await this.comments.updateLive(comment.id, {
      ...(input.body !== undefined && {
        body: input.body,
        mentionedIds: await this.mentions(member.workspaceId, input.body),
      }),
      ...(input.stance !== undefined && { stance: input.stance }),
      editedAt: new Date(),
    });
    if (!changed) throw notFound(commentId);
    return toDto(await this.comments.findById(comment.id));
  }

  /** The author, or whoever manages the workspace (moderation), deletes a comment; replies stay. */
  async remove(member: WorkspaceActor, commitmentId: string, commentId: string): Promise<void> {
    const comment = await this.requireLive(member, commitmentId, commentId);
    if (comment.authorId !== member.userId && !this.policy.can(member, 'workspace.manage')) {
      throw new ForbiddenException(
        'Only the author or a workspace administrator may delete this comment',
      );
    }
    if (!(await this.comments.updateLive(comment.id, { deletedAt: new Date() }))) {
      throw notFound(commentId);
    }
  }

  private async requireLive(
    member: WorkspaceActor,
    commitmentId: string,
    commentId: string,
  ): Promise<CommentRow> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const comment = await this.comments.findInCommitment(workspaceId, commitmentId, commentId);
    if (!comment || comment.deletedAt) throw notFound(commentId);
    return comment;
  }

  /** The members of the workspace mentioned as @email in `body`. */
  private mentions(workspaceId: string, body: string): Promise<string[]> {
    return this.comments.memberIdsByEmail(workspaceId, mentionedEmails(body));
  }
}

function notFound(commentId: string): NotFoundException {
  return new NotFoundException(`Comment ${commentId} not found`);
}

function toDto(c: CommentRow): CommentDto {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    parentId: c.parentId,
    author: c.author,
    body: deleted ? null : c.body,
    stance: deleted ? null : c.stance,
    mentionedIds: deleted ? [] : c.mentionedIds,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    deletedAt: c.deletedAt?.toISOString() ?? null,
  };
}
