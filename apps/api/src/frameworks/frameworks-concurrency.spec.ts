import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { oneWriteWins } from '../../test/race';

interface Framework {
  id: string;
  code: string;
  title: { vi: string; en: string };
  issuer: { vi: string; en: string } | null;
  adoptedOn: string | null;
  commitmentCount: number;
  version: number;
}
interface ErrorBody {
  statusCode: number;
  message: string;
  current?: Framework;
  details?: { field: string }[];
}

const FRAMEWORKS = '/api/workspaces/viet-nam/frameworks';

describe('frameworks under optimistic concurrency', () => {
  let t: TestApp;
  let admin: TestClient;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
  });
  afterAll(() => t.close());

  async function newFramework(): Promise<Framework> {
    const { status, body } = await admin.post<Framework>(FRAMEWORKS, {
      code: `CC-${++seq}`,
      title: { vi: `Khung ${seq}`, en: `Framework ${seq}` },
      adoptedOn: '2025-01-01',
    });
    expect([status, body.version]).toEqual([201, 1]);
    return body;
  }
  const stored = (id: string) => t.prisma.framework.findUniqueOrThrow({ where: { id } });

  it('gives the version in the list and the detail, whose ETag names it', async () => {
    const created = await newFramework();
    const list = await admin.get<{ items: Framework[] }>(FRAMEWORKS);
    expect(list.body.items.find((f) => f.id === created.id)).toMatchObject({ version: 1 });
    const detail = await admin.get<Framework>(`${FRAMEWORKS}/${created.id}`);
    expect(detail.body.version).toBe(1);
    expect(detail.headers.etag).toMatch(/^"1-/);
  });

  it.each([
    ['no If-Match', {}],
    ['If-Match *', { 'if-match': '*' }],
  ])('answers 428 to an edit with %s, changing nothing', async (_, headers) => {
    const created = await newFramework();
    const before = await stored(created.id);
    const { status } = await admin.patch(
      `${FRAMEWORKS}/${created.id}`,
      { issuer: { vi: 'X', en: 'X' } },
      headers,
    );
    expect(status).toBe(428);
    expect(await stored(created.id)).toEqual(before);
  });

  it('answers 412 with the stored framework (counts included) to a stale edit, changing nothing', async () => {
    const created = await newFramework();
    const url = `${FRAMEWORKS}/${created.id}`;
    const first = await admin.patch<Framework>(
      url,
      { issuer: { vi: 'ILO', en: 'ILO' } },
      { 'if-match': '"1"' },
    );
    expect([first.status, first.body.version]).toEqual([200, 2]);
    const before = await stored(created.id);
    const stale = await admin.patch<ErrorBody>(
      url,
      { issuer: { vi: 'Stale', en: 'Stale' } },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current).toEqual(first.body);
    expect(await stored(created.id)).toEqual(before);
  });

  it('bumps the version and the ETag on a change, not on an empty or identical edit', async () => {
    const created = await newFramework();
    const url = `${FRAMEWORKS}/${created.id}`;
    const changed = await admin.patch<Framework>(
      url,
      { title: { vi: 'Tên mới', en: 'New title' } },
      { 'if-match': '"1"' },
    );
    expect([changed.status, changed.body.version, changed.headers.etag]).toEqual([200, 2, '"2"']);
    for (const body of [
      {},
      { code: created.code, title: { vi: 'Tên mới', en: 'New title' }, adoptedOn: '2025-01-01' },
    ]) {
      const same = await admin.patch<Framework>(url, body, { 'if-match': '"2"' });
      expect([same.status, same.body.version, same.headers.etag]).toEqual([200, 2, '"2"']);
    }
    expect(await stored(created.id)).toMatchObject({ version: 2, titleEn: 'New title' });
  });

  it('refuses version in the body (400 naming it), changing nothing', async () => {
    const created = await newFramework();
    const { status, body } = await admin.patch<ErrorBody>(
      `${FRAMEWORKS}/${created.id}`,
      { version: 3 },
      { 'if-match': '"1"' },
    );
    expect(status).toBe(400);
    expect(body.details?.map((d) => d.field)).toContain('version');
    expect(await stored(created.id)).toMatchObject({ version: 1 });
  });

  it('answers 404 before 428 for an unknown framework', async () => {
    const { status } = await admin.patch(`${FRAMEWORKS}/${crypto.randomUUID()}`, {
      issuer: { vi: 'X', en: 'X' },
    });
    expect(status).toBe(404);
  });

  it('lets exactly one of 12 concurrent edits of one version win; the others get 412', async () => {
    const created = await newFramework();
    const { winner, losers } = await oneWriteWins(12, (i) =>
      admin.patch<Framework & ErrorBody>(
        `${FRAMEWORKS}/${created.id}`,
        { issuer: { vi: `Issuer ${i}`, en: `Issuer ${i}` } },
        { 'if-match': '"1"' },
      ),
    );
    expect(winner.version).toBe(2);
    for (const loser of losers) {
      expect(loser.body.current).toEqual(winner);
    }
    expect(await stored(created.id)).toMatchObject({
      version: 2,
      issuerVi: winner.issuer?.vi,
      issuerEn: winner.issuer?.en,
    });
  });
});
