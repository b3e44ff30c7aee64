import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { recordActivity, snapshot, workspaceRecordEvent } from '../history/activity';

@Injectable()
export class WorkspacesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The workspaces a user is an active member of. */
  findForUser(userId: string) {
    return this.prisma.workspace.findMany({
      where: { memberships: { some: { userId, active: true } } },
      orderBy: { name: 'asc' },
    });
  }

  /**
   * A new workspace with its creator as its first (active) administrator, and the event that
   * records who created it, in one transaction.
   */
  createWithAdmin(slug: string, name: string, userId: string) {
    return this.prisma.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({
        data: { slug, name, memberships: { create: { userId, role: 'ADMIN' } } },
        select: { id: true, slug: true, name: true, isDemo: true },
      });
      await recordActivity(tx, {
        ...workspaceRecordEvent({ workspaceId: workspace.id, userId }, 'workspace', workspace.id),
        action: 'created',
        changes: snapshot({ slug, name }, 'after'),
      });
      return workspace;
    });
  }
}
