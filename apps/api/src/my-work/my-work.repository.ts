import { Injectable } from '@nestjs/common';
import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { KyselyService } from '../database/kysely.service';
import type { DB } from '../generated/kysely/database';
import type { UpdateState } from '../generated/kysely/enums';
import { isoTimestampSql, localizedSql } from '../commitments/commitment-detail.query';
import { MY_WORK_LIMIT } from './my-work.dto';

/** Whose reports a section lists: the caller's own, or everyone's but the caller's. */
type Authorship = 'own' | 'others';

/**
 * One section of reports: the workspace's reports in `state` on commitments that are not
 * archived, with their commitment and author, in `order`; none when not `shown`.
 */
function reports(
  eb: ExpressionBuilder<DB, never>,
  workspaceId: string,
  userId: string,
  state: UpdateState,
  authorship: Authorship,
  order: { column: 'decidedAt' | 'submittedAt' | 'updatedAt'; direction: 'asc' | 'desc' },
  shown = true,
) {
  return jsonArrayFrom(
    eb
      .selectFrom('ProgressUpdate as r')
      .innerJoin('Commitment as c', 'c.id', 'r.commitmentId')
      .innerJoin('Framework as f', 'f.id', 'c.frameworkId')
      .innerJoin('User as a', 'a.id', 'r.authorId')
      .innerJoin('ReportingPeriod as p', 'p.id', 'r.periodId')
      .select([
        'r.id',
        'p.key as period',
        'r.status',
        'r.progress',
        'r.state',
        'r.returnReason',
        'r.submittedAt',
        'r.decidedAt',
        'r.updatedAt',
        'c.id as commitmentId',
        'c.frameworkId',
        'c.reference',
        'c.titleVi',
        'c.titleEn',
        'f.code as frameworkCode',
        'a.id as authorId',
        'a.displayName as authorName',
      ])
      .where('r.workspaceId', '=', workspaceId)
      .where('r.state', '=', state)
      .where('r.authorId', authorship === 'own' ? '=' : '<>', userId)
      .where('c.archived', '=', false)
      .orderBy(`r.${order.column}`, order.direction)
      .orderBy('r.id')
      .limit(MY_WORK_LIMIT)
      .$if(!shown, (query) => query.where(sql.lit(false))),
  );
}

/**
 * `reports`' section as the JSON text of a `MyWorkReportDto[]`, built by PostgreSQL in the shape
 * `toReport` gives (my-work-json.spec.ts holds the two together). Parameters: $1 the workspace,
 * $2 the caller, $3 whether the section is shown.
 */
function reportsJson(
  state: UpdateState,
  authorship: Authorship,
  order: { column: 'decidedAt' | 'submittedAt' | 'updatedAt'; direction: 'ASC' | 'DESC' },
  shown: string,
): string {
  const by = `"${order.column}" ${order.direction}`;
  return `(SELECT '[' || COALESCE(string_agg(row_to_json(item)::text, ',' ORDER BY s.${by}, s.id), '') || ']'
    FROM (SELECT r.* FROM "ProgressUpdate" r JOIN "Commitment" c ON c.id = r."commitmentId"
          WHERE r."workspaceId" = $1::uuid AND r.state = '${state}'
            AND r."authorId" ${authorship === 'own' ? '=' : '<>'} $2::uuid
            AND c.archived = false AND ${shown}
          ORDER BY r.${by}, r.id LIMIT ${MY_WORK_LIMIT}) s
    JOIN "Commitment" c ON c.id = s."commitmentId"
    JOIN "Framework" f ON f.id = c."frameworkId"
    JOIN "User" a ON a.id = s."authorId"
    JOIN "ReportingPeriod" p ON p.id = s."periodId"
    CROSS JOIN LATERAL (SELECT s.id,
      (SELECT t FROM (SELECT c.id, c."frameworkId", f.code AS "frameworkCode", c.reference,
        ${localizedSql('c."titleVi"', 'c."titleEn"')} AS title) t) AS commitment,
      (SELECT t FROM (SELECT a.id, a."displayName") t) AS author,
      p.key AS period, s.status::text AS status, s.progress, s.state::text AS state,
      s."returnReason", ${isoTimestampSql('s."submittedAt"')} AS "submittedAt",
      ${isoTimestampSql('s."decidedAt"')} AS "decidedAt",
      ${isoTimestampSql('s."updatedAt"')} AS "updatedAt") item)`;
}

/** `reportSections` as the JSON text of each section (exposed for the plan checks of the tests). */
export const REPORT_SECTIONS_JSON = `SELECT
  ${reportsJson('RETURNED', 'own', { column: 'decidedAt', direction: 'DESC' }, 'true')} AS returned,
  ${reportsJson('DRAFT', 'own', { column: 'updatedAt', direction: 'DESC' }, 'true')} AS drafts,
  ${reportsJson('SUBMITTED', 'others', { column: 'submittedAt', direction: 'ASC' }, '$3::boolean')} AS awaiting`;

@Injectable()
export class MyWorkRepository {
  constructor(private readonly db: KyselyService) {}

  /**
   * The report sections of "My work" in one statement: the caller's RETURNED reports (latest
   * decision first) and DRAFTs (latest change first), and, for someone who may decide reports,
   * the SUBMITTED reports of others (oldest first: four eyes, never their own).
   */
  reportSections(workspaceId: string, userId: string, mayDecide: boolean) {
    return this.db
      .selectNoFrom((eb) => [
        reports(eb, workspaceId, userId, 'RETURNED', 'own', {
          column: 'decidedAt',
          direction: 'desc',
        }).as('returned'),
        reports(eb, workspaceId, userId, 'DRAFT', 'own', {
          column: 'updatedAt',
          direction: 'desc',
        }).as('drafts'),
        reports(
          eb,
          workspaceId,
          userId,
          'SUBMITTED',
          'others',
          { column: 'submittedAt', direction: 'asc' },
          mayDecide,
        ).as('awaiting'),
      ])
      .executeTakeFirstOrThrow();
  }

  /**
   * What `reportSections` reads, as the JSON text of each section built by PostgreSQL; a named
   * statement, planned once per connection (planning it costs more than running it).
   */
  async reportSectionsJson(
    workspaceId: string,
    userId: string,
    mayDecide: boolean,
  ): Promise<{ returned: string; drafts: string; awaiting: string }> {
    const [row] = await this.db.namedRows<{ returned: string; drafts: string; awaiting: string }>(
      { text: REPORT_SECTIONS_JSON, values: [workspaceId, userId, mayDecide] },
      'my-work-report-sections-json',
    );
    return row!;
  }
}
