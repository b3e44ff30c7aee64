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
import type { Tx } from '../commitments/commitments.repository';
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
import { type ImportSheet, MAX_IMPORT_ROWS, readImportFile, tooManyRows } from './import-file';
import {
  type ImportKind,
  INDICATOR_HINTS,
  INDICATOR_IMPORT_COLUMNS,
  indicatorColumnOfHeader,
  indicatorTemplateHints,
  kindOfHeaders,
  knownColumn,
} from './import-indicator-columns';
import {
  dataRows,
  existingKey,
  type PlannedRow,
  planRows,
  type RowError,
  type SourceRow,
} from './import-plan';
import { type PlannedIndicatorRow, planIndicatorRows } from './indicator-plan';
import { IndicatorImportsRepository } from './indicator-imports.repository';
import { INDICATOR_SHEET } from '../exports/indicator-columns';
import { type ImportUpload, invalidSheets, type SheetChoice } from './import-upload';
import type {
  ImportColumnDto,
  ImportDto,
  ImportFailureRowDto,
  ImportListDto,
  ImportRowDto,
  ImportSheetDto,
  ImportSummaryDto,
} from './import.dto';
import { type ImportJobSummaryRow, ImportsRepository } from './imports.repository';
import { rowErrorText } from './row-error-text';

const RUN_QUEUE = 'import-run';
const HISTORY_LIMIT = 100;

/**
 * What an import keeps in its `rows`: the file's data rows, and the dry run's verdict on each as
 * the API shows it (the run plans the rows again, so the planned fields are not kept).
 */
interface StoredRows {
  source: SourceRow[];
  planned: ImportRowDto[];
  /** The indicators sheet's data rows (absent from imports made before indicators were). */
  indicatorSource?: SourceRow[];
  /** Each non-empty sheet and how it was read (absent from imports made before). */
  sheets?: ImportSheetDto[];
}

interface RunJob {
  importId: string;
  actor: WorkspaceActor;
}

const SHEET = { vi: 'Cam kết', en: 'Commitments' };
const ERRORS_SHEET = { vi: 'Dòng bị từ chối', en: 'Rejected rows' };
const INDICATOR_ERRORS_SHEET = { vi: 'Chỉ số bị từ chối', en: 'Rejected indicators' };

/**
 * Commitments and indicators from a spreadsheet (a sheet of each kind): the template, the dry run (nothing written), and the run as a
 * background job in one transaction, all rows or none.
 */
