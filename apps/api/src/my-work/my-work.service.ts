import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { localized } from '../common/localized';
import { mayAttempt } from '@spct/contracts';
import { type MyWorkDto, type MyWorkReportDto } from './my-work.dto';
import { MyWorkRepository, type ReportRow } from './my-work.repository';

/** How many items each section of "My work" shows at most. */
export const MY_WORK_LIMIT = 50;

@Injectable()
export class MyWorkService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly repository: MyWorkRepository,
  ) {}

  async get(member: WorkspaceActor): Promise<MyWorkDto> {
    const { workspaceId, userId } = member;
    const [dueCommitments, returned, awaiting, drafts] = await Promise.all([
      member.organizationId
        ? this.commitments.firstPage(
            member,
            { needsUpdate: true, involvingOrgId: member.organizationId },
            // Earliest target date first: the most overdue lead; no target date comes last.
            'targetDate',
            MY_WORK_LIMIT,
          )
        : [],
      this.repository.reports(
        workspaceId,
        'RETURNED',
        { authorId: userId },
        [{ decidedAt: 'desc' }, { id: 'asc' }],
        MY_WORK_LIMIT,
      ),
      mayAttempt(member.role, 'update.decide')
        ? this.repository.reports(
            workspaceId,
            'SUBMITTED',
            { notAuthorId: userId },
            [{ submittedAt: 'asc' }, { id: 'asc' }],
            MY_WORK_LIMIT,
          )
        : [],
      this.repository.reports(
        workspaceId,
        'DRAFT',
        { authorId: userId },
        [{ updatedAt: 'desc' }, { id: 'asc' }],
        MY_WORK_LIMIT,
      ),
    ]);
    return {
      dueCommitments,
      returnedUpdates: returned.map(toReport),
      // The query leaves out the caller's own reports: four eyes.
      awaitingApproval: awaiting.map(toReport),
      drafts: drafts.map(toReport),
    };
  }
}

function toReport(row: ReportRow): MyWorkReportDto {
  const { commitment } = row;
  return {
    id: row.id,
    commitment: {
      id: commitment.id,
      frameworkId: commitment.frameworkId,
      frameworkCode: commitment.framework.code,
      reference: commitment.reference,
      title: localized(commitment.titleVi, commitment.titleEn),
    },
    author: row.author,
    period: row.period,
    status: row.status,
    progress: row.progress,
    state: row.state,
    returnReason: row.returnReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
