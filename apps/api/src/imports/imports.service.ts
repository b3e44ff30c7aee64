import type { WorkspaceActor } from '../auth/actor';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  type OnModuleInit,
} from '@nestjs/common';
import type { Locale } from '@spct/contracts';
import { isoDate, todayUtc } from '../common/dates';
import type { LocalizedText } from '../common/localized';
import { CommitmentsService } from '../commitments/commitments.service';
import type { EditableFields } from '../commitments/commitment-fields';
import { ExportsRepository } from '../exports/exports.repository';
import type { Prisma } from '../generated/prisma/client';
import { JobQueue } from '../jobs/job-queue';
import { onePage, type Sheet, sheetOf, type Spreadsheet } from '../spreadsheets/spreadsheet';
import {
  COLUMN_HINTS,
  COMMITMENT_IMPORT_COLUMNS,
  type CommitmentColumnKey,
  columnOfHeader,
} from './import-columns';
import { type ImportCell, MAX_IMPORT_ROWS, readImportFile, tooManyRows } from './import-file';
import { dataRows, type PlannedRow, planRows } from './import-plan';
import type { ImportUpload } from './import-upload';
import type {
  ImportColumnDto,
  ImportDto,
  ImportListDto,
  ImportRowDto,
  ImportSummaryDto,
} from './import.dto';
import { type ImportJobSummaryRow, ImportsRepository } from './imports.repository';
import { rowErrorText } from './row-error-text';

const RUN_QUEUE = 'import-run';
const HISTORY_LIMIT = 100;

/** A data row as kept between the dry run and the run: its cells by column key. */
interface SourceRow {
  line: number;
  values: Record<string, string | number | { refused: 'formula' | 'link' } | null>;
}

/**
 * What an import keeps in its `rows`: the file's data rows, and the dry run's verdict on each as
 * the API shows it (the run plans the rows again, so the planned fields are not kept).
 */
interface StoredRows {
  source: SourceRow[];
  planned: ImportRowDto[];
}

interface RunJob {
  importId: string;
  actor: WorkspaceActor;
}

const SHEET = { vi: 'Cam kết', en: 'Commitments' };
const ERRORS_SHEET = { vi: 'Dòng bị từ chối', en: 'Rejected rows' };

/**
 * Commitments from a spreadsheet: the template, the dry run (nothing written), and the run as a
 * background job in one transaction, all rows or none.
 */
