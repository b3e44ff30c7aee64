import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '../commitments/commitments.repository';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import { type FieldChanges, snapshot } from '../history/activity';
import { comparable } from './import-columns';
import { existingKey } from './import-plan';
import type {
  ExistingIndicator,
  IndicatorCommitment,
  IndicatorLookups,
  PlannedIndicatorRow,
} from './indicator-plan';

/** Rows per statement of a run (and per progress step). */
const CHUNK = 1000;

type Job = { id: string; workspaceId: string; createdById: string | null };

/** The indicators and measurements an import reads and writes, set-based. */
@Injectable()
export class IndicatorImportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The workspace's framework codes, the commitments of the given (framework, reference) pairs
   * and their indicators with their measurements: three statements whatever the row count. In
   * `tx` the indicators are locked until it ends.
   */
  async lookups(
    workspaceId: string,
    pairs: { frameworkCode: string; reference: string }[],
    tx?: Tx,
  ): Promise<IndicatorLookups> {
    const db = tx ?? this.prisma;
    const frameworks = await db.framework.findMany({
      where: { workspaceId },
      select: { id: true, code: true },
    });
    const frameworkIds = new Map(frameworks.map((f) => [comparable(f.code), f.id]));
    // An indicator's lines name its commitment again and again: each pair once.
    const wanted = [
      ...new Map(
        pairs.flatMap(({ frameworkCode, reference }) => {
          const id = frameworkIds.get(comparable(frameworkCode));
          return id ? [[existingKey(id, reference), { id, reference }] as const] : [];
        }),
      ).values(),
    ];
    const commitments = wanted.length
      ? await db.$queryRaw<CommitmentRow[]>(Prisma.sql`
          SELECT c.id, c."frameworkId", c.reference, c.archived, c."leadOrgId",
            COALESCE(c."coOrgIds"::text[], '{}') AS "coOrgIds"
          FROM "Commitment" c
          -- One JSON text: Prisma's query compiler is slow over arrays of thousands of values.
          JOIN jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS k(id uuid, reference text)
            ON c."frameworkId" = k.id AND c.reference = k.reference
          WHERE c."workspaceId" = ${workspaceId}::uuid
          ${tx ? Prisma.sql`FOR SHARE OF c` : Prisma.empty}`)
      : [];
    const indicators = commitments.length
      ? await db.$queryRaw<IndicatorRow[]>(Prisma.sql`
          SELECT i.id, i."commitmentId", i."nameVi", i."nameEn", i."unitVi", i."unitEn",
            i.direction::text AS direction, i."baselineValue"::float8 AS "baselineValue",
            i."baselineYear", i."targetValue"::float8 AS "targetValue", i."targetYear",
            COALESCE((
              SELECT json_agg(json_build_object('id', m.id, 'measuredOn', m."measuredOn",
                'value', m.value::float8, 'source', m.source)
                ORDER BY m."measuredOn", m."createdAt", m.id)
              FROM "Measurement" m WHERE m."indicatorId" = i.id), '[]') AS measurements
          FROM "Indicator" i
          WHERE i."workspaceId" = ${workspaceId}::uuid
            AND i."commitmentId" = ANY(${commitments.map((c) => c.id)}::uuid[])
          ORDER BY i."createdAt", i.id
          ${tx ? Prisma.sql`FOR UPDATE OF i` : Prisma.empty}`)
      : [];
    const keyOf = new Map(commitments.map((c) => [c.id, existingKey(c.frameworkId, c.reference)]));
    const byCommitment = new Map<string, ExistingIndicator[]>();
    for (const row of indicators) {
      const key = keyOf.get(row.commitmentId)!;
      const list = byCommitment.get(key) ?? [];
      list.push({
        id: row.id,
        fields: {
          nameVi: row.nameVi,
          nameEn: row.nameEn,
          unitVi: row.unitVi,
          unitEn: row.unitEn,
          direction: row.direction,
          baselineValue: row.baselineValue,
          baselineYear: row.baselineYear,
          targetValue: row.targetValue,
          targetYear: row.targetYear,
        },
        measurements: row.measurements,
      });
      byCommitment.set(key, list);
    }
    return {
      frameworks: frameworkIds,
      commitments: new Map<string, IndicatorCommitment>(
        commitments.map((c) => [
          existingKey(c.frameworkId, c.reference),
          {
            id: c.id,
            archived: c.archived,
            organizationIds: [c.leadOrgId, ...c.coOrgIds].filter((id): id is string => !!id),
          },
        ]),
      ),
      indicators: byCommitment,
    };
  }

  /**
   * Writes the indicators and measurements of a run's lines, each recorded in the history with
   * the import: a few set-based statements per chunk of lines, whatever their count.
   */
  async write(
    tx: Tx,
    job: Job,
    lines: PlannedIndicatorRow[],
    onProgress: (done: number) => Promise<void>,
  ): Promise<void> {
    let done = 0;
    for (const chunk of chunks(lines, CHUNK)) {
      const creates = chunk.flatMap((l) =>
        l.indicatorCreate ? [{ ...l.indicatorCreate, commitmentId: l.commitmentId! }] : [],
      );
      if (creates.length) {
        await tx.$executeRaw`
          INSERT INTO "Indicator" (id, "workspaceId", "commitmentId", "nameVi", "nameEn", "unitVi",
            "unitEn", direction, "baselineValue", "baselineYear", "targetValue", "targetYear",
            "updatedAt")
          SELECT r.id, ${job.workspaceId}::uuid, r."commitmentId", r."nameVi", r."nameEn",
            r."unitVi", r."unitEn", r.direction, r."baselineValue", r."baselineYear",
            r."targetValue", r."targetYear", now()
          FROM jsonb_to_recordset(${JSON.stringify(
            creates.map(({ id, commitmentId, fields }) => ({ id, commitmentId, ...fields })),
          )}::jsonb) AS r(id uuid, "commitmentId" uuid, "nameVi" text, "nameEn" text,
            "unitVi" text, "unitEn" text, direction "IndicatorDirection",
            "baselineValue" numeric, "baselineYear" int, "targetValue" numeric, "targetYear" int)`;
      }
      const updates = chunk.flatMap((l) =>
        l.indicatorUpdate ? [{ ...l.indicatorUpdate, commitmentId: l.commitmentId! }] : [],
      );
      if (updates.length) {
        // A column absent from a row's JSON keeps its value; every updated row moves its version on.
        await tx.$executeRaw`
          UPDATE "Indicator" i SET
            "nameVi" = CASE WHEN r.j ? 'nameVi' THEN r.j ->> 'nameVi' ELSE i."nameVi" END,
            "nameEn" = CASE WHEN r.j ? 'nameEn' THEN r.j ->> 'nameEn' ELSE i."nameEn" END,
            "unitVi" = CASE WHEN r.j ? 'unitVi' THEN r.j ->> 'unitVi' ELSE i."unitVi" END,
            "unitEn" = CASE WHEN r.j ? 'unitEn' THEN r.j ->> 'unitEn' ELSE i."unitEn" END,
            direction = CASE WHEN r.j ? 'direction'
              THEN (r.j ->> 'direction')::"IndicatorDirection" ELSE i.direction END,
            "baselineValue" = CASE WHEN r.j ? 'baselineValue'
              THEN (r.j ->> 'baselineValue')::numeric ELSE i."baselineValue" END,
            "baselineYear" = CASE WHEN r.j ? 'baselineYear'
              THEN (r.j ->> 'baselineYear')::int ELSE i."baselineYear" END,
            "targetValue" = CASE WHEN r.j ? 'targetValue'
              THEN (r.j ->> 'targetValue')::numeric ELSE i."targetValue" END,
            "targetYear" = CASE WHEN r.j ? 'targetYear'
              THEN (r.j ->> 'targetYear')::int ELSE i."targetYear" END,
            version = i.version + 1,
            "updatedAt" = now()
          FROM (SELECT (e ->> 'id')::uuid AS id, e AS j
                FROM jsonb_array_elements(${JSON.stringify(
                  updates.map(({ id, fields }) => ({ id, ...fields })),
                )}::jsonb) e) r
          WHERE i.id = r.id`;
      }
      const added = chunk.flatMap((l) =>
        l.measurementCreate
          ? [{ id: randomUUID(), ...l.measurementCreate, commitmentId: l.commitmentId! }]
          : [],
      );
      if (added.length) {
        await tx.$executeRaw`
          INSERT INTO "Measurement" (id, "workspaceId", "indicatorId", "measuredOn", value, source,
            "createdById")
          SELECT r.id, ${job.workspaceId}::uuid, r."indicatorId", r."measuredOn", r.value, r.source,
            ${job.createdById}::uuid
          FROM jsonb_to_recordset(${JSON.stringify(added)}::jsonb) AS r(id uuid,
            "indicatorId" uuid, "measuredOn" date, value numeric, source text)`;
      }
      const changed = chunk.flatMap((l) =>
        l.measurementUpdate ? [{ ...l.measurementUpdate, commitmentId: l.commitmentId! }] : [],
      );
      if (changed.length) {
        await tx.$executeRaw`
          UPDATE "Measurement" m SET value = r.value, source = r.source
          FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb)
            AS r(id uuid, value numeric, source text)
          WHERE m.id = r.id`;
      }
      await this.recordEvents(tx, job, [
        ...creates.map((c) => ({
          commitmentId: c.commitmentId,
          entityType: 'indicator',
          entityId: c.id,
          action: 'created',
          changes: snapshot({ ...c.fields }, 'after'),
        })),
        ...updates.map((u) => ({
          commitmentId: u.commitmentId,
          entityType: 'indicator',
          entityId: u.id,
          action: 'updated',
          changes: u.changes,
        })),
        ...added.map(({ id, commitmentId, indicatorId, ...data }) => ({
          commitmentId,
          entityType: 'measurement',
          entityId: id,
          action: 'created',
          changes: snapshot({ indicatorId, ...data }, 'after'),
        })),
        ...changed.map((m) => ({
          commitmentId: m.commitmentId,
          entityType: 'measurement',
          entityId: m.id,
          action: 'updated',
          changes: m.changes,
        })),
      ]);
      done += chunk.length;
      await onProgress(done);
    }
  }

  /** One history entry per written indicator or measurement, naming the import. */
  private async recordEvents(
    tx: Tx,
    job: Job,
    rows: {
      commitmentId: string;
      entityType: string;
      entityId: string;
      action: string;
      changes: FieldChanges;
    }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO "ActivityEvent" (id, "workspaceId", "actorId", "commitmentId", "entityType",
        "entityId", action, changes, "importJobId")
      SELECT gen_random_uuid(), ${job.workspaceId}::uuid, ${job.createdById}::uuid, r."commitmentId",
        r."entityType", r."entityId", r.action, r.changes, ${job.id}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("commitmentId" uuid,
        "entityType" text, "entityId" uuid, action text, changes jsonb)`;
  }
}

interface CommitmentRow {
  id: string;
  frameworkId: string;
  reference: string;
  archived: boolean;
  leadOrgId: string | null;
  coOrgIds: string[];
}

interface IndicatorRow {
  id: string;
  commitmentId: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  direction: 'INCREASE' | 'DECREASE';
  baselineValue: number;
  baselineYear: number;
  targetValue: number;
  targetYear: number;
  measurements: ExistingIndicator['measurements'];
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
