import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobQueue } from '../jobs/job-queue';
import { RemindersRepository } from './reminders.repository';

export const SWEEP_QUEUE = 'report-reminders';

/**
 * Every quarter of an hour, so that a workspace's day starts soon after its local midnight
 * whatever its time zone (the sweep decides "today" per workspace).
 */
export const SWEEP_CRON = '*/15 * * * *';

/**
 * Report reminders, on a pg-boss schedule: for each expected report of the current or previous
 * period (when open) with no submitted or approved report, the lead organization's editors and
 * the focal person are reminded a week before the due date, on it, and every week while it is
 * overdue; two weeks overdue, the managers are told. Safe to run at any time and several times at
 * once: each goes once.
 */
@Injectable()
export class ReminderSweep implements OnModuleInit {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(SWEEP_QUEUE, async () => {
      const written = await this.sweep();
      if (written > 0) this.logger.log(`${written} report reminders written`);
    });
    this.jobs.schedule(SWEEP_QUEUE, SWEEP_CRON);
  }

  /** The reminders due now; answers how many inbox entries were written. */
  sweep(): Promise<number> {
    return this.reminders.sweep(this.clock.now());
  }
}
