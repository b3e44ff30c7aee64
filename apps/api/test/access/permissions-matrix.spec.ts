import type { Role } from '@spct/contracts';
import { createTestApp, type TestApp, type TestClient } from '../test-app';
import { type DemoIds, loadDemoIds } from './demo-ids';
import { type CaseContext, fillPath, ROUTE_CASES } from './route-cases';
import { changedTables, SETTLE_TIMEOUT_MS, workspaceFingerprint } from './workspace-fingerprint';

// A route's allowed cases may start background work (imports, period reports) that the next
// fingerprint waits for, up to its own limit.
jest.setTimeout(SETTLE_TIMEOUT_MS + 60_000);

/**
 * allowed / denied for every record; `ownOrg`: allowed on the caller's organization's records,
 * denied on others'; `notAuthor`: allowed on records someone else wrote, denied on the caller's;
 * `author`: the reverse (editing one's own comment).
 */
type Rule = true | false | 'ownOrg' | 'notAuthor' | 'author';

/** DESIGN.md's permissions table, row by row, with the routes that perform each action. */
const MATRIX: { row: string; routes: string[]; rules: Record<Role, Rule> }[] = [
  {
    row: 'read commitments, dashboards',
    routes: [
      'GET /api/workspaces/:slug/frameworks',
      'GET /api/workspaces/:slug/frameworks/:id',
      'GET /api/workspaces/:slug/commitments',
      'GET /api/workspaces/:slug/commitments/count',
      'GET /api/workspaces/:slug/commitments/:id',
      'GET /api/workspaces/:slug/commitments/:id/history',
      'GET /api/workspaces/:slug/commitments/:commitmentId/updates',
      'GET /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId',
      'GET /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId',
      'GET /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId/measurements',
      'GET /api/workspaces/:slug/commitments/:commitmentId/indicators',
      'GET /api/workspaces/:slug/commitments/:commitmentId/comments',
      'GET /api/workspaces/:slug/commitments/:commitmentId/positions',
      'GET /api/workspaces/:slug/commitments/:commitmentId/evidence',
      'GET /api/workspaces/:slug/commitments/:commitmentId/evidence/:evidenceId/download',
      'GET /api/workspaces/:slug/organizations',
      'GET /api/workspaces/:slug/members',
      'GET /api/workspaces/:slug/my-work',
      'GET /api/workspaces/:slug/dashboard/summary',
      'GET /api/workspaces/:slug/dashboard/trend',
      'GET /api/workspaces/:slug/dashboard/attention',
    ],
    rules: { ADMIN: true, MANAGER: true, EDITOR: true, PARTNER: true, VIEWER: true },
  },
  {
    row: 'read dashboards, compliance (and the reporting calendar and periods)',
    routes: [
      'GET /api/workspaces/:slug/reporting-calendar',
      'GET /api/workspaces/:slug/reporting-periods',
      'GET /api/workspaces/:slug/compliance',
    ],
    rules: { ADMIN: true, MANAGER: true, EDITOR: true, PARTNER: true, VIEWER: true },
  },
  {
    row: 'create / edit / archive commitments',
    routes: [
      'POST /api/workspaces/:slug/commitments',
      'PATCH /api/workspaces/:slug/commitments/:id',
      'DELETE /api/workspaces/:slug/commitments/:id',
      'POST /api/workspaces/:slug/commitments/:id/restore',
    ],
    rules: { ADMIN: true, MANAGER: false, EDITOR: 'ownOrg', PARTNER: false, VIEWER: false },
  },
  {
    row: 'write progress updates, evidence, measurements',
    routes: [
      'POST /api/workspaces/:slug/commitments/:commitmentId/updates',
      'POST /api/workspaces/:slug/commitments/:commitmentId/evidence',
      'POST /api/workspaces/:slug/commitments/:commitmentId/indicators',
      'PATCH /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId',
      'POST /api/workspaces/:slug/commitments/:commitmentId/indicators/:indicatorId/measurements',
    ],
    rules: { ADMIN: true, MANAGER: false, EDITOR: 'ownOrg', PARTNER: false, VIEWER: false },
  },
  {
    row: "write progress updates: edit or submit one's own report",
    routes: [
      'PATCH /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId',
      'POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/submit',
    ],
    rules: { ADMIN: 'author', MANAGER: false, EDITOR: 'author', PARTNER: false, VIEWER: false },
  },
  {
    row: "approve / return an update (never one's own)",
    routes: [
      'POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/approve',
      'POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/return',
    ],
    rules: {
      ADMIN: 'notAuthor',
      MANAGER: 'notAuthor',
      EDITOR: false,
      PARTNER: false,
      VIEWER: false,
    },
  },
  {
    row: 'write evidence: attach it to a report (its author, or an ADMIN)',
    routes: ['POST /api/workspaces/:slug/commitments/:commitmentId/updates/:updateId/evidence'],
    rules: { ADMIN: true, MANAGER: false, EDITOR: 'author', PARTNER: false, VIEWER: false },
  },
  {
    row: "write evidence: remove one's own upload (an ADMIN removes any)",
    routes: ['DELETE /api/workspaces/:slug/commitments/:commitmentId/evidence/:evidenceId'],
    rules: { ADMIN: true, MANAGER: false, EDITOR: 'author', PARTNER: false, VIEWER: false },
  },
  {
    row: 'comment',
    routes: ['POST /api/workspaces/:slug/commitments/:commitmentId/comments'],
    rules: { ADMIN: true, MANAGER: true, EDITOR: true, PARTNER: true, VIEWER: false },
  },
  {
    row: "comment: edit one's own",
    routes: ['PATCH /api/workspaces/:slug/commitments/:commitmentId/comments/:commentId'],
    rules: {
      ADMIN: 'author',
      MANAGER: 'author',
      EDITOR: 'author',
      PARTNER: 'author',
      VIEWER: false,
    },
  },
  {
    row: "comment: delete one's own (an ADMIN moderates any)",
    routes: ['DELETE /api/workspaces/:slug/commitments/:commitmentId/comments/:commentId'],
    rules: { ADMIN: true, MANAGER: 'author', EDITOR: 'author', PARTNER: 'author', VIEWER: false },
  },
  {
    row: "record own organization's position",
    routes: ['PUT /api/workspaces/:slug/commitments/:commitmentId/positions/:organizationId'],
    rules: { ADMIN: true, MANAGER: false, EDITOR: 'ownOrg', PARTNER: 'ownOrg', VIEWER: false },
  },
  {
    row: 'export',
    routes: [
      'GET /api/workspaces/:slug/exports/commitments.csv',
      'GET /api/workspaces/:slug/exports/commitments.xlsx',
      'GET /api/workspaces/:slug/exports/indicators.csv',
      'GET /api/workspaces/:slug/exports/indicators.xlsx',
      'GET /api/workspaces/:slug/exports/reports.csv',
      'GET /api/workspaces/:slug/exports/reports.xlsx',
      'GET /api/workspaces/:slug/exports/dashboard.csv',
      'GET /api/workspaces/:slug/exports/dashboard.xlsx',
    ],
    rules: { ADMIN: true, MANAGER: true, EDITOR: true, PARTNER: true, VIEWER: true },
  },
  {
    row: 'import commitments and indicators',
    routes: [
      'GET /api/workspaces/:slug/imports/template.xlsx',
      'GET /api/workspaces/:slug/imports/template.csv',
      'POST /api/workspaces/:slug/imports',
      'GET /api/workspaces/:slug/imports',
    ],
    rules: { ADMIN: true, MANAGER: false, EDITOR: true, PARTNER: false, VIEWER: false },
  },
  {
    row: "import: see, run or read the errors of one's own import (an ADMIN any)",
    routes: [
      'GET /api/workspaces/:slug/imports/:id',
      'POST /api/workspaces/:slug/imports/:id/run',
      'GET /api/workspaces/:slug/imports/:id/errors.xlsx',
    ],
    rules: { ADMIN: true, MANAGER: false, EDITOR: 'author', PARTNER: false, VIEWER: false },
  },
  {
    row: 'generate period reports',
    routes: ['POST /api/workspaces/:slug/period-reports'],
    rules: { ADMIN: true, MANAGER: true, EDITOR: false, PARTNER: false, VIEWER: false },
  },
  {
    row: 'period reports: all may list and download them',
    routes: [
      'GET /api/workspaces/:slug/period-reports',
      'GET /api/workspaces/:slug/period-reports/:id',
      'GET /api/workspaces/:slug/period-reports/:id/download',
    ],
    rules: { ADMIN: true, MANAGER: true, EDITOR: true, PARTNER: true, VIEWER: true },
  },
  {
    row: 'manage members, organizations, frameworks',
    routes: [
      'POST /api/workspaces/:slug/members',
      'PATCH /api/workspaces/:slug/members/:id',
      'POST /api/workspaces/:slug/members/:id/invitation',
      'POST /api/workspaces/:slug/organizations',
      'PATCH /api/workspaces/:slug/organizations/:id',
      'DELETE /api/workspaces/:slug/organizations/:id',
      'POST /api/workspaces/:slug/frameworks',
      'PATCH /api/workspaces/:slug/frameworks/:id',
    ],
    rules: { ADMIN: true, MANAGER: false, EDITOR: false, PARTNER: false, VIEWER: false },
  },
  {
    row: 'own notifications; follow items',
    routes: [
      'GET /api/workspaces/:slug/notifications',
      'POST /api/workspaces/:slug/notifications/read-all',
      'POST /api/workspaces/:slug/notifications/:id/read',
      'GET /api/workspaces/:slug/commitments/:commitmentId/follow',
      'PUT /api/workspaces/:slug/commitments/:commitmentId/follow',
      'DELETE /api/workspaces/:slug/commitments/:commitmentId/follow',
    ],
    rules: { ADMIN: true, MANAGER: true, EDITOR: true, PARTNER: true, VIEWER: true },
  },
  {
    row: 'reporting calendar, close/reopen periods',
    routes: [
      'PUT /api/workspaces/:slug/reporting-calendar',
      'POST /api/workspaces/:slug/reporting-periods/:id/close',
      'POST /api/workspaces/:slug/reporting-periods/:id/reopen',
    ],
    rules: { ADMIN: true, MANAGER: false, EDITOR: false, PARTNER: false, VIEWER: false },
  },
  {
    row: 'outbox (the outgoing e-mail of the workspace)',
    routes: ['GET /api/workspaces/:slug/outbox'],
    rules: { ADMIN: true, MANAGER: false, EDITOR: false, PARTNER: false, VIEWER: false },
  },
  {
    row: "read the workspace's activity log (audit trail)",
    routes: ['GET /api/workspaces/:slug/activity'],
    rules: { ADMIN: true, MANAGER: false, EDITOR: false, PARTNER: false, VIEWER: false },
  },
  {
    row: "read recent failed sign-ins of the workspace's members",
    routes: ['GET /api/workspaces/:slug/sign-in-failures'],
    rules: { ADMIN: true, MANAGER: false, EDITOR: false, PARTNER: false, VIEWER: false },
  },
];

