import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JobQueue, RUN_JOBS } from './job-queue';

@Global()
@Module({})
export class JobsModule {
  static forRoot(runJobs: boolean): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: RUN_JOBS, useValue: runJobs }, JobQueue],
      exports: [JobQueue, RUN_JOBS],
    };
  }
}
