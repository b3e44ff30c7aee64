import type { WorkspaceActor } from '../auth/actor';
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnModuleInit,
  StreamableFile,
} from '@nestjs/common';
import { type Locale, NONE, type TargetGroup, type Theme } from '@spct/contracts';
import type { Readable } from 'node:stream';
import { SECURITY_CONFIG, type SecurityConfig } from '../auth/security-config';
import { conflict, type FieldError, FieldValidationException } from '../common/api-error';
import { dateColumn, isoDate } from '../common/dates';
import type { Population } from '../dashboard/dashboard.repository';
import type { Prisma } from '../generated/prisma/client';
import { JobQueue } from '../jobs/job-queue';
import { enumLabel } from '../spreadsheets/enum-labels';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import type {
  CreatePeriodReportDto,
  PeriodReportDto,
  PeriodReportFiltersDto,
  PeriodReportListDto,
} from './period-report.dto';
import {
  type PeriodReportRow,
  PeriodReportsRepository,
  type ReportEvidence,
  type ReportWindow,
} from './period-reports.repository';
import { type CoverInfo, ReportPdf } from './report-pdf';
import { REPORT_TEXT } from './report-text';

const QUEUE = 'period-report';
const HISTORY_LIMIT = 50;
/** Commitments read (and drawn) at a time: memory stays flat whatever the item count. */
export const REPORT_BATCH = 100;

interface GenerateJob {
  reportId: string;
  workspaceId: string;
  slug: string;
}

/**
 * The period report: a PDF for a tripartite meeting, made by a background job from the data of a
 * reporting period (or a date range) and the dashboard's filters, then kept in the file storage.
 */
@Injectable()
export class PeriodReportsService implements OnModuleInit {
  private readonly logger = new Logger('PeriodReports');

  constructor(
    private readonly reports: PeriodReportsRepository,
    private readonly jobs: JobQueue,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(SECURITY_CONFIG) private readonly security: SecurityConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register<GenerateJob>(QUEUE, (job) => this.execute(job));
  }

  /** Records the request and queues its generation. */
  async create(member: WorkspaceActor, dto: CreatePeriodReportDto): Promise<PeriodReportDto> {
    const { periodId, from, to, language, ...population } = dto;
    const window = await this.window(member.workspaceId, periodId, from, to);
    const row = await this.reports.create({
      workspaceId: member.workspaceId,
      createdById: member.userId,
      periodId: window.periodId,
      periodKey: window.periodKey,
      startsOn: window.startsOn,
      endsOn: window.endsOn,
      filters: filtersOf(population) as unknown as Prisma.InputJsonValue,
      language: language ?? (await this.reports.userLocale(member.userId)),
    });
    await this.jobs.send(QUEUE, {
      reportId: row.id,
      workspaceId: member.workspaceId,
      slug: member.slug,
    } satisfies GenerateJob);
    return this.toDto(row, member.slug);
  }

  async history(member: WorkspaceActor): Promise<PeriodReportListDto> {
    const rows = await this.reports.history(member.workspaceId, HISTORY_LIMIT);
    return { items: rows.map((row) => this.toDto(row, member.slug)), nextCursor: null };
  }

  async get(member: WorkspaceActor, id: string): Promise<PeriodReportDto> {
    return this.toDto(await this.require(member, id), member.slug);
  }

  async download(member: WorkspaceActor, id: string): Promise<StreamableFile> {
    const row = await this.require(member, id);
    if (row.state !== 'SUCCEEDED' || !row.storageKey) {
      throw conflict('invalidState', `This report is ${row.state}, not ready to download`);
    }
    const stream = await this.storage.get(row.storageKey);
    return new StreamableFile(stream, {
      type: 'application/pdf',
      length: row.sizeBytes ?? undefined,
      disposition: `attachment; filename="${fileNameOf(row, member.slug)}"`,
    });
  }

