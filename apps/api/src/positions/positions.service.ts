import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { isoDate } from '../common/dates';
import { type List, listOf } from '../common/list';
import { localized } from '../common/localized';
import { type PositionDto } from './position.dto';
import { PositionsRepository } from './positions.repository';

@Injectable()
export class PositionsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly positions: PositionsRepository,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<PositionDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.positions.findForCommitment(workspaceId, commitmentId);
    return listOf(
      rows.map((p) => ({
        id: p.id,
        organization: {
          id: p.organization.id,
          shortName: p.organization.shortName,
          name: localized(p.organization.nameVi, p.organization.nameEn),
        },
        position: p.position,
        rationale: p.rationale,
        decidedOn: isoDate(p.decidedOn),
      })),
    );
  }
}
