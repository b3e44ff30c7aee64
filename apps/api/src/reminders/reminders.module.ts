import { Module } from '@nestjs/common';
import { ReminderSweep } from './reminder-sweep';
import { RemindersRepository } from './reminders.repository';

@Module({
  providers: [RemindersRepository, ReminderSweep],
  exports: [ReminderSweep],
})
export class RemindersModule {}
