import { Injectable } from '@nestjs/common';
import { type CommitmentStatus, type TargetGroup, type Theme } from '@spct/contracts';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { type Cursor, type ParsedSort, SORT_COLUMNS } from './commitment-cursor';

export interface CommitmentFilters {
  q?: string;
  status?: CommitmentStatus[];
  frameworkId?: string;
  leadOrgId?: string;
  theme?: Theme[];
  targetGroup?: TargetGroup[];
  overdue?: boolean;
}

const DONE_STATUSES = Prisma.sql`('COMPLETED', 'DISCONTINUED')`;

const listInclude = {
  framework: { select: { code: true } },
  coOrganizations: { select: { organizationId: true } },
  _count: { select: { children: true } },
} satisfies Prisma.CommitmentInclude;

export type CommitmentRow = Omit<
  Prisma.CommitmentGetPayload<{ include: typeof listInclude }>,
  'searchText'
>;

type RawListRow = Omit<CommitmentRow, 'framework' | 'coOrganizations' | '_count'> & {
  frameworkCode: string;
  coOrgIds: string[];
  childCount: number;
};

const detailInclude = {
  ...listInclude,
  framework: { select: { id: true, code: true, titleVi: true, titleEn: true } },
  parent: { select: { id: true, reference: true, titleVi: true, titleEn: true } },
  children: {
    where: { archived: false },
    orderBy: [{ position: 'asc' }, { referenceKey: 'asc' }],
    select: {
      id: true,
      reference: true,
      titleVi: true,
      titleEn: true,
      status: true,
      progress: true,
    },
  },
  focalUser: { select: { id: true, displayName: true } },
  alignmentsFrom: { include: { target: { include: { framework: { select: { code: true } } } } } },
  alignmentsTo: { include: { source: { include: { framework: { select: { code: true } } } } } },
} satisfies Prisma.CommitmentInclude;

export type CommitmentDetailRow = Prisma.CommitmentGetPayload<{ include: typeof detailInclude }>;

@Injectable()
export class CommitmentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One page of a workspace's commitments. Keyset pagination on (sort column, id); every
   * filter and the search are served by an index (see the migrations and `npm run bench`).
   */
  async findPage(
    workspaceId: string,
    filters: CommitmentFilters,
    sort: ParsedSort,
    cursor: Cursor | null,
    limit: number,
    today: Date,
  ): Promise<CommitmentRow[]> {
    // One round trip: the page of ids (index-served) joined to what a list item shows.
    const rows = await this.prisma.$queryRaw<RawListRow[]>(Prisma.sql`
      WITH page AS (${this.pageQuery(workspaceId, filters, sort, cursor, limit, today)})
      SELECT c.id, c."workspaceId", c."frameworkId", c."parentId", c.position, c.reference, c."referenceKey",
        c."titleVi", c."titleEn", c."descriptionVi", c."descriptionEn", c.theme::text AS theme,
        c."leadOrgId", c."focalUserId", c.status::text AS status, c.progress, c.weight, c."startDate",
        c."targetDate", c."targetGroups"::text[] AS "targetGroups", c.version, c.archived, c."createdAt",
        c."updatedAt", f.code AS "frameworkCode",
        ARRAY(SELECT co."organizationId"::text FROM "CommitmentCoOrganization" co
              WHERE co."commitmentId" = c.id ORDER BY co."organizationId") AS "coOrgIds",
        (SELECT count(*) FROM "Commitment" child WHERE child."parentId" = c.id)::int AS "childCount"
      FROM page
      JOIN "Commitment" c ON c.id = page.id
      JOIN "Framework" f ON f.id = c."frameworkId"
      ORDER BY page.ordinal`);
    return rows.map(({ frameworkCode, coOrgIds, childCount, ...row }) => ({
      ...row,
      framework: { code: frameworkCode },
      coOrganizations: coOrgIds.map((organizationId) => ({ organizationId })),
      _count: { children: childCount },
    }));
  }

  /** The SQL of `findPage`, exposed for the EXPLAIN checks of the test suite and the benchmark. */
  pageQuery(
    workspaceId: string,
    filters: CommitmentFilters,
    sort: ParsedSort,
    cursor: Cursor | null,
    limit: number,
    today: Date,
  ): Prisma.Sql {
    const conditions: Prisma.Sql[] = [
      Prisma.sql`c."workspaceId" = ${workspaceId}::uuid`,
      Prisma.sql`c.archived = false`,
    ];
    if (filters.status?.length) {
      conditions.push(Prisma.sql`c.status = ANY(${filters.status}::"CommitmentStatus"[])`);
    }
    if (filters.frameworkId)
      conditions.push(Prisma.sql`c."frameworkId" = ${filters.frameworkId}::uuid`);
    if (filters.leadOrgId) conditions.push(Prisma.sql`c."leadOrgId" = ${filters.leadOrgId}::uuid`);
    if (filters.theme?.length)
      conditions.push(Prisma.sql`c.theme = ANY(${filters.theme}::"Theme"[])`);
    if (filters.targetGroup?.length) {
      conditions.push(Prisma.sql`c."targetGroups" && ${filters.targetGroup}::"TargetGroup"[]`);
    }
    if (filters.overdue !== undefined) {
      const overdue = Prisma.sql`(c."targetDate" < ${today}::date AND c.status NOT IN ${DONE_STATUSES})`;
      conditions.push(filters.overdue ? overdue : Prisma.sql`NOT COALESCE(${overdue}, false)`);
    }
    const q = filters.q?.trim();
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      conditions.push(Prisma.sql`c."searchText" LIKE spct_search_normalize(${pattern})`);
    }
    const spec = SORT_COLUMNS[sort.field];
    const column = Prisma.raw(`c."${spec.column}"`);
    const cast = Prisma.raw(
      spec.kind === 'int' ? 'int' : spec.kind === 'text' ? 'text' : spec.kind,
    );
    if (cursor) conditions.push(this.after(column, cast, spec.nullable, sort.descending, cursor));
    const direction = Prisma.raw(sort.descending ? 'DESC' : 'ASC');
    const order = Prisma.sql`${column} ${direction}, c.id ${direction}`;
    return Prisma.sql`
      SELECT c.id, row_number() OVER (ORDER BY ${order}) AS ordinal FROM "Commitment" c
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${order}
      LIMIT ${limit}`;
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

  findDetail(workspaceId: string, id: string): Promise<CommitmentDetailRow | null> {
    return this.prisma.commitment.findFirst({ where: { id, workspaceId }, include: detailInclude });
  }

  exists(workspaceId: string, id: string): Promise<boolean> {
    return this.prisma.commitment.count({ where: { id, workspaceId } }).then((count) => count > 0);
  }
}
