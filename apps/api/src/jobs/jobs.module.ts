import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JobQueue, RUN_JOBS, RUN_SCHEDULES } from './job-queue';

@Global()
@Module({})
export class JobsModule {
  static forRoot(runJobs: boolean, runSchedules: boolean): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        { provide: RUN_JOBS, useValue: runJobs },
        { provide: RUN_SCHEDULES, useValue: runSchedules },
        JobQueue,
      ],
      exports: [JobQueue, RUN_JOBS],
    };
  }
}