@Injectable()
export class ImportsService implements OnModuleInit {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly indicatorImports: IndicatorImportsRepository,
    private readonly exportsRepo: ExportsRepository,
    private readonly commitments: CommitmentsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register<RunJob>(RUN_QUEUE, (job) => this.execute(job));
  }

  /**
   * The exports' columns with a hint row, to fill in: a sheet of commitments and one of
   * indicators, or only the sheet of `kind` (a CSV holds one sheet: commitments by default).
   */
  async template(
    member: WorkspaceActor,
    lang: Locale | undefined,
    kind?: ImportKind,
  ): Promise<Spreadsheet> {
    const locale = lang ?? (await this.exportsRepo.userLocale(member.userId));
    const hints = COMMITMENT_IMPORT_COLUMNS.map(
      ({ key }) => COLUMN_HINTS[key as CommitmentColumnKey],
    );
    const sheets = {
      commitment: textSheet(
        SHEET,
        COMMITMENT_IMPORT_COLUMNS,
        [hints.map((h) => h[locale])],
        locale,
      ),
      indicator: textSheet(
        INDICATOR_SHEET,
        INDICATOR_IMPORT_COLUMNS,
        [indicatorTemplateHints(locale)],
        locale,
      ),
    };
    return {
      basename: `import-template-${member.slug}${kind === 'indicator' ? '-indicators' : ''}`,
      sheets: kind ? [sheets[kind]] : [sheets.commitment, sheets.indicator],
    };
  }

  /**
   * Reads and checks the file (the dry run): each row's outcome, nothing written but the import.
   * Each non-empty sheet is read as the kind chosen for it, else the one its headers tell, or
   * skipped (shown so) when they tell none; two sheets of a kind are both read.
   */
  async upload(member: WorkspaceActor, upload: ImportUpload): Promise<ImportDto> {
    const table = await readImportFile(upload.file, upload.encoding);
    // The sheets a dry run lists: an empty one has nothing to read, so naming it is a mistake too.
    const readable = [...table.sheets.keys()].filter((i) => table.sheets[i]!.rows.length > 0);
    const missing = upload.sheets?.find((choice) => !readable.includes(choice.sheet));
    if (missing) {
      throw invalidSheets(
        `names sheet ${missing.sheet}, which is not a sheet with rows of this file (those are ${readable.join(', ') || 'none'})`,
      );
    }
    const choices = new Map((upload.sheets ?? []).map((choice) => [choice.sheet, choice]));
    const sheets: Awaited<ReturnType<typeof readSheet>>[] = [];
    for (const index of readable) {
      sheets.push(await readSheet(table.sheets[index]!, index, choices.get(index), upload.mapping));
    }
    const sourceOf = (kind: ImportKind) =>
      sheets.flatMap((sheet) => (sheet.dto.kind === kind ? sheet.source : []));
    const source = sourceOf('commitment');
    const indicatorSource = sourceOf('indicator');
    if (source.length + indicatorSource.length > MAX_IMPORT_ROWS) tooManyRows();
    const planned = await this.plan(member, source);
    const plannedIndicators = await this.planIndicators(member, indicatorSource, planned);
    const counts = countOutcomes([...planned, ...plannedIndicators]);
    const rows = [
      ...planned.map((p, i) => rowDtoOf(p, source[i]!.sheet)),
      ...plannedIndicators.map((p, i) => indicatorRowDtoOf(p, indicatorSource[i]!.sheet)),
    ];
    const sheetDtos = sheets.map((sheet) => sheet.dto);
    const row = await this.imports.create(
      {
        workspaceId: member.workspaceId,
        createdById: member.userId,
        fileName: upload.fileName.slice(0, 200),
        format: table.format,
        mapping: sheetDtos.flatMap(({ kind, columns }) =>
          kind === 'skip' ? [] : columns.map((column) => ({ kind, ...column })),
        ) satisfies ImportColumnDto[] as Prisma.InputJsonValue,
        total: source.length + indicatorSource.length,
        ...counts,
      },
      { source, planned: rows, indicatorSource, sheets: sheetDtos } satisfies StoredRows,
    );
    return this.toDto(row, rows, sheetDtos);
  }

  /**
   * The import; without its rows and sheets when `withRows` is false (following a run's progress:
   * reading even one part of the stored rows unpacks all of them).
   */
  async get(member: WorkspaceActor, id: string, withRows = true): Promise<ImportDto> {
    const row = await this.require(member, id);
    if (!withRows) return this.toDto(row, [], null);
    const planned = (await this.imports.rowsPart(id, 'planned')) as StoredRows['planned'];
    const sheets = (await this.imports.rowsPart(id, 'sheets')) as ImportSheetDto[];
    return this.toDto(row, planned, sheets);
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
    // Rows stored before indicators could be imported have no kind: commitments.
    const rejected = (kind: ImportKind) =>
      planned.filter((p) => p.outcome === 'error' && (p.kind ?? 'commitment') === kind);
    const sheets = [
      rejectedSheet(
        ERRORS_SHEET,
        COMMITMENT_IMPORT_COLUMNS,
        rejected('commitment'),
        source,
        locale,
      ),
    ];
    const failedIndicators = rejected('indicator');
    if (failedIndicators.length > 0) {
      const indicatorSource = (await this.imports.rowsPart(id, 'indicatorSource')) as SourceRow[];
      // The unit column is read as unit_vi or unit_en; the file gives it back in its language.
      const unitKey = locale === 'vi' ? 'unit_vi' : 'unit_en';
      const withUnit = indicatorSource.map(({ sheet, line, values }) => ({
        sheet,
        line,
        values: { ...values, unit: values[unitKey] ?? values.unit_vi ?? values.unit_en ?? null },
      }));
      sheets.push(
        rejectedSheet(
          INDICATOR_ERRORS_SHEET,
          INDICATOR_IMPORT_COLUMNS,
          failedIndicators,
          withUnit,
          locale,
        ),
      );
    }
    return { basename: `import-errors-${isoDate(todayUtc())}`, sheets };
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
        RowsChangedError.check('commitment', planned, source);
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
        await this.runIndicators(
          tx,
          { id: importId, workspaceId: actor.workspaceId, createdById: actor.userId },
          actor,
          creates.length + updates.length,
        );
      });
      await this.imports.transition(importId, ['RUNNING'], 'SUCCEEDED', { finishedAt: new Date() });
    } catch (error) {
      if (!(error instanceof RowsChangedError)) this.logger.error(error);
      await this.imports.transition(importId, ['RUNNING'], 'FAILED', {
        finishedAt: new Date(),
        processed: 0,
        ...(error instanceof RowsChangedError
          ? {
              failure: error.message,
              failureCode: 'ROWS_CHANGED',
              failureRow: error.row as unknown as Prisma.InputJsonValue,
            }
          : {
              failure: 'The import could not be written; nothing was changed',
              failureCode: 'WRITE_FAILED',
            }),
      });
    }
  }

  /**
   * The run's indicators, after its commitments (so that those it created are found): checked
   * again on the locked rows, then written; `written` commitments count in the progress first.
   */
  private async runIndicators(
    tx: Tx,
    job: { id: string; workspaceId: string; createdById: string },
    actor: WorkspaceActor,
    written: number,
  ): Promise<void> {
    const source = (await this.imports.rowsPart(job.id, 'indicatorSource')) as SourceRow[];
    if (source.length === 0) return;
    const planned = await this.planIndicators(actor, source, [], tx);
    RowsChangedError.check('indicator', planned, source);
    const writes = planned.filter((p) => p.outcome === 'create' || p.outcome === 'update');
    await this.indicatorImports.write(tx, job, writes, (done) =>
      this.imports.progress(job.id, written + done),
    );
  }

  /**
   * The indicators sheet's outcomes; a commitment `commitments` creates counts as found (with
   * its organizations), so that a new commitment's indicators may come in the same file.
   */
  private async planIndicators(
    member: WorkspaceActor,
    source: SourceRow[],
    commitments: PlannedRow[],
    tx?: Tx,
  ): Promise<PlannedIndicatorRow[]> {
    if (source.length === 0) return [];
    const pairs = source.flatMap(({ values }) =>
      typeof values.framework === 'string' && typeof values.reference === 'string'
        ? [{ frameworkCode: values.framework.trim(), reference: values.reference.trim() }]
        : [],
    );
    const lookups = await this.indicatorImports.lookups(member.workspaceId, pairs, tx);
    for (const p of commitments) {
      if (p.outcome !== 'create') continue;
      const fields = p.fields as EditableFields;
      lookups.commitments.set(existingKey(p.frameworkId!, fields.reference), {
        id: null,
        archived: false,
        organizationIds: [fields.leadOrgId, ...fields.coOrgIds].filter((o): o is string => !!o),
      });
    }
    return planIndicatorRows(source, lookups, member);
  }

  private async plan(member: WorkspaceActor, source: SourceRow[], tx?: Tx) {
    const pairs = source.flatMap(({ values }) =>
      typeof values.framework === 'string' && typeof values.reference === 'string'
        ? [{ frameworkCode: values.framework.trim(), reference: values.reference.trim() }]
        : [],
    );
    const lookups = await this.imports.lookups(member.workspaceId, pairs, tx);
    return planRows(source, lookups, member);
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

  private toDto(
    row: ImportJobSummaryRow,
    rows: ImportRowDto[],
    /** null: not read (a progress poll). */
    sheets: ImportSheetDto[] | null,
  ): ImportDto {
    // Imports made before indicators were name no kind: theirs were all commitments.
    const mapping = (row.mapping as unknown as ImportColumnDto[]).map((m) =>
      m.kind ? m : { ...m, kind: 'commitment' as const },
    );
    return {
      ...summaryOf(row),
      mapping,
      // Imports made before sheets were reported: a sheet per kind their mapping names.
      sheets:
        sheets === null || sheets.length > 0 || mapping.length === 0
          ? (sheets ?? [])
          : legacySheets(mapping),
      rows: rows.map((r) => ({
        ...r,
        kind: r.kind ?? 'commitment',
        indicator: r.indicator ?? null,
        sheet: r.sheet ?? null,
      })),
    };
  }
}

