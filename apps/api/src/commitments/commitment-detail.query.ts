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
            .orderBy('child.referenceKey'),
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
