import { Module } from '@nestjs/common';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';

@Module({
  controllers: [CommitmentsController],
  providers: [CommitmentsRepository, CommitmentsService],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
