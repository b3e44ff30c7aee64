import type { WorkspaceActor } from '../auth/actor';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { FieldValidationException } from '../common/api-error';
import { answerStale, checkIfMatch } from '../common/etag';
import { type List, listOf } from '../common/list';
import { type ActivityInput, diffFields, recordActivity, snapshot } from '../history/activity';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { PolicyService } from '../permissions/policy.service';
import { type CommentDto, type CreateCommentDto, type UpdateCommentDto } from './comment.dto';
import { type CommentRow, CommentsRepository, type Tx } from './comments.repository';
import { mentionedEmails } from './mentions';

@Injectable()
export class CommentsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly comments: CommentsRepository,
    private readonly policy: PolicyService,
    private readonly outbox: NotificationOutbox,
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
            code: 'unknownReference',
            message: 'must be a comment of this commitment that is not deleted',
          },
        ]);
      }
    }
    const mentionedIds = await this.mentions(workspaceId, input.body);
    const row = await this.comments.transaction(async (tx) => {
      const created = await this.comments.create(tx, {
        workspaceId,
        commitmentId,
        parentId: input.parentId ?? null,
        authorId: member.userId,
        body: input.body,
        stance: input.stance ?? null,
        mentionedIds,
      });
      await recordActivity(tx, {
        ...commentEvent(member, created),
        action: 'created',
        changes: snapshot(
          { body: created.body, stance: created.stance, parentId: created.parentId },
          'after',
        ),
      });
      const event = {
        workspaceId,
        commitmentId,
        commentId: created.id,
        parentId: created.parentId,
        actorId: member.userId,
        mentionedIds,
      };
      await this.outbox.autoFollow(tx, workspaceId, member.userId, commitmentId);
      await this.outbox.mentioned(tx, event);
      await this.outbox.commented(tx, event);
      return created;
    });
    return toDto(row);
  }

  /**
   * Only the author edits a comment, naming the version they edited in If-Match. An edit that
   * changes nothing keeps the version (and the comment is not marked edited).
   */
  async update(
    member: WorkspaceActor,
    commitmentId: string,
    commentId: string,
    ifMatch: string | undefined,
    input: UpdateCommentDto,
  ): Promise<CommentDto> {
    const mentionedIds =
      input.body !== undefined ? await this.mentions(member.workspaceId, input.body) : undefined;
    const row = await this.write(
      member,
      commitmentId,
      commentId,
      ifMatch,
      (comment) => {
        if (comment.authorId !== member.userId) {
          throw new ForbiddenException('Only the author may edit this comment');
        }
      },
      async (tx, comment) => {
        const bodyChanged = input.body !== undefined && input.body !== comment.body;
        const stanceChanged = input.stance !== undefined && input.stance !== comment.stance;
        if (!bodyChanged && !stanceChanged) return comment;
        await recordActivity(tx, {
          ...commentEvent(member, comment),
          action: 'edited',
          changes: diffFields<Record<string, unknown>>(
            { body: comment.body, stance: comment.stance },
            {
              ...(bodyChanged && { body: input.body }),
              ...(stanceChanged && { stance: input.stance }),
            },
          ),
        });
        if (bodyChanged && mentionedIds) {
          await this.outbox.mentioned(tx, {
            workspaceId: comment.workspaceId,
            commitmentId: comment.commitmentId,
            commentId: comment.id,
            parentId: comment.parentId,
            actorId: member.userId,
            mentionedIds: mentionedIds.filter((id) => !comment.mentionedIds.includes(id)),
          });
        }
        const updated = await this.comments.update(tx, comment.id, {
          ...(bodyChanged && { body: input.body, mentionedIds }),
          ...(stanceChanged && { stance: input.stance }),
          editedAt: new Date(),
        });
        // The author is the locked row's: an edit does not change it, so it is not read again.
        return { ...updated, author: comment.author };
      },
    );
    return toDto(row);
  }

  /**
   * The author, or whoever manages the workspace (moderation), deletes a comment naming the
   * version they saw in If-Match; replies stay.
   */
  async remove(
    member: WorkspaceActor,
    commitmentId: string,
    commentId: string,
    ifMatch: string | undefined,
  ): Promise<void> {
    await this.write(
      member,
      commitmentId,
      commentId,
      ifMatch,
      (comment) => {
        if (comment.authorId !== member.userId && !this.policy.can(member, 'workspace.manage')) {
          throw new ForbiddenException(
            'Only the author or a workspace administrator may delete this comment',
          );
        }
      },
      async (tx, comment) => {
        const deletedAt = new Date();
        await this.comments.update(tx, comment.id, { deletedAt });
        // `moderated`: an administrator removed someone else's comment. The body is not copied
        // into the trail, which every reader of the commitment's history sees.
        await recordActivity(tx, {
          ...commentEvent(member, comment),
          action: comment.authorId === member.userId ? 'deleted' : 'moderated',
          changes: { deletedAt: { before: null, after: deletedAt.toISOString() } },
        });
      },
    );
  }

  /**
   * One write of a live comment, in one transaction on its locked row: 404 for an unknown or
   * deleted comment (or one of another commitment or workspace), then `authorize` (403), then 428
   * without If-Match, then 412 with the stored comment when it names another version, then `apply`.
   */
  private async write<T>(
    member: WorkspaceActor,
    commitmentId: string,
    commentId: string,
    ifMatch: string | undefined,
    authorize: (comment: CommentRow) => void,
    apply: (tx: Tx, comment: CommentRow) => Promise<T>,
  ): Promise<T> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    return answerStale(
      'comment',
      ifMatch,
      () =>
        this.comments.transaction(async (tx) => {
          const comment = await this.comments.lock(tx, workspaceId, commitmentId, commentId);
          if (!comment || comment.deletedAt) throw notFound(commentId);
          authorize(comment);
          checkIfMatch(ifMatch, comment.version, { required: true });
          return apply(tx, comment);
        }),
      async () => toDto(await this.requireLive(member, commitmentId, commentId)),
    );
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

/** The audit event of a write on a comment, under its commitment. */
function commentEvent(
  member: WorkspaceActor,
  comment: { id: string; commitmentId: string },
): Omit<ActivityInput, 'action' | 'changes'> {
  return {
    workspaceId: member.workspaceId,
    actorId: member.userId,
    commitmentId: comment.commitmentId,
    entityType: 'comment',
    entityId: comment.id,
  };
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
    version: c.version,
  };
}
