import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { HistoryController } from './history.controller';
import { HistoryRepository } from './history.repository';
import { HistoryService } from './history.service';
import { WorkspaceActivityController } from './workspace-activity.controller';

@Module({
  imports: [CommitmentsModule],
  controllers: [HistoryController, WorkspaceActivityController],
  providers: [HistoryRepository, HistoryService],
})
export class HistoryModule {}
