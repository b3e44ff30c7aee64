import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [CommitmentsModule],
  controllers: [EvidenceController],
  providers: [EvidenceRepository, EvidenceService],
})
export class EvidenceModule {}