  /** The job: draws the PDF while it streams into the storage. Safe to run again. */
  private async execute({ reportId, workspaceId, slug }: GenerateJob): Promise<void> {
    if (
      !(await this.reports.transition(reportId, ['QUEUED', 'RUNNING'], 'RUNNING', {
        startedAt: new Date(),
      }))
    ) {
      return; // finished already (a retried job)
    }
    const key = `period-reports/${workspaceId}/${reportId}.pdf`;
    try {
      const row = (await this.reports.find(workspaceId, reportId))!;
      const { stored, items } = await this.generate(row, slug, (pdf) => this.storage.put(key, pdf));
      await this.reports.transition(reportId, ['RUNNING'], 'SUCCEEDED', {
        storageKey: key,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        items,
        finishedAt: new Date(),
      });
    } catch (error) {
      this.logger.error(error);
      await this.storage.delete(key).catch(() => undefined);
      await this.reports.transition(reportId, ['RUNNING'], 'FAILED', {
        finishedAt: new Date(),
        failure: 'The report could not be generated',
      });
    }
  }

  /**
   * Draws the report of `row` into `sink`: the cover and summary from aggregates, then the
   * commitments and their positions batch by batch (one statement per kind and batch).
   */
  async generate<T>(
    row: Pick<
      PeriodReportRow,
      'workspaceId' | 'periodKey' | 'startsOn' | 'endsOn' | 'filters' | 'language'
    >,
    slug: string,
    sink: (pdf: Readable) => Promise<T>,
  ): Promise<{ stored: T; items: number }> {
    const locale: Locale = row.language === 'en' ? 'en' : 'vi';
    const filters = row.filters as unknown as PeriodReportFiltersDto;
    const population = populationOf(filters);
    const window: ReportWindow = { startsOn: row.startsOn, endsOn: row.endsOn };
    const [summary, ids, names, workspaceName, tally] = await Promise.all([
      this.reports.summary(row.workspaceId, population, window),
      this.reports.itemIds(row.workspaceId, population),
      this.reports.names(row.workspaceId),
      this.reports.workspaceName(row.workspaceId),
      this.reports.positionTally(row.workspaceId, population),
    ]);
    const text = REPORT_TEXT[locale];
    const pdf = new ReportPdf(locale, {
      title: `${text.title} — ${workspaceName}`,
      asOf: summary.asOf ?? row.endsOn,
    });
    const stored = sink(pdf.doc as unknown as Readable);
    // Handled now: the storage may fail while a query below is awaited (and would otherwise end
    // the process as an unhandled rejection); the awaits below still see its error.
    stored.catch(() => undefined);
    const cover: CoverInfo = {
      workspaceName,
      periodKey: row.periodKey,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      filters: describeFilters(filters, names, locale),
      summary,
    };
    let failure: { error: unknown } | null = null;
    try {
      pdf.cover(cover);
      pdf.summary(summary);
      if (ids.length > 0) pdf.commitmentsHeading();
      const links = (e: ReportEvidence) => this.evidenceLink(slug, e);
      for (let i = 0; i < ids.length; i += REPORT_BATCH) {
        const batch = ids.slice(i, i + REPORT_BATCH);
        const { items, evidence, indicators } = await this.reports.details(
          row.workspaceId,
          batch,
          window,
        );
        const evidenceOf = groupBy(evidence, (e) => e.commitmentId);
        const indicatorsOf = groupBy(indicators, (e) => e.commitmentId);
        for (const item of items) {
          pdf.item(item, evidenceOf.get(item.id) ?? [], indicatorsOf.get(item.id) ?? [], links);
        }
      }
      pdf.annex(tally);
      let last: string | null = null;
      for (let i = 0; i < ids.length && tally.length > 0; i += REPORT_BATCH) {
        last = pdf.positions(
          await this.reports.positions(row.workspaceId, ids.slice(i, i + REPORT_BATCH)),
          last,
        );
      }
    } catch (error) {
      failure = { error };
    } finally {
      pdf.end();
    }
    if (failure) {
      // The partial file is written out before the caller deletes it.
      await stored.catch(() => undefined);
      throw failure.error;
    }
    return { stored: await stored, items: ids.length };
  }

  /** A link evidence's address, or where the app serves an uploaded file. */
  private evidenceLink(slug: string, e: ReportEvidence): string | null {
    if (e.kind === 'LINK') return e.url;
    const base = this.security.publicUrl.replace(/\/+$/, '');
    return `${base}/api/workspaces/${slug}/commitments/${e.commitmentId}/evidence/${e.id}/download`;
  }

