import { type DynamicModule, Global, Module } from '@nestjs/common';
import { KyselyService } from './kysely.service';
import { DATABASE_URL, PrismaService } from './prisma.service';

@Global()
@Module({})
export class PrismaModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PrismaModule,
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, PrismaService, KyselyService],
      exports: [PrismaService, KyselyService],
    };
  }
}
