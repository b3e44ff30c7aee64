import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { FILE_STORAGE, type FileStorage } from '../../src/storage/file-storage';
import { MultipartForm } from '../multipart-form';
import type { TestApp } from '../test-app';
import type { DemoIds } from './demo-ids';
import { quarterId } from '../periods';

/** What the access tests need to call one workspace route for real. */
export interface RouteCase {
  /**
   * Values for the route's parameters other than `:slug`, aimed at the demo workspace. `own`
   * selects records of the demo EDITOR's organization (MOLISA); `other` records of another.
   * May create what the request consumes (a fresh report to approve, say).
   */
  params?: (ctx: CaseContext) => Promise<Record<string, string>> | Record<string, string>;
  /** A valid body, so that a refusal can only come from authorization. */
  body?: (ctx: CaseContext) => unknown;
  /** Request headers a valid call needs (If-Match). */
  headers?: Record<string, string>;
  /** Query parameters a valid call needs (`kind=…`). */
  query?: Record<string, string>;
}

export interface CaseContext {
  t: TestApp;
  ids: DemoIds;
  /**
   * Which records to aim at: `own` — the caller's organization's (for commitments: MOLISA's, the
   * demo EDITOR's) or, for deciding a report, one the caller wrote; `other` — anyone else's.
   */
  scope: 'own' | 'other';
  /** The caller. */
  persona: { userId: string; organizationId: string | null };
}

const commitment = ({ ids, scope }: CaseContext) =>
  scope === 'own' ? ids.ownCommitmentId : ids.otherCommitmentId;

/** The lead organization for scope `own` (MOLISA) or `other` (VGCL). */
const leadOrganization = ({ ids, scope }: CaseContext) =>
  scope === 'own' ? ids.organizationIds.MOLISA! : ids.organizationIds.VGCL!;

/** A fresh top-level commitment (version 1) led by MOLISA (`own`) or VGCL (`other`). */
async function freshCommitment(ctx: CaseContext, archived = false) {
  const created = await ctx.t.prisma.commitment.create({
    data: {
      workspaceId: ctx.ids.workspaceId,
      frameworkId: ctx.ids.frameworkId,
      reference: `T-${randomUUID().slice(0, 8)}`,
      titleVi: 'Cam kết để kiểm tra quyền',
      titleEn: 'Commitment for the access tests',
      leadOrgId: leadOrganization(ctx),
      archived,
    },
  });
  return { id: created.id };
}

/** Someone other than the caller, to author the records aimed at with scope `other`. */
const someoneElse = ({ ids, persona }: CaseContext) =>
  persona.userId === ids.userIds.manager ? ids.userIds.admin! : ids.userIds.manager!;

/** A fresh comment on the MOLISA commitment: the caller's (`own`) or someone else's. */
async function freshComment(ctx: CaseContext) {
  const comment = await ctx.t.prisma.comment.create({
    data: {
      workspaceId: ctx.ids.workspaceId,
      commitmentId: ctx.ids.ownCommitmentId,
      authorId: ctx.scope === 'own' ? ctx.persona.userId : someoneElse(ctx),
      body: 'Bình luận để kiểm tra quyền',
    },
  });
  return { commitmentId: ctx.ids.ownCommitmentId, commentId: comment.id };
}

/**
 * A fresh progress report in `state` on a fresh MOLISA commitment: written by the caller (`own`)
 * or by someone else (`other`).
 */
async function freshUpdate(ctx: CaseContext, state: 'DRAFT' | 'SUBMITTED') {
  // A commitment of its own (MOLISA's): one approved report per commitment and period.
  const commitmentId = (await freshCommitment({ ...ctx, scope: 'own' })).id;
  const update = await ctx.t.prisma.progressUpdate.create({
    data: {
      workspaceId: ctx.ids.workspaceId,
      commitmentId,
      authorId: ctx.scope === 'own' ? ctx.persona.userId : someoneElse(ctx),
      periodId: await quarterId(ctx.t.prisma, ctx.ids.workspaceId, '2026-Q4'),
      status: 'ON_TRACK',
      progress: 45,
      narrative: 'Báo cáo để kiểm tra quyền',
      state,
      submittedAt: state === 'SUBMITTED' ? new Date() : null,
    },
  });
  return { commitmentId, updateId: update.id };
}

