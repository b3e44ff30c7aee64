import type { WorkspaceActor } from '../auth/actor';
import { Injectable, NotFoundException } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { FieldValidationException } from '../common/api-error';
import { answerStale, checkIfMatch } from '../common/etag';
import { dateColumn, isoDate } from '../common/dates';
import { type List, listOf } from '../common/list';
import { localized, localizedOrNull } from '../common/localized';
import { diffFields, recordActivity, snapshot } from '../history/activity';
import { PolicyService } from '../permissions/policy.service';
import {
  type CreateIndicatorDto,
  type CreateMeasurementDto,
  type IndicatorDto,
  type MeasurementDto,
  type UpdateIndicatorDto,
} from './indicator.dto';
import {
  type IndicatorFields,
  type IndicatorRow,
  IndicatorsRepository,
  type MeasurementRow,
} from './indicators.repository';
import { trajectory } from './trajectory';

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly indicators: IndicatorsRepository,
    private readonly policy: PolicyService,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<IndicatorDto>> {
    await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.indicators.findForCommitment(member.workspaceId, commitmentId);
    return listOf(rows.map((row) => this.toDto(row)));
  }

  async get(member: WorkspaceActor, commitmentId: string, id: string): Promise<IndicatorDto> {
    return this.toDto(await this.requireIndicator(member, commitmentId, id));
  }

  async create(
    member: WorkspaceActor,
    commitmentId: string,
    dto: CreateIndicatorDto,
  ): Promise<IndicatorDto> {
    await this.assertMayWrite(member, commitmentId);
    this.assertYears(dto.baseline.year, dto.target.year);
    const fields: Required<IndicatorFields> = {
      nameVi: dto.name.vi,
      nameEn: dto.name.en,
      unitVi: dto.unit.vi,
      unitEn: dto.unit.en,
      direction: dto.direction,
      baselineValue: dto.baseline.value,
      baselineYear: dto.baseline.year,
      targetValue: dto.target.value,
      targetYear: dto.target.year,
      sourceVi: dto.source?.vi ?? null,
      sourceEn: dto.source?.en ?? null,
    };
    const row = await this.indicators.transaction(async (tx) => {
      const created = await this.indicators.create(tx, {
        ...fields,
        workspaceId: member.workspaceId,
        commitmentId,
      });
      await recordActivity(tx, {
        workspaceId: member.workspaceId,
        actorId: member.userId,
        commitmentId,
        entityType: 'indicator',
        entityId: created.id,
        action: 'created',
        changes: snapshot(fields, 'after'),
      });
      return created;
    });
    return this.toDto(row);
  }

  /**
   * A partial edit under optimistic concurrency, on the indicator's locked row: 404, then 403,
   * then 428 without If-Match, then 412 with the stored indicator when it names another version.
   * An edit that changes nothing keeps the version and records nothing.
   */
  async update(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateIndicatorDto,
  ): Promise<IndicatorDto> {
    await this.assertMayWrite(member, commitmentId);
    const write = () =>
      this.indicators.transaction(async (tx) => {
        if (!(await this.indicators.lock(tx, member.workspaceId, commitmentId, id))) {
          throw this.notFound(id);
        }
        const before = (await this.indicators.findOne(member.workspaceId, commitmentId, id, tx))!;
        checkIfMatch(ifMatch, before.version, { required: true });
        this.assertYears(
          dto.baseline?.year ?? before.baselineYear,
          dto.target?.year ?? before.targetYear,
        );
        const fields: IndicatorFields = {
          nameVi: dto.name?.vi,
          nameEn: dto.name?.en,
          unitVi: dto.unit?.vi,
          unitEn: dto.unit?.en,
          direction: dto.direction,
          baselineValue: dto.baseline?.value,
          baselineYear: dto.baseline?.year,
          targetValue: dto.target?.value,
          targetYear: dto.target?.year,
          // null clears the source; left out keeps it.
          sourceVi: dto.source === undefined ? undefined : (dto.source?.vi ?? null),
          sourceEn: dto.source === undefined ? undefined : (dto.source?.en ?? null),
        };
        const changes = diffFields(this.fieldsOf(before), fields);
        if (Object.keys(changes).length === 0) return before;
        const changed = Object.fromEntries(
          Object.entries(fields).filter(([field]) => field in changes),
        ) as IndicatorFields;
        const updated = await this.indicators.update(tx, id, changed);
        await recordActivity(tx, {
          workspaceId: member.workspaceId,
          actorId: member.userId,
          commitmentId,
          entityType: 'indicator',
          entityId: id,
          action: 'updated',
          changes,
        });
        return updated;
      });
    const row = await answerStale('indicator', ifMatch, write, () =>
      this.get(member, commitmentId, id),
    );
    return this.toDto(row);
  }

  async listMeasurements(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
  ): Promise<List<MeasurementDto>> {
    const row = await this.requireIndicator(member, commitmentId, id);
    return listOf(row.measurements.map((m) => this.measurementDto(m)));
  }

  async addMeasurement(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
    dto: CreateMeasurementDto,
  ): Promise<MeasurementDto> {
    await this.assertMayWrite(member, commitmentId);
    const row = await this.indicators.transaction(async (tx) => {
      if (!(await this.indicators.exists(tx, member.workspaceId, commitmentId, id))) {
        throw this.notFound(id);
      }
      const data = {
        indicatorId: id,
        measuredOn: dateColumn(dto.measuredOn),
        value: dto.value,
        source: dto.source ?? null,
      };
      const created = await this.indicators.createMeasurement(tx, {
        ...data,
        workspaceId: member.workspaceId,
        createdById: member.userId,
      });
      await recordActivity(tx, {
        workspaceId: member.workspaceId,
        actorId: member.userId,
        commitmentId,
        entityType: 'measurement',
        entityId: created.id,
        action: 'created',
        changes: snapshot({ ...data, measuredOn: dto.measuredOn }, 'after'),
      });
      return created;
    });
    return this.measurementDto(row);
  }

  private async requireIndicator(
    member: WorkspaceActor,
    commitmentId: string,
    id: string,
  ): Promise<IndicatorRow> {
    await this.commitments.requireInWorkspace(member, commitmentId);
    const row = await this.indicators.findOne(member.workspaceId, commitmentId, id);
    if (!row) throw this.notFound(id);
    return row;
  }

  /** Indicators and measurements are written by those who may write on the commitment. */
  private async assertMayWrite(member: WorkspaceActor, commitmentId: string): Promise<void> {
    const { organizationIds } = await this.commitments.requireFacts(member, commitmentId);
    this.policy.assert(member, 'measurement.write', { organizationIds });
  }

  private assertYears(baselineYear: number, targetYear: number): void {
    if (targetYear < baselineYear) {
      throw new FieldValidationException([
        {
          field: 'target.year',
          code: 'beforeOther',
          other: 'baseline.year',
          message: 'must not be before the baseline year',
        },
      ]);
    }
  }

  /** The columns an author writes, as history records them. */
  private fieldsOf(row: IndicatorRow): Required<IndicatorFields> {
    return {
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      unitVi: row.unitVi,
      unitEn: row.unitEn,
      direction: row.direction,
      baselineValue: row.baselineValue.toNumber(),
      baselineYear: row.baselineYear,
      targetValue: row.targetValue.toNumber(),
      targetYear: row.targetYear,
      sourceVi: row.sourceVi,
      sourceEn: row.sourceEn,
    };
  }

  private notFound(id: string): NotFoundException {
    return new NotFoundException(`Indicator ${id} not found`);
  }

  private measurementDto(m: MeasurementRow): MeasurementDto {
    return {
      id: m.id,
      indicatorId: m.indicatorId,
      measuredOn: isoDate(m.measuredOn),
      value: m.value.toNumber(),
      source: m.source,
      createdById: m.createdById,
      createdAt: m.createdAt.toISOString(),
    };
  }

  private toDto(row: IndicatorRow): IndicatorDto {
    const last = row.measurements[row.measurements.length - 1];
    const latest = last ? { measuredOn: last.measuredOn, value: last.value.toNumber() } : null;
    const baseline = { value: row.baselineValue.toNumber(), year: row.baselineYear };
    const target = { value: row.targetValue.toNumber(), year: row.targetYear };
    return {
      id: row.id,
      commitmentId: row.commitmentId,
      name: localized(row.nameVi, row.nameEn),
      unit: localized(row.unitVi, row.unitEn),
      direction: row.direction,
      baseline,
      target,
      source: localizedOrNull(row.sourceVi, row.sourceEn),
      measurements: row.measurements.map((m) => this.measurementDto(m)),
      latest: latest ? { measuredOn: isoDate(latest.measuredOn), value: latest.value } : null,
      ...trajectory({ direction: row.direction, baseline, target, latest }),
      version: row.version,
    };
  }
}
