import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { EmailModule } from '../email/email.module';
import { NotificationOutbox } from './notification-outbox';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [CommitmentsModule, EmailModule],
  controllers: [NotificationsController],
  providers: [NotificationOutbox, NotificationsRepository, NotificationsService],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