/** A fresh indicator on the MOLISA commitment (`own`) or on another organization's. */
async function freshIndicator(ctx: CaseContext) {
  const commitmentId = commitment(ctx);
  const indicator = await ctx.t.prisma.indicator.create({
    data: {
      workspaceId: ctx.ids.workspaceId,
      commitmentId,
      nameVi: 'Tỷ lệ bao phủ',
      nameEn: 'Coverage rate',
      unitVi: '%',
      unitEn: '%',
      direction: 'INCREASE',
      baselineValue: 30,
      baselineYear: 2021,
      targetValue: 60,
      targetYear: 2030,
    },
  });
  return { commitmentId, indicatorId: indicator.id };
}

const INDICATOR_BODY = {
  name: { vi: 'Số người tham gia BHXH tự nguyện', en: 'Voluntary social insurance members' },
  unit: { vi: 'người', en: 'people' },
  direction: 'INCREASE',
  baseline: { value: 1000, year: 2021 },
  target: { value: 5000, year: 2030 },
};

/**
 * A fresh evidence file on the MOLISA commitment (`own`: uploaded by the caller), stored for real
 * through the app's FileStorage, as an upload would be.
 */
async function freshEvidenceFile(ctx: CaseContext) {
  const { t, ids } = ctx;
  const storageKey = `${ids.workspaceId}/${randomUUID()}`;
  const stored = await t.app
    .get<symbol, FileStorage>(FILE_STORAGE)
    .put(storageKey, Readable.from([Buffer.from('%PDF-1.4\n% access test\n')]));
  const evidence = await t.prisma.evidence.create({
    data: {
      workspaceId: ids.workspaceId,
      commitmentId: ids.ownCommitmentId,
      kind: 'FILE',
      title: 'Báo cáo kiểm tra',
      fileName: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey,
      uploadedById: ctx.scope === 'own' ? ctx.persona.userId : someoneElse(ctx),
    },
  });
  return { commitmentId: ids.ownCommitmentId, evidenceId: evidence.id };
}

const LINK_EVIDENCE = {
  kind: 'LINK',
  url: 'https://thuvienphapluat.vn/van-ban/Bao-hiem/Luat-Bao-hiem-xa-hoi-2024-41-2024-QH15.aspx',
  title: 'Luật Bảo hiểm xã hội 2024',
};

/** The caller's organization (`own`; MOLISA for a caller without one) or another one. */
function positionOrganization({ ids, scope, persona }: CaseContext): string {
  const own = persona.organizationId ?? ids.organizationIds.MOLISA!;
  if (scope === 'own') return own;
  return Object.values(ids.organizationIds).find((id) => id !== own)!;
}

/** A fresh member of the demo workspace without a password (a VIEWER, no organization). */
async function freshMember({ t, ids }: CaseContext) {
  const user = await t.prisma.user.create({
    data: { email: `member-${randomUUID()}@example.org`, displayName: 'Thành viên thử' },
  });
  const membership = await t.prisma.membership.create({
    data: { userId: user.id, workspaceId: ids.workspaceId, role: 'VIEWER' },
  });
  return { id: membership.id };
}

/** A fresh organization of the demo workspace that nothing refers to. */
async function freshOrganization({ t, ids }: CaseContext) {
  const organization = await t.prisma.organization.create({
    data: {
      workspaceId: ids.workspaceId,
      shortName: `ORG-${randomUUID().slice(0, 8)}`,
      nameVi: 'Tổ chức thử',
      nameEn: 'Test organization',
      constituency: 'OTHER',
    },
  });
  return { id: organization.id };
}

/** A fresh framework (version 1) of the demo workspace. */
async function freshFramework({ t, ids }: CaseContext) {
  const framework = await t.prisma.framework.create({
    data: {
      workspaceId: ids.workspaceId,
      code: `FW-${randomUUID().slice(0, 8)}`,
      titleVi: 'Khung thử',
      titleEn: 'Test framework',
    },
  });
  return { id: framework.id };
}