  private async window(
    workspaceId: string,
    periodId: string | undefined,
    from: string | undefined,
    to: string | undefined,
  ): Promise<ReportWindow & { periodId: string | null; periodKey: string | null }> {
    if (periodId !== undefined) {
      if (from !== undefined || to !== undefined) {
        invalid({
          field: from !== undefined ? 'from' : 'to',
          code: 'invalidFormat',
          message: 'give either periodId, or from and to',
        });
      }
      const period = await this.reports.period(workspaceId, periodId);
      if (!period) {
        invalid({
          field: 'periodId',
          code: 'unknownReference',
          message: 'no such reporting period',
        });
      }
      return {
        periodId: period.id,
        periodKey: period.key,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
      };
    }
    if (from === undefined || to === undefined) {
      invalid({
        field: from === undefined ? 'from' : 'to',
        code: 'required',
        message: 'required unless periodId is given',
      });
    }
    if (to < from) {
      invalid({
        field: 'to',
        code: 'beforeOther',
        other: 'from',
        message: 'must not be before from',
      });
    }
    return { periodId: null, periodKey: null, startsOn: dateColumn(from), endsOn: dateColumn(to) };
  }

  private async require(member: WorkspaceActor, id: string): Promise<PeriodReportRow> {
    const row = await this.reports.find(member.workspaceId, id);
    if (!row) throw new NotFoundException(`Period report ${id} not found`);
    return row;
  }

  private toDto(row: PeriodReportRow, slug: string): PeriodReportDto {
    return {
      id: row.id,
      state: row.state,
      periodId: row.periodId,
      periodKey: row.periodKey,
      from: isoDate(row.startsOn),
      to: isoDate(row.endsOn),
      filters: row.filters as unknown as PeriodReportFiltersDto,
      language: row.language === 'en' ? 'en' : 'vi',
      items: row.items,
      sizeBytes: row.sizeBytes,
      fileName: row.state === 'SUCCEEDED' ? fileNameOf(row, slug) : null,
      failure: row.failure,
      createdBy:
        row.createdById && row.createdBy
          ? { id: row.createdById, displayName: row.createdBy.displayName }
          : null,
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }
}

function invalid(detail: FieldError): never {
  throw new FieldValidationException([detail]);
}

function filtersOf(population: Population): PeriodReportFiltersDto {
  return {
    frameworkId: population.frameworkId ?? [],
    leadOrgId: population.leadOrgId ?? [],
    theme: population.theme ?? [],
    targetGroup: population.targetGroup ?? [],
  };
}

function populationOf(filters: PeriodReportFiltersDto): Population {
  const some = <T>(values: T[]) => (values.length > 0 ? values : undefined);
  return {
    frameworkId: some(filters.frameworkId),
    leadOrgId: some(filters.leadOrgId),
    theme: some(filters.theme),
    targetGroup: some(filters.targetGroup),
  };
}

/** The filters as the cover names them, skipping those not set. */
function describeFilters(
  filters: PeriodReportFiltersDto,
  names: { frameworks: Map<string, string>; organizations: Map<string, string> },
  locale: Locale,
): CoverInfo['filters'] {
  const text = REPORT_TEXT[locale];
  const lines = [
    {
      label: text.frameworks,
      values: filters.frameworkId.map((id) => names.frameworks.get(id) ?? id),
    },
    {
      label: text.leadOrganizations,
      values: filters.leadOrgId.map((id) =>
        id === NONE ? text.noLead : (names.organizations.get(id) ?? id),
      ),
    },
    {
      label: text.themes,
      values: filters.theme.map((theme) =>
        theme === NONE ? text.noTheme : enumLabel('theme', theme as Theme, locale),
      ),
    },
    {
      label: text.targetGroups,
      values: filters.targetGroup.map((g) => enumLabel('targetGroup', g as TargetGroup, locale)),
    },
  ];
  return lines.filter((line) => line.values.length > 0);
}

/** "bao-cao-ky-2026-Q3-viet-nam.pdf", "period-report-2026-01-01_2026-03-31-viet-nam.pdf". */
function fileNameOf(
  row: Pick<PeriodReportRow, 'language' | 'periodKey' | 'startsOn' | 'endsOn'>,
  slug: string,
): string {
  const text = REPORT_TEXT[row.language === 'en' ? 'en' : 'vi'];
  const span = row.periodKey ?? `${isoDate(row.startsOn)}_${isoDate(row.endsOn)}`;
  return `${text.fileName}-${span}-${slug}.pdf`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
