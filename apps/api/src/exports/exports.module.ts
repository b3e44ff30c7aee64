import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/**
 * Downloads in CSV and XLSX. Reads commitments through the list's own keyset query and the
 * dashboard's numbers through its service, so a file and the screen it came from agree.
 */
@Module({
  imports: [CommitmentsModule, DashboardModule],
  controllers: [ExportsController],
  providers: [ExportsRepository, ExportsService],
  exports: [ExportsRepository],
})
export class ExportsModule {}
