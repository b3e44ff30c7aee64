import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Comment, Prisma, Stance } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

const commentInclude = {
  author: { select: { id: true, displayName: true } },
} satisfies Prisma.CommentInclude;

export type CommentRow = Prisma.CommentGetPayload<{ include: typeof commentInclude }>;

@Injectable()
export class CommentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every comment of the commitment, deleted ones included so that threads stay whole. */
  findForCommitment(workspaceId: string, commitmentId: string): Promise<CommentRow[]> {
    return this.prisma.comment.findMany({
      where: { workspaceId, commitmentId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: commentInclude,
    });
  }

  findInCommitment(
    workspaceId: string,
    commitmentId: string,
    id: string,
  ): Promise<CommentRow | null> {
    return this.prisma.comment.findFirst({
      where: { id, workspaceId, commitmentId },
      include: commentInclude,
    });
  }

  /** The ids of the workspace's active members with one of these (lower-case) e-mails. */
  async memberIdsByEmail(workspaceId: string, emails: string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const members = await this.prisma.membership.findMany({
      where: { workspaceId, active: true, user: { email: { in: emails }, active: true } },
      select: { userId: true },
    });
    return members.map((m) => m.userId);
  }

  create(
    tx: Tx,
    data: {
      workspaceId: string;
      commitmentId: string;
      parentId: string | null;
      authorId: string;
      body: string;
      stance: Stance | null;
      mentionedIds: string[];
    },
  ): Promise<CommentRow> {
    return tx.comment.create({ data, include: commentInclude });
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /**
   * The comment, with its row locked until the transaction ends, so that concurrent edits of one
   * version run one after the other and only the first finds its version still current.
   */
  async lock(
    tx: Tx,
    workspaceId: string,
    commitmentId: string,
    id: string,
  ): Promise<CommentRow | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Comment"
      WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
        AND "commitmentId" = ${commitmentId}::uuid
      FOR UPDATE`;
    if (rows.length === 0) return null;
    return tx.comment.findUniqueOrThrow({ where: { id }, include: commentInclude });
  }

  /** Changes a locked comment (an edit or a deletion) and increments its version; answers its columns. */
  update(
    tx: Tx,
    id: string,
    data: {
      body?: string;
      stance?: Stance | null;
      mentionedIds?: string[];
      editedAt?: Date;
      deletedAt?: Date;
    },
  ): Promise<Comment> {
    return tx.comment.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  }
}
