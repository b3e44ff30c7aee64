import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** A progress report's event, as the inbox entries it makes need it. */
export interface ReportEvent {
  workspaceId: string;
  commitmentId: string;
  reportId: string;
  period: string;
  /** Who did it: never notified of their own action. */
  actorId: string;
}

/**
 * Writes inbox entries inside the transaction of the change that causes them: one INSERT …
 * SELECT per event over the workspace's active members, whatever their number.
 */
@Injectable()
export class NotificationOutbox {
  /** A report waits for a decision: the members who may decide it (ADMIN, MANAGER), never its author. */
  async reportSubmitted(tx: Tx, event: ReportEvent): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "workspaceId", "userId", kind, "commitmentId", "actorId", data)
      SELECT gen_random_uuid(), m."workspaceId", m."userId", 'REPORT_SUBMITTED', ${event.commitmentId}::uuid,
        ${event.actorId}::uuid, ${this.data(event)}::jsonb
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."workspaceId" = ${event.workspaceId}::uuid AND m.active AND u.active
        AND m.role IN ('ADMIN', 'MANAGER') AND m."userId" <> ${event.actorId}::uuid`;
  }

  /**
   * A report was returned (with its reason) or approved: its author and the editors of the
   * commitment's lead organization, never the one who decided.
   */
  async reportDecided(
    tx: Tx,
    event: ReportEvent & {
      kind: 'REPORT_RETURNED' | 'REPORT_APPROVED';
      authorId: string;
      reason?: string;
    },
  ): Promise<void> {
    const kind = Prisma.sql`${event.kind}::"NotificationKind"`;
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "workspaceId", "userId", kind, "commitmentId", "actorId", data)
      SELECT gen_random_uuid(), m."workspaceId", m."userId", ${kind}, ${event.commitmentId}::uuid,
        ${event.actorId}::uuid, ${this.data(event, event.reason)}::jsonb
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."workspaceId" = ${event.workspaceId}::uuid AND m.active AND u.active
        AND m."userId" <> ${event.actorId}::uuid
        AND (m."userId" = ${event.authorId}::uuid
          OR (m.role = 'EDITOR' AND m."organizationId" =
              (SELECT "leadOrgId" FROM "Commitment" WHERE id = ${event.commitmentId}::uuid)))`;
  }

  /** The author of a report follows its item from then on, unless they unfollowed it. */
  async autoFollow(
    tx: Tx,
    workspaceId: string,
    userId: string,
    commitmentId: string,
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO "Follow" ("userId", "commitmentId", "workspaceId")
      VALUES (${userId}::uuid, ${commitmentId}::uuid, ${workspaceId}::uuid)
      ON CONFLICT ("userId", "commitmentId") DO NOTHING`;
  }

  private data(event: ReportEvent, reason?: string): string {
    return JSON.stringify({
      reportId: event.reportId,
      period: event.period,
      ...(reason ? { reason } : {}),
    });
  }
}
