import { type DynamicModule, Module } from '@nestjs/common';
import { METRICS_CONFIG, type MetricsConfig } from './metrics-config';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics';

@Module({})
export class MetricsModule {
  static register(config: MetricsConfig): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [Metrics, { provide: METRICS_CONFIG, useValue: config }],
      exports: [Metrics],
    };
  }
}
