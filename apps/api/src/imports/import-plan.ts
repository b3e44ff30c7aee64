import {
  can,
  type PolicySubject,
  TARGET_GROUPS,
  type TargetGroup,
  type Theme,
  THEMES,
} from '@spct/contracts';
import { isCalendarDate, isoDate } from '../common/dates';
import {
  canonicalPatch,
  type EditableFields,
  newCommitmentDefaults,
} from '../commitments/commitment-fields';
import { diffFields, type FieldChanges } from '../history/activity';
import { ENUM_LABELS } from '../spreadsheets/enum-labels';
import { neutralizeFormula } from '../spreadsheets/formula-cells';
import type { LocalizedText } from '../common/localized';
import { COLUMN_HINTS, comparable, READ_ONLY_COLUMNS } from './import-columns';
import type { ImportCell, ImportSheet } from './import-file';

export type RowOutcome = 'create' | 'update' | 'unchanged' | 'error';

/** Why a row cannot be imported; `code` is for the web app's messages, `message` for API users. */
export interface RowError {
  field: string;
  code:
    | 'required'
    | 'tooLong'
    | 'unknownCode'
    | 'invalidNumber'
    | 'invalidDate'
    | 'dateOrder'
    | 'duplicateRow'
    | 'formula'
    | 'link'
    | 'forbidden'
    | 'archived'
    | 'leadInCoOrganizations'
    | 'yearOrder'
    | 'inconsistent'
    | 'ambiguousIndicator';
  message: string;
}

/** One data row of the file, and what importing it would do. */
export interface PlannedRow {
  /** The row number a spreadsheet program shows. */
  line: number;
  outcome: RowOutcome;
  framework: string | null;
  reference: string | null;
  errors: RowError[];
  /** The commitment an update or unchanged row matched. */
  commitmentId?: string;
  frameworkId?: string;
  /** create: every field; update: the fields that change. */
  fields?: Partial<EditableFields>;
  /** update: each changed field before and after. */
  changes?: FieldChanges;
}

/** A commitment the file may name, as stored. */
export interface ExistingCommitment {
  id: string;
  archived: boolean;
  fields: EditableFields;
}

/** What rows are checked against: the workspace's codes and the commitments the file names. */
export interface ImportLookups {
  /** Framework code (as `comparable`) → id. */
  frameworks: Map<string, string>;
  /** Organization short name (as `comparable`) → id. */
  organizations: Map<string, string>;
  /** `${frameworkId} ${reference}` → the stored commitment. */
  existing: Map<string, ExistingCommitment>;
}

export function existingKey(frameworkId: string, reference: string): string {
  return `${frameworkId} ${reference}`;
}

/** A cell as the stored import keeps it (JSON): dates as YYYY-MM-DD. */
export type StoredCell = Exclude<ImportCell, Date>;

/** A data row as kept between the dry run and the run: its cells by column key. */
export interface SourceRow {
  /** The worksheet's name (absent for a CSV). */
  sheet?: string;
  line: number;
  values: Record<string, StoredCell>;
}

/**
 * A sheet's data rows as they are kept, in one pass: after the header row and the template's
 * hint row, each row's cells by column key.
 */
export async function dataRows(
  sheet: ImportSheet,
  columns: (string | null)[],
  hints: Record<string, LocalizedText> = COLUMN_HINTS,
): Promise<SourceRow[]> {
  const read = await inTurns(sheet.rows.slice(1), ({ line, cells }) => {
    const values = columns.flatMap((key, i): [string, ImportCell][] =>
      key && !READ_ONLY_COLUMNS.has(key) ? [[key, cells[i] ?? null]] : [],
    );
    if (isHintRow(values, hints)) return null;
    return {
      ...(sheet.name !== null && { sheet: sheet.name }),
      line,
      values: Object.fromEntries(values.map(([key, cell]) => [key, storable(cell)])),
    };
  });
  return read.filter((row) => row !== null);
}

function storable(cell: ImportCell): StoredCell {
  return cell instanceof Date ? isoDate(cell) : cell;
}

/** Rows handled per turn of the event loop: 10,000 rows take seconds on a busy machine. */
const ROWS_PER_TURN = 100;

/** `items` mapped by `map`, letting the API answer other requests every ROWS_PER_TURN items. */
export async function inTurns<T, U>(items: T[], map: (item: T, index: number) => U): Promise<U[]> {
  const mapped: U[] = [];
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    mapped.push(map(item, i));
  }
  return mapped;
}

function isHintRow(
  values: [string, ImportCell][],
  hintsByKey: Record<string, LocalizedText>,
): boolean {
  const hints = values.filter(([, v]) => v !== null);
  return (
    hints.length > 0 &&
    hints.every(([key, value]) => {
      const hint = hintsByKey[key];
      return typeof value === 'string' && hint && (value === hint.vi || value === hint.en);
    })
  );
}

/**
 * What importing each row would do, checked as the API checks a form: required fields, codes
 * known in the workspace (in either language), lengths, dates in order, no row twice, and for an
 * EDITOR only their own organization's commitments.
 */
