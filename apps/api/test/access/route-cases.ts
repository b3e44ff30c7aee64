import type { TestApp } from '../test-app';
import type { DemoIds } from './demo-ids';

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

/** The caller's organization (`own`; MOLISA for a caller without one) or another one. */
function positionOrganization({ ids, scope, persona }: CaseContext): string {
  const own = persona.organizationId ?? ids.organizationIds.MOLISA!;
  if (scope === 'own') return own;
  return Object.values(ids.organizationIds).find((id) => id !== own)!;
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
  'GET /api/workspaces/:slug/commitments/:id': {
    params: (ctx) => ({ id: commitment(ctx) }),
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/updates': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/indicators': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
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
  },
  'DELETE /api/workspaces/:slug/commitments/:commitmentId/comments/:commentId': {
    params: freshComment,
  },
  'GET /api/workspaces/:slug/commitments/:commitmentId/positions': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
  'PUT /api/workspaces/:slug/commitments/:commitmentId/positions/:organizationId': {
    params: (ctx) => ({
      commitmentId: ctx.ids.ownCommitmentId,
      organizationId: positionOrganization(ctx),
    }),
    body: () => ({
      position: 'RESERVATION',
      rationale: 'Cần thêm nguồn lực',
      decidedOn: '2026-01-15',
    }),
  },
  'GET /api/workspaces/:slug/exports/commitments.csv': {},
  'GET /api/workspaces/:slug/commitments/:commitmentId/evidence': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
};

/** The URL of `pattern` with `:slug` and the given parameters filled in. */
export function fillPath(pattern: string, slug: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = name === 'slug' ? slug : params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}