function legacySheets(mapping: ImportColumnDto[]): ImportSheetDto[] {
  return (['commitment', 'indicator'] as const).flatMap((kind) => {
    const columns = mapping.filter((m) => m.kind === kind);
    if (columns.length === 0) return [];
    return [
      {
        index: kind === 'commitment' ? 0 : 1,
        name: null,
        detected: kind,
        kind,
        rows: null,
        columns: columns.map(({ header, column }) => ({ header, column })),
      },
    ];
  });
}

function rowDtoOf(p: PlannedRow, sheet: string | undefined): ImportRowDto {
  return {
    kind: 'commitment',
    sheet: sheet ?? null,
    indicator: null,
    line: p.line,
    outcome: p.outcome,
    framework: p.framework,
    reference: p.reference,
    errors: p.errors,
    changedFields: Object.keys(p.changes ?? {}),
  };
}

function indicatorRowDtoOf(p: PlannedIndicatorRow, sheet: string | undefined): ImportRowDto {
  return {
    kind: 'indicator',
    sheet: sheet ?? null,
    indicator: p.indicator,
    line: p.line,
    outcome: p.outcome,
    framework: p.framework,
    reference: p.reference,
    errors: p.errors,
    changedFields: p.changedFields,
  };
}

/**
 * How one non-empty sheet is read: as the kind chosen for it, else the one its headers tell
 * (a mapping's choice standing for a header), else skipped; its data rows by column key.
 */
