import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { EvidenceListDto } from './evidence.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@Permission('commitment.read')
@Controller('workspaces/:slug/commitments/:commitmentId/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @ApiOkResponse({ type: EvidenceListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<EvidenceListDto> {
    return this.evidence.list(member, commitmentId);
  }
}
