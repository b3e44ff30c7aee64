import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { localized } from '../common/localized';
import { fromJsonTimestamp } from '../database/json-values';
import { mayAttempt } from '@spct/contracts';
import { MY_WORK_LIMIT, type MyWorkDto, type MyWorkReportDto } from './my-work.dto';
import { MyWorkRepository } from './my-work.repository';

type ReportRow = Awaited<ReturnType<MyWorkRepository['reportSections']>>['drafts'][number];

@Injectable()
export class MyWorkService {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly repository: MyWorkRepository,
  ) {}

  /** Two statements besides authentication: the due commitments, and every report section. */
  async get(member: WorkspaceActor): Promise<MyWorkDto> {
    const [dueCommitments, reports] = await Promise.all([
      member.organizationId
        ? this.commitments.firstPage(
            member,
            { needsUpdate: true, involvingOrgId: member.organizationId },
            // Earliest target date first: the most overdue lead; no target date comes last.
            'targetDate',
            MY_WORK_LIMIT,
          )
        : [],
      this.repository.reportSections(
        member.workspaceId,
        member.userId,
        mayAttempt(member.role, 'update.decide'),
      ),
    ]);
    return {
      dueCommitments,
      returnedUpdates: reports.returned.map(toReport),
      awaitingApproval: reports.awaiting.map(toReport),
      drafts: reports.drafts.map(toReport),
    };
  }
}

function toReport(row: ReportRow): MyWorkReportDto {
  return {
    id: row.id,
    commitment: {
      id: row.commitmentId,
      frameworkId: row.frameworkId,
      frameworkCode: row.frameworkCode,
      reference: row.reference,
      title: localized(row.titleVi, row.titleEn),
    },
    author: { id: row.authorId, displayName: row.authorName },
    period: row.period,
    status: row.status,
    progress: row.progress,
    state: row.state,
    returnReason: row.returnReason,
    submittedAt: row.submittedAt === null ? null : fromJsonTimestamp(row.submittedAt),
    decidedAt: row.decidedAt === null ? null : fromJsonTimestamp(row.decidedAt),
    updatedAt: fromJsonTimestamp(row.updatedAt),
  };
}
