import { logCollector } from '../../test/log-collector';
import { createTestApp, type TestApp } from '../../test/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('structured logs and request ids', () => {
  const logs = logCollector();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, logging: logs.options });
  });
  afterAll(() => t.close());

  it('answers every request with an X-Request-Id and writes it on each of its log lines', async () => {
    logs.clear();
    const admin = await t.signIn('admin@demo.test');
    const ok = await admin.get('/api/workspaces/viet-nam/frameworks');
    const refused = await admin.get('/api/workspaces/viet-nam/commitments?q=%00');
    const wrongPassword = await t.anonymous.post('/api/auth/login', {
      email: 'union@demo.test',
      password: 'not it',
    });
    // A URL the router itself refuses, before any hook: the same id, line and headers.
    const malformed = await t.anonymous.get('/api/workspaces/%zz/commitments');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-security-policy']).toContain("default-src 'self'");
    for (const response of [ok, refused, wrongPassword, malformed]) {
      const id = String(response.headers['x-request-id']);
      expect(id).toMatch(UUID);
      const own = logs.lines().filter((line) => line.reqId === id);
      // The request's own line (method, URL, status, duration), JSON.
      expect(own).toContainEqual(
        expect.objectContaining({
          msg: 'request completed',
          req: expect.objectContaining({ method: expect.any(String), url: expect.any(String) }),
          res: { statusCode: response.status },
          responseTime: expect.any(Number),
        }),
      );
    }
    // What the app logs while handling a request carries that request's id too.
    const failed = logs.lines().find((line) => line.msg === 'sign-in failed');
    expect(failed?.reqId).toBe(wrongPassword.headers['x-request-id']);
    // No line carries credentials.
    expect(JSON.stringify(logs.lines())).not.toMatch(/spct_session=|not it/);
  });

  it('logs the links that carry a token without it: a set-password link, an unsubscribe link', async () => {
    logs.clear();
    const token = 'a'.repeat(43);
    const inPath = await t.anonymous.get(`/api/auth/password-tokens/${token}`);
    expect(inPath.status).toBe(404);
    const inQuery = await t.anonymous.get(`/api/unsubscribe?lang=vi&token=${token}`);
    expect(inQuery.status).toBeLessThan(500);
    const urlOf = (response: { headers: Record<string, unknown> }) =>
      (
        logs.lines().find((line) => line.reqId === response.headers['x-request-id'])?.req as {
          url: string;
        }
      ).url;
    expect(urlOf(inPath)).toBe('/api/auth/password-tokens/:token');
    expect(urlOf(inQuery)).toBe('/api/unsubscribe?lang=vi&token=:token');
    expect(JSON.stringify(logs.lines())).not.toContain(token);
  });

  it("keeps a well-formed X-Request-Id from the caller (a proxy's) and replaces any other", async () => {
    logs.clear();
    const kept = await t.anonymous.get('/api/health', { 'x-request-id': 'edge-7f3a.42' });
    expect(kept.headers['x-request-id']).toBe('edge-7f3a.42');
    // Probes are answered without a line each (they come every few seconds).
    expect(logs.lines().filter((line) => line.reqId === 'edge-7f3a.42')).toEqual([]);
    const replaced = await t.anonymous.get('/api/health', { 'x-request-id': 'bad id\twith tab' });
    expect(String(replaced.headers['x-request-id'])).toMatch(UUID);
  });
});

describe('Prometheus metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      seedDemo: true,
      metrics: { token: 'a-scraper-token-of-some-length', allow: ['127.0.0.0/8'] },
    });
  });
  afterAll(() => t.close());

  const scrape = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('counts and times requests per route pattern and status, with pool and process figures', async () => {
    const admin = await t.signIn('admin@demo.test');
    await admin.get('/api/workspaces/viet-nam/frameworks');
    await admin.get('/api/workspaces/nowhere/frameworks');
    const response = await scrape('127.0.0.1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/workspaces\/:slug\/frameworks",status="200"\} 1/,
    );
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/workspaces\/:slug\/frameworks",status="404"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/api\/auth\/login",status="200"\}/,
    );
    expect(text).toMatch(/db_pool_connections\{pool="prisma",state="total"\} \d+/);
    expect(text).toMatch(/db_pool_connections\{pool="kysely",state="total"\} \d+/);
    expect(text).toMatch(/db_available 1/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
  });

  it('answers only the allowed addresses, or a caller with the token', async () => {
    expect((await scrape('203.0.113.5')).statusCode).toBe(403);
    expect(
      (await scrape('203.0.113.5', { authorization: 'Bearer not-the-token' })).statusCode,
    ).toBe(403);
    expect(
      (await scrape('203.0.113.5', { authorization: 'Bearer a-scraper-token-of-some-length' }))
        .statusCode,
    ).toBe(200);
  });
});
