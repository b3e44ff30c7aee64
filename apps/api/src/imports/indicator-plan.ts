import { randomUUID } from 'node:crypto';
import {
  can,
  INDICATOR_DIRECTIONS,
  type IndicatorDirection,
  type PolicySubject,
} from '@spct/contracts';
import { decimalPlaces } from '../common/numbers';
import { diffFields, type FieldChanges } from '../history/activity';
import { ENUM_LABELS } from '../spreadsheets/enum-labels';
import { comparable } from './import-columns';
import type { ImportCell } from './import-file';
import { existingKey, inTurns, RowReader, type RowError, type RowOutcome } from './import-plan';

/** An indicator's columns an import writes (its source stays as the app set it). */
export interface IndicatorValues {
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  direction: IndicatorDirection;
  baselineValue: number;
  baselineYear: number;
  targetValue: number;
  targetYear: number;
}

export interface StoredMeasurement {
  id: string;
  /** YYYY-MM-DD */
  measuredOn: string;
  value: number;
  source: string | null;
}

export interface ExistingIndicator {
  id: string;
  fields: IndicatorValues;
  /** Oldest first. */
  measurements: StoredMeasurement[];
}

/** A commitment an indicators sheet may name: stored, or created by the same import. */
export interface IndicatorCommitment {
  /** null: created by the same import (it has an id once the commitments are written). */
  id: string | null;
  archived: boolean;
  organizationIds: string[];
}

export interface IndicatorLookups {
  /** Framework code (as `comparable`) → id. */
  frameworks: Map<string, string>;
  /** `existingKey(frameworkId, reference)` → the commitment. */
  commitments: Map<string, IndicatorCommitment>;
  /** `existingKey(frameworkId, reference)` → the commitment's indicators. */
  indicators: Map<string, ExistingIndicator[]>;
}

export interface MeasurementValues {
  measuredOn: string;
  value: number;
  source: string | null;
}

/** One line of an indicators sheet, and what importing it would do. */
export interface PlannedIndicatorRow {
  line: number;
  outcome: RowOutcome;
  framework: string | null;
  reference: string | null;
  /** The indicator's name as the line gives it (Vietnamese, else English). */
  indicator: string | null;
  errors: RowError[];
  /** The columns the line changes (an update). */
  changedFields: string[];
  commitmentId?: string | null;
  indicatorCreate?: { id: string; fields: IndicatorValues };
  indicatorUpdate?: { id: string; fields: Partial<IndicatorValues>; changes: FieldChanges };
  measurementCreate?: { indicatorId: string } & MeasurementValues;
  measurementUpdate?: {
    id: string;
    indicatorId: string;
    value: number;
    source: string | null;
    changes: FieldChanges;
  };
}

/** Decimal(18, 4) columns hold values below 10^14 in magnitude. */
const MAX_VALUE = 99_999_999_999_999;

const FIELD_COLUMNS: Record<keyof IndicatorValues, string> = {
  nameVi: 'indicator_vi',
  nameEn: 'indicator_en',
  unitVi: 'unit_vi',
  unitEn: 'unit_en',
  direction: 'direction',
  baselineValue: 'baseline_value',
  baselineYear: 'baseline_year',
  targetValue: 'target_value',
  targetYear: 'target_year',
};

const DIRECTIONS = new Map<string, IndicatorDirection>(
  INDICATOR_DIRECTIONS.flatMap((code) => [
    [comparable(code), code],
    [comparable(ENUM_LABELS.direction[code].vi), code],
    [comparable(ENUM_LABELS.direction[code].en), code],
  ]),
);

/** An indicator as the lines before the current one left it. */
interface Working {
  /** Its place among its commitment's indicators (stored ones first, oldest first). */
  order: number;
  id: string;
  created: boolean;
  firstLine: number;
  fields: IndicatorValues;
  /** Stored (or created earlier in the file) measurements, and whether a line named each. */
  measurements: (StoredMeasurement & { matched: boolean })[];
  /** Dates lines of the file gave it. */
  dates: Set<string>;
}

/** A commitment's indicators, found by name in either language (a file may name thousands). */
class Named {
  private readonly byName = new Map<string, Working[]>();
  private count = 0;

  constructor(stored: ExistingIndicator[]) {
    for (const indicator of stored) {
      this.add({
        order: 0,
        id: indicator.id,
        created: false,
        firstLine: 0,
        fields: indicator.fields,
        measurements: indicator.measurements.map((m) => ({ ...m, matched: false })),
        dates: new Set(),
      });
    }
  }

