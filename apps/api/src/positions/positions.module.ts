import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PositionsController } from './positions.controller';
import { PositionsRepository } from './positions.repository';
import { PositionsService } from './positions.service';

@Module({
  imports: [CommitmentsModule, NotificationsModule],
  controllers: [PositionsController],
  providers: [PositionsRepository, PositionsService],
})
export class PositionsModule {}