export async function planRows(
  rows: { line: number; values: Record<string, ImportCell> }[],
  lookups: ImportLookups,
  actor: PolicySubject,
): Promise<PlannedRow[]> {
  const seen = new Set<string>();
  return inTurns(rows, (row) => planRow(row, lookups, actor, seen));
}

/** One row's outcome; `seen` holds the (framework, reference) keys of the rows before it. */
function planRow(
  { line, values }: { line: number; values: Record<string, ImportCell> },
  lookups: ImportLookups,
  actor: PolicySubject,
  seen: Set<string>,
): PlannedRow {
  const row = new RowReader(values, lookups);
  const framework = row.text('framework', { required: true, max: 40 });
  const reference = row.text('reference', { required: true, max: 40 });
  const frameworkId = framework ? row.code('framework', framework, lookups.frameworks) : null;
  const planned: PlannedRow = {
    line,
    outcome: 'error',
    framework,
    reference,
    errors: row.errors,
  };
  if (!frameworkId || !reference) return finish(planned, row);
  const key = existingKey(frameworkId, reference);
  if (seen.has(key)) {
    row.fail('reference', 'duplicateRow', 'this framework and reference are on an earlier row');
    return finish(planned, row);
  }
  seen.add(key);
  const existing = lookups.existing.get(key);
  const sent = row.fields(existing?.fields ?? null);
  planned.frameworkId = frameworkId;
  if (!existing) {
    const fields: EditableFields = {
      ...newCommitmentDefaults(),
      reference,
      title: { vi: '', en: '' },
      ...sent,
    };
    checkRules(row, fields);
    if (!can(actor, 'import', { organizationIds: [fields.leadOrgId, ...fields.coOrgIds] })) {
      row.fail(
        'lead_organization',
        'forbidden',
        'you may import only commitments your organization leads or shares',
      );
    }
    return finish({ ...planned, outcome: 'create', fields }, row);
  }
  planned.commitmentId = existing.id;
  if (existing.archived) {
    row.fail('reference', 'archived', 'this commitment is archived: restore it before importing');
    return finish(planned, row);
  }
  const before = existing.fields;
  const changes = diffFields<Record<string, unknown>>({ ...before }, sent);
  const after: EditableFields = { ...before, ...sent };
  const orgsOf = (f: EditableFields) => [f.leadOrgId, ...f.coOrgIds];
  if (Object.keys(changes).length > 0) {
    checkRules(row, after);
    if (
      !can(actor, 'import', { organizationIds: orgsOf(before) }) ||
      !can(actor, 'import', { organizationIds: orgsOf(after) })
    ) {
      row.fail(
        'lead_organization',
        'forbidden',
        "you may import only your organization's commitments",
      );
    }
  }
  const fields = Object.fromEntries(
    Object.keys(changes).map((field) => [field, after[field as keyof EditableFields]]),
  ) as Partial<EditableFields>;
  return finish(
    {
      ...planned,
      outcome: Object.keys(changes).length ? 'update' : 'unchanged',
      fields,
      changes,
    },
    row,
  );
}

function finish(planned: PlannedRow, row: RowReader): PlannedRow {
  if (row.errors.length === 0) return planned;
  const { fields: _f, changes: _c, ...rest } = planned;
  return { ...rest, outcome: 'error', errors: row.errors };
}

function checkRules(row: RowReader, fields: EditableFields): void {
  if (fields.startDate && fields.targetDate && fields.startDate > fields.targetDate) {
    row.fail('target_date', 'dateOrder', 'must not be before the start date');
  }
  if (fields.leadOrgId && fields.coOrgIds.includes(fields.leadOrgId)) {
    row.fail('co_organizations', 'leadInCoOrganizations', 'must not include the lead organization');
  }
}

