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
  'GET /api/workspaces/:slug/commitments/:commitmentId/positions': {
    params: (ctx) => ({ commitmentId: commitment(ctx) }),
  },
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
