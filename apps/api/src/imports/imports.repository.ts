import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TargetGroup, Theme } from '@spct/contracts';
import { editableOf, type EditableFields } from '../commitments/commitment-fields';
import type { Tx } from '../commitments/commitments.repository';
import { PrismaService } from '../database/prisma.service';
import { type ImportJob, type ImportState, Prisma } from '../generated/prisma/client';
import { type FieldChanges, snapshot } from '../history/activity';
import { comparable } from './import-columns';
import { type ExistingCommitment, existingKey, type ImportLookups, inTurns } from './import-plan';

export type ImportJobSummaryRow = Omit<ImportJob, 'rows'> & {
  createdBy: { displayName: string } | null;
};

/** Writes of one run, checked already, all in `tx`. */
export interface ImportWrites {
  creates: { frameworkId: string; fields: EditableFields }[];
  updates: { commitmentId: string; fields: Partial<EditableFields>; changes: FieldChanges }[];
}

/** Rows per statement of a run (and per progress step). */
const CHUNK = 1000;

const INCLUDE = { createdBy: { select: { displayName: true } } } as const;

@Injectable()
export class ImportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The workspace's framework codes and organization short names, and the commitments of the
   * given (framework, reference) pairs — one statement each, whatever the row count. In `tx`
   * the commitments are locked until it ends. The pairs go in as one JSON text: Prisma's query
   * compiler takes a quarter of a second, on the event loop, over two arrays of 10,000 values.
   */
  async lookups(
    workspaceId: string,
    pairs: { frameworkCode: string; reference: string }[],
    tx?: Tx,
  ): Promise<ImportLookups> {
    const db = tx ?? this.prisma;
    const [frameworks, organizations] = await Promise.all([
      db.framework.findMany({ where: { workspaceId }, select: { id: true, code: true } }),
      db.organization.findMany({ where: { workspaceId }, select: { id: true, shortName: true } }),
    ]);
    const frameworkIds = new Map(frameworks.map((f) => [comparable(f.code), f.id]));
    const wanted = pairs.flatMap(({ frameworkCode, reference }) => {
      const id = frameworkIds.get(comparable(frameworkCode));
      return id ? [{ id, reference }] : [];
    });
    const rows = wanted.length
      ? await db.$queryRaw<ExistingRow[]>(Prisma.sql`
          SELECT c.id, c.archived, c."frameworkId", c."parentId", c.reference, c."titleVi", c."titleEn",
            c."descriptionVi", c."descriptionEn", c.theme::text AS theme, c."leadOrgId",
            COALESCE(c."coOrgIds"::text[], '{}') AS "coOrgIds", c."focalUserId",
            c."targetGroups"::text[] AS "targetGroups", c.weight, c."startDate", c."targetDate"
          FROM "Commitment" c
          JOIN jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS k(id uuid, reference text)
            ON c."frameworkId" = k.id AND c.reference = k.reference
          WHERE c."workspaceId" = ${workspaceId}::uuid
          ${tx ? Prisma.sql`FOR UPDATE OF c` : Prisma.empty}`)
      : [];
    const existing = new Map<string, ExistingCommitment>(
      rows.map((row) => [
        existingKey(row.frameworkId, row.reference),
        {
          id: row.id,
          archived: row.archived,
          fields: editableOf({
            ...row,
            coOrganizations: row.coOrgIds.map((organizationId) => ({ organizationId })),
          }),
        },
      ]),
    );
    return {
      frameworks: frameworkIds,
      organizations: new Map(organizations.map((o) => [comparable(o.shortName), o.id])),
      existing,
    };
  }

  /**
   * Stores a dry run. Its rows go in as one JSON text (Prisma would walk the 10,000 rows' object
   * tree on the event loop) and are not read back.
   */
  async create(
    data: Omit<Prisma.ImportJobUncheckedCreateInput, 'rows'>,
    rows: Record<string, unknown>,
  ): Promise<ImportJobSummaryRow> {
    const id = randomUUID();
    // Straight to the pool: Prisma's query compiler would hold the event loop for a quarter of a
    // second over the megabytes of a 10,000-row dry run's JSON.
    await this.prisma.pool.query(
      `INSERT INTO "ImportJob" (id, "workspaceId", "createdById", "fileName", format, mapping, rows,
        total, creates, updates, unchanged, errors)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12)`,
      [
        id,
        data.workspaceId,
        data.createdById ?? null,
        data.fileName,
        data.format,
        JSON.stringify(data.mapping),
        await jsonInTurns(rows),
        data.total,
        data.creates,
        data.updates,
        data.unchanged,
        data.errors,
      ],
    );
    return (await this.summary(data.workspaceId, id))!;
  }

  /** The import without its rows. */
  summary(workspaceId: string, id: string): Promise<ImportJobSummaryRow | null> {
    return this.prisma.importJob.findFirst({
      where: { id, workspaceId },
      omit: { rows: true },
      include: INCLUDE,
    });
  }

  /** One part of an import's stored rows (a JSON text parsed here, off Prisma's object walk). */
  async rowsPart<K extends 'source' | 'planned' | 'indicatorSource' | 'sheets'>(
    id: string,
    part: K,
  ): Promise<unknown[]> {
    const [row] = await this.prisma.$queryRaw<{ part: string | null }[]>`
      SELECT (rows -> ${part})::text AS part FROM "ImportJob" WHERE id = ${id}::uuid`;
    return row?.part ? (JSON.parse(row.part) as unknown[]) : [];
  }

  /** Newest first, without their rows; only `createdById`'s when given. */
  history(workspaceId: string, createdById: string | null, limit: number) {
    return this.prisma.importJob.findMany({
      where: { workspaceId, ...(createdById ? { createdById } : {}) },
      omit: { rows: true, mapping: true },
      include: INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }

  /** Moves the import from one of `from` to `to`; false when it was in none of them. */
  async transition(
    id: string,
    from: ImportState[],
    to: ImportState,
    data: Prisma.ImportJobUpdateManyMutationInput = {},
  ): Promise<boolean> {
    const { count } = await this.prisma.importJob.updateMany({
      where: { id, state: { in: from } },
      data: { ...data, state: to },
    });
    return count === 1;
  }

  /** The distinct parents of these commitments. */
  async parentsOf(tx: Tx, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.commitment.findMany({
      where: { id: { in: ids }, parentId: { not: null } },
      select: { parentId: true },
      distinct: ['parentId'],
    });
    return rows.map((r) => r.parentId!);
  }

  /** Outside the run's transaction, so that others see it move. */
  async progress(id: string, processed: number): Promise<void> {
    await this.prisma.importJob.updateMany({ where: { id }, data: { processed } });
  }

  /** The run's one transaction: long enough for the largest file. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 10 * 60_000 });
  }

  /**
   * Writes every create and update of a run, each recorded in the history with the import: a
   * few set-based statements per chunk of rows (the rows as one JSON parameter), whatever their
   * count, so the dashboard's statement triggers also run once per chunk.
   */
  async write(
    tx: Tx,
    job: { id: string; workspaceId: string; createdById: string | null },
    writes: ImportWrites,
    onProgress: (done: number) => Promise<void>,
  ): Promise<void> {
    let done = 0;
    for (const chunk of chunks(writes.creates, CHUNK)) {
      const rows = chunk.map(({ frameworkId, fields }) => ({
        id: randomUUID(),
        frameworkId,
        reference: fields.reference,
        titleVi: fields.title.vi,
        titleEn: fields.title.en,
        descriptionVi: fields.description?.vi ?? null,
        descriptionEn: fields.description?.en ?? null,
        theme: fields.theme,
        leadOrgId: fields.leadOrgId,
        targetGroups: fields.targetGroups,
        weight: fields.weight,
        startDate: fields.startDate,
        targetDate: fields.targetDate,
      }));
      // The derived columns are computed here, set-based, with the functions of the row
      // triggers, which then skip these rows (migration "import_derived_columns"): a row
      // trigger's call and look-ups cost as much as the row's index entries.
      await tx.$executeRaw`
        INSERT INTO "Commitment" (id, "workspaceId", "frameworkId", reference, "referenceKey",
          "searchText", "leadOrgKey", "titleVi", "titleEn", "descriptionVi", "descriptionEn", theme,
          "leadOrgId", "targetGroups", weight, "startDate", "targetDate", "updatedAt")
        SELECT r.id, ${job.workspaceId}::uuid, r."frameworkId", r.reference,
          spct_commitment_reference_key(f.code, r.reference),
          spct_commitment_search_text(f.code, r.reference, r."titleVi", r."titleEn",
            r."descriptionVi", r."descriptionEn"),
          lower(o."shortName"), r."titleVi", r."titleEn", r."descriptionVi", r."descriptionEn",
          r.theme, r."leadOrgId", r."targetGroups", r.weight, r."startDate", r."targetDate", now()
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, "frameworkId" uuid,
          reference text, "titleVi" text, "titleEn" text, "descriptionVi" text,
          "descriptionEn" text, theme "Theme", "leadOrgId" uuid, "targetGroups" "TargetGroup"[],
          weight int, "startDate" date, "targetDate" date)
        LEFT JOIN "Framework" f ON f.id = r."frameworkId"
        LEFT JOIN "Organization" o ON o.id = r."leadOrgId"`;
      await this.insertCoOrganizations(
        tx,
        chunk.flatMap(({ fields }, i) =>
          fields.coOrgIds.map((organizationId) => ({ commitmentId: rows[i]!.id, organizationId })),
        ),
      );
      await this.recordEvents(
        tx,
        job,
        'created',
        chunk.map(({ frameworkId, fields }, i) => ({
          commitmentId: rows[i]!.id,
          changes: snapshot(
            { frameworkId, ...fields, status: 'NOT_STARTED', progress: 0 },
            'after',
          ),
        })),
      );
      done += chunk.length;
      await onProgress(done);
    }
    for (const chunk of chunks(writes.updates, CHUNK)) {
      const rows = chunk.map(({ commitmentId, fields }) => ({
        id: commitmentId,
        ...columnsOf(fields),
      }));
      // A column absent from a row's JSON keeps its value; every updated row moves its version on.
      await tx.$executeRaw`
        UPDATE "Commitment" c SET
          "titleVi" = CASE WHEN r.j ? 'titleVi' THEN r.j ->> 'titleVi' ELSE c."titleVi" END,
          "titleEn" = CASE WHEN r.j ? 'titleEn' THEN r.j ->> 'titleEn' ELSE c."titleEn" END,
          "descriptionVi" = CASE WHEN r.j ? 'descriptionVi' THEN r.j ->> 'descriptionVi'
            ELSE c."descriptionVi" END,
          "descriptionEn" = CASE WHEN r.j ? 'descriptionEn' THEN r.j ->> 'descriptionEn'
            ELSE c."descriptionEn" END,
          theme = CASE WHEN r.j ? 'theme' THEN (r.j ->> 'theme')::"Theme" ELSE c.theme END,
          "leadOrgId" = CASE WHEN r.j ? 'leadOrgId' THEN (r.j ->> 'leadOrgId')::uuid
            ELSE c."leadOrgId" END,
          "targetGroups" = CASE WHEN r.j ? 'targetGroups'
            THEN ARRAY(SELECT jsonb_array_elements_text(r.j -> 'targetGroups'))::"TargetGroup"[]
            ELSE c."targetGroups" END,
          weight = CASE WHEN r.j ? 'weight' THEN (r.j ->> 'weight')::int ELSE c.weight END,
          "startDate" = CASE WHEN r.j ? 'startDate' THEN (r.j ->> 'startDate')::date
            ELSE c."startDate" END,
          "targetDate" = CASE WHEN r.j ? 'targetDate' THEN (r.j ->> 'targetDate')::date
            ELSE c."targetDate" END,
          version = c.version + 1,
          "updatedAt" = now()
        FROM (SELECT (e ->> 'id')::uuid AS id, e AS j
              FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e) r
        WHERE c.id = r.id`;
      const replaced = chunk.filter(({ fields }) => fields.coOrgIds !== undefined);
      if (replaced.length) {
        await tx.$executeRaw`
          DELETE FROM "CommitmentCoOrganization"
          WHERE "commitmentId" IN (SELECT unnest(${replaced.map((u) => u.commitmentId)}::uuid[]))`;
        await this.insertCoOrganizations(
          tx,
          replaced.flatMap(({ commitmentId, fields }) =>
            fields.coOrgIds!.map((organizationId) => ({ commitmentId, organizationId })),
          ),
        );
      }
      await this.recordEvents(
        tx,
        job,
        'updated',
        chunk.map(({ commitmentId, changes }) => ({ commitmentId, changes })),
      );
      done += chunk.length;
      await onProgress(done);
    }
  }

  private async insertCoOrganizations(
    tx: Tx,
    rows: { commitmentId: string; organizationId: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO "CommitmentCoOrganization" ("commitmentId", "organizationId")
      SELECT r."commitmentId", r."organizationId"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("commitmentId" uuid, "organizationId" uuid)`;
  }

  /** One history entry per commitment, naming the import. */
  private async recordEvents(
    tx: Tx,
    job: { id: string; workspaceId: string; createdById: string | null },
    action: 'created' | 'updated',
    rows: { commitmentId: string; changes: FieldChanges }[],
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO "ActivityEvent" (id, "workspaceId", "actorId", "commitmentId", "entityType",
        "entityId", action, changes, "importJobId")
      SELECT gen_random_uuid(), ${job.workspaceId}::uuid, ${job.createdById}::uuid, r."commitmentId",
        'commitment', r."commitmentId", ${action}, r.changes, ${job.id}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("commitmentId" uuid, changes jsonb)`;
  }
}

/** The columns an import's update sets (an absent key leaves its column as it is). */
function columnsOf(fields: Partial<EditableFields>) {
  return {
    titleVi: fields.title?.vi,
    titleEn: fields.title?.en,
    ...(fields.description !== undefined && {
      descriptionVi: fields.description?.vi ?? null,
      descriptionEn: fields.description?.en ?? null,
    }),
    theme: fields.theme,
    leadOrgId: fields.leadOrgId,
    targetGroups: fields.targetGroups,
    weight: fields.weight,
    startDate: fields.startDate,
    targetDate: fields.targetDate,
  };
}

interface ExistingRow {
  id: string;
  archived: boolean;
  frameworkId: string;
  parentId: string | null;
  reference: string;
  titleVi: string;
  titleEn: string;
  descriptionVi: string | null;
  descriptionEn: string | null;
  theme: Theme | null;
  leadOrgId: string | null;
  coOrgIds: string[];
  focalUserId: string | null;
  targetGroups: TargetGroup[];
  weight: number;
  startDate: Date | null;
  targetDate: Date | null;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * `parts` as JSON text, the items of its arrays stringified in turns: a dry run's 10,000 rows
 * twice over would hold the event loop for a tenth of a second at once.
 */
async function jsonInTurns(parts: Record<string, unknown>): Promise<string> {
  const members: string[] = [];
  for (const [key, value] of Object.entries(parts)) {
    if (value === undefined) continue;
    const json = Array.isArray(value)
      ? `[${(await inTurns(value, (item: unknown) => JSON.stringify(item))).join(',')}]`
      : JSON.stringify(value);
    members.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${members.join(',')}}`;
}
