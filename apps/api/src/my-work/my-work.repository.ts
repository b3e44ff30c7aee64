import { Injectable } from '@nestjs/common';
import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { KyselyService } from '../database/kysely.service';
import type { DB } from '../generated/kysely/database';
import type { UpdateState } from '../generated/kysely/enums';
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

@Injectable()
export class MyWorkRepository {
  constructor(private readonly db: KyselyService) {}

  /**
   * The report sections of "My work" in one statement: the caller's RETURNED reports (latest
   * decision first) and DRAFTs (latest change first), and, for someone who may decide reports,
   * the SUBMITTED reports of others (oldest first: four eyes, never their own).
   */
  reportSections(workspaceId: string, userId: string, mayDecide: boolean) {
    return this.reportSectionsQuery(workspaceId, userId, mayDecide).executeTakeFirstOrThrow();
  }

  /** The statement of `reportSections`, exposed for the plan checks of the test suite. */
  reportSectionsQuery(workspaceId: string, userId: string, mayDecide: boolean) {
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
      ]);
  }
}
