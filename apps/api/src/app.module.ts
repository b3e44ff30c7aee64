import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { SECURITY_CONFIG } from './auth/security-config';
import { CommentsModule } from './comments/comments.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { Clock } from './common/clock';
import { DashboardModule } from './dashboard/dashboard.module';
import type { SecurityConfig } from './config/app-config';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from './database/database-timeouts';
import { PrismaModule } from './database/prisma.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { PeriodReportsModule } from './period-reports/period-reports.module';
import { JobsModule } from './jobs/jobs.module';
import { FrameworksModule } from './frameworks/frameworks.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { loggingModule, type LoggingOptions } from './logging/logging';
import { DEFAULT_METRICS, type MetricsConfig } from './metrics/metrics-config';
import { MetricsModule } from './metrics/metrics.module';
import { SeedModule } from './seed/seed.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { MembersModule } from './members/members.module';
import { MyWorkModule } from './my-work/my-work.module';
import { PermissionsModule } from './permissions/permissions.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PositionsModule } from './positions/positions.module';
import { ProgressUpdatesModule } from './progress-updates/progress-updates.module';
import { ReportingPeriodsModule } from './reporting-periods/reporting-periods.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { EmailModule } from './email/email.module';
import { developmentMailConfig, MAIL_CONFIG, type MailConfig } from './email/mail-config';
import { UPLOADS_DIR } from './storage/uploads-dir';
import { WorkspacesModule } from './workspaces/workspaces.module';

// Defined in storage/ so modules imported below can inject it without an import cycle.
export { UPLOADS_DIR };

export interface AppOptions {
  databaseUrl: string;
  security: SecurityConfig;
  /** Where the local storage backend keeps uploaded files. */
  uploadsDir: string;
  /** How long to wait on the database before answering 503 (default: DEFAULT_DATABASE_TIMEOUTS). */
  databaseTimeouts?: DatabaseTimeouts;
  /** Default: level info, to standard output. */
  logging?: LoggingOptions;
  /** Who may read /metrics (default: loopback addresses). */
  metrics?: MetricsConfig;
  /** Whether this process starts the background job queue (default true). */
  runJobs?: boolean;
  /** Whether its queue keeps the cron schedules, such as the reminder sweep (default true). */
  runSchedules?: boolean;
  /** Default: no mail server (messages kept in the outbox). */
  mail?: MailConfig;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      providers: [
        { provide: SECURITY_CONFIG, useValue: options.security },
        { provide: UPLOADS_DIR, useValue: options.uploadsDir },
        {
          provide: MAIL_CONFIG,
          useValue:
            options.mail ??
            developmentMailConfig(options.security.publicUrl, options.security.sessionSecret),
        },
        Clock,
      ],
      exports: [SECURITY_CONFIG, UPLOADS_DIR, MAIL_CONFIG, Clock],
      imports: [
        loggingModule(options.logging ?? { level: 'info' }),
        MetricsModule.register(options.metrics ?? DEFAULT_METRICS),
        PrismaModule.forRoot(
          options.databaseUrl,
          options.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS,
        ),
        JobsModule.forRoot(options.runJobs ?? true, options.runSchedules ?? true),
        PermissionsModule,
        AuthModule,
        HealthModule,
        WorkspacesModule,
        OrganizationsModule,
        MembersModule,
        FrameworksModule,
        CommitmentsModule,
        ProgressUpdatesModule,
        ReportingPeriodsModule,
        NotificationsModule,
        RemindersModule,
        EmailModule,
        IndicatorsModule,
        CommentsModule,
        PositionsModule,
        EvidenceModule,
        ExportsModule,
        ImportsModule,
        PeriodReportsModule,
        MyWorkModule,
        DashboardModule,
        HistoryModule,
        SeedModule,
      ],
    };
  }
}
