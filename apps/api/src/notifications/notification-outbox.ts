import { Injectable } from '@nestjs/common';
import type { CommitmentStatus } from '@spct/contracts';
import { Prisma } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;

const ALERT_STATUSES: ReadonlySet<CommitmentStatus> = new Set(['AT_RISK', 'OFF_TRACK']);

/**
 * Whether the member `m` follows the item `c` (with its Follow row `f`, maybe none): an explicit
 * Follow or unfollow decides; without one, the item's focal person and the editors of its lead
 * organization follow it.
 */
export const FOLLOWING = Prisma.sql`COALESCE(f.following,
  m."userId" IS NOT DISTINCT FROM c."focalUserId"
  OR (m.role = 'EDITOR' AND m."organizationId" IS NOT DISTINCT FROM c."leadOrgId"
    AND c."leadOrgId" IS NOT NULL))`;

/** FROM … WHERE of the active members of the workspace who follow the item (aliases m, c). */
function followersOf(workspaceId: string, commitmentId: string): Prisma.Sql {
  return Prisma.sql`FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      JOIN "Commitment" c ON c.id = ${commitmentId}::uuid
      LEFT JOIN "Follow" f ON f."userId" = m."userId" AND f."commitmentId" = c.id
      WHERE m."workspaceId" = ${workspaceId}::uuid AND m.active AND u.active AND ${FOLLOWING}`;
}

/** A comment's event. */
export interface CommentEvent {
  workspaceId: string;
  commitmentId: string;
  commentId: string;
  parentId: string | null;
  actorId: string;
}

function commentData(event: CommentEvent): string {
  return JSON.stringify({
    commentId: event.commentId,
    ...(event.parentId ? { parentId: event.parentId } : {}),
  });
}

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

  /**
   * Those mentioned in a new comment (or newly mentioned by an edit): `mentionedIds` are already
   * the workspace's active members; the author is never told of their own mention.
   */
  async mentioned(tx: Tx, event: CommentEvent & { mentionedIds: string[] }): Promise<void> {
    if (event.mentionedIds.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "workspaceId", "userId", kind, "commitmentId", "actorId", data)
      SELECT gen_random_uuid(), m."workspaceId", m."userId", 'MENTION', ${event.commitmentId}::uuid,
        ${event.actorId}::uuid, ${commentData(event)}::jsonb
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."workspaceId" = ${event.workspaceId}::uuid AND m.active AND u.active
        AND m."userId" = ANY(${event.mentionedIds}::uuid[]) AND m."userId" <> ${event.actorId}::uuid`;
  }

  /**
   * A comment or a reply: the item's followers, except its author and those it mentions (they
   * are told of the mention instead).
   */
  async commented(tx: Tx, event: CommentEvent & { mentionedIds: string[] }): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "workspaceId", "userId", kind, "commitmentId", "actorId", data)
      SELECT gen_random_uuid(), m."workspaceId", m."userId", 'COMMENT', c.id, ${event.actorId}::uuid,
        ${commentData(event)}::jsonb
      ${followersOf(event.workspaceId, event.commitmentId)}
        AND m."userId" <> ${event.actorId}::uuid
        AND m."userId" <> ALL(${event.mentionedIds}::uuid[])`;
  }

  /** An organization's position recorded or changed: the item's followers, never who recorded it. */
  async positionRecorded(
    tx: Tx,
    event: {
      workspaceId: string;
      commitmentId: string;
      actorId: string;
      positionId: string;
      organization: string;
      position: string;
    },
  ): Promise<void> {
    const data = JSON.stringify({
      positionId: event.positionId,
      organization: event.organization,
      position: event.position,
    });
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "workspaceId", "userId", kind, "commitmentId", "actorId", data)
      SELECT gen_random_uuid(), m."workspaceId", m."userId", 'POSITION', c.id, ${event.actorId}::uuid,
        ${data}::jsonb
      ${followersOf(event.workspaceId, event.commitmentId)}
        AND m."userId" <> ${event.actorId}::uuid`;
  }

  /**
   * An item's status turned AT_RISK or OFF_TRACK (from another status): its followers and the
   * workspace's managers, never who caused it. Nothing for any other change.
   */
  async statusChanged(
    tx: Tx,
    event: ReportEvent & { before: CommitmentStatus; after: CommitmentStatus },
  ): Promise<void> {
    if (event.before === event.after || !ALERT_STATUSES.has(event.after)) return;
    const data = JSON.stringify({
      status: event.after,
      previousStatus: event.before,
      reportId: event.reportId,
      period: event.period,
    });
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "workspaceId", "userId", kind, "commitmentId", "actorId", data)
      SELECT gen_random_uuid(), m."workspaceId", m."userId", 'STATUS_ALERT', c.id,
        ${event.actorId}::uuid, ${data}::jsonb
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      JOIN "Commitment" c ON c.id = ${event.commitmentId}::uuid
      LEFT JOIN "Follow" f ON f."userId" = m."userId" AND f."commitmentId" = c.id
      WHERE m."workspaceId" = ${event.workspaceId}::uuid AND m.active AND u.active
        AND m."userId" <> ${event.actorId}::uuid
        AND (m.role = 'MANAGER' OR ${FOLLOWING})`;
  }

  /** The author of a report or a comment follows its item from then on, unless they unfollowed it. */
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
