import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { EvidenceListDto } from './evidence.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@Controller('workspaces/:slug/commitments/:commitmentId/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @ApiOkResponse({ type: EvidenceListDto })
  list(
    @Param('slug') slug: string,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<EvidenceListDto> {
    return this.evidence.list(slug, commitmentId);
  }
}
