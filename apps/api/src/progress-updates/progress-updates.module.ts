import { Module } from '@nestjs/common';
import { ProgressUpdatesController } from './progress-updates.controller';
import { ProgressUpdatesRepository } from './progress-updates.repository';
import { ProgressUpdatesService } from './progress-updates.service';

@Module({
  controllers: [ProgressUpdatesController],
  providers: [ProgressUpdatesRepository, ProgressUpdatesService],
})
export class ProgressUpdatesModule {}
