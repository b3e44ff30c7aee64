import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { type EmailState, Prisma } from '../generated/prisma/client';

const dueInclude = {
  actor: { select: { displayName: true } },
  commitment: { select: { id: true, reference: true, titleVi: true, titleEn: true } },
  user: {
    select: {
      email: true,
      locale: true,
      active: true,
      memberships: { where: { active: true }, select: { workspaceId: true } },
      notificationPrefs: { where: { email: false }, select: { kind: true } },
      emailDigest: { select: { mode: true } },
    },
  },
  workspace: { select: { slug: true, calendar: { select: { timeZone: true } } } },
} satisfies Prisma.NotificationInclude;

export type DueNotification = Prisma.NotificationGetPayload<{ include: typeof dueInclude }> & {
  digest: boolean;
};

/** A message made from due deliveries, ready to be stored. */
export interface NewEmail {
  workspaceId: string;
  userId: string;
  recipient: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  state: EmailState;
  notificationIds: string[];
}

export interface Sendable {
  /** Attempts so far, this one included. */
  attempts: number;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
}

const outboxSelect = {
  id: true,
  recipient: true,
  locale: true,
  subject: true,
  state: true,
  attempts: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
} satisfies Prisma.OutboundEmailSelect;

export type OutboxRow = Prisma.OutboundEmailGetPayload<{ select: typeof outboxSelect }>;

@Injectable()
export class EmailRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Turns the deliveries due by `now` into messages, in one transaction: `compose` renders them;
   * deliveries it leaves out (a recipient who left the workspace) are dropped. Rows another
   * worker holds are skipped, so concurrent sweeps never make a message twice.
   */
  async composeDue(
    now: Date,
    limit: number,
    compose: (due: DueNotification[]) => NewEmail[],
  ): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ notificationId: string; digest: boolean }[]>`
          SELECT "notificationId", digest FROM "EmailDelivery"
          WHERE "emailId" IS NULL AND "dueAt" <= ${now}
          ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
        if (locked.length === 0) return 0;
        const digest = new Map(locked.map((row) => [row.notificationId, row.digest]));
        const rows = await tx.notification.findMany({
          where: { id: { in: [...digest.keys()] } },
          include: dueInclude,
        });
        const emails = compose(rows.map((row) => ({ ...row, digest: digest.get(row.id)! })));
        const withIds = emails.map((email) => ({ ...email, id: randomUUID() }));
        if (withIds.length > 0) {
          await tx.outboundEmail.createMany({
            data: withIds.map(({ notificationIds: _ids, ...email }) => ({
              ...email,
              createdAt: now,
            })),
          });
        }
        const pairs = withIds.flatMap((email) =>
          email.notificationIds.map((notificationId) => ({ notificationId, emailId: email.id })),
        );
        if (pairs.length > 0) {
          await tx.$executeRaw`
            UPDATE "EmailDelivery" d SET "emailId" = v.email
            FROM unnest(${pairs.map((p) => p.notificationId)}::uuid[], ${pairs.map((p) => p.emailId)}::uuid[])
              AS v(notification, email)
            WHERE d."notificationId" = v.notification`;
        }
        const carried = new Set(pairs.map((p) => p.notificationId));
        const dropped = [...digest.keys()].filter((id) => !carried.has(id));
        if (dropped.length > 0) {
          await tx.emailDelivery.deleteMany({ where: { notificationId: { in: dropped } } });
        }
        return locked.length;
      },
      { timeout: 60_000 },
    );
  }

  /**
   * PENDING messages with no delivery job, or whose job was queued before `staleBefore` (its
   * retries spent, or lost with a stopped process): marked queued now, for a job to be sent.
   */
  async takeUnqueued(now: Date, staleBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "OutboundEmail" SET "queuedAt" = ${now}
      WHERE id IN (
        SELECT id FROM "OutboundEmail"
        WHERE state = 'PENDING' AND ("queuedAt" IS NULL OR "queuedAt" < ${staleBefore})
        LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    return rows.map((row) => row.id);
  }

  /**
   * Takes a PENDING message for sending until `lockedUntil` and counts the attempt; null when it
   * was sent already or another worker holds it.
   */
  async claim(id: string, now: Date, lockedUntil: Date): Promise<Sendable | null> {
    const rows = await this.prisma.$queryRaw<Sendable[]>`
      UPDATE "OutboundEmail"
      SET "lockedUntil" = ${lockedUntil}, attempts = attempts + 1
      WHERE id = ${id}::uuid AND state = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      RETURNING attempts, recipient, subject, text, html, "unsubscribeUrl"`;
    return rows[0] ?? null;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.prisma.outboundEmail.update({
      where: { id },
      data: { state: 'SENT', sentAt: at, lockedUntil: null, lastError: null },
    });
  }

  /** A failed attempt; `final`: the message is not tried again (FAILED). */
  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.prisma.outboundEmail.update({
      where: { id },
      data: {
        lockedUntil: null,
        lastError: error.slice(0, 1000),
        ...(final ? { state: 'FAILED' } : {}),
      },
    });
  }

  /** A workspace's messages, newest first, after the (createdAt, id) of `after`. */
  outboxPage(
    workspaceId: string,
    after: { createdAt: Date; id: string } | null,
    limit: number,
  ): Promise<OutboxRow[]> {
    return this.prisma.outboundEmail.findMany({
      where: {
        workspaceId,
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: outboxSelect,
    });
  }
}