/** A one-row CSV of a new MOLISA commitment, as an import upload. */
function importForm(): MultipartForm {
  const csv =
    '\uFEFFframework,reference,title_vi,title_en,lead_organization\n' +
    `NQ-42,I-${randomUUID().slice(0, 8)},Cam kết nhập,Imported commitment,MOLISA\n`;
  return new MultipartForm([
    { name: 'file', filename: 'cam-ket.csv', type: 'text/csv', data: Buffer.from(csv) },
  ]);
}

/** A fresh dry run without rows: the caller's (`own`) or someone else's. */
async function freshImport(ctx: CaseContext) {
  const job = await ctx.t.prisma.importJob.create({
    data: {
      workspaceId: ctx.ids.workspaceId,
      createdById: ctx.scope === 'own' ? ctx.persona.userId : someoneElse(ctx),
      fileName: 'cam-ket.xlsx',
      format: 'xlsx',
      mapping: [],
      rows: { source: [], planned: [] },
      total: 0,
      creates: 0,
      updates: 0,
      unchanged: 0,
      errors: 0,
    },
  });
  return { id: job.id };
}

/** A fresh period report, generated already: its PDF is in the file storage. */
async function freshPeriodReport({ t, ids }: CaseContext) {
  const id = randomUUID();
  const storageKey = `period-reports/${ids.workspaceId}/${id}.pdf`;
  const stored = await t.app
    .get<symbol, FileStorage>(FILE_STORAGE)
    .put(storageKey, Readable.from([Buffer.from('%PDF-1.7\n% access test\n')]));
  await t.prisma.periodReport.create({
    data: {
      id,
      workspaceId: ids.workspaceId,
      startsOn: new Date('2026-10-01'),
      endsOn: new Date('2026-12-31'),
      filters: { frameworkId: [], leadOrgId: [], theme: [], targetGroup: [] },
      language: 'vi',
      state: 'SUCCEEDED',
      storageKey,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      items: 0,
    },
  });
  return { id };
}

/** A fresh inbox entry of the caller, in the demo workspace. */
async function freshNotification({ t, ids, persona }: CaseContext) {
  const notification = await t.prisma.notification.create({
    data: {
      workspaceId: ids.workspaceId,
      userId: persona.userId,
      kind: 'REPORT_SUBMITTED',
      commitmentId: ids.ownCommitmentId,
    },
  });
  return { id: notification.id };
}

/** A fresh reporting period of the demo workspace, OPEN or CLOSED. */
async function freshPeriod({ t, ids }: CaseContext, state: 'OPEN' | 'CLOSED') {
  const period = await t.prisma.reportingPeriod.create({
    data: {
      workspaceId: ids.workspaceId,
      key: `T-${randomUUID().slice(0, 8)}`,
      startsOn: new Date('2020-01-01'),
      endsOn: new Date('2020-03-31'),
      dueOn: new Date('2020-04-15'),
      state,
    },
  });
  return { id: period.id };
}

/**
 * Every route under /api/workspaces/:slug, keyed `METHOD pattern` exactly as registered. The
 * route inventory test fails when a registered route is missing here, so each new route gets
 * the cross-workspace and permission checks.
 */
