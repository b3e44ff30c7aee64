import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get, HttpCode, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UuidParam } from '../common/uuid-param';
import { SPREADSHEET_TYPES, spreadsheetFile } from '../spreadsheets/spreadsheet-file';
import { readImportUpload } from './import-upload';
import {
  ImportDto,
  ImportListDto,
  ImportQuery,
  TemplateKindQuery,
  TemplateQuery,
} from './import.dto';
import { ImportsService } from './imports.service';

const XLSX = SPREADSHEET_TYPES.xlsx;
const file = (description: string, type: string) =>
  ApiOkResponse({
    description,
    content: { [type]: { schema: { type: 'string', format: 'binary' } } },
  });

@ApiTags('imports')
@Permission('import')
@Controller('workspaces/:slug/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template.xlsx')
  @ApiOperation({
    summary:
      'The columns of the commitments export and of the indicators export (a sheet each), with a hint row, to fill in',
  })
  @ApiProduces(XLSX)
  @file("An XLSX workbook; headers in the caller's language", XLSX)
  async templateXlsx(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: TemplateKindQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.imports.template(member, query.lang, query.kind), 'xlsx');
  }

  @Get('template.csv')
  @ApiOperation({
    summary:
      'One sheet of the template as CSV (UTF-8 with a byte order mark): the commitments, or with kind=indicator the indicators',
  })
  @ApiProduces('text/csv')
  @file('UTF-8 CSV with a byte order mark', 'text/csv')
  async templateCsv(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: TemplateKindQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(
      await this.imports.template(member, query.lang, query.kind ?? 'commitment'),
      'csv',
    );
  }

  @Post()
  @ApiOperation({
    summary:
      "Upload an XLSX or CSV of commitments and/or indicators: the dry run (each row create / update / unchanged / error), nothing written. Each non-empty sheet is read as the kind chosen for it in `sheets`, else the one its headers tell, else skipped (listed in `sheets` of the answer); two sheets of a kind are both read. Commitments are written first, so a new commitment's indicators may come in the same file; a CSV holds one kind",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'XLSX or CSV, at most 10 MB and 10,000 rows',
        },
        encoding: {
          type: 'string',
          enum: ['utf-8', 'windows-1258', 'windows-1252'],
          description:
            'Of a CSV without a byte order mark (by default UTF-8 if valid, else Windows-1258)',
        },
        mapping: {
          type: 'string',
          description:
            "JSON: header → column key (or null to ignore it), for headers that are not the template's",
        },
        sheets: {
          type: 'string',
          description:
            'JSON: per sheet, [{ sheet: its index in the dry run, kind: commitment | indicator | skip, mapping?: header → column key or null }], each sheet of the file named at most once; its mapping stands for `mapping` on that sheet. Sheets not named are read as their headers tell',
        },
      },
    },
  })
  @ApiOkResponse({ type: ImportDto })
  @HttpCode(200)
  async upload(
    @CurrentMember() member: WorkspaceActor,
    @Req() request: FastifyRequest,
  ): Promise<ImportDto> {
    return this.imports.upload(member, await readImportUpload(request));
  }

  @Get()
  @ApiOperation({ summary: "Imports, newest first: all for an ADMIN, one's own for an EDITOR" })
  @ApiOkResponse({ type: ImportListDto })
  history(@CurrentMember() member: WorkspaceActor): Promise<ImportListDto> {
    return this.imports.history(member);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: its state, progress, counts and each row' })
  @ApiOkResponse({ type: ImportDto })
  get(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Query() query: ImportQuery,
  ): Promise<ImportDto> {
    return this.imports.get(member, id, query.rows !== false);
  }

  @Post(':id/run')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Run a dry run without errors in the background: every row in one transaction, or none',
  })
  @ApiAcceptedResponse({ type: ImportDto })
  @ApiConflictResponse({ description: 'The dry run has errors, or the import ran already' })
  run(@CurrentMember() member: WorkspaceActor, @UuidParam('id') id: string): Promise<ImportDto> {
    return this.imports.run(member, id);
  }

  @Get(':id/errors.xlsx')
  @ApiOperation({ summary: 'The rejected rows as the file had them, with their errors' })
  @ApiProduces(XLSX)
  @file('An XLSX workbook', XLSX)
  async errors(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('id') id: string,
    @Query() query: TemplateQuery,
  ): Promise<StreamableFile> {
    return spreadsheetFile(await this.imports.errorsFile(member, id, query.lang), 'xlsx');
  }
}
