import { Module } from '@nestjs/common';
import {
  NotificationPreferencesController,
  OutboxController,
  UnsubscribeController,
} from './email.controller';
import { EmailDeliveryService } from './email-delivery.service';
import { EmailRepository } from './email.repository';
import { MailTransport } from './mail-transport';
import { NotificationPreferencesRepository } from './notification-preferences.repository';
import { NotificationPreferencesService } from './notification-preferences.service';
import { OutboxService } from './outbox.service';

@Module({
  controllers: [NotificationPreferencesController, UnsubscribeController, OutboxController],
  providers: [
    EmailRepository,
    EmailDeliveryService,
    MailTransport,
    NotificationPreferencesRepository,
    NotificationPreferencesService,
    OutboxService,
  ],
  exports: [NotificationPreferencesRepository, EmailDeliveryService],
})
export class EmailModule {}
