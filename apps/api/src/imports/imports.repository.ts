import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TargetGroup, Theme } from '@spct/contracts';
import { editableOf, type EditableFields } from '../commitments/commitment-fields';
import { CommitmentsRepository, type Tx } from '../commitments/commitments.repository';
import { PrismaService } from '../database/prisma.service';
import { type ImportJob, type ImportState, Prisma } from '../generated/prisma/client';
import { type FieldChanges, snapshot } from '../history/activity';
import { comparable } from './import-columns';
import { type ExistingCommitment, existingKey, type ImportLookups } from './import-plan';

export type ImportJobRow = ImportJob & { createdBy: { displayName: string } | null };

/** Writes of one run, checked already: creates in bulk, updates one by one, all in `tx`. */
export interface ImportWrites {
  creates: { frameworkId: string; fields: EditableFields }[];
  updates: { commitmentId: string; fields: Partial<EditableFields>; changes: FieldChanges }[];
}

const INCLUDE = { createdBy: { select: { displayName: true } } } as const;

@Injectable()
export class ImportsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly commitments: CommitmentsRepository,
  ) {}

  /**
   * The workspace's framework codes and organization short names, and the commitments of the
   * given (framework, reference) pairs — one statement each, whatever the row count. In `tx`
   * the commitments are locked until it ends.
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
          JOIN unnest(${wanted.map((w) => w.id)}::uuid[], ${wanted.map((w) => w.reference)}::text[])
            AS k("frameworkId", reference)
            ON c."frameworkId" = k."frameworkId" AND c.reference = k.reference
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

  create(data: Prisma.ImportJobUncheckedCreateInput): Promise<ImportJobRow> {
    return this.prisma.importJob.create({ data, include: INCLUDE });
  }

  find(workspaceId: string, id: string): Promise<ImportJobRow | null> {
    return this.prisma.importJob.findFirst({ where: { id, workspaceId }, include: INCLUDE });
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
    await this.prisma.importJob.update({ where: { id }, data: { processed } });
  }

  /** The run's one transaction: long enough for the largest file. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 10 * 60_000 });
  }

  /** Writes every create and update of a run, each recorded in the history with the import. */
  async write(
    tx: Tx,
    job: { id: string; workspaceId: string; createdById: string | null },
    writes: ImportWrites,
    onProgress: (done: number) => Promise<void>,
  ): Promise<void> {
    const event = (commitmentId: string, action: string, changes: FieldChanges) => ({
      workspaceId: job.workspaceId,
      actorId: job.createdById,
      commitmentId,
      entityType: 'commitment',
      entityId: commitmentId,
      action,
      changes: changes as Prisma.InputJsonValue,
      importJobId: job.id,
    });
    let done = 0;
    for (const chunk of chunks(writes.creates, 500)) {
      const rows = chunk.map((c) => ({ id: randomUUID(), ...c }));
      await tx.commitment.createMany({
        data: rows.map(({ id, frameworkId, fields }) => ({
          id,
          workspaceId: job.workspaceId,
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
          startDate: fields.startDate ? new Date(`${fields.startDate}T00:00:00Z`) : null,
          targetDate: fields.targetDate ? new Date(`${fields.targetDate}T00:00:00Z`) : null,
        })),
      });
      const coOrganizations = rows.flatMap(({ id, fields }) =>
        fields.coOrgIds.map((organizationId) => ({ commitmentId: id, organizationId })),
      );
      if (coOrganizations.length) {
        await tx.commitmentCoOrganization.createMany({ data: coOrganizations });
      }
      await tx.activityEvent.createMany({
        data: rows.map(({ id, frameworkId, fields }) =>
          event(
            id,
            'created',
            snapshot({ frameworkId, ...fields, status: 'NOT_STARTED', progress: 0 }, 'after'),
          ),
        ),
      });
      done += chunk.length;
      await onProgress(done);
    }
    for (const chunk of chunks(writes.updates, 100)) {
      for (const update of chunk)
        await this.commitments.update(tx, update.commitmentId, update.fields);
      await tx.activityEvent.createMany({
        data: chunk.map((u) => event(u.commitmentId, 'updated', u.changes)),
      });
      done += chunk.length;
      await onProgress(done);
    }
  }
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
