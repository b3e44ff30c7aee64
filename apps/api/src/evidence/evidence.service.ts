import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { type List, listOf } from '../common/list';
import { type EvidenceDto } from './evidence.dto';
import { EvidenceRepository } from './evidence.repository';

@Injectable()
export class EvidenceService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly evidence: EvidenceRepository,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<EvidenceDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.evidence.findForCommitment(workspaceId, commitmentId);
    return listOf(
      rows.map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        url: e.url,
        fileName: e.fileName,
        mimeType: e.mimeType,
        sizeBytes: e.sizeBytes,
        createdAt: e.createdAt.toISOString(),
      })),
    );
  }
}
