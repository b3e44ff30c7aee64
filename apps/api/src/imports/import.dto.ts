import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@spct/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ListOf } from '../common/list';

export const IMPORT_STATES = ['VALIDATED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export const IMPORT_FAILURES = ['ROWS_CHANGED', 'WRITE_FAILED'] as const;
export const ROW_OUTCOMES = ['create', 'update', 'unchanged', 'error'] as const;

export class ImportRowErrorDto {
  @ApiProperty({ example: 'lead_organization', description: 'The column at fault (its key)' })
  field: string;

  @ApiProperty({
    example: 'unknownCode',
    description:
      'required, tooLong, unknownCode, invalidNumber, invalidDate, dateOrder, duplicateRow, formula, link, forbidden, archived, leadInCoOrganizations',
  })
  code: string;

  @ApiProperty({ description: 'For API users and logs; the web app words it from `code`' })
  message: string;
}

export class ImportRowDto {
  @ApiProperty({ description: 'The row number a spreadsheet program shows' })
  line: number;

  @ApiProperty({ enum: ROW_OUTCOMES })
  outcome: (typeof ROW_OUTCOMES)[number];

  @ApiProperty({ type: String, nullable: true })
  framework: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;

  @ApiProperty({ type: ImportRowErrorDto, isArray: true })
  errors: ImportRowErrorDto[];

  @ApiProperty({ type: String, isArray: true, description: 'update: the fields it changes' })
  changedFields: string[];
}

export class ImportColumnDto {
  @ApiProperty({ description: "The file's header" })
  header: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The column it is read as (a template key), or null: ignored',
  })
  column: string | null;
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
  @ApiProperty({ type: ImportColumnDto, isArray: true })
  mapping: ImportColumnDto[];

  @ApiProperty({ type: ImportRowDto, isArray: true })
  rows: ImportRowDto[];
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