async function readSheet(
  sheet: ImportSheet,
  index: number,
  choice: SheetChoice | undefined,
  fileMapping: Record<string, string | null> | undefined,
): Promise<{ dto: ImportSheetDto; source: SourceRow[] }> {
  const mapping = choice?.mapping ?? fileMapping;
  const headers = (sheet.rows[0]?.cells ?? []).map((c) =>
    c === null ? '' : typeof c === 'object' && !(c instanceof Date) ? '' : String(c),
  );
  const detected = kindOfHeaders(headers, mapping);
  const kind = choice?.kind ?? detected ?? 'skip';
  // A skipped sheet shows its headers as the kind they tell would read them.
  const readAs = kind === 'skip' ? detected : kind;
  const ofHeader = readAs === 'indicator' ? indicatorColumnOfHeader : columnOfHeader;
  const columns = headers.map((header) =>
    !readAs
      ? null
      : mapping && header in mapping
        ? knownColumn(readAs, mapping[header]!)
        : ofHeader(header),
  );
  const source =
    kind === 'skip'
      ? []
      : await dataRows(sheet, columns, kind === 'indicator' ? INDICATOR_HINTS : COLUMN_HINTS);
  return {
    dto: {
      index,
      name: sheet.name,
      detected,
      kind,
      rows: kind === 'skip' ? sheet.rows.length - 1 : source.length,
      columns: headers.map((header, i) => ({ header, column: columns[i] ?? null })),
    },
    source,
  };
}

/** A run's rows that passed the dry run fail the checks again: nothing is written. */
class RowsChangedError extends Error {
  constructor(
    readonly row: ImportFailureRowDto,
    message: string,
  ) {
    const what = row.kind === 'indicator' ? 'indicator rows' : 'rows';
    const where = `${row.sheet === null ? '' : `sheet ${row.sheet}, `}row ${row.line}`;
    super(
      `${row.count} ${what} no longer pass the checks (first: ${where}, ${row.field}: ${message}); nothing was written`,
    );
  }

  /** Throws when any of `planned` (made from `source`, in its order) is an error. */
  static check(
    kind: ImportKind,
    planned: { outcome: string; line: number; errors: RowError[] }[],
    source: SourceRow[],
  ): void {
    const first = planned.findIndex((p) => p.outcome === 'error');
    if (first < 0) return;
    const { line, errors } = planned[first]!;
    throw new RowsChangedError(
      {
        kind,
        sheet: source[first]?.sheet ?? null,
        line,
        field: errors[0]!.field,
        code: errors[0]!.code,
        count: planned.filter((p) => p.outcome === 'error').length,
      },
      errors[0]!.message,
    );
  }
}

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
    failureRow: (row.failureRow as ImportFailureRowDto | null) ?? null,
    createdBy:
      row.createdById && row.createdBy
        ? { id: row.createdById, displayName: row.createdBy.displayName }
        : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function countOutcomes(planned: Pick<PlannedRow, 'outcome'>[]) {
  const count = (outcome: PlannedRow['outcome']) =>
    planned.filter((p) => p.outcome === outcome).length;
  return {
    creates: count('create'),
    updates: count('update'),
    unchanged: count('unchanged'),
    errors: count('error'),
  };
}

/** The rejected rows of one sheet: the row, why, and its cells as the file had them. */
function rejectedSheet(
  name: LocalizedText,
  columns: { key: string; header: LocalizedText }[],
  failed: ImportRowDto[],
  source: SourceRow[],
  locale: Locale,
): Sheet {
  const rowKey = (sheet: string | null | undefined, line: number) => `${sheet ?? ''}\n${line}`;
  const byRow = new Map(source.map((s) => [rowKey(s.sheet, s.line), s.values]));
  // Rows of two sheets of one kind are told apart by their sheet's name.
  const named = new Set(source.map((s) => s.sheet)).size > 1;
  const cells = failed.map((p) => [
    ...(named ? [p.sheet ?? null] : []),
    p.line,
    p.errors.map((e) => rowErrorText(e, locale)).join('\n'),
    ...columns.map(({ key }) => {
      const value = byRow.get(rowKey(p.sheet, p.line))?.[key];
      return value === undefined || value === null || typeof value === 'object' ? null : value;
    }),
  ]);
  return textSheet(
    name,
    [
      ...(named ? [{ key: 'sheet', header: { vi: 'Trang tính', en: 'Sheet' } }] : []),
      { key: 'line', header: { vi: 'Dòng', en: 'Row' } },
      { key: 'errors', header: { vi: 'Lỗi', en: 'Errors' } },
      ...columns,
    ],
    cells,
    locale,
  );
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
