import { Injectable } from '@nestjs/common';
import type { Locale } from '@spct/contracts';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { KyselyService } from '../database/kysely.service';
import { PrismaService } from '../database/prisma.service';

/** Where a page of rows under commitments ends: the next page starts after it. */
export interface RowKey {
  referenceKey: string;
  commitmentId: string;
  id: string;
}

/** An indicator of a commitment that is not archived, with its measurements oldest first. */
export interface IndicatorExportRow extends RowKey {
  frameworkCode: string;
  reference: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  direction: 'INCREASE' | 'DECREASE';
  baselineValue: string;
  baselineYear: number;
  targetValue: string;
  targetYear: number;
  measurements: { measuredOn: string; value: number; source: string | null }[];
}

/** A progress report of a period, on a commitment that is not archived. */
export interface ReportExportRow extends RowKey {
  frameworkCode: string;
  reference: string;
  titleVi: string;
  titleEn: string;
  period: string;
  state: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  status: 'NOT_STARTED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'COMPLETED' | 'DISCONTINUED';
  progress: number;
  narrative: string;
  authorName: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  deciderName: string | null;
}

@Injectable()
export class ExportsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: KyselyService,
  ) {}

  /** Organization short names by id, for the organization columns. */
  async organizationNames(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.prisma.organization.findMany({
      where: { workspaceId },
      select: { id: true, shortName: true },
    });
    return new Map(rows.map((o) => [o.id, o.shortName]));
  }

  async userLocale(userId: string): Promise<Locale> {
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { locale: true },
    });
    return user.locale === 'en' ? 'en' : 'vi';
  }

  /** Up to `limit` indicators after `after`, in the commitments' reference order. */
  async indicatorPage(
    workspaceId: string,
    after: RowKey | null,
    limit: number,
  ): Promise<IndicatorExportRow[]> {
    const rows = await this.db
      .selectFrom('Indicator as i')
      .innerJoin('Commitment as c', 'c.id', 'i.commitmentId')
      .innerJoin('Framework as f', 'f.id', 'c.frameworkId')
      .select((eb) => [
        'i.id',
        'c.id as commitmentId',
        'c.referenceKey',
        'c.reference',
        'f.code as frameworkCode',
        'i.nameVi',
        'i.nameEn',
        'i.unitVi',
        'i.unitEn',
        'i.direction',
        'i.baselineValue',
        'i.baselineYear',
        'i.targetValue',
        'i.targetYear',
        jsonArrayFrom(
          eb
            .selectFrom('Measurement as m')
            .select(['m.measuredOn', sql<number>`m.value::float8`.as('value'), 'm.source'])
            .whereRef('m.indicatorId', '=', 'i.id')
            .orderBy('m.measuredOn')
            .orderBy('m.id'),
        ).as('measurements'),
      ])
      .where('i.workspaceId', '=', workspaceId)
      .where('c.archived', '=', false)
      .$if(after !== null, (q) =>
        q.where(
          sql<boolean>`(c."referenceKey", c.id, i.id) > (${after!.referenceKey}, ${after!.commitmentId}::uuid, ${after!.id}::uuid)`,
        ),
      )
      .orderBy('c.referenceKey')
      .orderBy('c.id')
      .orderBy('i.id')
      .limit(limit)
      .execute();
    return rows as IndicatorExportRow[];
  }

  /** Up to `limit` progress reports of `period` after `after`, in the commitments' reference order. */
  async reportPage(
    workspaceId: string,
    period: string,
    after: RowKey | null,
    limit: number,
  ): Promise<ReportExportRow[]> {
    return this.db
      .selectFrom('ProgressUpdate as r')
      .innerJoin('Commitment as c', 'c.id', 'r.commitmentId')
      .innerJoin('Framework as f', 'f.id', 'c.frameworkId')
      .innerJoin('ReportingPeriod as p', 'p.id', 'r.periodId')
      .innerJoin('User as a', 'a.id', 'r.authorId')
      .leftJoin('User as d', 'd.id', 'r.decidedById')
      .select([
        'r.id',
        'c.id as commitmentId',
        'c.referenceKey',
        'c.reference',
        'c.titleVi',
        'c.titleEn',
        'f.code as frameworkCode',
        'p.key as period',
        'r.state',
        'r.status',
        'r.progress',
        'r.narrative',
        'a.displayName as authorName',
        'r.submittedAt',
        'r.decidedAt',
        'd.displayName as deciderName',
      ])
      .where('r.workspaceId', '=', workspaceId)
      .where('p.key', '=', period)
      .where('c.archived', '=', false)
      .$if(after !== null, (q) =>
        q.where(
          sql<boolean>`(c."referenceKey", c.id, r.id) > (${after!.referenceKey}, ${after!.commitmentId}::uuid, ${after!.id}::uuid)`,
        ),
      )
      .orderBy('c.referenceKey')
      .orderBy('c.id')
      .orderBy('r.id')
      .limit(limit)
      .execute();
  }
}
