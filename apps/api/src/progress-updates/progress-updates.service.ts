import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { type List, listOf } from '../common/list';
import { type ProgressUpdateDto } from './progress-update.dto';
import { ProgressUpdatesRepository } from './progress-updates.repository';

@Injectable()
export class ProgressUpdatesService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly updates: ProgressUpdatesRepository,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<ProgressUpdateDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.updates.findForCommitment(workspaceId, commitmentId);
    return listOf(
      rows.map((u) => ({
        id: u.id,
        commitmentId: u.commitmentId,
        authorId: u.authorId,
        author: u.author,
        period: u.period,
        status: u.status,
        progress: u.progress,
        narrative: u.narrative,
        state: u.state,
        returnReason: u.returnReason,
        submittedAt: u.submittedAt?.toISOString() ?? null,
        decidedAt: u.decidedAt?.toISOString() ?? null,
        decidedById: u.decidedById,
        createdAt: u.createdAt.toISOString(),
      })),
    );
  }
}
