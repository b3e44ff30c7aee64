import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { isoDate } from '../common/dates';
import { type List, listOf } from '../common/list';
import { localized } from '../common/localized';
import { type IndicatorDto } from './indicator.dto';
import { IndicatorsRepository } from './indicators.repository';
import { trajectory } from './trajectory';

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly indicators: IndicatorsRepository,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<IndicatorDto>> {
    const { workspaceId } = await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.indicators.findForCommitment(workspaceId, commitmentId);
    return listOf(
      rows.map((row) => {
        const last = row.measurements[row.measurements.length - 1];
        const latest = last ? { measuredOn: last.measuredOn, value: last.value.toNumber() } : null;
        const baseline = { value: row.baselineValue.toNumber(), year: row.baselineYear };
        const target = { value: row.targetValue.toNumber(), year: row.targetYear };
        return {
          id: row.id,
          commitmentId: row.commitmentId,
          name: localized(row.nameVi, row.nameEn),
          unit: row.unit,
          direction: row.direction,
          baseline,
          target,
          source: row.source,
          measurements: row.measurements.map((m) => ({
            id: m.id,
            measuredOn: isoDate(m.measuredOn),
            value: m.value.toNumber(),
            source: m.source,
          })),
          latest: latest ? { measuredOn: isoDate(latest.measuredOn), value: latest.value } : null,
          ...trajectory({ direction: row.direction, baseline, target, latest }),
        };
      }),
    );
  }
}
