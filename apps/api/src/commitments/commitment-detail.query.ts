import { type CompiledQuery, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { compiledOnce } from '../database/compiled-once';
import type { KyselyService } from '../database/kysely.service';
import type { DB } from '../generated/kysely/database';
import type { CommitmentRow } from './commitments.repository';

type Scope = ExpressionBuilder<DB & { c: DB['Commitment'] }, 'c'>;

/** A commitment another one is aligned with, as the detail shows it. */
interface AlignedCommitment {
  id: string;
  frameworkId: string;
  reference: string;
  titleVi: string;
  titleEn: string;
  framework: { code: string };
}

/** A commitment with everything its detail page shows. */
export type CommitmentDetailRow = CommitmentRow & {
  framework: { id: string; code: string; titleVi: string; titleEn: string };
  parent: { id: string; reference: string; titleVi: string; titleEn: string } | null;
  children: {
    id: string;
    reference: string;
    titleVi: string;
    titleEn: string;
    status: CommitmentRow['status'];
    progress: number;
    activeChildren: number;
    leadOrgId: string | null;
  }[];
  focalUser: { id: string; displayName: string } | null;
  alignmentsFrom: {
    id: string;
    noteVi: string | null;
    noteEn: string | null;
    target: AlignedCommitment;
  }[];
  alignmentsTo: {
    id: string;
    noteVi: string | null;
    noteEn: string | null;
    source: AlignedCommitment;
  }[];
};

/** The alignments of `c` in one direction, with the commitment at the other end. */
function alignments(eb: Scope, direction: 'outgoing' | 'incoming') {
  const [here, there] =
    direction === 'outgoing'
      ? (['sourceId', 'targetId'] as const)
      : (['targetId', 'sourceId'] as const);
  return jsonArrayFrom(
    eb
      .selectFrom('Alignment as a')
      .innerJoin('Commitment as o', 'o.id', `a.${there}`)
      .innerJoin('Framework as of', 'of.id', 'o.frameworkId')
      .select([
        'a.id',
        'a.noteVi',
        'a.noteEn',
        'o.id as otherId',
        'o.frameworkId as otherFrameworkId',
        'o.reference as otherReference',
        'o.titleVi as otherTitleVi',
        'o.titleEn as otherTitleEn',
        'of.code as otherFrameworkCode',
      ])
      .whereRef(`a.${here}`, '=', 'c.id')
      .orderBy('a.createdAt')
      .orderBy('a.id'),
  );
}

/**
 * A commitment's detail in one statement: its row and framework joined; its parent, focal user,
 * co-responsible organizations, children and alignments as JSON built by PostgreSQL.
 */
export function commitmentDetailQuery(db: KyselyService) {
  return compiledOnce(['workspaceId', 'id'], (a: { workspaceId: string; id: string }) =>
    db
      .selectFrom('Commitment as c')
      .innerJoin('Framework as f', 'f.id', 'c.frameworkId')
      .select([
        'c.id',
        'c.workspaceId',
        'c.frameworkId',
        'c.parentId',
        'c.position',
        'c.reference',
        'c.referenceKey',
        'c.titleVi',
        'c.titleEn',
        'c.descriptionVi',
        'c.descriptionEn',
        'c.theme',
        'c.leadOrgId',
        'c.focalUserId',
        'c.status',
        'c.progress',
        'c.weight',
        'c.startDate',
        'c.targetDate',
        'c.targetGroups',
        'c.version',
        'c.archived',
        'c.leadOrgKey',
        'c.createdAt',
        'c.updatedAt',
        'f.code as frameworkCode',
        'f.titleVi as frameworkTitleVi',
        'f.titleEn as frameworkTitleEn',
      ])
      .select((eb) => [
        jsonObjectFrom(
          eb
            .selectFrom('Commitment as p')
            .select(['p.id', 'p.reference', 'p.titleVi', 'p.titleEn'])
            .whereRef('p.id', '=', 'c.parentId'),
        ).as('parent'),
        jsonObjectFrom(
          eb
            .selectFrom('User as u')
            .select(['u.id', 'u.displayName'])
            .whereRef('u.id', '=', 'c.focalUserId'),
        ).as('focalUser'),
        jsonArrayFrom(
          eb
            .selectFrom('CommitmentCoOrganization as co')
            .select('co.organizationId')
            .whereRef('co.commitmentId', '=', 'c.id')
            .orderBy('co.organizationId'),
        ).as('coOrganizations'),
        jsonArrayFrom(
          eb
            .selectFrom('Commitment as child')
            .select([
              'child.id',
              'child.reference',
              'child.titleVi',
              'child.titleEn',
              'child.status',
              'child.progress',
              'child.activeChildren',
              'child.leadOrgId',
            ])
            .whereRef('child.parentId', '=', 'c.id')
            .where('child.archived', '=', false)
            .orderBy('child.position')
            .orderBy('child.referenceKey')
            .orderBy('child.id'),
        ).as('children'),
        alignments(eb, 'outgoing').as('alignmentsFrom'),
        alignments(eb, 'incoming').as('alignmentsTo'),
      ])
      .where('c.id', '=', a.id)
      .where('c.workspaceId', '=', a.workspaceId),
  );
}

type DetailResult =
  ReturnType<ReturnType<typeof commitmentDetailQuery>> extends CompiledQuery<infer R> ? R : never;

/** A row of `commitmentDetailQuery` in the shape of the commitment's other reads. */
export function toCommitmentDetail(row: DetailResult | undefined): CommitmentDetailRow | null {
  if (!row) return null;
  const {
    frameworkCode,
    frameworkTitleVi,
    frameworkTitleEn,
    alignmentsFrom,
    alignmentsTo,
    ...commitment
  } = row;
  const other = (a: (typeof alignmentsFrom)[number]): AlignedCommitment => ({
    id: a.otherId,
    frameworkId: a.otherFrameworkId,
    reference: a.otherReference,
    titleVi: a.otherTitleVi,
    titleEn: a.otherTitleEn,
    framework: { code: a.otherFrameworkCode },
  });
  return {
    ...commitment,
    framework: {
      id: commitment.frameworkId,
      code: frameworkCode,
      titleVi: frameworkTitleVi,
      titleEn: frameworkTitleEn,
    },
    _count: { children: commitment.children.length },
    alignmentsFrom: alignmentsFrom.map((a) => ({ ...note(a), target: other(a) })),
    alignmentsTo: alignmentsTo.map((a) => ({ ...note(a), source: other(a) })),
  };
}

function note(a: { id: string; noteVi: string | null; noteEn: string | null }) {
  return { id: a.id, noteVi: a.noteVi, noteEn: a.noteEn };
}

/** `{ vi, en }` of two text columns, as a record `row_to_json` writes as an object. */
export const localizedSql = (vi: string, en: string) =>
  `(SELECT t FROM (SELECT ${vi} AS vi, ${en} AS en) t)`;

/**
 * A `timestamp` column (UTC, as Prisma writes it) as the text `Date.toISOString()` gives:
 * `2026-03-01T08:15:00.500Z`.
 */
export const isoTimestampSql = (column: string) =>
  `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The same detail as the JSON text of `CommitmentDetailDto`, built by PostgreSQL in the shape
 * `CommitmentsService.toDetailDto` gives (commitment-detail-json.spec.ts holds the two together),
 * to be sent as it is; with the version, for the ETag. Parameters: the workspace, the
 * commitment, and today's date (for `overdue`). `row_to_json` writes compact JSON and escapes
 * strings as JSON.stringify does; arrays are joined by hand since `json_agg` adds spaces.
 */
export const COMMITMENT_DETAIL_JSON = `
  SELECT c.version, row_to_json(detail)::text AS json
  FROM "Commitment" c
  JOIN "Framework" f ON f.id = c."frameworkId"
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n, ('[' || COALESCE(string_agg(row_to_json(item)::text, ','
      ORDER BY child.position, child."referenceKey", child.id), '') || ']')::json AS items
    FROM "Commitment" child
    CROSS JOIN LATERAL (SELECT child.id, child.reference,
      ${localizedSql('child."titleVi"', 'child."titleEn"')} AS title, child.status::text AS status,
      CASE WHEN child."activeChildren" = 0 AND child."leadOrgId" IS NOT NULL
        THEN child.status::text END AS "trackedStatus",
      child.progress, child."activeChildren" AS "childCount") item
    WHERE child."parentId" = c.id AND child.archived = false
  ) children
  CROSS JOIN LATERAL (
    SELECT ('[' || COALESCE(string_agg(row_to_json(item)::text, ','
      ORDER BY a.outgoing DESC, a."createdAt", a.id), '') || ']')::json AS items
    FROM (
      SELECT al.id, al."noteVi", al."noteEn", al."createdAt", true AS outgoing, al."targetId" AS other
      FROM "Alignment" al WHERE al."sourceId" = c.id
      UNION ALL
      SELECT al.id, al."noteVi", al."noteEn", al."createdAt", false, al."sourceId"
      FROM "Alignment" al WHERE al."targetId" = c.id
    ) a
    JOIN "Commitment" o ON o.id = a.other
    JOIN "Framework" of ON of.id = o."frameworkId"
    CROSS JOIN LATERAL (SELECT a.id,
      CASE WHEN a.outgoing THEN 'OUTGOING' ELSE 'INCOMING' END AS direction,
      CASE WHEN a."noteVi" IS NOT NULL OR a."noteEn" IS NOT NULL
        THEN ${localizedSql(`COALESCE(a."noteVi", '')`, `COALESCE(a."noteEn", '')`)} END AS note,
      (SELECT r FROM (SELECT o.id, o."frameworkId", of.code AS "frameworkCode", o.reference,
        ${localizedSql('o."titleVi"', 'o."titleEn"')} AS title) r) AS commitment) item
  ) alignments
  CROSS JOIN LATERAL (SELECT c.id, c."frameworkId", f.code AS "frameworkCode", c."parentId",
    c.reference, ${localizedSql('c."titleVi"', 'c."titleEn"')} AS title,
    CASE WHEN c."descriptionVi" IS NOT NULL OR c."descriptionEn" IS NOT NULL
      THEN ${localizedSql(`COALESCE(c."descriptionVi", '')`, `COALESCE(c."descriptionEn", '')`)}
    END AS description,
    c.theme::text AS theme, c.status::text AS status,
    CASE WHEN children.n = 0 AND c."leadOrgId" IS NOT NULL THEN c.status::text END AS "trackedStatus",
    c.progress, c.weight, c."leadOrgId",
    ARRAY(SELECT co."organizationId" FROM "CommitmentCoOrganization" co
          WHERE co."commitmentId" = c.id ORDER BY co."organizationId") AS "coOrgIds",
    c."focalUserId", c."targetGroups"::text[] AS "targetGroups",
    to_char(c."startDate", 'YYYY-MM-DD') AS "startDate",
    to_char(c."targetDate", 'YYYY-MM-DD') AS "targetDate",
    c.archived, c.version,
    (c."targetDate" IS NOT NULL AND c."targetDate" < $3::date
      AND c.status NOT IN ('COMPLETED', 'DISCONTINUED')) AS overdue,
    children.n AS "childCount",
    ${isoTimestampSql('c."updatedAt"')} AS "updatedAt",
    (SELECT r FROM (SELECT f.id, f.code, ${localizedSql('f."titleVi"', 'f."titleEn"')} AS title) r)
      AS framework,
    (SELECT r FROM (SELECT p.id, p.reference, ${localizedSql('p."titleVi"', 'p."titleEn"')} AS title
      FROM "Commitment" p WHERE p.id = c."parentId") r) AS parent,
    children.items AS children,
    alignments.items AS alignments,
    (SELECT r FROM (SELECT u.id, u."displayName" FROM "User" u WHERE u.id = c."focalUserId") r)
      AS "focalUser") detail
  WHERE c.id = $2::uuid AND c."workspaceId" = $1::uuid`;
