import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gunzipSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../test/test-app';

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
    t = await createTestApp({ webDistDir: dist });
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
