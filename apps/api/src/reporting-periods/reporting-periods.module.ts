import { Module } from '@nestjs/common';
import { ReportingPeriodsController } from './reporting-periods.controller';
import { ReportingPeriodsRepository } from './reporting-periods.repository';
import { ReportingPeriodsService } from './reporting-periods.service';

@Module({
  controllers: [ReportingPeriodsController],
  providers: [ReportingPeriodsRepository, ReportingPeriodsService],
  exports: [ReportingPeriodsService],
})
export class ReportingPeriodsModule {}
