import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma, Stance } from '../generated/prisma/client';

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

  create(data: {
    workspaceId: string;
    commitmentId: string;
    parentId: string | null;
    authorId: string;
    body: string;
    stance: Stance | null;
    mentionedIds: string[];
  }): Promise<CommentRow> {
    return this.prisma.comment.create({ data, include: commentInclude });
  }

  /** Changes a comment that is not deleted; false when it is (or was deleted meanwhile). */
  async updateLive(
    id: string,
    data: {
      body?: string;
      stance?: Stance | null;
      mentionedIds?: string[];
      editedAt?: Date;
      deletedAt?: Date;
    },
  ): Promise<boolean> {
    const { count } = await this.prisma.comment.updateMany({
      where: { id, deletedAt: null },
      data,
    });
    return count === 1;
  }

  findById(id: string): Promise<CommentRow> {
    return this.prisma.comment.findUniqueOrThrow({ where: { id }, include: commentInclude });
  }
}
