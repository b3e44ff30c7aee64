import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { ExportsModule } from '../exports/exports.module';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { IndicatorImportsRepository } from './indicator-imports.repository';
import { ImportsService } from './imports.service';

/** Commitments from spreadsheets, written by a background job (JobsModule). */
@Module({
  imports: [CommitmentsModule, ExportsModule],
  controllers: [ImportsController],
  providers: [ImportsRepository, IndicatorImportsRepository, ImportsService],
})
export class ImportsModule {}
