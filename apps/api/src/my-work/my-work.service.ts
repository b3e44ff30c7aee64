import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { jsonText, type JsonText } from '../common/json-text';
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

  /**
   * What `get` answers, as JSON text built by PostgreSQL (the list's items and each report
   * section) and sent as it is; the same two statements.
   */
  async getJson(member: WorkspaceActor): Promise<JsonText<MyWorkDto>> {
    const [due, reports] = await Promise.all([
      member.organizationId
        ? this.commitments.firstPageJson(
            member,
            { needsUpdate: true, involvingOrgId: member.organizationId },
            'targetDate',
            MY_WORK_LIMIT,
          )
        : '[]',
      this.repository.reportSectionsJson(
        member.workspaceId,
        member.userId,
        mayAttempt(member.role, 'update.decide'),
      ),
    ]);
    return jsonText(
      `{"dueCommitments":${due},"returnedUpdates":${reports.returned},` +
        `"awaitingApproval":${reports.awaiting},"drafts":${reports.drafts}}`,
    );
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
