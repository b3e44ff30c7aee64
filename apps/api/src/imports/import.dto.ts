import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@spct/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ListOf } from '../common/list';
import { OptionalBooleanQuery } from '../common/validation';

export const IMPORT_STATES = ['VALIDATED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export const IMPORT_FAILURES = ['ROWS_CHANGED', 'WRITE_FAILED'] as const;
export const ROW_OUTCOMES = ['create', 'update', 'unchanged', 'error'] as const;
export const IMPORT_KINDS = ['commitment', 'indicator'] as const;
export const SHEET_KINDS = [...IMPORT_KINDS, 'skip'] as const;

export class ImportRowErrorDto {
  @ApiProperty({ example: 'lead_organization', description: 'The column at fault (its key)' })
  field: string;

  @ApiProperty({
    example: 'unknownCode',
    description:
      'required, tooLong, unknownCode, invalidNumber, invalidDate, dateOrder, duplicateRow, formula, link, forbidden, archived, leadInCoOrganizations, yearOrder (target year before the baseline year), inconsistent (an indicator line disagrees with its first line), ambiguousIndicator (two indicators of the commitment bear the name the line gives)',
  })
  code: string;

  @ApiProperty({ description: 'For API users and logs; the web app words it from `code`' })
  message: string;
}

/** Where a row stands in the file. */
class ImportRowPlaceDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The worksheet's name (null for a CSV)",
  })
  sheet: string | null;

  @ApiProperty({ description: 'The row number a spreadsheet program shows (in its sheet)' })
  line: number;
}

export class ImportRowDto extends ImportRowPlaceDto {
  @ApiProperty({
    enum: IMPORT_KINDS,
    description: 'The sheet it comes from: commitments, or indicators with their measurements',
  })
  kind: (typeof IMPORT_KINDS)[number];

  @ApiProperty({ enum: ROW_OUTCOMES })
  outcome: (typeof ROW_OUTCOMES)[number];

  @ApiProperty({ type: String, nullable: true })
  framework: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;

  @ApiProperty({ type: ImportRowErrorDto, isArray: true })
  errors: ImportRowErrorDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: "An indicator row: the indicator's name as the row gives it",
  })
  indicator: string | null;

  @ApiProperty({
    type: String,
    isArray: true,
    description:
      'update: the fields it changes (of an indicator row: its column keys, value and source for its measurement)',
  })
  changedFields: string[];
}

export class ImportColumnDto {
  @ApiProperty({ enum: IMPORT_KINDS, description: 'The kind of the sheet the header is on' })
  kind: (typeof IMPORT_KINDS)[number];

  @ApiProperty({ description: "The file's header" })
  header: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The column it is read as (a template key), or null: ignored',
  })
  column: string | null;
}

export class ImportSheetColumnDto {
  @ApiProperty({ description: "The file's header" })
  header: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The column it is read as (a template key of the sheet’s kind), or null: ignored',
  })
  column: string | null;
}

export class ImportSheetDto {
  @ApiProperty({
    description:
      "The sheet's place in the file (from 0, empty sheets counted): what an upload's `sheets` choices name",
  })
  index: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The worksheet's name (null for a CSV)",
  })
  name: string | null;

  @ApiProperty({
    enum: IMPORT_KINDS,
    enumName: 'ImportKind',
    nullable: true,
    description: 'What its headers tell it holds; null: they name neither kind',
  })
  detected: (typeof IMPORT_KINDS)[number] | null;

  @ApiProperty({
    enum: SHEET_KINDS,
    enumName: 'ImportSheetKind',
    description:
      'How it was read: the kind chosen in the upload, else the one detected; skip: not read (chosen so, or headers of neither kind)',
  })
  kind: (typeof SHEET_KINDS)[number];

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Its data rows (null for imports made before sheets were reported)',
  })
  rows: number | null;

  @ApiProperty({ type: ImportSheetColumnDto, isArray: true })
  columns: ImportSheetColumnDto[];
}

export class ImportFailureRowDto extends ImportRowPlaceDto {
  @ApiProperty({ enum: IMPORT_KINDS, enumName: 'ImportKind' })
  kind: (typeof IMPORT_KINDS)[number];

  @ApiProperty({ example: 'reference', description: 'The column at fault (its key)' })
  field: string;

  @ApiProperty({
    example: 'archived',
    description: 'Why, as a row error code (see ImportRowError)',
  })
  code: string;

  @ApiProperty({ description: 'How many rows failed in all' })
  count: number;
}

export class ImportPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

export class ImportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fileName: string;

  @ApiProperty({ enum: ['csv', 'xlsx'] })
  format: string;

  @ApiProperty({
    enum: IMPORT_STATES,
    description:
      'VALIDATED: the dry run, nothing written; QUEUED/RUNNING: the run; SUCCEEDED or FAILED (nothing written)',
  })
  state: (typeof IMPORT_STATES)[number];

  @ApiProperty({ description: 'Data rows in the file' })
  total: number;

  @ApiProperty() creates: number;
  @ApiProperty() updates: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ description: 'Rows with an error: the import cannot run while there are any' })
  errors: number;

  @ApiProperty({ description: 'Rows written so far by the run (of creates + updates)' })
  processed: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the run failed, for API users' })
  failure: string | null;

  @ApiProperty({
    enum: IMPORT_FAILURES,
    enumName: 'ImportFailure',
    nullable: true,
    description:
      'Why the run failed: ROWS_CHANGED (rows that passed the dry run no longer pass the checks: the data changed meanwhile), WRITE_FAILED (the database refused the writes)',
  })
  failureCode: (typeof IMPORT_FAILURES)[number] | null;

  @ApiProperty({
    type: ImportFailureRowDto,
    nullable: true,
    description: 'ROWS_CHANGED: the first row that no longer passes, and how many do',
  })
  failureRow: ImportFailureRowDto | null;

  @ApiProperty({ type: ImportPersonDto, nullable: true })
  createdBy: ImportPersonDto | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

export class ImportDto extends ImportSummaryDto {
  @ApiProperty({
    type: ImportColumnDto,
    isArray: true,
    description: "The read sheets' headers and columns, all together (see `sheets` for each)",
  })
  mapping: ImportColumnDto[];

  @ApiProperty({
    type: ImportSheetDto,
    isArray: true,
    description: 'Each non-empty sheet: its kind (detected, chosen, or skip) and how it was read',
  })
  sheets: ImportSheetDto[];

  @ApiProperty({ type: ImportRowDto, isArray: true })
  rows: ImportRowDto[];
}

export class ImportQuery {
  @OptionalBooleanQuery(
    'false: without the rows and the sheets (empty lists), to follow a run’s progress without fetching again what the dry run fixed',
  )
  rows?: boolean;
}

export class ImportListDto extends ListOf(ImportSummaryDto, 'ImportList') {}

export class TemplateQuery {
  @ApiPropertyOptional({
    enum: LOCALES,
    description: "Language of the headers (by default the caller's)",
  })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  lang?: Locale;
}

export class TemplateKindQuery extends TemplateQuery {
  @ApiPropertyOptional({
    enum: IMPORT_KINDS,
    description:
      'Only the sheet of this kind. By default an XLSX has both sheets (commitments, then indicators) and a CSV, which holds one, the commitments',
  })
  @IsOptional()
  @IsIn(IMPORT_KINDS, { message: `must be one of: ${IMPORT_KINDS.join(', ')}` })
  kind?: (typeof IMPORT_KINDS)[number];
}