export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/workspaces/:slug/frameworks': {},
  'GET /api/workspaces/:slug/frameworks/:id': { params: ({ ids }) => ({ id: ids.frameworkId }) },
  'GET /api/workspaces/:slug/organizations': {},
  'GET /api/workspaces/:slug/commitments': {},
  'GET /api/workspaces/:slug/commitments/count': { query: { q: 'an sinh' } },
  'POST /api/workspaces/:slug/commitments': {
    body: (ctx) => ({
      frameworkId: ctx.ids.frameworkId,
      reference: `N-${randomUUID().slice(0, 8)}`,
      title: { vi: 'Cam kết mới', en: 'New commitment' },
      leadOrgId: leadOrganization(ctx),
    }),
  },
  'GET /api/workspaces/:slug/commitments/:id': {
    params: (ctx) => ({ id: commitment(ctx) }),
  },
  'PATCH /api/workspaces/:slug/commitments/:id': {
    params: (ctx) => freshCommitment(ctx),
    body: () => ({ weight: 2 }),
    headers: { 'if-match': '"1"' },
  },
  'DELETE /api/workspaces/:slug/commitments/:id': {
    params: (ctx) => freshCommitment(ctx),
  },
  'POST /api/workspaces/:slug/commitments/:id/restore': {
    params: (ctx) => freshCommitment(ctx, true),
  },
  'GET /api/workspaces/:slug/commitments/:id/history': {
    params: (ctx) => ({ id: commitment(ctx) }),
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/updates': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/updates': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
    body: () => ({ period: '2026-Q4', status: 'ON_TRACK', progress: 40, narrative: 'Tiến độ tốt' }),
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId': {
    params: (ctx) => freshUpdate(ctx, 'DRAFT'),
  },
  'PATCH /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId': {
    params: (ctx) => freshUpdate(ctx, 'DRAFT'),
    body: () => ({ progress: 50 }),
    headers: { 'if-match': '"1"' },
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/submit': {
    params: (ctx) => freshUpdate(ctx, 'DRAFT'),
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/approve': {
    params: (ctx) => freshUpdate(ctx, 'SUBMITTED'),
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/return': {
    params: (ctx) => freshUpdate(ctx, 'SUBMITTED'),
    body: () => ({ reason: 'Cần bổ sung số liệu' }),
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/indicators': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/indicators': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
    body: () => INDICATOR_BODY,
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId': {
    params: freshIndicator,
  },
  'PATCH /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId': {
    params: freshIndicator,
    body: () => ({ unit: { vi: 'nghìn người', en: 'thousand people' } }),
    headers: { 'if-match': '"1"' },
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId/measurements': {
    params: freshIndicator,
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId/measurements': {
    params: freshIndicator,
    body: () => ({ measuredOn: '2026-06-30', value: 42, source: 'VSS' }),
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/comments': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/comments': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
    body: () => ({ body: 'Chúng tôi ủng hộ cam kết này.', stance: 'SUPPORT' }),
  },
  'PATCH /api/workspaces/:slug/commitments/:commitmentId/comments/:commentId': {
    params: freshComment,
    body: () => ({ body: 'Đã sửa' }),
    headers: { 'if-match': '"1"' },
  },
  'DELETE /api/workspaces/:slug/commitments/:commitmentId/comments/:commentId': {
    params: freshComment,
    headers: { 'if-match': '"1"' },
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/positions': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'PUT /api/workspaces/:slug/commitments/:commitmentId/positions/:organizationId': {
    // A fresh commitment, so that the PUT creates the position (no If-Match needed).
    params: async (ctx) => ({
      commitmentId: (await freshCommitment(ctx)).id,
      organizationId: positionOrganization(ctx),
    }),
    body: () => ({
      position: 'RESERVATION',
      rationale: 'Cần thêm nguồn lực',
      decidedOn: '2026-01-15',
    }),
  },
  'GET /api/workspaces/:slug/exports/commitments.csv': {},
  'GET /api/workspaces/:slug/exports/commitments.xlsx': {},
  'GET /api/workspaces/:slug/exports/indicators.csv': {},
  'GET /api/workspaces/:slug/exports/indicators.xlsx': {},
  'GET /api/workspaces/:slug/exports/reports.csv': { query: { period: '2026-Q4' } },
  'GET /api/workspaces/:slug/exports/reports.xlsx': { query: { period: '2026-Q4' } },
  'GET /api/workspaces/:slug/exports/dashboard.csv': {},
  'GET /api/workspaces/:slug/exports/dashboard.xlsx': {},
  'GET /api/workspaces/:slug/imports/template.xlsx': {},
  'GET /api/workspaces/:slug/imports/template.csv': {},
  'POST /api/workspaces/:slug/imports': { body: importForm },
  'GET /api/workspaces/:slug/imports': {},
  'GET /api/workspaces/:slug/imports/:id': { params: freshImport },
  'POST /api/workspaces/:slug/imports/:id/run': { params: freshImport },
  'GET /api/workspaces/:slug/imports/:id/errors.xlsx': { params: freshImport },
  'POST /api/workspaces/:slug/period-reports': {
    body: () => ({ from: '2026-10-01', to: '2026-12-31', language: 'en' }),
  },
  'GET /api/workspaces/:slug/period-reports': {},
  'GET /api/workspaces/:slug/period-reports/:id': { params: freshPeriodReport },
  'GET /api/workspaces/:slug/period-reports/:id/download': { params: freshPeriodReport },
  'GET /api/workspaces/:slug/my-work': {},
  'GET /api/workspaces/:slug/dashboard/summary': {},
  'GET /api/workspaces/:slug/dashboard/trend': {},
  'GET /api/workspaces/:slug/dashboard/attention': { query: { kind: 'off-track' } },
  'GET /api/workspaces/:slug/commitments/:commitmentId/evidence': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/evidence': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
    body: () => LINK_EVIDENCE,
  },
  'POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/evidence': {
    params: (ctx) => freshUpdate(ctx, 'DRAFT'),
    body: () => LINK_EVIDENCE,
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/evidence/:evidenceId/download': {
    params: freshEvidenceFile,
  },
  'DELETE /api/workspaces/:slug/commitments/:commitmentId/evidence/:evidenceId': {
    params: freshEvidenceFile,
  },
  'GET /api/workspaces/:slug/members': {},
  'GET /api/workspaces/:slug/activity': {},
  'GET /api/workspaces/:slug/sign-in-failures': {},
  'POST /api/workspaces/:slug/members': {
    body: () => ({ email: `invitee-${randomUUID()}@example.org`, role: 'VIEWER' }),
  },
  'PATCH /api/workspaces/:slug/members/:id': {
    params: freshMember,
    body: () => ({ role: 'PARTNER' }),
    headers: { 'if-match': '"1"' },
  },
  'POST /api/workspaces/:slug/members/:id/invitation': { params: freshMember },
  'POST /api/workspaces/:slug/organizations': {
    body: () => ({
      shortName: `NEW-${randomUUID().slice(0, 8)}`,
      name: { vi: 'Tổ chức mới', en: 'New organization' },
      constituency: 'OTHER',
    }),
  },
  'PATCH /api/workspaces/:slug/organizations/:id': {
    params: freshOrganization,
    body: () => ({ constituency: 'WORKERS' }),
    headers: { 'if-match': '"1"' },
  },
  'DELETE /api/workspaces/:slug/organizations/:id': {
    params: freshOrganization,
    headers: { 'if-match': '"1"' },
  },
  'POST /api/workspaces/:slug/frameworks': {
    body: () => ({
      code: `FW-${randomUUID().slice(0, 8)}`,
      title: { vi: 'Khung mới', en: 'New framework' },
    }),
  },
  'PATCH /api/workspaces/:slug/frameworks/:id': {
    params: freshFramework,
    body: () => ({ issuer: { vi: 'ILO', en: 'ILO' } }),
    headers: { 'if-match': '"1"' },
  },
  'GET /api/workspaces/:slug/reporting-calendar': {},
  // The defaults again: a write that changes nothing keeps version 1 for the next caller.
  'PUT /api/workspaces/:slug/reporting-calendar': {
    body: () => ({ cadence: 'QUARTERLY', dueDays: 15 }),
    headers: { 'if-match': '"1"' },
  },
  'GET /api/workspaces/:slug/reporting-periods': {},
  'POST /api/workspaces/:slug/reporting-periods/:id/close': {
    params: (ctx) => freshPeriod(ctx, 'OPEN'),
  },
  'POST /api/workspaces/:slug/reporting-periods/:id/reopen': {
    params: (ctx) => freshPeriod(ctx, 'CLOSED'),
    body: () => ({ reason: 'Cho phép nộp báo cáo muộn' }),
  },
  'GET /api/workspaces/:slug/compliance': {},
  'GET /api/workspaces/:slug/notifications': {},
  'GET /api/workspaces/:slug/outbox': {},
  'POST /api/workspaces/:slug/notifications/read-all': {},
  'POST /api/workspaces/:slug/notifications/:id/read': { params: freshNotification },
  'GET /api/workspaces/:slug/commitments/:commitmentId/follow': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'PUT /api/workspaces/:slug/commitments/:commitmentId/follow': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'DELETE /api/workspaces/:slug/commitments/:commitmentId/follow': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
};

/** The URL of `pattern` with `:slug` and the given parameters filled in, and the case's query. */
export function fillPath(
  pattern: string,
  slug: string,
  params: Record<string, string>,
  query: Record<string, string> = {},
): string {
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = name === 'slug' ? slug : params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