  /**
   * The one named so: the file's own first (it named or created it on an earlier line), else a
   * stored one. 'ambiguous' when two of the first kind bear the name and the line's other name
   * does not tell them apart.
   */
  find(nameVi: string | null, nameEn: string | null): Working | 'ambiguous' | undefined {
    const byVi = nameVi === null ? [] : (this.byName.get(`vi ${comparable(nameVi)}`) ?? []);
    const byEn = nameEn === null ? [] : (this.byName.get(`en ${comparable(nameEn)}`) ?? []);
    const found = [...new Set([...byVi, ...byEn])];
    const named = found.filter((w) => w.firstLine > 0);
    const candidates = named.length > 0 ? named : found;
    if (candidates.length <= 1) return candidates[0];
    const both = candidates.filter((w) => byVi.includes(w) && byEn.includes(w));
    return both.length === 1 ? both[0] : 'ambiguous';
  }

  add(indicator: Working): void {
    indicator.order = this.count++;
    this.index(indicator, 1);
  }

  /** Gives the indicator its new fields, found by its new names from now on. */
  rename(indicator: Working, fields: IndicatorValues): void {
    this.index(indicator, -1);
    indicator.fields = fields;
    this.index(indicator, 1);
  }

  private index(indicator: Working, change: 1 | -1): void {
    for (const key of [
      `vi ${comparable(indicator.fields.nameVi)}`,
      `en ${comparable(indicator.fields.nameEn)}`,
    ]) {
      const list = (this.byName.get(key) ?? []).filter((w) => w !== indicator);
      if (change === 1) list.push(indicator);
      this.byName.set(key, list);
    }
  }
}

/**
 * What importing each line of an indicators sheet would do. An indicator is found by framework,
 * reference and its Vietnamese or English name among the commitment's indicators; its first
 * line creates or updates it, later lines must agree with it. Each line's measurement (date and
 * value) is unchanged when stored alike, updates the stored one of that date, or is added.
 */
export async function planIndicatorRows(
  rows: { line: number; values: Record<string, ImportCell> }[],
  lookups: IndicatorLookups,
  actor: PolicySubject,
): Promise<PlannedIndicatorRow[]> {
  const working = new Map<string, Named>();
  const codes = { frameworks: lookups.frameworks, organizations: new Map(), existing: new Map() };
  return inTurns(rows, (row) =>
    planLine(new RowReader(row.values, codes), row.line, lookups, actor, working),
  );
}

