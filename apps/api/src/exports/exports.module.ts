import { Module } from '@nestjs/common';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/**
 * Downloads. Reads commitments through the list's own keyset query (CommitmentsRepository,
 * stateless over PrismaService), so an export and the list always agree on filters.
 */
@Module({
  controllers: [ExportsController],
  providers: [CommitmentsRepository, ExportsRepository, ExportsService],
})
export class ExportsModule {}
