import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gunzipSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { createOtherWorkspace } from '../test/other-workspace';
import { logCollector } from '../test/log-collector';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app';

// Both apps log here (see logCollector).
const logs = logCollector('warn');

describe('serving the web app', () => {
  let t: TestApp;
  let dist: string;
  const script = 'console.log("a hashed asset of the build");'.repeat(20);
  const html = '<!doctype html><title>tracker</title><div id="root"></div>';

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'spct-web-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), html);
    await writeFile(path.join(dist, 'index.html.gz'), gzipSync(html));
    await writeFile(path.join(dist, 'assets', 'app-Ab12Cd34.js'), script);
    // As the build writes them: the same content, precompressed.
    await writeFile(path.join(dist, 'assets', 'app-Ab12Cd34.js.br'), brotliCompressSync(script));
    await writeFile(path.join(dist, 'assets', 'app-Ab12Cd34.js.gz'), gzipSync(script));
    t = await createTestApp({ webDistDir: dist, logging: logs.options });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and at client-side routes, revalidated on every visit', async () => {
    for (const url of ['/', '/w/viet-nam/commitments?q=an%20sinh']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.vary).toMatch(/cookie/i);
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('sends hashed assets precompressed as the browser accepts, cached for a year', async () => {
    const url = '/assets/app-Ab12Cd34.js';
    const immutable = 'public, max-age=31536000, immutable';

    const brotli = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe(immutable);
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const gzip = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(immutable);
    expect(plain.body).toBe(script);
  });

  it('keeps JSON 404s for unknown API paths', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('index.html written for the URL asked for', () => {
  let t: TestApp;
  let dist: string;
  let official: TestClient;

  /** The build's manifest: the entry, its shared chunk, the pages and their texts. */
  const manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared-1.js'] },
    '_shared-1.js': { file: 'assets/shared-1.js' },
    '_table-1.js': { file: 'assets/table-1.js', imports: ['_shared-1.js'] },
    'src/features/auth/SignInPage.tsx': { file: 'assets/SignInPage-1.js' },
    'src/features/layout/AppLayout.tsx': { file: 'assets/AppLayout-1.js' },
    'src/features/commitments/CommitmentsPage.tsx': {
      file: 'assets/CommitmentsPage-1.js',
      imports: ['_shared-1.js', '_table-1.js'],
    },
    'src/features/commitments/CommitmentDetailPage.tsx': { file: 'assets/Detail-1.js' },
    'virtual:spct-texts/vi/commitment': { file: 'assets/commitment-vi.js' },
    'virtual:spct-texts/en/commitment': { file: 'assets/commitment-en.js' },
    'virtual:spct-texts/en/core': { file: 'assets/core-en.js' },
  };

  const page = async (url: string, cookie?: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url,
      headers: cookie ? { cookie } : {},
    });
    expect(response.statusCode).toBe(200);
    return response;
  };
  const preloaded = (html: string): Record<string, unknown> | null => {
    const match =
      /<script type="application\/json" id="spct-preloaded" data-at="\d+">(.*?)<\/script>/s.exec(
        html,
      );
    return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : null;
  };
  const modules = (html: string) =>
    [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'spct-web-'));
    await mkdir(path.join(dist, '.vite'), { recursive: true });
    // The app's own template: its shell texts are the ones replaced for English.
    const template = await readFile(path.join(__dirname, '..', '..', 'web', 'index.html'), 'utf8');
    await writeFile(path.join(dist, 'index.html'), template);
    await writeFile(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
    t = await createTestApp({ webDistDir: dist, seedDemo: true, logging: logs.options });
    official = await t.signIn('official@demo.test');
  });
  afterAll(async () => {
    await t?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it("preloads a page's own chunks and texts, not those the entry already loads", async () => {
    const list = await page('/w/viet-nam/commitments');
    expect(modules(list.body)).toEqual([
      '/assets/AppLayout-1.js',
      '/assets/CommitmentsPage-1.js',
      '/assets/table-1.js',
    ]);
    expect(modules((await page('/sign-in')).body)).toEqual(['/assets/SignInPage-1.js']);
    const detail = modules((await page('/w/viet-nam/commitments/c1')).body);
    expect(detail).toEqual([
      '/assets/AppLayout-1.js',
      '/assets/Detail-1.js',
      '/assets/commitment-vi.js',
    ]);
  });

  it("carries the answers of the page's first requests for a signed-in visitor, for them only", async () => {
    const cookie = official.headers.cookie!;
    const response = await page(
      '/w/viet-nam/commitments?status=AT_RISK&utm_source=mail&q=an%20sinh&fbclid=x',
      cookie,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers.vary).toMatch(/cookie/i);
    const at = Number(/data-at="(\d+)"/.exec(response.body)![1]);
    expect(Math.abs(Date.now() - at)).toBeLessThan(60_000);
    const data = preloaded(response.body)!;
    const list = '/api/workspaces/viet-nam/commitments?status=AT_RISK&q=an+sinh&limit=25';
    expect(Object.keys(data).sort()).toEqual(
      [
        '/api/auth/me',
        list,
        '/api/workspaces/viet-nam/frameworks',
        '/api/workspaces/viet-nam/organizations',
      ].sort(),
    );
    // The same answers the API gives.
    for (const url of Object.keys(data)) {
      expect(data[url]).toEqual((await official.get(url)).body);
    }
    expect((data[list] as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const { body: found } = await official.get<{ items: { id: string }[] }>(
      '/api/workspaces/viet-nam/commitments?limit=1',
    );
    const id = found.items[0]!.id;
    const detailPage = (await page(`/w/viet-nam/commitments/${id}`, cookie)).body;
    const detail = preloaded(detailPage)!;
    expect(Object.keys(detail).sort()).toEqual(
      [
        '/api/auth/me',
        `/api/workspaces/viet-nam/commitments/${id}`,
        `/api/workspaces/viet-nam/commitments/${id}/follow`,
        '/api/workspaces/viet-nam/organizations',
      ].sort(),
    );
    // The shell shows the commitment's heading while the app loads.
    const commitment = detail[`/api/workspaces/viet-nam/commitments/${id}`] as {
      reference: string;
      title: { vi: string };
      framework: { code: string };
    };
    expect(detailPage).toContain(
      `<h1 class="boot-title boot-heading"><span class="boot-label">${commitment.framework.code} ${commitment.reference}</span>${commitment.title.vi}</h1>`,
    );

    // Another workspace's member asking for the same pages gets their own session, none of these.
    const other = await createOtherWorkspace(t.prisma);
    const stranger = (await t.signIn(other.email)).headers.cookie!;
    for (const url of [
      '/w/viet-nam/commitments?status=AT_RISK&q=an%20sinh',
      `/w/viet-nam/commitments/${id}`,
    ]) {
      const theirs = (await page(url, stranger)).body;
      expect(Object.keys(preloaded(theirs)!)).toEqual(['/api/auth/me']);
      expect((preloaded(theirs)!['/api/auth/me'] as { user: { id: string } }).user.id).toBe(
        other.userId,
      );
      expect(theirs).not.toContain(commitment.reference + '</span>');
      expect(theirs).not.toContain(JSON.stringify(commitment.title.vi));
    }
    // And the official gets nothing of theirs.
    const own = preloaded((await page(`/w/${other.slug}/commitments`, cookie)).body)!;
    expect(Object.keys(own)).toEqual(['/api/auth/me']);
    const theirList = preloaded((await page(`/w/${other.slug}/commitments`, stranger)).body)!;
    expect(Object.keys(theirList)).toHaveLength(4);
    expect(JSON.stringify(own)).not.toContain(other.slug);
  });

  it('carries nothing without a session, and no failed answer', async () => {
    const inject = jest.spyOn(t.app.getHttpAdapter().getInstance(), 'inject');
    const internal = () =>
      (inject.mock.calls as unknown as [{ url?: string }][]).filter(([options]) =>
        String(options?.url).startsWith('/api/'),
      ).length;
    try {
      // No session cookie: not one request of the API; a session cookie that is not one: one.
      for (const [cookie, calls] of [
        [undefined, 0],
        ['spct.locale=en; other=1', 0],
        ['spct_session=not-a-session', 1],
      ] as const) {
        inject.mockClear();
        const response = await page('/w/viet-nam/commitments', cookie);
        expect(preloaded(response.body)).toBeNull();
        expect(response.headers['cache-control']).toBe('no-cache');
        expect(internal()).toBe(calls);
      }
      // HEAD asks nothing either.
      inject.mockClear();
      const head = await t.app.inject({
        method: 'HEAD',
        url: '/w/viet-nam/commitments',
        headers: { cookie: official.headers.cookie! },
      });
      expect(head.statusCode).toBe(200);
      expect(internal()).toBe(0);
    } finally {
      inject.mockRestore();
    }
    // A workspace the official does not belong to: the session, not the refused list.
    const foreign = preloaded(
      (await page('/w/no-such-place/commitments', official.headers.cookie)).body,
    )!;
    expect(Object.keys(foreign)).toEqual(['/api/auth/me']);
  });

  it('keeps the answers inside their script element', async () => {
    const cookie = official.headers.cookie!;
    const name = '</script><script>alert(1)</script>';
    expect((await official.request('PATCH', '/api/auth/me', { displayName: name })).status).toBe(
      200,
    );
    try {
      const html = (await page('/', cookie)).body;
      expect(html).not.toContain(name);
      expect(
        (preloaded(html)!['/api/auth/me'] as { user: { displayName: string } }).user.displayName,
      ).toBe(name);
    } finally {
      await official.request('PATCH', '/api/auth/me', { displayName: 'Nguyễn Thị Lan' });
    }
  });

  it("draws the loading shell in the user's language, Vietnamese otherwise", async () => {
    const vietnamese = (await page('/sign-in')).body;
    expect(vietnamese).toContain('<html lang="vi">');
    expect(vietnamese).toContain('Đang tải…');

    const english = await page('/w/viet-nam/commitments/c1', 'spct.locale=en');
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('<title>Social Protection Commitments Tracker</title>');
    expect(english.body).toContain('Loading…');
    expect(english.body).not.toMatch(/Đang tải|Theo dõi/);
    // English texts fall back to the Vietnamese ones: both are preloaded.
    expect(modules(english.body)).toEqual(
      expect.arrayContaining([
        '/assets/commitment-en.js',
        '/assets/commitment-vi.js',
        '/assets/core-en.js',
      ]),
    );
  });

  it('writes user data as it is: no $ patterns of String.replace, HTML escaped in the heading', async () => {
    const cookie = official.headers.cookie!;
    const patterns = "a$`b$&c$'d$$e$1";
    const { body: found } = await official.get<{ items: { id: string; title: { vi: string } }[] }>(
      '/api/workspaces/viet-nam/commitments?limit=1',
    );
    const { id, title } = found.items[0]!;
    const tricky = `${patterns} <b> & "q"`;
    const saved = await t.prisma.commitment.update({ where: { id }, data: { titleVi: tricky } });
    expect(saved.titleVi).toBe(tricky);
    expect(
      (await official.request('PATCH', '/api/auth/me', { displayName: patterns })).status,
    ).toBe(200);
    try {
      const html = (await page(`/w/viet-nam/commitments/${id}`, cookie)).body;
      // The template around them is whole, once.
      expect(html.match(/<div id="root">/g)).toHaveLength(1);
      expect(html.match(/<\/head>/g)).toHaveLength(1);
      expect(html.match(/id="spct-preloaded"/g)).toHaveLength(1);
      expect(html).toContain('</span>a$`b$&amp;c$&#39;d$$e$1 &lt;b&gt; &amp; &quot;q&quot;</h1>');
      const data = preloaded(html)!;
      expect((data['/api/auth/me'] as { user: { displayName: string } }).user.displayName).toBe(
        patterns,
      );
      expect(
        (data[`/api/workspaces/viet-nam/commitments/${id}`] as { title: { vi: string } }).title.vi,
      ).toBe(tricky);
    } finally {
      await t.prisma.commitment.update({ where: { id }, data: { titleVi: title.vi } });
      await official.request('PATCH', '/api/auth/me', { displayName: 'Nguyễn Thị Lan' });
    }
  });

  it('sends the plain page, never an error, when writing it fails', async () => {
    const cookie = official.headers.cookie!;
    const template = await readFile(path.join(dist, 'index.html'), 'utf8');
    // A target no URL can be made of.
    const odd = await t.app.inject({ method: 'GET', url: '//', headers: { cookie } });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toBe(template);

    const { body: found } = await official.get<{ items: { id: string }[] }>(
      '/api/workspaces/viet-nam/commitments?limit=1',
    );
    const detailUrl = `/w/viet-nam/commitments/${found.items[0]!.id}`;
    // The heading cannot be read: the page without it, its answers still there.
    const parse = JSON.parse.bind(JSON);
    const spy = jest.spyOn(JSON, 'parse').mockImplementation((text: string, ...rest) => {
      if (new Error().stack?.includes('web-app.ts')) throw new SyntaxError('unreadable');
      return parse(text, ...rest) as unknown;
    });
    let withoutHeading: string;
    try {
      withoutHeading = (await page(detailUrl, cookie)).body;
    } finally {
      spy.mockRestore();
    }
    expect(withoutHeading).not.toContain('<h1 class="boot-title boot-heading">');
    expect(logs.lines().map((line) => line.msg)).toContain(
      'index.html written without the page heading',
    );
    expect(preloaded(withoutHeading)).not.toBeNull();

    // The API does not answer in time: the page without answers, soon.
    const instance = t.app.getHttpAdapter().getInstance();
    const inject = instance.inject.bind(instance);
    const hang = jest
      .spyOn(instance, 'inject')
      .mockImplementation(((options: { url?: string }) =>
        String(options.url).startsWith('/api/')
          ? new Promise(() => undefined)
          : inject(options as never)) as never);
    try {
      const started = Date.now();
      const slow = await page(detailUrl, cookie);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(preloaded(slow.body)).toBeNull();
      expect(slow.headers['cache-control']).toBe('no-cache');
      expect(logs.lines()).toContainEqual(
        expect.objectContaining({
          reqId: slow.headers['x-request-id'],
          url: detailUrl,
          msg: expect.stringMatching(/^preloading took over \d+ ms: sent without$/),
        }),
      );
    } finally {
      hang.mockRestore();
    }
  });
});