@Injectable()
export class ImportsService implements OnModuleInit {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly exportsRepo: ExportsRepository,
    private readonly commitments: CommitmentsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register<RunJob>(RUN_QUEUE, (job) => this.execute(job));
  }

  /** The export's columns with a hint row, to fill in. */
  async template(member: WorkspaceActor, lang: Locale | undefined): Promise<Spreadsheet> {
    const locale = lang ?? (await this.exportsRepo.userLocale(member.userId));
    const hints = COMMITMENT_IMPORT_COLUMNS.map(
      ({ key }) => COLUMN_HINTS[key as CommitmentColumnKey],
    );
    return {
      basename: `import-template-${member.slug}`,
      sheets: [textSheet(SHEET, COMMITMENT_IMPORT_COLUMNS, [hints.map((h) => h[locale])], locale)],
    };
  }

  /** Reads and checks the file (the dry run): each row's outcome, nothing written but the import. */
  async upload(member: WorkspaceActor, upload: ImportUpload): Promise<ImportDto> {
    const table = await readImportFile(upload.file, upload.encoding);
    const headers = (table.rows[0]?.cells ?? []).map((c) =>
      c === null ? '' : typeof c === 'object' && !(c instanceof Date) ? '' : String(c),
    );
    const columns = headers.map((header) =>
      upload.mapping && header in upload.mapping
        ? known(upload.mapping[header]!)
        : columnOfHeader(header),
    );
    const source: SourceRow[] = dataRows(table.rows, columns).map(({ line, values }) => ({
      line,
      values: Object.fromEntries([...values].map(([key, cell]) => [key, storable(cell)])),
    }));
    if (source.length > MAX_IMPORT_ROWS) tooManyRows();
    const planned = await this.plan(member, source);
    const counts = countOutcomes(planned);
    const rows = planned.map(rowDtoOf);
    const row = await this.imports.create(
      {
        workspaceId: member.workspaceId,
        createdById: member.userId,
        fileName: upload.fileName.slice(0, 200),
        format: table.format,
        mapping: headers.map((header, i) => ({
          header,
          column: columns[i] ?? null,
        })) as Prisma.InputJsonValue,
        total: source.length,
        ...counts,
      },
      { source, planned: rows } satisfies StoredRows,
    );
    return this.toDto(row, rows);
  }

  async get(member: WorkspaceActor, id: string): Promise<ImportDto> {
    const row = await this.require(member, id);
    return this.toDto(row, (await this.imports.rowsPart(id, 'planned')) as StoredRows['planned']);
  }

  /** Who imported what, when, and how it ended: everyone's for an ADMIN, one's own otherwise. */
  async history(member: WorkspaceActor): Promise<ImportListDto> {
    const rows = await this.imports.history(
      member.workspaceId,
      member.role === 'ADMIN' ? null : member.userId,
      HISTORY_LIMIT,
    );
    return { items: rows.map((row) => summaryOf(row)), nextCursor: null };
  }

  /** Queues the run of a dry run without errors; 409 otherwise. */
  async run(member: WorkspaceActor, id: string): Promise<ImportDto> {
    const row = await this.require(member, id);
    if (row.errors > 0) {
      throw new ConflictException(
        `${row.errors} rows have errors: fix the file and upload it again`,
      );
    }
    if (!(await this.imports.transition(id, ['VALIDATED'], 'QUEUED'))) {
      throw new ConflictException(`This import is ${row.state}, not waiting to run`);
    }
    await this.jobs.send(RUN_QUEUE, { importId: id, actor: member } satisfies RunJob);
    return this.get(member, id);
  }

  /** The rows with errors, as the file had them, with what is wrong with each. */
  async errorsFile(
    member: WorkspaceActor,
    id: string,
    lang: Locale | undefined,
  ): Promise<Spreadsheet> {
    await this.require(member, id);
    const locale = lang ?? (await this.exportsRepo.userLocale(member.userId));
    const source = (await this.imports.rowsPart(id, 'source')) as StoredRows['source'];
    const planned = (await this.imports.rowsPart(id, 'planned')) as StoredRows['planned'];
    const failed = planned.filter((p) => p.outcome === 'error');
    const byLine = new Map(source.map((s) => [s.line, s.values]));
    const columns = [
      { key: 'line', header: { vi: 'Dòng', en: 'Row' } },
      { key: 'errors', header: { vi: 'Lỗi', en: 'Errors' } },
      ...COMMITMENT_IMPORT_COLUMNS,
    ];
    const cells = failed.map((p) => [
      p.line,
      p.errors.map((e) => rowErrorText(e, locale)).join('\n'),
      ...COMMITMENT_IMPORT_COLUMNS.map(({ key }) => {
        const value = byLine.get(p.line)?.[key];
        return value === undefined || value === null || typeof value === 'object' ? null : value;
      }),
    ]);
    return {
      basename: `import-errors-${isoDate(todayUtc())}`,
      sheets: [textSheet(ERRORS_SHEET, columns, cells, locale)],
    };
  }

  /** The job: checks every row again inside one transaction, then writes them all, or nothing. */
  private async execute({ importId, actor }: RunJob): Promise<void> {
    if (
      !(await this.imports.transition(importId, ['QUEUED', 'RUNNING'], 'RUNNING', {
        startedAt: new Date(),
        processed: 0,
      }))
    ) {
      return; // finished already (a retried job)
    }
    try {
      const source = (await this.imports.rowsPart(importId, 'source')) as StoredRows['source'];
      await this.imports.transaction(async (tx) => {
        const planned = await this.plan(actor, source, tx);
        const failed = planned.filter((p) => p.outcome === 'error');
        if (failed.length > 0) {
          throw new RowsChangedError(
            `${failed.length} rows no longer pass the checks (first: row ${failed[0]!.line}, ${failed[0]!.errors[0]!.field}: ${failed[0]!.errors[0]!.message}); nothing was written`,
          );
        }
        const creates = planned.filter((p) => p.outcome === 'create');
        const updates = planned.filter((p) => p.outcome === 'update');
        await this.imports.write(
          tx,
          { id: importId, workspaceId: actor.workspaceId, createdById: actor.userId },
          {
            creates: creates.map((p) => ({
              frameworkId: p.frameworkId!,
              fields: p.fields as EditableFields,
            })),
            updates: updates.map((p) => ({
              commitmentId: p.commitmentId!,
              fields: p.fields!,
              changes: p.changes!,
            })),
          },
          (done) => this.imports.progress(importId, done),
        );
        const reweighed = updates.filter((p) => p.changes?.weight).map((p) => p.commitmentId!);
        for (const parentId of await this.imports.parentsOf(tx, reweighed)) {
          await this.commitments.rollUpAndRecord(tx, actor, parentId);
        }
      });
      await this.imports.transition(importId, ['RUNNING'], 'SUCCEEDED', { finishedAt: new Date() });
    } catch (error) {
      if (!(error instanceof RowsChangedError)) this.logger.error(error);
      await this.imports.transition(importId, ['RUNNING'], 'FAILED', {
        finishedAt: new Date(),
        processed: 0,
        ...(error instanceof RowsChangedError
          ? { failure: error.message, failureCode: 'ROWS_CHANGED' }
          : {
              failure: 'The import could not be written; nothing was changed',
              failureCode: 'WRITE_FAILED',
            }),
      });
    }
  }

  private async plan(
    member: WorkspaceActor,
    source: SourceRow[],
    tx?: Parameters<ImportsRepository['lookups']>[2],
  ) {
    const pairs = source.flatMap(({ values }) =>
      typeof values.framework === 'string' && typeof values.reference === 'string'
        ? [{ frameworkCode: values.framework.trim(), reference: values.reference.trim() }]
        : [],
    );
    const lookups = await this.imports.lookups(member.workspaceId, pairs, tx);
    return planRows(
      source.map(({ line, values }) => ({ line, values: new Map(Object.entries(values)) })),
      lookups,
      member,
    );
  }

  /** The import, if the caller may see it: an ADMIN any of the workspace's, others their own. */
  private async require(member: WorkspaceActor, id: string): Promise<ImportJobSummaryRow> {
    const row = await this.imports.summary(member.workspaceId, id);
    if (!row) throw new NotFoundException(`Import ${id} not found`);
    if (member.role !== 'ADMIN' && row.createdById !== member.userId) {
      throw new ForbiddenException('Only its author or an administrator may see this import');
    }
    return row;
  }

  private toDto(row: ImportJobSummaryRow, rows: ImportRowDto[]): ImportDto {
    return { ...summaryOf(row), mapping: row.mapping as unknown as ImportColumnDto[], rows };
  }
}

