import { createTestApp, decodedBody, type TestApp, type TestClient } from '../../test/test-app';

interface Detail {
  id: string;
  version: number;
  title: { vi: string; en: string };
  children: { id: string }[];
}

const WS = '/api/workspaces/viet-nam';

describe('compressed answers, ETags and 304 Not Modified', () => {
  let t: TestApp;
  let admin: TestClient;
  let viewer: TestClient;
  let parentId: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const parent = await t.prisma.commitment.findFirstOrThrow({
      where: { workspace: { slug: 'viet-nam' }, children: { some: { archived: false } } },
    });
    parentId = parent.id;
  });
  afterAll(() => t.close());

  const raw = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers: { ...viewer.headers, ...headers } });

  it('compresses a JSON answer with brotli or gzip, as the client accepts', async () => {
    const plain = await raw(`${WS}/commitments`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const response = await raw(`${WS}/commitments`, { 'accept-encoding': encoding });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(decodedBody(response).toString()).toBe(plain.body);
    }
  });

  it('leaves small answers uncompressed', async () => {
    const response = await raw('/api/health', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 without a body to a list request naming its current ETag', async () => {
    const first = await viewer.get(`${WS}/commitments`);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await raw(`${WS}/commitments`, { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(tag);
    // Any tag of a list of them, weak or strong, and other tags not.
    expect((await raw(`${WS}/commitments`, { 'if-none-match': `"x", ${tag}` })).statusCode).toBe(
      304,
    );
    expect((await raw(`${WS}/commitments`, { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
  });

  it("revalidates a commitment's detail by all it shows, not by its version alone", async () => {
    const url = `${WS}/commitments/${parentId}`;
    const first = await viewer.get<Detail>(url);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(new RegExp(`^"${first.body.version}-[\\w-]+"$`));
    expect((await raw(url, { 'if-none-match': tag })).statusCode).toBe(304);

    // A child's new title changes the detail, not the parent's version: the old tag is stale.
    const child = first.body.children[0]!;
    await t.prisma.commitment.update({ where: { id: child.id }, data: { titleEn: 'Renamed' } });
    const changed = await raw(url, { 'if-none-match': tag });
    expect(changed.statusCode).toBe(200);
    const detail = JSON.parse(changed.body) as Detail;
    expect(detail.version).toBe(first.body.version);
    expect(changed.headers.etag).not.toBe(tag);
  });

  it('accepts the ETag of a read as If-Match, since it names the version', async () => {
    const url = `${WS}/commitments/${parentId}`;
    const read = await admin.get<Detail>(url);
    const edit = await admin.patch<Detail>(
      url,
      { title: { ...read.body.title, en: `${read.body.title.en} (edited)` } },
      { 'if-match': read.headers.etag as string },
    );
    expect(edit.status).toBe(200);
    expect(edit.body.version).toBe(read.body.version + 1);
    // And the same tag, now stale, is refused.
    const stale = await admin.patch(
      url,
      { weight: 2 },
      { 'if-match': read.headers.etag as string },
    );
    expect(stale.status).toBe(412);
  });

  it('never answers 304 to a write', async () => {
    const response = await admin.post<Detail>(`${WS}/commitments/${parentId}/restore`, undefined, {
      'if-none-match': '*',
    });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(parentId);
  });
});
