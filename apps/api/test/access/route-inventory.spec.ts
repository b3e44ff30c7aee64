import { createTestApp, type TestApp } from '../test-app';
import { ROUTE_CASES } from './route-cases';

/** Routes that answer anonymous callers, each for a reason. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health', // liveness probe
  'GET /api/ready', // readiness probe
  'POST /api/auth/login', // signing in
  'GET /api/auth/password-tokens/:token', // an invitee opening their set-password link
  'POST /api/auth/set-password', // an invitee choosing their password (signs them in)
  'GET /api/unsubscribe', // an e-mail's unsubscribe link: the signed token is the authorization
  'POST /api/unsubscribe', // a mail client's one-click unsubscribe (RFC 8058), same token
]);
/** The OpenAPI document and Swagger UI (registered by @nestjs/swagger, public by design). */
const isApiDocument = (url: string) => url === '/api/docs' || url.startsWith('/api/docs');

const someUuid = '00000000-0000-4000-8000-000000000000';

/** Every registered API route, as `METHOD pattern` (HEAD mirrors GET and is left out). */
function apiRoutes(t: TestApp): string[] {
  return [
    ...new Set(
      t.routes
        .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.url}`),
    ),
  ].sort();
}

/** The routes that answer an anonymous request with anything but 401. */
async function anonymousLeaks(t: TestApp): Promise<string[]> {
  const leaks: string[] = [];
  for (const route of apiRoutes(t)) {
    const [method, pattern] = route.split(' ') as [string, string];
    if (PUBLIC_ROUTES.has(route) || isApiDocument(pattern)) continue;
    const url = pattern.replace(/:(\w+)/g, (_, name: string) =>
      name === 'slug' ? 'viet-nam' : someUuid,
    );
    const response = await t.anonymous.request(
      method as 'GET',
      url,
      method === 'GET' ? undefined : {},
    );
    if (response.status !== 401) leaks.push(`${route} → ${response.status}`);
  }
  return leaks;
}

describe('route inventory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      seedDemo: true,
      beforeInit: (app) => {
        // A route added outside Nest's guard: the check below must catch it.
        app
          .getHttpAdapter()
          .getInstance()
          .get('/api/unguarded-probe', (_request, reply) => void reply.send({ leaked: true }));
      },
    });
  });
  afterAll(() => t.close());

  it('answers 401 to anonymous callers on every route but the public allow-list', async () => {
    const routes = apiRoutes(t);
    expect(routes.length).toBeGreaterThan(15);
    expect(await anonymousLeaks(t)).toEqual(['GET /api/unguarded-probe → 200']);
  });

  it('lets the allow-listed routes answer anonymous callers', async () => {
    expect((await t.anonymous.get('/api/health')).status).toBe(200);
    expect((await t.anonymous.get('/api/ready')).status).toBe(200);
    expect((await t.anonymous.get('/api/docs-json')).status).toBe(200);
  });

  it('knows how to call every workspace route (for the isolation and permission tests)', () => {
    const workspaceRoutes = apiRoutes(t).filter((r) => r.includes('/api/workspaces/:slug'));
    expect(workspaceRoutes.filter((route) => !(route in ROUTE_CASES))).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((route) => !workspaceRoutes.includes(route))).toEqual(
      [],
    );
  });
});
