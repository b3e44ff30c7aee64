import { createOtherWorkspace, type OtherWorkspace } from '../other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../test-app';
import { type DemoIds, loadDemoIds } from './demo-ids';
import { type CaseContext, fillPath, ROUTE_CASES } from './route-cases';
import { changedTables, workspaceFingerprint } from './workspace-fingerprint';

/**
 * An ADMIN of another workspace — allowed everything by role — aims every workspace route at the
 * demo workspace's records: through the demo slug (not a member) and through their own slug
 * (records of another workspace). Each answer is 404 and the demo workspace's rows stay as they
 * were.
 */
describe('workspace isolation', () => {
  let t: TestApp;
  let ids: DemoIds;
  let stranger: TestClient;
  let elsewhere: OtherWorkspace;
  let persona: CaseContext['persona'];

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    ids = await loadDemoIds(t);
    elsewhere = await createOtherWorkspace(t.prisma, 'ADMIN');
    stranger = await t.signIn(elsewhere.email);
    persona = { userId: elsewhere.userId, organizationId: elsewhere.organizationId };
  });
  afterAll(() => t.close());

  /** Calls each route with the demo workspace's records under `slug`; `route → status (changed)`. */
  async function aimAtDemoRecords(slug: () => string, routes: string[]): Promise<string[]> {
    const answers: string[] = [];
    for (const route of routes) {
      const routeCase = ROUTE_CASES[route]!;
      const [method, pattern] = route.split(' ') as ['GET', string];
      const ctx: CaseContext = { t, ids, scope: 'other', persona };
      const url = fillPath(pattern, slug(), (await routeCase.params?.(ctx)) ?? {}, routeCase.query);
      const before = await workspaceFingerprint(t, ids.workspaceId);
      const response = await stranger.request(
        method,
        url,
        routeCase.body?.(ctx),
        routeCase.headers,
      );
      const changed = changedTables(before, await workspaceFingerprint(t, ids.workspaceId));
      answers.push(
        `${route} → ${response.status}${changed.length ? ` (changed data: ${changed.join(', ')})` : ''}`,
      );
    }
    return answers;
  }

  it('hides the demo workspace from a non-member: 404 on every route, nothing changes', async () => {
    const routes = Object.keys(ROUTE_CASES);
    expect(await aimAtDemoRecords(() => 'viet-nam', routes)).toEqual(
      routes.map((route) => `${route} → 404`),
    );
    const mine = await stranger.get<{ items: { slug: string }[] }>('/api/workspaces');
    expect(mine.body.items.map((w) => w.slug)).toEqual([elsewhere.slug]);
  });

  it("answers 404 for the demo workspace's ids inside the stranger's own workspace", async () => {
    const idRoutes = Object.keys(ROUTE_CASES).filter((route) => ROUTE_CASES[route]!.params);
    expect(idRoutes.length).toBeGreaterThan(5);
    expect(await aimAtDemoRecords(() => elsewhere.slug, idRoutes)).toEqual(
      idRoutes.map((route) => `${route} → 404`),
    );
  });

  it("keeps the demo workspace's records out of the stranger's lists", async () => {
    const list = await stranger.get<{ items: { id: string }[] }>(
      `/api/workspaces/${elsewhere.slug}/commitments?limit=100`,
    );
    expect(list.body.items.map((c) => c.id)).toEqual([elsewhere.commitmentId]);
    const organizations = await stranger.get<{ items: { id: string }[] }>(
      `/api/workspaces/${elsewhere.slug}/organizations`,
    );
    expect(organizations.body.items.map((o) => o.id)).toEqual([elsewhere.organizationId]);
  });
});
