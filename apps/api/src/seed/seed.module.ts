import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [RemindersModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}
