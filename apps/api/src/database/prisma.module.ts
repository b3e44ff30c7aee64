import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseAvailability } from './database-availability';
import type { DatabaseTimeouts } from './database-timeouts';
import { KyselyService } from './kysely.service';
import { DATABASE_TIMEOUTS, DATABASE_URL, PrismaService } from './prisma.service';

@Global()
@Module({})
export class PrismaModule {
  static forRoot(databaseUrl: string, timeouts: DatabaseTimeouts): DynamicModule {
    return {
      module: PrismaModule,
      providers: [
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: DATABASE_TIMEOUTS, useValue: timeouts },
        PrismaService,
        KyselyService,
        DatabaseAvailability,
      ],
      exports: [
        DATABASE_URL,
        DATABASE_TIMEOUTS,
        PrismaService,
        KyselyService,
        DatabaseAvailability,
      ],
    };
  }
}
