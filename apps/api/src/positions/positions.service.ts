import type { WorkspaceActor } from '../auth/actor';
import { Injectable, NotFoundException } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { FieldValidationException } from '../common/api-error.filter';
import { isoDate } from '../common/dates';
import { type List, listOf } from '../common/list';
import { localized } from '../common/localized';
import { PolicyService } from '../permissions/policy.service';
import { isFutureDate } from './date-only';
import { type PositionDto, type RecordPositionDto } from './position.dto';
import { type PositionRow, PositionsRepository } from './positions.repository';

@Injectable()
export class PositionsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly positions: PositionsRepository,
    private readonly policy: PolicyService,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<PositionDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.positions.findForCommitment(workspaceId, commitmentId);
    return listOf(rows.map(toDto));
  }

  /** One position per commitment and organization: recording again replaces it. */
  async record(
    member: WorkspaceActor,
    commitmentId: string,
    organizationId: string,
    input: RecordPositionDto,
  ): Promise<PositionDto> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    if (!(await this.positions.organizationExists(workspaceId, organizationId))) {
      throw new NotFoundException(`Organization ${organizationId} not found`);
    }
    this.policy.assert(member, 'position.record', { organizationIds: [organizationId] });
    if (isFutureDate(input.decidedOn)) {
      throw new FieldValidationException([
        { field: 'decidedOn', message: 'must not be in the future' },
      ]);
    }
    const row = await this.positions.record(
      { workspaceId, commitmentId, organizationId },
      {
        position: input.position,
        rationale: input.rationale,
        decidedOn: new Date(`${input.decidedOn}T00:00:00Z`),
      },
      member.userId,
    );
    return toDto(row);
  }
}

function toDto(p: PositionRow): PositionDto {
  return {
    id: p.id,
    organization: {
      id: p.organization.id,
      shortName: p.organization.shortName,
      name: localized(p.organization.nameVi, p.organization.nameEn),
    },
    position: p.position,
    rationale: p.rationale,
    decidedOn: isoDate(p.decidedOn),
    recordedBy: p.recordedBy,
    updatedAt: p.updatedAt.toISOString(),
  };
}
