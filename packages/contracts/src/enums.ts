// Domain enumerations shared by the API and the web app. The API checks at test time that
// these lists equal the database enums of prisma/schema.prisma.

export const CONSTITUENCIES = [
  'GOVERNMENT',
  'WORKERS',
  'EMPLOYERS',
  'INTERNATIONAL',
  'OTHER',
] as const;
export type Constituency = (typeof CONSTITUENCIES)[number];

export const ROLES = ['ADMIN', 'MANAGER', 'EDITOR', 'PARTNER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const COMMITMENT_STATUSES = [
  'NOT_STARTED',
  'ON_TRACK',
  'AT_RISK',
  'OFF_TRACK',
  'COMPLETED',
  'DISCONTINUED',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const THEMES = [
  'EMPLOYMENT',
  'WORKER_PROTECTION',
  'SOCIAL_PROTECTION',
  'SOCIAL_DIALOGUE',
  'SKILLS',
  'GENDER_EQUALITY',
  'HEALTH',
  'ENTERPRISES',
  'GOVERNANCE',
  'INTERNATIONAL_COOPERATION',
] as const;
export type Theme = (typeof THEMES)[number];

export const TARGET_GROUPS = [
  'WOMEN',
  'PERSONS_WITH_DISABILITIES',
  'ETHNIC_MINORITIES',
  'INFORMAL_WORKERS',
  'MIGRANT_WORKERS',
  'YOUTH',
  'OLDER_PERSONS',
  'CHILDREN',
  'POOR_HOUSEHOLDS',
  'RURAL_WORKERS',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const UPDATE_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

export const INDICATOR_DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const EVIDENCE_KINDS = ['LINK', 'FILE'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const STANCES = ['SUPPORT', 'CONCERN', 'QUESTION'] as const;
export type Stance = (typeof STANCES)[number];

export const POSITION_KINDS = ['AGREE', 'RESERVATION', 'DISAGREE'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** Sort keys of the commitments list; a leading "-" sorts descending. */
export const COMMITMENT_SORTS = [
  'reference',
  '-reference',
  'progress',
  '-progress',
  'targetDate',
  '-targetDate',
  'updatedAt',
  '-updatedAt',
  'status',
  '-status',
  'leadOrg',
  '-leadOrg',
] as const;
export type CommitmentSort = (typeof COMMITMENT_SORTS)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * What needs a manager's attention among the trackable items (the dashboard's attention lists
 * and the list's `attention` filter): AT_RISK or OFF_TRACK; past the target date and not done;
 * needing a progress report; with a report waiting for a decision; with an indicator off its
 * trajectory; where the organizations' positions differ.
 */
export const ATTENTION_KINDS = [
  'off-track',
  'overdue',
  'stale',
  'pending',
  'indicators',
  'disagreement',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** The filter value that selects commitments without a lead organization (or theme). */
export const NONE = 'none';

export const TREND_GRANULARITIES = ['quarter', 'month'] as const;
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];

/** How often a workspace's trackable items report: a period per month, quarter, half or year. */
export const REPORTING_CADENCES = ['MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];

/** A CLOSED reporting period takes no new reports until an administrator reopens it. */
export const PERIOD_STATES = ['OPEN', 'CLOSED'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

/** What an inbox entry is about. */
export const NOTIFICATION_KINDS = [
  'REPORT_SUBMITTED',
  'REPORT_RETURNED',
  'REPORT_APPROVED',
  'MENTION',
  'COMMENT',
  'POSITION',
  'STATUS_ALERT',
  'REPORT_REMINDER',
  'REPORT_OVERDUE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds about activity on followed items: their e-mail goes in the digest (issue 12). */
export const ACTIVITY_NOTIFICATION_KINDS = [
  'COMMENT',
  'POSITION',
  'STATUS_ALERT',
] as const satisfies readonly NotificationKind[];

/** When e-mail about activity on followed items goes out. */
export const EMAIL_DIGEST_MODES = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER'] as const;
export type EmailDigestMode = (typeof EMAIL_DIGEST_MODES)[number];

/** An outgoing e-mail: PENDING (to send or retry), SENT, NOT_SENT (no mail server configured). */
export const EMAIL_STATES = ['PENDING', 'SENT', 'NOT_SENT', 'FAILED'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];
