import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ExportCommitmentsQuery } from './export-commitments.query';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Permission('export')
@Controller('workspaces/:slug/exports')
export class ExportsController {
  constructor(private readonly exportsService: ExportsService) {}

  @Get('commitments.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'UTF-8 CSV with a BOM: framework, reference, title_vi, title_en, status, progress, ' +
      'lead_organization, target_date, overdue; the same filters as the commitments list',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async commitments(
    @CurrentMember() member: WorkspaceActor,
    @Query() query: ExportCommitmentsQuery,
  ): Promise<StreamableFile> {
    const { filename, stream } = await this.exportsService.commitmentsCsv(member, query);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
