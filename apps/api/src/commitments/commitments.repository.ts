import { Injectable } from '@nestjs/common';
import { type CommitmentStatus } from '@spct/contracts';
import { Prisma } from '../generated/prisma/client';
import { KyselyService } from '../database/kysely.service';
import { PrismaService } from '../database/prisma.service';
import {
  COMMITMENT_DETAIL_JSON,
  commitmentDetailQuery,
  type CommitmentDetailRow,
  isoTimestampSql,
  toCommitmentDetail,
} from './commitment-detail.query';
import {
  type Cursor,
  type ParsedSort,
  SORT_CASTS,
  SORT_COLUMNS,
  type SortableRow,
} from './commitment-cursor';
import { dateColumn, isoDate, todayUtc } from '../common/dates';
import { type EditableFields } from './commitment-fields';
import {
  commitmentConditions,
  type CommitmentFilters,
  searchCondition,
  tallyCount,
} from './commitment-filters';
import { parentProgress } from './rollup';

/** What the rules about records under a commitment (reports, evidence, indicators) look at. */
export interface CommitmentFacts {
  /** The lead and co-responsible organizations: who may write under it. */
  organizationIds: string[];
  status: CommitmentStatus;
  progress: number;
  version: number;
  archived: boolean;
}

/** Beyond this many matches a list's total is "at least" (counting more would cost a scan). */
export const TOTAL_CAP = 10_000;

/** How many rows of the sort's order a search alone checks before it reads all matches instead. */
const SEARCH_WALK = 1_000;

/** No filter at all: the list's first screen, whose statement is sent named (findPageJson). */
function isUnfiltered(filters: CommitmentFilters): boolean {
  return Object.values(filters).every((value) => value === undefined);
}

/** How many commitments match a list's filters. */
export interface ListTotal {
  count: number;
  /** false: at least `count` (TOTAL_CAP), the rest were not counted. */
  exact: boolean;
}

/** What a list item shows beyond the commitment's columns (children: those not archived). */
interface ListInclude {
  framework: { select: { code: true } };
  coOrganizations: { select: { organizationId: true } };
  _count: { select: { children: true } };
}

/** Columns the database keeps for counting (migration dashboard_tally), not part of a row as read. */
type DerivedColumns =
  | 'searchText'
  | 'coOrgIds'
  | 'activeChildren'
  | 'positionKeys'
  | 'pendingReports'
  | 'reportedPeriods'
  | 'offTrackIndicators';

export type CommitmentRow = Omit<
  Prisma.CommitmentGetPayload<{ include: ListInclude }>,
  DerivedColumns
>;

type RawListRow = Omit<CommitmentRow, 'framework' | 'coOrganizations' | '_count'> & {
  frameworkCode: string;
  coOrgIds: string[];
  childCount: number;
};

const storedInclude = {
  coOrganizations: { select: { organizationId: true }, orderBy: { organizationId: 'asc' } },
} satisfies Prisma.CommitmentInclude;

/** A commitment row as a write sees it: its columns and co-responsible organizations. */
export type StoredCommitment = Omit<
  Prisma.CommitmentGetPayload<{ include: typeof storedInclude }>,
  'searchText'
>;

export type Tx = Prisma.TransactionClient;

/** Whether `error` is a unique-constraint violation (a framework's reference used twice). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** A parent whose stored progress a roll-up changed. */
export interface RolledUp {
  id: string;
  before: number;
  after: number;
}

