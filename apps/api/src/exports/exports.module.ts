import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/** Downloads. Reads commitments through the list's own keyset query, so both agree on filters. */
@Module({
  imports: [CommitmentsModule],
  controllers: [ExportsController],
  providers: [ExportsRepository, ExportsService],
})
export class ExportsModule {}