function planLine(
  row: RowReader,
  line: number,
  lookups: IndicatorLookups,
  actor: PolicySubject,
  working: Map<string, Named>,
): PlannedIndicatorRow {
  const framework = row.text('framework', { required: true, max: 40 });
  const reference = row.text('reference', { required: true, max: 40 });
  const nameVi = row.has('indicator_vi') ? row.text('indicator_vi', { max: 500 }) : null;
  const nameEn = row.has('indicator_en') ? row.text('indicator_en', { max: 500 }) : null;
  const planned: PlannedIndicatorRow = {
    line,
    outcome: 'error',
    framework,
    reference,
    indicator: nameVi ?? nameEn,
    errors: row.errors,
    changedFields: [],
  };
  const fail = () => ({ ...planned, outcome: 'error' as const, changedFields: [] });
  if (!nameVi && !nameEn && !row.errors.some((e) => e.field.startsWith('indicator_'))) {
    row.fail('indicator_vi', 'required', 'name the indicator in Vietnamese or English');
  }
  const frameworkId = framework ? row.code('framework', framework, lookups.frameworks) : null;
  if (!frameworkId || !reference) return fail();
  const key = existingKey(frameworkId, reference);
  const commitment = lookups.commitments.get(key);
  if (!commitment) {
    row.fail('reference', 'unknownCode', 'no commitment has this framework and reference');
    return fail();
  }
  planned.commitmentId = commitment.id;
  if (commitment.archived) {
    row.fail('reference', 'archived', 'this commitment is archived: restore it before importing');
    return fail();
  }
  if (!can(actor, 'import', { organizationIds: commitment.organizationIds })) {
    row.fail('reference', 'forbidden', "you may import only your organization's indicators");
    return fail();
  }
  const sent = readFields(row);
  const measurement = readMeasurement(row);
  if (row.errors.length > 0 || (!nameVi && !nameEn)) return fail();

  if (!working.has(key)) working.set(key, new Named(lookups.indicators.get(key) ?? []));
  const indicators = working.get(key)!;
  const match = indicators.find(nameVi, nameEn);
  if (match === 'ambiguous') {
    row.fail(
      nameVi !== null ? 'indicator_vi' : 'indicator_en',
      'ambiguousIndicator',
      'two indicators of this commitment bear this name: rename one of them first',
    );
    return fail();
  }
  let indicator = match;

  if (!indicator) {
    const fields = newIndicator(row, {
      ...sent,
      nameVi: nameVi ?? undefined,
      nameEn: nameEn ?? undefined,
    });
    if (!fields) return fail();
    indicator = {
      order: 0,
      id: randomUUID(),
      created: true,
      firstLine: line,
      fields,
      measurements: [],
      dates: new Set(),
    };
    indicators.add(indicator);
    planned.indicatorCreate = { id: indicator.id, fields };
  } else if (indicator.firstLine === 0) {
    const patch: Partial<IndicatorValues> = {
      ...sent,
      ...(nameVi !== null && { nameVi }),
      ...(nameEn !== null && { nameEn }),
    };
    const after = { ...indicator.fields, ...patch };
    checkYears(row, after);
    if (row.errors.length > 0) return fail();
    const changes = diffFields<Record<string, unknown>>({ ...indicator.fields }, patch);
    indicator.firstLine = line;
    if (Object.keys(changes).length > 0) {
      planned.indicatorUpdate = {
        id: indicator.id,
        fields: Object.fromEntries(
          Object.keys(changes).map((f) => [f, after[f as keyof IndicatorValues]]),
        ),
        changes,
      };
      planned.changedFields.push(
        ...Object.keys(changes).map((f) => FIELD_COLUMNS[f as keyof IndicatorValues]),
      );
      indicators.rename(indicator, after);
    }
  } else {
    const given: Partial<IndicatorValues> = {
      ...sent,
      ...(nameVi !== null && { nameVi }),
      ...(nameEn !== null && { nameEn }),
    };
    for (const [field, value] of Object.entries(given)) {
      if (indicator.fields[field as keyof IndicatorValues] !== value) {
        row.fail(
          FIELD_COLUMNS[field as keyof IndicatorValues],
          'inconsistent',
          `differs from row ${indicator.firstLine} of the same indicator`,
        );
      }
    }
    if (row.errors.length > 0) return fail();
  }

  if (measurement) planMeasurement(planned, row, indicator, measurement);
  if (row.errors.length > 0) return fail();
  const created = planned.indicatorCreate || planned.measurementCreate;
  const updated = planned.indicatorUpdate || planned.measurementUpdate;
  return { ...planned, outcome: created ? 'create' : updated ? 'update' : 'unchanged' };
}

function planMeasurement(
  planned: PlannedIndicatorRow,
  row: RowReader,
  indicator: Working,
  sent: Omit<MeasurementValues, 'source'> & { source?: string | null },
): void {
  const sameSource = (m: StoredMeasurement) =>
    sent.source === undefined || m.source === sent.source;
  const alike = indicator.measurements.find(
    (m) =>
      !m.matched && m.measuredOn === sent.measuredOn && m.value === sent.value && sameSource(m),
  );
  if (alike) {
    alike.matched = true;
    indicator.dates.add(sent.measuredOn);
    return;
  }
  if (indicator.dates.has(sent.measuredOn)) {
    row.fail(
      'measured_on',
      'duplicateRow',
      'this indicator has a measurement of this date on an earlier row',
    );
    return;
  }
  indicator.dates.add(sent.measuredOn);
  const sameDay = indicator.measurements.find(
    (m) => !m.matched && m.measuredOn === sent.measuredOn,
  );
  if (sameDay) {
    sameDay.matched = true;
    const patch = { value: sent.value, ...(sent.source !== undefined && { source: sent.source }) };
    const changes = diffFields<Record<string, unknown>>(
      { value: sameDay.value, source: sameDay.source },
      patch,
    );
    planned.measurementUpdate = {
      id: sameDay.id,
      indicatorId: indicator.id,
      value: sent.value,
      source: sent.source === undefined ? sameDay.source : sent.source,
      changes,
    };
    planned.changedFields.push(...Object.keys(changes));
    return;
  }
  const created = { measuredOn: sent.measuredOn, value: sent.value, source: sent.source ?? null };
  indicator.measurements.push({ id: '', ...created, matched: true });
  planned.measurementCreate = { indicatorId: indicator.id, ...created };
}

/**
 * The indicator fields the line's cells give (names aside): an absent column or a blank cell gives
 * none, so a measurement line need not repeat its indicator (a new one needs them all, once).
 */