/** The demo persona who holds each role. */
const PERSONAS: Record<Role, string> = {
  ADMIN: 'admin@demo.test',
  MANAGER: 'manager@demo.test',
  EDITOR: 'official@demo.test',
  PARTNER: 'union@demo.test',
  VIEWER: 'viewer@demo.test',
};

function scopesOf(rule: Rule): { scope: 'own' | 'other'; allowed: boolean }[] {
  switch (rule) {
    case true:
    case false:
      return [
        { scope: 'own', allowed: rule },
        { scope: 'other', allowed: rule },
      ];
    case 'ownOrg':
    case 'author':
      return [
        { scope: 'own', allowed: true },
        { scope: 'other', allowed: false },
      ];
    case 'notAuthor':
      return [
        { scope: 'own', allowed: false },
        { scope: 'other', allowed: true },
      ];
  }
}

describe('permissions matrix (DESIGN.md), through the HTTP API', () => {
  let t: TestApp;
  let ids: DemoIds;
  const clients = new Map<Role, { client: TestClient; persona: CaseContext['persona'] }>();

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    ids = await loadDemoIds(t);
    for (const [role, email] of Object.entries(PERSONAS) as [Role, string][]) {
      const membership = await t.prisma.membership.findFirstOrThrow({
        where: { user: { email }, workspaceId: ids.workspaceId },
      });
      expect(membership.role).toBe(role);
      clients.set(role, {
        client: await t.signIn(email),
        persona: { userId: membership.userId, organizationId: membership.organizationId },
      });
    }
  });
  afterAll(() => t.close());

  it('covers every workspace route', () => {
    const covered = new Set(MATRIX.flatMap((m) => m.routes));
    expect(Object.keys(ROUTE_CASES).filter((route) => !covered.has(route))).toEqual([]);
  });

  for (const { row, routes, rules } of MATRIX) {
    describe(row, () => {
      for (const route of routes) {
        it(route, async () => {
          const outcomes: string[] = [];
          const expected: string[] = [];
          for (const [role, rule] of Object.entries(rules) as [Role, Rule][]) {
            const { client, persona } = clients.get(role)!;
            for (const { scope, allowed } of scopesOf(rule)) {
              const routeCase = ROUTE_CASES[route];
              if (!routeCase) throw new Error(`No route case for ${route}`);
              const ctx: CaseContext = { t, ids, scope, persona };
              const [method, pattern] = route.split(' ') as ['GET', string];
              const url = fillPath(
                pattern,
                'viet-nam',
                (await routeCase.params?.(ctx)) ?? {},
                routeCase.query,
              );
              const before = allowed ? [] : await workspaceFingerprint(t, ids.workspaceId);
              const response = await client.request(
                method,
                url,
                routeCase.body?.(ctx),
                routeCase.headers,
              );
              const succeeded = response.status >= 200 && response.status < 300;
              const changed = allowed
                ? []
                : changedTables(before, await workspaceFingerprint(t, ids.workspaceId));
              outcomes.push(
                `${role} ${scope}: ${succeeded ? 'allowed' : response.status}${changed.length ? ` (changed data: ${changed.join(', ')})` : ''}`,
              );
              expected.push(`${role} ${scope}: ${allowed ? 'allowed' : 403}`);
            }
          }
          expect(outcomes).toEqual(expected);
        });
      }
    });
  }
});
