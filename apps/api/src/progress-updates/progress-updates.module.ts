import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportingPeriodsModule } from '../reporting-periods/reporting-periods.module';
import { ProgressUpdatesController } from './progress-updates.controller';
import { ProgressUpdatesRepository } from './progress-updates.repository';
import { ProgressUpdatesService } from './progress-updates.service';

@Module({
  imports: [CommitmentsModule, ReportingPeriodsModule, NotificationsModule],
  controllers: [ProgressUpdatesController],
  providers: [ProgressUpdatesRepository, ProgressUpdatesService],
})
export class ProgressUpdatesModule {}
