import { createTestApp, type TestApp, type TestClient } from '../test-app';
import {
  createStrangerWorkspace,
  type DemoIds,
  loadDemoIds,
  STRANGER_EMAIL,
  STRANGER_SLUG,
} from './demo-ids';
import { type CaseContext, fillPath, ROUTE_CASES } from './route-cases';
import { workspaceFingerprint } from './workspace-fingerprint';

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
  let persona: CaseContext['persona'];
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    ids = await loadDemoIds(t);
    await createStrangerWorkspace(t);
    stranger = await t.signIn(STRANGER_EMAIL);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: STRANGER_EMAIL } });
    persona = { userId: user.id, organizationId: null };
  });
  afterAll(() => t.close());

  it('hides the demo workspace from a non-member: 404 on every route', async () => {
    const before = await workspaceFingerprint(t, ids.workspaceId);
    const answers: string[] = [];
    for (const [route, routeCase] of Object.entries(ROUTE_CASES)) {
      const [method, pattern] = route.split(' ') as ['GET', string];
      const ctx = { t, ids, scope: 'own' as const, persona };
      const url = fillPath(pattern, 'viet-nam', (await routeCase.params?.(ctx)) ?? {});
      const response = await stranger.request(method, url, routeCase.body?.(ctx));
      answers.push(`${route} → ${response.status}`);
    }
    expect(answers).toEqual(Object.keys(ROUTE_CASES).map((route) => `${route} → 404`));
    expect(await workspaceFingerprint(t, ids.workspaceId)).toEqual(before);
    const mine = await stranger.get<{ items: { slug: string }[] }>('/api/workspaces');
    expect(mine.body.items.map((w) => w.slug)).toEqual([STRANGER_SLUG]);
  });

  it("answers 404 for the demo workspace's ids inside the stranger's own workspace", async () => {
    const before = await workspaceFingerprint(t, ids.workspaceId);
    const answers: string[] = [];
    const idRoutes = Object.entries(ROUTE_CASES).filter(([, routeCase]) => routeCase.params);
    expect(idRoutes.length).toBeGreaterThan(5);
    for (const [route, routeCase] of idRoutes) {
      const [method, pattern] = route.split(' ') as ['GET', string];
      const ctx = { t, ids, scope: 'own' as const, persona };
      const url = fillPath(pattern, STRANGER_SLUG, await routeCase.params!(ctx));
      const response = await stranger.request(method, url, routeCase.body?.(ctx));
      answers.push(`${route} → ${response.status}`);
    }
    expect(answers).toEqual(idRoutes.map(([route]) => `${route} → 404`));
    expect(await workspaceFingerprint(t, ids.workspaceId)).toEqual(before);
  });

  it("keeps the demo workspace's records out of the stranger's lists", async () => {
    const list = await stranger.get<{ items: { id: string }[] }>(
      `/api/workspaces/${STRANGER_SLUG}/commitments?limit=100`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const organizations = await stranger.get<{ items: { shortName: string }[] }>(
      `/api/workspaces/${STRANGER_SLUG}/organizations`,
    );
    expect(organizations.body.items.map((o) => o.shortName)).toEqual(['ELSE']);
  });
});
