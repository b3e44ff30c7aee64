import { Module } from '@nestjs/common';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';

@Module({
  controllers: [CommitmentsController],
  providers: [CommitmentsRepository, CommitmentsService],
  // The repository is shared for its transactional roll-up of ancestors' progress.
  exports: [CommitmentsService, CommitmentsRepository],
})
export class CommitmentsModule {}
