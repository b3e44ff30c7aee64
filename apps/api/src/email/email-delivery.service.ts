import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { NotificationKind } from '@spct/contracts';
import { Clock } from '../common/clock';
import { JobQueue, RUN_JOBS } from '../jobs/job-queue';
import {
  asLocale,
  type MailItem,
  type MailLinks,
  renderDigest,
  renderSingle,
} from './email-render';
import { type DueNotification, EmailRepository, type NewEmail } from './email.repository';
import { MAIL_CONFIG, type MailConfig } from './mail-config';
import { MailTransport } from './mail-transport';
import { signUnsubscribe } from './unsubscribe-token';

export const SWEEP_QUEUE = 'email-sweep';
export const DELIVER_QUEUE = 'email-deliver';
const BATCH = 200;
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** How long a worker holds a message it is sending (beyond nodemailer's own timeouts). */
const SEND_LEASE_MS = 2 * 60_000;
/** A PENDING message whose job was queued this long ago is queued again. */
const REQUEUE_AFTER_MS = 60 * 60_000;
/** Rounds of retries (each a job's retryLimit, an hour apart) before a message is given up. */
const RETRY_ROUNDS = 3;

/**
 * E-mail for notifications. A trigger writes a delivery for each notification its recipient
 * wants by e-mail (same transaction as the change); a sweep, every `sweepSeconds` on pg-boss,
 * renders the due ones — one message each, or one digest per person and workspace — and queues
 * a delivery job per message, which pg-boss retries with back-off while the server is away.
 * Without SMTP_URL the messages are kept in the outbox as NOT_SENT.
 */
@Injectable()
export class EmailDeliveryService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Email');

  constructor(
    private readonly emails: EmailRepository,
    private readonly transport: MailTransport,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
    @Inject(RUN_JOBS) private readonly runJobs: boolean,
  ) {}

  onModuleInit(): void {
    this.queue.register(SWEEP_QUEUE, () => this.sweepAndContinue());
    this.queue.register<{ id: string }>(DELIVER_QUEUE, ({ id }) => this.deliver(id));
  }

  onApplicationBootstrap(): void {
    if (!this.runJobs) return;
    // After every module's bootstrap hook, the job queue's included.
    setImmediate(() => void this.scheduleSweep());
  }

  /** Makes messages of the deliveries due by now and queues the PENDING ones. */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    let taken: number;
    do taken = await this.emails.composeDue(now, BATCH, (due) => this.compose(due));
    while (taken === BATCH);
    if (!this.transport.configured) return;
    const stale = new Date(now.getTime() - REQUEUE_AFTER_MS);
    for (const id of await this.emails.takeUnqueued(now, stale, 1000)) {
      await this.queue.send(
        DELIVER_QUEUE,
        { id },
        {
          retryLimit: this.config.retryLimit,
          retryDelay: this.config.retryDelaySeconds,
          retryBackoff: true,
        },
      );
    }
  }

  /** Sends one message once: a message already sent, or being sent by another worker, is left. */
  async deliver(id: string): Promise<void> {
    const now = this.clock.now();
    const mail = await this.emails.claim(id, now, new Date(now.getTime() + SEND_LEASE_MS));
    if (!mail) return;
    try {
      await this.transport.send(mail);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A 5xx answer (no such mailbox, refused) will not change by retrying; nor is a message
      // that failed every round of retries tried for ever.
      const refused = Number((error as { responseCode?: unknown }).responseCode) >= 500;
      const final = refused || mail.attempts >= RETRY_ROUNDS * (this.config.retryLimit + 1);
      await this.emails.markFailed(id, message, final);
      if (final) {
        this.logger.warn(`E-mail ${id} not delivered, given up: ${message}`);
        return;
      }
      this.logger.warn(`E-mail ${id} not delivered, to be retried: ${message}`);
      throw error;
    }
    await this.emails.markSent(id, this.clock.now());
  }

  private async sweepAndContinue(): Promise<void> {
    try {
      await this.sweep();
    } finally {
      await this.scheduleSweep();
    }
  }

  /**
   * Queues the next sweep at the start of the next `sweepSeconds` slot, at most one per slot:
   * the sweeps that several processes queue in the same slot are one job, so their chains merge.
   */
  private async scheduleSweep(): Promise<void> {
    const seconds = this.config.sweepSeconds;
    const intoSlot = (Date.now() / 1000) % seconds;
    try {
      await this.queue.send(
        SWEEP_QUEUE,
        {},
        {
          startAfter: Math.ceil(seconds - intoSlot) + 1,
          singletonKey: SWEEP_QUEUE,
          singletonSeconds: seconds,
          retryLimit: 1000,
          retryDelay: seconds,
        },
      );
    } catch (error) {
      this.logger.warn(`E-mail sweep not scheduled: ${(error as Error).message}`);
    }
  }

  private compose(due: DueNotification[]): NewEmail[] {
    // Still wanted now: a member of the workspace, the kind's e-mail not turned off since.
    const deliverable = due.filter(
      (n) =>
        n.user.active &&
        n.user.memberships.some((m) => m.workspaceId === n.workspaceId) &&
        !n.user.notificationPrefs.some((p) => p.kind === n.kind) &&
        !(n.digest && n.user.emailDigest?.mode === 'NEVER'),
    );
    const emails: NewEmail[] = [];
    const digests = new Map<string, DueNotification[]>();
    for (const notification of deliverable) {
      if (!notification.digest) {
        emails.push(this.message([notification], false));
        continue;
      }
      const key = `${notification.userId}:${notification.workspaceId}`;
      digests.set(key, [...(digests.get(key) ?? []), notification]);
    }
    for (const group of digests.values()) emails.push(this.message(group, true));
    return emails;
  }

  private message(group: DueNotification[], digest: boolean): NewEmail {
    const first = group[0]!;
    const locale = asLocale(first.user.locale);
    const timeZone = first.workspace.calendar?.timeZone ?? DEFAULT_TIME_ZONE;
    const kinds = [...new Set(group.map((n) => n.kind))] as NotificationKind[];
    const token = signUnsubscribe(this.config.tokenSecret, { userId: first.userId, kinds });
    const base = this.config.publicUrl.replace(/\/$/, '');
    const workspace = `${base}/w/${encodeURIComponent(first.workspace.slug)}`;
    const links: MailLinks = {
      item: (commitmentId) => `${workspace}/commitments/${commitmentId}`,
      inbox: `${workspace}/notifications`,
      unsubscribe: `${base}/unsubscribe?token=${token}`,
      preferences: `${base}/account/notifications`,
    };
    const items: MailItem[] = group.map((n) => ({
      kind: n.kind,
      createdAt: n.createdAt,
      actorName: n.actor?.displayName ?? null,
      commitment: n.commitment && {
        id: n.commitment.id,
        reference: n.commitment.reference,
        title: locale === 'en' ? n.commitment.titleEn : n.commitment.titleVi,
      },
      data: (n.data ?? {}) as Record<string, unknown>,
    }));
    const rendered = digest
      ? renderDigest(locale, items, links, timeZone)
      : renderSingle(locale, items[0]!, links, timeZone);
    return {
      workspaceId: first.workspaceId,
      userId: first.userId,
      recipient: first.user.email,
      locale,
      ...rendered,
      unsubscribeUrl: `${base}/api/unsubscribe?token=${token}`,
      state: this.transport.configured ? 'PENDING' : 'NOT_SENT',
      notificationIds: group.map((n) => n.id),
    };
  }
}
