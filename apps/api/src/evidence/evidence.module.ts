import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { StorageModule } from '../storage/storage.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { EvidenceUploads } from './evidence-uploads';

@Module({
  imports: [CommitmentsModule, StorageModule],
  controllers: [EvidenceController],
  providers: [EvidenceRepository, EvidenceService, EvidenceUploads],
})
export class EvidenceModule {}