function readFields(row: RowReader): Partial<IndicatorValues> {
  const sent: Partial<IndicatorValues> = {};
  for (const [key, field] of [
    ['unit_vi', 'unitVi'],
    ['unit_en', 'unitEn'],
  ] as const) {
    if (row.given(key)) {
      const unit = row.text(key, { required: true, max: 40 });
      if (unit !== null) sent[field] = unit;
    }
  }
  if (row.given('direction')) {
    const text = row.text('direction', { required: true, max: 200 });
    const direction = text ? DIRECTIONS.get(comparable(text)) : undefined;
    if (direction) sent.direction = direction;
    else if (text) row.fail('direction', 'unknownCode', `"${text}" is not a known value`);
  }
  for (const [key, field] of [
    ['baseline_value', 'baselineValue'],
    ['target_value', 'targetValue'],
  ] as const) {
    if (row.given(key)) {
      const value = decimal(row, key, true);
      if (value !== null) sent[field] = value;
    }
  }
  for (const [key, field] of [
    ['baseline_year', 'baselineYear'],
    ['target_year', 'targetYear'],
  ] as const) {
    if (row.given(key)) {
      const year = row.integer(key, 1900, 2100);
      if (year !== null) sent[field] = year;
      else if (!row.errors.some((e) => e.field === key))
        row.fail(key, 'required', 'must not be empty');
    }
  }
  return sent;
}

/** A new indicator's fields: every one required, a unit in one language standing for both. */
function newIndicator(row: RowReader, sent: Partial<IndicatorValues>): IndicatorValues | null {
  const unitVi = sent.unitVi ?? sent.unitEn;
  const unitEn = sent.unitEn ?? sent.unitVi;
  const required: [string, unknown][] = [
    ['indicator_vi', sent.nameVi],
    ['indicator_en', sent.nameEn],
    [row.has('unit_en') ? 'unit_en' : 'unit_vi', unitVi],
    ['direction', sent.direction],
    ['baseline_value', sent.baselineValue],
    ['baseline_year', sent.baselineYear],
    ['target_value', sent.targetValue],
    ['target_year', sent.targetYear],
  ];
  for (const [key, value] of required) {
    if (value === undefined && !row.errors.some((e) => e.field === key)) {
      row.fail(key, 'required', 'required for a new indicator');
    }
  }
  if (row.errors.length > 0) return null;
  const fields = { ...sent, unitVi, unitEn } as IndicatorValues;
  checkYears(row, fields);
  return row.errors.length > 0 ? null : fields;
}

function checkYears(row: RowReader, fields: IndicatorValues): void {
  if (fields.targetYear < fields.baselineYear) {
    row.fail('target_year', 'yearOrder', 'must not be before the baseline year');
  }
}

/** The line's measurement: none when its date and value are both empty. */
function readMeasurement(
  row: RowReader,
): (Omit<MeasurementValues, 'source'> & { source?: string | null }) | null {
  const measuredOn = row.has('measured_on') ? row.date('measured_on') : null;
  const value = row.has('value') ? decimal(row, 'value', false) : null;
  const refused = row.errors.some((e) => e.field === 'measured_on' || e.field === 'value');
  if (refused || (measuredOn === null && value === null)) return null;
  if (measuredOn === null) return row.fail('measured_on', 'required', 'a value needs its date');
  if (value === null) return row.fail('value', 'required', 'a date needs its value');
  if (!row.has('source')) return { measuredOn, value };
  return { measuredOn, value, source: row.text('source', { max: 500 }) };
}

/**
 * A number of at most 4 decimal places below 10^14 in magnitude; a text may use a decimal comma
 * (as Vietnamese does) when it has no point.
 */
function decimal(row: RowReader, key: string, required: boolean): number | null {
  const refused = row.errors.length;
  const cell = row.cell(key);
  if (cell === undefined || row.errors.length > refused) return null;
  const text = cell === null ? '' : typeof cell === 'number' ? null : String(cell).trim();
  if (text === '') return required ? row.fail(key, 'required', 'must not be empty') : null;
  const value =
    typeof cell === 'number'
      ? cell
      : /^-?\d+(,\d+)?$/.test(text!)
        ? Number(text!.replace(',', '.'))
        : /^-?\d+(\.\d+)?$/.test(text!)
          ? Number(text)
          : NaN;
  if (!Number.isFinite(value) || Math.abs(value) > MAX_VALUE || decimalPlaces(value) > 4) {
    return row.fail(
      key,
      'invalidNumber',
      'must be a number with at most 4 decimal places, below 10^14',
    );
  }
  return value;
}