@Injectable()
export class CommitmentsRepository {
  private readonly detailQuery: ReturnType<typeof commitmentDetailQuery>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly db: KyselyService,
  ) {
    this.detailQuery = commitmentDetailQuery(db);
  }

  /**
   * One page of a workspace's commitments, and (when asked) how many match in all, in one round
   * trip. Keyset pagination on (sort column, id); every filter and the search are served by an
   * index (see the migrations and `npm run bench`).
   */
  async findPage(
    workspaceId: string,
    filters: CommitmentFilters,
    sort: ParsedSort,
    cursor: Cursor | null,
    limit: number,
    now: Date,
    options: { total?: boolean } = {},
  ): Promise<{ rows: CommitmentRow[]; total: ListTotal | null }> {
    const total = this.totalOrNone(workspaceId, filters, now, options.total);
    const rows = await this.db.rows<
      RawListRow & { totalCount: number | null; totalExact: boolean | null }
    >(Prisma.sql`
      WITH page AS (${this.pageQuery(workspaceId, filters, sort, cursor, limit, now)}),
      total AS (${total})
      SELECT total.n AS "totalCount", total.exact AS "totalExact", c.id, c."workspaceId", c."frameworkId",
        c."parentId", c.position, c.reference, c."referenceKey",
        c."titleVi", c."titleEn", c."descriptionVi", c."descriptionEn", c.theme::text AS theme,
        c."leadOrgId", c."focalUserId", c.status::text AS status, c.progress, c.weight, c."startDate",
        c."targetDate", c."targetGroups"::text[] AS "targetGroups", c.version, c.archived, c."leadOrgKey",
        c."createdAt", c."updatedAt", f.code AS "frameworkCode",
        COALESCE(c."coOrgIds"::text[], '{}') AS "coOrgIds", c."activeChildren" AS "childCount"
      FROM total
      LEFT JOIN page ON true
      LEFT JOIN "Commitment" c ON c.id = page.id
      LEFT JOIN "Framework" f ON f.id = c."frameworkId"
      ORDER BY page.ordinal`);
    const first = rows[0];
    return {
      total:
        first && first.totalCount !== null
          ? { count: first.totalCount, exact: first.totalExact ?? true }
          : null,
      rows: rows
        .filter((row) => row.id !== null)
        .map(({ frameworkCode, coOrgIds, childCount, totalCount: _n, totalExact: _e, ...row }) => ({
          ...row,
          framework: { code: frameworkCode },
          coOrganizations: coOrgIds.map((organizationId) => ({ organizationId })),
          _count: { children: childCount },
        })),
    };
  }

  /**
   * What `findPage` reads, with the page's items as the JSON text of the list's answer, built by
   * PostgreSQL in the shape `CommitmentsService.toDto` gives (commitment-list-json.spec.ts
   * holds the two together): the list's answer passes through without parsing rows or
   * serializing them again. `last` is the page's last row when more follow (for the cursor).
   */
  async findPageJson(
    workspaceId: string,
    filters: CommitmentFilters,
    sort: ParsedSort,
    cursor: Cursor | null,
    limit: number,
    now: Date,
    options: { total?: boolean } = {},
  ): Promise<{ items: string; last: SortableRow | null; total: ListTotal | null }> {
    const statement = this.pageJsonQuery(workspaceId, filters, sort, cursor, limit, now, options);
    type Row = Partial<SortableRow> & {
      items: string;
      more: boolean;
      totalCount: number | null;
      totalExact: boolean | null;
    };
    // The unfiltered list (the list's first screen) is a named statement: planning it had been a
    // third of PostgreSQL's time on the request. A filter's best plan may depend on its values.
    const [row] = isUnfiltered(filters)
      ? await this.db.namedRows<Row>(statement)
      : await this.db.rows<Row>(statement);
    const { items, more, totalCount, totalExact, ...last } = row!;
    return {
      items,
      last: more ? (last as SortableRow) : null,
      total: totalCount !== null ? { count: totalCount, exact: totalExact ?? true } : null,
    };
  }

  /** The SQL of `findPageJson`, exposed for the EXPLAIN checks of the test suite. */
  pageJsonQuery(
    workspaceId: string,
    filters: CommitmentFilters,
    sort: ParsedSort,
    cursor: Cursor | null,
    limit: number,
    now: Date,
    options: { total?: boolean } = {},
  ): Prisma.Sql {
    const total = this.totalOrNone(workspaceId, filters, now, options.total);
    const today = isoDate(todayUtc(now));
    return Prisma.sql`
      WITH page AS (${this.pageQuery(workspaceId, filters, sort, cursor, limit + 1, now)}),
      total AS (${total})
      SELECT total.n AS "totalCount", total.exact AS "totalExact",
        EXISTS (SELECT 1 FROM page WHERE page.ordinal > ${limit}) AS more,
        '[' || COALESCE((
          SELECT string_agg(row_to_json(item)::text, ',' ORDER BY page.ordinal)
          FROM page
          JOIN "Commitment" c ON c.id = page.id
          JOIN "Framework" f ON f.id = c."frameworkId"
          CROSS JOIN LATERAL (SELECT c.id, c."frameworkId", f.code AS "frameworkCode", c."parentId",
            c.reference, (SELECT t FROM (SELECT c."titleVi" AS vi, c."titleEn" AS en) t) AS title,
            CASE WHEN c."descriptionVi" IS NOT NULL OR c."descriptionEn" IS NOT NULL THEN
              (SELECT t FROM (SELECT COALESCE(c."descriptionVi", '') AS vi,
                                     COALESCE(c."descriptionEn", '') AS en) t) END AS description,
            c.theme::text AS theme, c.status::text AS status,
            CASE WHEN c."activeChildren" = 0 AND c."leadOrgId" IS NOT NULL
              THEN c.status::text END AS "trackedStatus",
            c.progress, c.weight, c."leadOrgId", COALESCE(c."coOrgIds"::text[], '{}') AS "coOrgIds",
            c."focalUserId", c."targetGroups"::text[] AS "targetGroups",
            to_char(c."startDate", 'YYYY-MM-DD') AS "startDate",
            to_char(c."targetDate", 'YYYY-MM-DD') AS "targetDate",
            c.archived, c.version,
            (c."targetDate" IS NOT NULL AND c."targetDate" < ${today}::date
              AND c.status NOT IN ('COMPLETED', 'DISCONTINUED')) AS overdue,
            c."activeChildren" AS "childCount",
            ${Prisma.raw(isoTimestampSql('c."updatedAt"'))} AS "updatedAt") item
          WHERE page.ordinal <= ${limit}
        ), '') || ']' AS items,
        last.id, last."referenceKey", last.progress, last."targetDate", last."updatedAt",
        last.status::text AS status, last."leadOrgKey"
      FROM total
      LEFT JOIN page AS lp ON lp.ordinal = ${limit}
      LEFT JOIN "Commitment" last ON last.id = lp.id`;
  }

  /** The SQL of `findPage`, exposed for the EXPLAIN checks of the test suite and the benchmark. */
  pageQuery(
    workspaceId: string,
    filters: CommitmentFilters,
    sort: ParsedSort,
    cursor: Cursor | null,
    limit: number,
    now: Date,
  ): Prisma.Sql {
    const { q, ...others } = filters;
    const search = searchCondition(q);
    const conditions = commitmentConditions(workspaceId, others, now);
    const spec = SORT_COLUMNS[sort.field];
    const column = Prisma.raw(`c."${spec.column}"`);
    const cast = Prisma.raw(SORT_CASTS[spec.kind]);
    if (cursor) conditions.push(this.after(column, cast, spec.nullable, sort.descending, cursor));
    const direction = Prisma.raw(sort.descending ? 'DESC' : 'ASC');
    const order = Prisma.sql`${column} ${direction}, c.id ${direction}`;
    // The limit is written in the text (an integer of ours), so that a generic plan of the named
    // statement (findPageJson) knows it, as a custom one does: as a parameter it is guessed.
    const n = Prisma.raw(String(Math.trunc(limit)));
    // A search alone: PostgreSQL would walk the sort's order and check the search on each row,
    // expecting the matches to be spread evenly; when they lie far down the order (a phrase of
    // one framework's clauses) that walk reads most of the workspace. So the walk stops after
    // SEARCH_WALK rows, and when it found too few matches without reaching the end, the matches
    // are all read through the trigram index and sorted instead. With other filters the walk
    // would count only the rows that pass them, however many it reads: the planner chooses.
    const searchAlone = search !== null && isUnfiltered(others);
    if (!searchAlone) {
      return Prisma.sql`
        SELECT c.id, row_number() OVER (ORDER BY ${order}) AS ordinal FROM "Commitment" c
        WHERE ${Prisma.join(search ? [...conditions, search] : conditions, ' AND ')}
        ORDER BY ${order}
        LIMIT ${n}`;
    }
    const keyOrder = Prisma.sql`k ${direction}, id ${direction}`;
    const walk = Prisma.raw(String(SEARCH_WALK));
    return Prisma.sql`
      WITH walked AS MATERIALIZED (
        SELECT c.id, ${column} AS k, ${search} AS hit FROM "Commitment" c
        WHERE ${Prisma.join(conditions, ' AND ')}
        ORDER BY ${order}
        LIMIT ${walk}),
      hits AS MATERIALIZED (SELECT id, k FROM walked WHERE hit ORDER BY ${keyOrder} LIMIT ${n}),
      walk AS (SELECT (SELECT count(*) FROM hits) = ${n}
        OR (SELECT count(*) FROM walked) < ${walk} AS enough),
      matching AS MATERIALIZED (
        SELECT c.id, ${column} AS k FROM "Commitment" c
        WHERE ${Prisma.join([...conditions, search], ' AND ')}),
      chosen AS (
        SELECT id, k FROM hits WHERE (SELECT enough FROM walk)
        UNION ALL
        SELECT id, k FROM (SELECT id, k FROM matching ORDER BY ${keyOrder} LIMIT ${n}) sorted
        WHERE NOT (SELECT enough FROM walk))
      SELECT id, row_number() OVER (ORDER BY ${keyOrder}) AS ordinal FROM chosen
      ORDER BY ${keyOrder}
      LIMIT ${n}`;
  }

  /** The count of all that match when asked for; otherwise a row of nulls to join. */
  private totalOrNone(
    workspaceId: string,
    filters: CommitmentFilters,
    now: Date,
    wanted = false,
  ): Prisma.Sql {
    return wanted
      ? this.totalQuery(workspaceId, filters, now)
      : Prisma.sql`SELECT NULL::int AS n, NULL::boolean AS exact`;
  }

  /** How many commitments match `filters` in all (counted as the list's first page counts them). */
  async count(workspaceId: string, filters: CommitmentFilters, now: Date): Promise<ListTotal> {
    const [row] = await this.db.rows<{ n: number; exact: boolean }>(
      this.totalQuery(workspaceId, filters, now),
    );
    return { count: row!.n, exact: row!.exact };
  }

  /**
   * How many commitments match (one row: n, exact). Trackable items are counted on the tally
   * (plus the parents when they are not left out); other filters (a search, dates, archived) are
   * counted on the rows, up to TOTAL_CAP, beyond which the answer says "at least".
   */
  totalQuery(workspaceId: string, filters: CommitmentFilters, now: Date): Prisma.Sql {
    const tally = tallyCount(workspaceId, filters);
    if (tally) {
      const trackable = Prisma.sql`SELECT COALESCE(sum(${tally.measure}), 0) AS n FROM "CommitmentTally" c
        WHERE ${Prisma.join(tally.conditions, ' AND ')}`;
      if (filters.leaf) return Prisma.sql`SELECT (${trackable})::int AS n, true AS exact`;
      const parents = commitmentConditions(workspaceId, { ...filters, leaf: false }, now);
      return Prisma.sql`SELECT ((${trackable}) + (SELECT count(*) FROM "Commitment" c
        WHERE ${Prisma.join(parents, ' AND ')}))::int AS n, true AS exact`;
    }
    const conditions = commitmentConditions(workspaceId, filters, now);
    return Prisma.sql`SELECT least(count(*), ${TOTAL_CAP})::int AS n, count(*) <= ${TOTAL_CAP} AS exact
      FROM (SELECT 1 FROM "Commitment" c WHERE ${Prisma.join(conditions, ' AND ')}
            LIMIT ${TOTAL_CAP + 1}) matching`;
  }

  /** Rows strictly after the cursor in (column, id) order; NULLs sort last ascending, first descending. */
  private after(
    column: Prisma.Sql,
    cast: Prisma.Sql,
    nullable: boolean,
    descending: boolean,
    cursor: Cursor,
  ): Prisma.Sql {
    const op = Prisma.raw(descending ? '<' : '>');
    if (cursor.value === null) {
      const idAfter = Prisma.sql`(${column} IS NULL AND c.id ${op} ${cursor.id}::uuid)`;
      return descending ? Prisma.sql`(${idAfter} OR ${column} IS NOT NULL)` : idAfter;
    }
    const value = Prisma.sql`${cursor.value}::${cast}`;
    const strictly = Prisma.sql`(${column} ${op} ${value} OR (${column} = ${value} AND c.id ${op} ${cursor.id}::uuid))`;
    return nullable && !descending ? Prisma.sql`(${strictly} OR ${column} IS NULL)` : strictly;
  }

  async findDetail(workspaceId: string, id: string): Promise<CommitmentDetailRow | null> {
    const { rows } = await this.db.executeQuery(this.detailQuery({ workspaceId, id }));
    return toCommitmentDetail(rows[0]);
  }

  /**
   * What `findDetail` reads, as the JSON text of the detail's answer built by PostgreSQL
   * (COMMITMENT_DETAIL_JSON), with its version; null when the workspace has no such commitment.
   * A named statement: each connection plans it once, as planning it cost PostgreSQL several
   * times its execution (about 90% of the statement's time, measured on the large workspace).
   */
  async findDetailJson(
    workspaceId: string,
    id: string,
    now: Date,
  ): Promise<{ version: number; json: string } | null> {
    const [row] = await this.db.namedRows<{ version: number; json: string }>(
      { text: COMMITMENT_DETAIL_JSON, values: [workspaceId, id, isoDate(todayUtc(now))] },
      'commitment-detail-json',
    );
    return row ?? null;
  }

  exists(workspaceId: string, id: string): Promise<boolean> {
    return this.prisma.commitment.count({ where: { id, workspaceId } }).then((count) => count > 0);
  }

  /** What the rules about records under the commitment look at, or null when it is unknown. */
  async findFacts(
    workspaceId: string,
    id: string,
    tx: Tx = this.prisma,
  ): Promise<CommitmentFacts | null> {
    const row = await tx.commitment.findFirst({
      where: { id, workspaceId },
      select: {
        status: true,
        progress: true,
        version: true,
        archived: true,
        leadOrgId: true,
        coOrganizations: { select: { organizationId: true } },
      },
    });
    if (!row) return null;
    const { leadOrgId, coOrganizations, ...facts } = row;
    return {
      ...facts,
      organizationIds: [
        ...(leadOrgId ? [leadOrgId] : []),
        ...coOrganizations.map((c) => c.organizationId),
      ],
    };
  }

  // ---- Writes. Each runs inside the caller's transaction (`transaction`), so that the change,
  // the roll-up of its ancestors and its history event commit or fail together.

  /**
   * Runs `work` in one transaction. The waits are generous because a write holds the row lock of
   * its commitment while concurrent writers of the same row queue behind it.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  }

  /** The commitment, locked until the transaction ends (concurrent writers wait), or null. */
  async lock(tx: Tx, workspaceId: string, id: string): Promise<StoredCommitment | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT id FROM "Commitment" WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid
      FOR UPDATE`);
    if (locked.length === 0) return null;
    return tx.commitment.findUniqueOrThrow({
      where: { id },
      include: storedInclude,
      omit: { searchText: true },
    });
  }

  async frameworkExists(tx: Tx, workspaceId: string, frameworkId: string): Promise<boolean> {
    return (await tx.framework.count({ where: { id: frameworkId, workspaceId } })) > 0;
  }

  /** Which of `ids` are organizations of the workspace. */
  async organizationsOf(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.organization.findMany({
      where: { workspaceId, id: { in: [...ids] } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async isActiveMember(tx: Tx, workspaceId: string, userId: string): Promise<boolean> {
    const count = await tx.membership.count({
      where: { workspaceId, userId, active: true, user: { active: true } },
    });
    return count > 0;
  }

  /** What a would-be parent must satisfy: same workspace (else null), framework, not archived. */
  findParentCandidate(
    tx: Tx,
    workspaceId: string,
    id: string,
  ): Promise<{ id: string; frameworkId: string; archived: boolean } | null> {
    return tx.commitment.findFirst({
      where: { id, workspaceId },
      select: { id: true, frameworkId: true, archived: true },
    });
  }

  /** `id` and every ancestor of it, nearest first. */
  async lineage(tx: Tx, id: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      WITH RECURSIVE up(id, "parentId", depth) AS (
        SELECT id, "parentId", 0 FROM "Commitment" WHERE id = ${id}::uuid
        UNION ALL
        SELECT c.id, c."parentId", up.depth + 1 FROM "Commitment" c JOIN up ON c.id = up."parentId"
        WHERE up.depth < 100
      )
      SELECT id::text FROM up ORDER BY depth`);
    return rows.map((r) => r.id);
  }

  evidenceCount(tx: Tx, commitmentId: string): Promise<number> {
    return tx.evidence.count({ where: { commitmentId } });
  }

  async hasActiveChildren(tx: Tx, id: string): Promise<boolean> {
    return (await tx.commitment.count({ where: { parentId: id, archived: false } })) > 0;
  }

  /** A new commitment (NOT_STARTED, progress 0, version 1: the database's defaults). */
  insert(
    tx: Tx,
    workspaceId: string,
    frameworkId: string,
    fields: EditableFields,
  ): Promise<StoredCommitment> {
    const { coOrgIds, ...rest } = this.columns(fields);
    return tx.commitment.create({
      data: {
        ...rest,
        workspaceId,
        frameworkId,
        reference: fields.reference,
        titleVi: fields.title.vi,
        titleEn: fields.title.en,
        coOrganizations: { create: (coOrgIds ?? []).map((organizationId) => ({ organizationId })) },
      },
      include: storedInclude,
      omit: { searchText: true },
    });
  }

  /** Writes the changed fields and moves the version on by one. */
  async update(tx: Tx, id: string, changes: Partial<EditableFields>): Promise<void> {
    const { coOrgIds, ...columns } = this.columns(changes);
    if (coOrgIds) {
      await tx.commitmentCoOrganization.deleteMany({ where: { commitmentId: id } });
      await tx.commitmentCoOrganization.createMany({
        data: coOrgIds.map((organizationId) => ({ commitmentId: id, organizationId })),
      });
    }
    await tx.commitment.update({
      where: { id },
      data: { ...columns, version: { increment: 1 } },
    });
  }

  async setArchived(tx: Tx, id: string, archived: boolean): Promise<void> {
    await tx.commitment.update({ where: { id }, data: { archived, version: { increment: 1 } } });
  }

  /**
   * Recomputes the stored progress of `parentId` and each of its ancestors, nearest first, as the
   * weighted mean of their non-archived children (rollup.ts's rule); a parent left without
   * children keeps its progress. Each changed row also moves its version on, since what it
   * stores changed. Returns the rows that changed.
   */
  async rollUpAncestors(tx: Tx, parentId: string | null): Promise<RolledUp[]> {
    const changed: RolledUp[] = [];
    for (let id = parentId; id !== null;) {
      const node = await tx.commitment.findUniqueOrThrow({
        where: { id },
        select: { parentId: true, progress: true },
      });
      const children = await tx.commitment.findMany({
        where: { parentId: id, archived: false },
        select: { progress: true, weight: true },
      });
      if (children.length > 0) {
        const progress = parentProgress(children);
        if (progress !== node.progress) {
          await tx.commitment.update({
            where: { id },
            data: { progress, version: { increment: 1 } },
          });
          changed.push({ id, before: node.progress, after: progress });
        }
      }
      id = node.parentId;
    }
    return changed;
  }

  private columns(fields: Partial<EditableFields>) {
    return {
      parentId: fields.parentId,
      reference: fields.reference,
      titleVi: fields.title?.vi,
      titleEn: fields.title?.en,
      ...(fields.description !== undefined && {
        descriptionVi: fields.description?.vi ?? null,
        descriptionEn: fields.description?.en ?? null,
      }),
      theme: fields.theme,
      leadOrgId: fields.leadOrgId,
      focalUserId: fields.focalUserId,
      targetGroups: fields.targetGroups,
      weight: fields.weight,
      ...(fields.startDate !== undefined && { startDate: dateColumn(fields.startDate) }),
      ...(fields.targetDate !== undefined && { targetDate: dateColumn(fields.targetDate) }),
      coOrgIds: fields.coOrgIds,
    };
  }
}
