import { MultipartForm } from '../multipart-form';
import { createTestApp, type TestApp, type TestClient } from '../test-app';
import { type DemoIds, loadDemoIds } from './demo-ids';
import { type CaseContext, fillPath, ROUTE_CASES } from './route-cases';
import { changedTables, workspaceFingerprint } from './workspace-fingerprint';

/** Fields no body may set: the server owns them. */
const FORBIDDEN_FIELDS = ['workspaceId', 'role', 'version', 'id', 'createdAt', 'updatedAt'];

/**
 * Every workspace route that takes a body, called by an ADMIN (allowed by role) with a valid
 * body plus one field it may not set: 400 naming that field, and nothing written.
 */
describe('mass assignment', () => {
  let t: TestApp;
  let ids: DemoIds;
  let admin: TestClient;
  let persona: CaseContext['persona'];

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    ids = await loadDemoIds(t);
    admin = await t.signIn('admin@demo.test');
    const membership = await t.prisma.membership.findFirstOrThrow({
      where: { user: { email: 'admin@demo.test' } },
    });
    persona = { userId: membership.userId, organizationId: membership.organizationId };
  });
  afterAll(() => t.close());

  const writeRoutes = Object.entries(ROUTE_CASES).filter(([, routeCase]) => routeCase.body);

  it('has write routes to check', () => {
    expect(writeRoutes.length).toBeGreaterThan(10);
  });

  for (const [route, routeCase] of writeRoutes) {
    it(`${route} rejects server-owned fields`, async () => {
      const [method, pattern] = route.split(' ') as ['POST', string];
      const answers: string[] = [];
      for (const field of FORBIDDEN_FIELDS) {
        const ctx: CaseContext = { t, ids, scope: 'own', persona };
        const url = fillPath(
          pattern,
          'viet-nam',
          (await routeCase.params?.(ctx)) ?? {},
          routeCase.query,
        );
        const valid = routeCase.body!(ctx);
        const body =
          valid instanceof MultipartForm
            ? valid.with({ name: field, value: 'forged' })
            : { ...(valid as object), [field]: 'forged' };
        const before = await workspaceFingerprint(t, ids.workspaceId);
        const response = await admin.request<{ details?: { field: string }[] }>(
          method,
          url,
          body,
          routeCase.headers,
        );
        const fields = response.body.details?.map((d) => d.field) ?? [];
        const changed = changedTables(before, await workspaceFingerprint(t, ids.workspaceId));
        answers.push(
          `${field}: ${response.status} [${fields.join()}]${changed.length ? ` changed ${changed.join(', ')}` : ''}`,
        );
      }
      expect(answers).toEqual(FORBIDDEN_FIELDS.map((field) => `${field}: 400 [${field}]`));
    });
  }
});
