import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

@Module({
  imports: [CommitmentsModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsRepository, IndicatorsService],
})
export class IndicatorsModule {}
