import { type DynamicModule, Module } from '@nestjs/common';
import { CommentsModule } from './comments/comments.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { PrismaModule } from './database/prisma.module';
import { EvidenceModule } from './evidence/evidence.module';
import { FrameworksModule } from './frameworks/frameworks.module';
import { HealthModule } from './health/health.module';
import { SeedModule } from './seed/seed.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PositionsModule } from './positions/positions.module';
import { ProgressUpdatesModule } from './progress-updates/progress-updates.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

export interface AppOptions {
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PrismaModule.forRoot(options.databaseUrl),
        HealthModule,
        WorkspacesModule,
        OrganizationsModule,
        FrameworksModule,
        CommitmentsModule,
        ProgressUpdatesModule,
        IndicatorsModule,
        CommentsModule,
        PositionsModule,
        EvidenceModule,
        SeedModule,
      ],
    };
  }
}