function rowDtoOf(p: PlannedRow): ImportRowDto {
  return {
    line: p.line,
    outcome: p.outcome,
    framework: p.framework,
    reference: p.reference,
    errors: p.errors,
    changedFields: Object.keys(p.changes ?? {}),
  };
}

class RowsChangedError extends Error {}

function summaryOf(row: Omit<ImportJobSummaryRow, 'mapping'>): ImportSummaryDto {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    state: row.state,
    total: row.total,
    creates: row.creates,
    updates: row.updates,
    unchanged: row.unchanged,
    errors: row.errors,
    processed: row.processed,
    failure: row.failure,
    failureCode: row.failureCode,
    createdBy:
      row.createdById && row.createdBy
        ? { id: row.createdById, displayName: row.createdBy.displayName }
        : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function countOutcomes(planned: PlannedRow[]) {
  const count = (outcome: PlannedRow['outcome']) =>
    planned.filter((p) => p.outcome === outcome).length;
  return {
    creates: count('create'),
    updates: count('update'),
    unchanged: count('unchanged'),
    errors: count('error'),
  };
}

/** A mapping's column key if it is one the import reads, else null (ignored). */
function known(key: string | null): string | null {
  return key !== null && COMMITMENT_IMPORT_COLUMNS.some((c) => c.key === key) ? key : null;
}

/** A cell as JSON keeps it: dates as YYYY-MM-DD. */
function storable(cell: ImportCell): SourceRow['values'][string] {
  return cell instanceof Date ? isoDate(cell) : cell;
}

/** A sheet of text and number cells under localized headers. */
function textSheet(
  name: LocalizedText,
  columns: { key: string; header: LocalizedText }[],
  rows: (string | number | null)[][],
  locale: Locale,
): Sheet {
  return sheetOf(
    name,
    columns.map(({ key, header }, i) => ({
      key,
      header,
      type: 'text' as const,
      value: (row: (string | number | null)[]) => row[i] ?? null,
    })),
    onePage(rows),
    locale,
  );
}
