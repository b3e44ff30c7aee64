// API shapes, named for the app: aliases of the schemas generated from the API's OpenAPI
// document (packages/contracts/src/openapi.ts, `npm run openapi`). Do not hand-write API types.
import type { components } from '@spct/contracts';

type Schemas = components['schemas'];

export type Translatable = Schemas['LocalizedText'];
export type Workspace = Schemas['WorkspaceDto'];
export type Organization = Schemas['OrganizationDto'];
export type Framework = Schemas['FrameworkDto'];
export type FrameworkDetail = Schemas['FrameworkDetailDto'];
export type TreeNode = Schemas['CommitmentNodeDto'];
export type Commitment = Schemas['CommitmentDto'];
export type CommitmentDetail = Schemas['CommitmentDetailDto'];
export type ProgressUpdate = Schemas['ProgressUpdateDto'];
export type Indicator = Schemas['IndicatorDto'];
export type Comment = Schemas['CommentDto'];
export type Position = Schemas['PositionDto'];
export type UpdateCommentBody = Schemas['UpdateCommentDto'];
export type CreateCommentBody = Schemas['CreateCommentDto'];
export type RecordPositionBody = Schemas['RecordPositionDto'];
export type Evidence = Schemas['EvidenceDto'];
export type MyWork = Schemas['MyWorkDto'];
export type MyWorkReport = Schemas['MyWorkReportDto'];
export type DashboardSummary = Schemas['DashboardSummaryDto'];
export type StatusCounts = Schemas['StatusCountsDto'];
export type OrganizationSlice = Schemas['OrganizationSliceDto'];
export type PositionCounts = Schemas['PositionCountsDto'];
export type Disagreement = Schemas['DisagreementDto'];
export type TrendPeriod = Schemas['TrendPeriodDto'];
export type AttentionItem = Schemas['AttentionItemDto'];
export type ReportingCalendar = Schemas['ReportingCalendarDto'];
export type UpdateReportingCalendarBody = Schemas['UpdateReportingCalendarDto'];
export type PeriodReport = Schemas['PeriodReportDto'];
export type CreatePeriodReportBody = Schemas['CreatePeriodReportDto'];
export type ReportingPeriod = Schemas['ReportingPeriodDto'];
export type Compliance = Schemas['ComplianceDto'];
export type ComplianceCounts = Schemas['ComplianceCountsDto'];
export type Notification = Schemas['NotificationDto'];
export type ImportJob = Schemas['ImportDto'];
export type ImportSummary = Schemas['ImportSummaryDto'];
export type ImportRow = Schemas['ImportRowDto'];
export type ImportSheet = Schemas['ImportSheetDto'];

/** Every list answer of the API. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The error body every API failure has (`{ statusCode, error, message, details? }`). */
export type ApiErrorBody = Schemas['ApiErrorDto'];

export type Me = Schemas['MeDto'];
export type Membership = Schemas['MembershipDto'];

export type UpdateMeBody = Schemas['UpdateMeDto'];
export type ChangePasswordBody = Schemas['ChangePasswordDto'];
export type ApiToken = Schemas['ApiTokenDto'];
export type CreateApiTokenBody = Schemas['CreateApiTokenDto'];
export type CreatedApiToken = Schemas['CreatedApiTokenDto'];
export type PasswordTokenInfo = Schemas['PasswordTokenInfoDto'];
export type SetPasswordBody = Schemas['SetPasswordDto'];
export type CreateWorkspaceBody = Schemas['CreateWorkspaceDto'];
export type Member = Schemas['MemberDto'];
export type InviteMemberBody = Schemas['InviteMemberDto'];
export type Invitation = Schemas['InvitationDto'];
export type UpdateMemberBody = Schemas['UpdateMemberDto'];
export type OrganizationBody = Schemas['CreateOrganizationDto'];
export type FrameworkBody = Schemas['CreateFrameworkDto'];
export type CreateCommitmentBody = Schemas['CreateCommitmentDto'];
export type UpdateCommitmentBody = Schemas['UpdateCommitmentDto'];
export type ActivityEvent = Schemas['ActivityEventDto'];
export type WorkspaceActivityEvent = Schemas['WorkspaceActivityEventDto'];

export type CreateProgressUpdateBody = Schemas['CreateProgressUpdateDto'];
export type UpdateProgressUpdateBody = Schemas['UpdateProgressUpdateDto'];
export type IndicatorValueInput = Schemas['IndicatorValueInput'];
export type Measurement = Schemas['MeasurementDto'];
export type CreateMeasurementBody = Schemas['CreateMeasurementDto'];
export type CreateIndicatorBody = Schemas['CreateIndicatorDto'];
export type NotificationPreferences = Schemas['NotificationPreferencesDto'];
export type UpdateNotificationPreferencesBody = Schemas['UpdateNotificationPreferencesDto'];
export type OutboundEmail = Schemas['OutboundEmailDto'];
