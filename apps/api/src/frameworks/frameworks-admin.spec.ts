import { createMember, uniqueSlug } from '../../test/accounts';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

interface Framework {
  id: string;
  code: string;
  title: { vi: string; en: string };
  description: { vi: string; en: string } | null;
  issuer: { vi: string; en: string } | null;
  adoptedOn: string | null;
  url: string | null;
  commitmentCount: number;
  progress: number;
}
interface ErrorBody {
  details?: { field: string }[];
}

const FRAMEWORKS = '/api/workspaces/viet-nam/frameworks';
const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((d) => d.field);

describe('frameworks management', () => {
  let t: TestApp;
  let admin: TestClient;
  let workspaceId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
  });
  afterAll(() => t.close());

  const snapshot = () => t.prisma.framework.findMany({ orderBy: { id: 'asc' } });

  /** If-Match naming the stored version of the framework a URL ends with ("1" when unknown). */
  async function at(url: string): Promise<Record<string, string>> {
    const row = await t.prisma.framework.findUnique({ where: { id: url.split('/').pop()! } });
    return { 'if-match': `"${row?.version ?? 1}"` };
  }

  async function newFramework(): Promise<Framework> {
    const { status, body } = await admin.post<Framework>(FRAMEWORKS, {
      code: `TEST-${++seq}`,
      title: { vi: `Khung ${seq}`, en: `Framework ${seq}` },
    });
    expect(status).toBe(201);
    return body;
  }

  it('lets an administrator add a framework with every optional field', async () => {
    const { status, body } = await admin.post<Framework>(FRAMEWORKS, {
      code: 'DWCP-2027',
      title: {
        vi: 'Chương trình quốc gia 2027–2030',
        en: 'Decent Work Country Programme 2027–2030',
      },
      description: { vi: 'Mô tả', en: 'Description' },
      issuer: { vi: 'ILO', en: 'ILO' },
      adoptedOn: '2026-12-01',
      url: 'https://www.ilo.org/dwcp',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      id: expect.any(String),
      code: 'DWCP-2027',
      title: {
        vi: 'Chương trình quốc gia 2027–2030',
        en: 'Decent Work Country Programme 2027–2030',
      },
      description: { vi: 'Mô tả', en: 'Description' },
      issuer: { vi: 'ILO', en: 'ILO' },
      adoptedOn: '2026-12-01',
      url: 'https://www.ilo.org/dwcp',
      commitmentCount: 0,
      progress: 0,
    });
    const row = await t.prisma.framework.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({
      workspaceId,
      code: 'DWCP-2027',
      issuerVi: 'ILO',
      issuerEn: 'ILO',
    });
    expect(row.adoptedOn!.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    const viewer = await t.signIn('viewer@demo.test');
    const detail = await viewer.get<Framework & { tree: unknown[] }>(`${FRAMEWORKS}/${body.id}`);
    expect(detail.body).toMatchObject({ code: 'DWCP-2027', tree: [] });
  });

  it('answers 409 for a code taken in the workspace, changing nothing', async () => {
    const before = await snapshot();
    const { status } = await admin.post(FRAMEWORKS, {
      code: 'NQ-42',
      title: { vi: 'Trùng', en: 'Duplicate' },
    });
    expect(status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [{ title: { vi: 'a', en: 'b' } }, 'code'],
    [{ code: 'has space', title: { vi: 'a', en: 'b' } }, 'code'],
    [{ code: 'X'.repeat(31), title: { vi: 'a', en: 'b' } }, 'code'],
    [{ code: 'OK-1' }, 'title'],
    [{ code: 'OK-2', title: { vi: 'a', en: '' } }, 'title.en'],
    [{ code: 'OK-3', title: { vi: 'a', en: 'b' }, adoptedOn: '2026-02-30' }, 'adoptedOn'],
    [{ code: 'OK-4', title: { vi: 'a', en: 'b' }, adoptedOn: '2026-02-03T10:00:00Z' }, 'adoptedOn'],
    [{ code: 'OK-5', title: { vi: 'a', en: 'b' }, url: 'javascript:alert(1)' }, 'url'],
    [{ code: 'OK-6', title: { vi: 'a', en: 'b' }, url: 'not a url' }, 'url'],
    [{ code: 'OK-7', title: { vi: 'a', en: 'b' }, issuer: { vi: '', en: 'b' } }, 'issuer.vi'],
    [{ code: 'OK-8', title: { vi: 'a', en: 'b' }, issuer: 'ILO' }, 'issuer'],
    [
      {
        code: 'OK-8',
        title: { vi: 'a', en: 'b' },
        workspaceId: '00000000-0000-4000-8000-000000000000',
      },
      'workspaceId',
    ],
    [{ code: 'OK-9', title: { vi: 'a', en: 'b' }, commitmentCount: 3 }, 'commitmentCount'],
  ])('answers 400 naming the field for %j, creating nothing', async (payload, field) => {
    const before = await snapshot();
    const { status, body } = await admin.post(FRAMEWORKS, payload);
    expect(status).toBe(400);
    expect(fields(body)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('edits only the fields sent; null clears an optional one', async () => {
    const created = await newFramework();
    const url = `${FRAMEWORKS}/${created.id}`;
    const first = await admin.patch<Framework>(
      url,
      {
        issuer: { vi: 'Chính phủ', en: 'Government' },
        adoptedOn: '2025-06-30',
        url: 'https://chinhphu.vn/',
        description: { vi: 'Mô tả', en: 'About' },
      },
      await at(url),
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      code: created.code,
      title: created.title,
      issuer: { vi: 'Chính phủ', en: 'Government' },
      adoptedOn: '2025-06-30',
      url: 'https://chinhphu.vn/',
      description: { vi: 'Mô tả', en: 'About' },
    });
    const second = await admin.patch<Framework>(
      url,
      {
        code: `${created.code}-B`,
        title: { vi: 'Tên mới', en: 'New title' },
        issuer: null,
        description: null,
      },
      await at(url),
    );
    expect(second.body).toMatchObject({
      code: `${created.code}-B`,
      title: { vi: 'Tên mới', en: 'New title' },
      issuer: null,
      description: null,
      adoptedOn: '2025-06-30',
      url: 'https://chinhphu.vn/',
    });
    expect(await t.prisma.framework.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject(
      {
        code: `${created.code}-B`,
        titleEn: 'New title',
        issuerVi: null,
        issuerEn: null,
        descriptionVi: null,
      },
    );
  });

  it('keeps the counts of a framework with commitments in the edit response', async () => {
    const nq = await t.prisma.framework.findFirstOrThrow({ where: { workspaceId, code: 'NQ-42' } });
    const { status, body } = await admin.patch<Framework>(
      `${FRAMEWORKS}/${nq.id}`,
      {
        issuer: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee' },
      },
      await at(`${FRAMEWORKS}/${nq.id}`),
    );
    expect(status).toBe(200);
    expect(body.commitmentCount).toBe(
      await t.prisma.commitment.count({ where: { frameworkId: nq.id, archived: false } }),
    );
    expect(body.issuer).toEqual({ vi: 'Ban Chấp hành Trung ương', en: 'Central Committee' });
  });

  it('refuses bad edits with 400 naming the field and duplicate codes with 409, changing nothing', async () => {
    const created = await newFramework();
    const before = await snapshot();
    for (const [payload, field] of [
      [{ code: null }, 'code'],
      [{ title: null }, 'title'],
      [{ adoptedOn: 'yesterday' }, 'adoptedOn'],
      [{ id: '00000000-0000-4000-8000-000000000000' }, 'id'],
      [{ workspaceId: '00000000-0000-4000-8000-000000000000' }, 'workspaceId'],
    ] as const) {
      const { status, body } = await admin.patch(
        `${FRAMEWORKS}/${created.id}`,
        payload,
        await at(`${FRAMEWORKS}/${created.id}`),
      );
      expect([status, fields(body)]).toEqual([400, expect.arrayContaining([field])]);
    }
    expect(
      (
        await admin.patch(
          `${FRAMEWORKS}/${created.id}`,
          { code: 'C102' },
          await at(`${FRAMEWORKS}/${created.id}`),
        )
      ).status,
    ).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['manager', 'official', 'union', 'viewer'])(
    'refuses %s@demo.test (not an administrator) with 403, changing nothing',
    async (who) => {
      const created = await newFramework();
      const client = await t.signIn(`${who}@demo.test`);
      const before = await snapshot();
      expect(
        (await client.post(FRAMEWORKS, { code: `BY-${who}`, title: { vi: 'a', en: 'b' } })).status,
      ).toBe(403);
      expect(
        (
          await client.patch(
            `${FRAMEWORKS}/${created.id}`,
            { issuer: { vi: who, en: who } },
            await at(`${FRAMEWORKS}/${created.id}`),
          )
        ).status,
      ).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('treats frameworks of another workspace as unknown (404), changing nothing', async () => {
    const slug = uniqueSlug();
    const other = await createMember(t, { slug, role: 'ADMIN' });
    const nq = await t.prisma.framework.findFirstOrThrow({ where: { workspaceId, code: 'NQ-42' } });
    const before = await snapshot();
    expect(
      (
        await other.client.patch(
          `/api/workspaces/${slug}/frameworks/${nq.id}`,
          { issuer: { vi: 'x', en: 'x' } },
          await at(`/api/workspaces/${slug}/frameworks/${nq.id}`),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await other.client.patch(
          `${FRAMEWORKS}/${nq.id}`,
          { issuer: { vi: 'x', en: 'x' } },
          await at(`${FRAMEWORKS}/${nq.id}`),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await admin.patch(
          `${FRAMEWORKS}/${crypto.randomUUID()}`,
          { issuer: { vi: 'x', en: 'x' } },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});