/** One row's cells read as the commitment's fields, collecting what is wrong. */
export class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    private readonly values: Record<string, ImportCell>,
    private readonly lookups: ImportLookups,
  ) {}

  fail(field: string, code: RowError['code'], message: string): null {
    this.errors.push({ field, code, message });
    return null;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.values, key);
  }

  /** Whether the file has this column and the row's cell in it is not blank. */
  given(key: string): boolean {
    const cell = this.has(key) ? this.values[key] : undefined;
    return cell !== undefined && cell !== null && !(typeof cell === 'string' && cell.trim() === '');
  }

  /** The text of a cell (a neutralized formula-looking text given back as typed), or null. */
  text(key: string, options: { required?: boolean; max: number }): string | null {
    const refused = this.errors.length;
    const cell = this.cell(key);
    if (cell === undefined || this.errors.length > refused) return null;
    const text = cell === null ? '' : cell instanceof Date ? isoDate(cell) : String(cell);
    const value = restoreNeutralized(text.normalize('NFC').trim());
    if (!value) return options.required ? this.fail(key, 'required', 'must not be empty') : null;
    if (value.length > options.max)
      return this.fail(key, 'tooLong', `must be at most ${options.max} characters`);
    return value;
  }

  code(key: string, value: string, known: Map<string, string>): string | null {
    return (
      known.get(comparable(value)) ??
      this.fail(key, 'unknownCode', `"${value}" is not known in this workspace`)
    );
  }

  /** The fields the row's columns give (absent columns leave a field as it is). */
  fields(before: EditableFields | null): Partial<EditableFields> {
    const sent: Partial<EditableFields> = {};
    const vi = this.title('title_vi', before === null);
    const en = this.title('title_en', before === null);
    if (vi !== null && en !== null && (vi !== undefined || en !== undefined)) {
      sent.title = { vi: vi ?? before!.title.vi, en: en ?? before!.title.en };
    }
    if (this.has('description_vi') || this.has('description_en')) {
      const vi = this.text('description_vi', { max: 10000 });
      const en = this.text('description_en', { max: 10000 });
      sent.description = vi === null && en === null ? null : { vi: vi ?? '', en: en ?? '' };
    }
    if (this.has('theme')) sent.theme = this.enumValue('theme', 'theme') as Theme | null;
    if (this.has('lead_organization')) {
      const lead = this.text('lead_organization', { max: 100 });
      sent.leadOrgId = lead
        ? this.code('lead_organization', lead, this.lookups.organizations)
        : null;
    }
    if (this.has('co_organizations')) {
      sent.coOrgIds = this.list('co_organizations').flatMap((name) => {
        const id = this.code('co_organizations', name, this.lookups.organizations);
        return id ? [id] : [];
      });
    }
    if (this.has('target_groups')) {
      sent.targetGroups = this.list('target_groups').flatMap((name) => {
        const group = this.enumOf('target_groups', name, 'targetGroup');
        return group ? [group as TargetGroup] : [];
      });
    }
    if (this.has('weight')) {
      const weight = this.integer('weight', 1, 100);
      sent.weight = weight ?? 1;
    }
    if (this.has('start_date')) sent.startDate = this.date('start_date');
    if (this.has('target_date')) sent.targetDate = this.date('target_date');
    return canonicalPatch(sent);
  }

  /** A title: required for a new commitment, never emptied; undefined when its column is absent. */
  private title(key: string, creating: boolean): string | null | undefined {
    if (!this.has(key))
      return creating ? this.fail(key, 'required', 'must not be empty') : undefined;
    return this.text(key, { required: true, max: 1000 });
  }

  cell(key: string): ImportCell | undefined {
    if (!this.has(key)) return undefined;
    const cell = this.values[key]!;
    if (cell !== null && typeof cell === 'object' && 'refused' in cell) {
      this.fail(
        key,
        cell.refused,
        cell.refused === 'formula'
          ? 'holds a formula: type the value instead'
          : 'holds a link: type the value instead',
      );
      return null;
    }
    return cell;
  }

  private list(key: string): string[] {
    const text = this.text(key, { max: 2000 });
    return text
      ? text
          .split(/[;\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  }

  private enumValue(key: string, kind: EnumKind): string | null {
    const text = this.text(key, { max: 200 });
    return text ? this.enumOf(key, text, kind) : null;
  }

  private enumOf(key: string, text: string, kind: EnumKind): string | null {
    return (
      ENUM_CODES[kind].get(comparable(text)) ??
      this.fail(key, 'unknownCode', `"${text}" is not a known value`)
    );
  }

  integer(key: string, min: number, max: number): number | null {
    const cell = this.cell(key);
    if (cell === null || cell === undefined || cell === '') return null;
    const value = typeof cell === 'number' ? cell : Number(String(cell).trim());
    if (!Number.isInteger(value) || value < min || value > max) {
      return this.fail(key, 'invalidNumber', `must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  date(key: string): string | null {
    const cell = this.cell(key);
    if (cell === null || cell === undefined) return null;
    if (cell instanceof Date) return isoDate(cell);
    const text = String(cell).trim();
    if (!text) return null;
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text;
    return isCalendarDate(iso)
      ? iso
      : this.fail(key, 'invalidDate', 'must be a date YYYY-MM-DD or DD/MM/YYYY');
  }
}

type EnumKind = 'theme' | 'targetGroup';

/** Each code by itself and by its labels in either language (as `comparable`), made once. */
const ENUM_CODES: Record<EnumKind, Map<string, string>> = {
  theme: codesByLabel(THEMES, 'theme'),
  targetGroup: codesByLabel(TARGET_GROUPS, 'targetGroup'),
};

function codesByLabel(codes: readonly string[], kind: EnumKind): Map<string, string> {
  const labels = ENUM_LABELS[kind] as Record<string, { vi: string; en: string }>;
  const byLabel = new Map<string, string>();
  // Backwards, so that a label two codes share names the first, as a search in order would.
  for (const code of [...codes].reverse()) {
    for (const label of [code, labels[code]!.vi, labels[code]!.en]) {
      byLabel.set(comparable(label), code);
    }
  }
  return byLabel;
}

/** The export's neutralized cells ('=…) read back as they were typed. */
export function restoreNeutralized(text: string): string {
  return text.startsWith("'") && neutralizeFormula(text.slice(1)) !== text.slice(1)
    ? text.slice(1)
    : text;
}
