import { createOtherWorkspace, type OtherWorkspace } from '../../test/other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { COMMITMENT_COLUMNS, EXPORT_PAGE_SIZE } from './exports.service';

interface ErrorBody {
  statusCode: number;
  details?: { field: string; message: string }[];
}
type Row = Record<(typeof COMMITMENT_COLUMNS)[number], string>;

const BASE = '/api/workspaces/viet-nam/exports/commitments.csv';

/** RFC 4180 records of `text` (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

describe('GET /api/workspaces/:slug/exports/commitments.csv', () => {
  let t: TestApp;
  let viewer: TestClient;
  let workspaceId: string;
  let other: OtherWorkspace;
  const today = () => new Date().toISOString().slice(0, 10);

  /** The export as header + rows, checking the BOM on the way. */
  async function download(query = '', client = viewer): Promise<{ header: string[]; rows: Row[] }> {
    const res = await client.get<string>(`${BASE}${query}`);
    expect(res.status).toBe(200);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = parseCsv(res.body.slice(1));
    return {
      header: header!,
      rows: records.map(
        (r) => Object.fromEntries(COMMITMENT_COLUMNS.map((c, i) => [c, r[i]])) as Row,
      ),
    };
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    viewer = await t.signIn('viewer@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
    other = await createOtherWorkspace(t.prisma);
    // Enough commitments for several pages, some written to be read as formulas.
    const bulk = await t.prisma.framework.create({
      data: { workspaceId, code: 'BULK', titleVi: 'Khung thử', titleEn: 'Bulk framework' },
    });
    await t.prisma.commitment.createMany({
      data: Array.from({ length: EXPORT_PAGE_SIZE + 20 }, (_, i) => ({
        workspaceId,
        frameworkId: bulk.id,
        reference: `B.${i + 1}`,
        titleVi: `Cam kết số ${i + 1}, "thử" xuống\ndòng`,
        titleEn: `Commitment ${i + 1}`,
      })),
    });
    const ilo = await t.prisma.organization.findFirstOrThrow({
      where: { workspaceId, shortName: 'ILO' },
    });
    await t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId: bulk.id,
        reference: '-1',
        titleVi: '=HYPERLINK("http://evil.test","bấm")',
        titleEn: '+cmd|/c calc',
        leadOrgId: ilo.id,
        status: 'ON_TRACK',
        progress: 30,
        targetDate: new Date('2020-06-30T00:00:00Z'),
      },
    });
    await t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId: bulk.id,
        reference: 'ARCHIVED',
        titleVi: 'Đã lưu trữ',
        titleEn: 'Archived',
        archived: true,
      },
    });
  });
  afterAll(() => t.close());

  it.each(['admin', 'manager', 'official', 'union', 'employer', 'viewer'])(
    'lets %s@demo.test download it, as an attachment named after the workspace and day',
    async (name) => {
      const client = await t.signIn(`${name}@demo.test`);
      const res = await client.get<string>(BASE);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="commitments-viet-nam-${today()}.csv"`,
      );
    },
  );

  it('refuses an anonymous caller (401)', async () => {
    expect((await t.anonymous.get(BASE)).status).toBe(401);
  });

  it('starts with the UTF-8 byte order mark, then the header row', async () => {
    const res = await t.app.inject({ method: 'GET', url: BASE, headers: viewer.headers });
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header } = await download();
    expect(header).toEqual([
      'framework',
      'reference',
      'title_vi',
      'title_en',
      'status',
      'progress',
      'lead_organization',
      'target_date',
      'overdue',
    ]);
  });

  it('holds every unarchived commitment of the workspace once, in reference order, across pages', async () => {
    const { rows } = await download();
    const expected = await t.prisma.commitment.findMany({
      where: { workspaceId, archived: false },
      orderBy: [{ referenceKey: 'asc' }, { id: 'asc' }],
      include: { framework: { select: { code: true } } },
    });
    expect(expected.length).toBeGreaterThan(EXPORT_PAGE_SIZE);
    expect(rows.map((r) => `${r.framework} ${r.reference}`)).toEqual(
      expected.map((c) => `${c.framework.code} ${c.reference.replace(/^-/, "'-")}`),
    );
    expect(rows.some((r) => r.reference === 'ARCHIVED')).toBe(false);
    expect(rows.some((r) => r.title_en.includes(other.slug.slice(6)))).toBe(false);
    expect(rows.find((r) => r.reference === 'B.7')).toMatchObject({
      title_vi: 'Cam kết số 7, "thử" xuống\ndòng',
      title_en: 'Commitment 7',
    });
  });

  it('writes a known seeded commitment as its columns say', async () => {
    const seeded = await t.prisma.commitment.findFirstOrThrow({
      where: { workspaceId, reference: '1', framework: { code: 'NQ-42' } },
    });
    const { rows } = await download();
    expect(rows.find((r) => r.framework === 'NQ-42' && r.reference === '1')).toEqual({
      framework: 'NQ-42',
      reference: '1',
      title_vi: seeded.titleVi,
      title_en: seeded.titleEn,
      status: seeded.status,
      progress: String(seeded.progress),
      lead_organization: 'MOLISA',
      target_date: '2030-12-31',
      overdue: 'false',
    });
    expect(seeded.titleVi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });

  it('quotes cells a spreadsheet would run as formulas', async () => {
    const { rows } = await download();
    expect(rows.find((r) => r.title_en === "'+cmd|/c calc")).toEqual({
      framework: 'BULK',
      reference: "'-1",
      title_vi: `'=HYPERLINK("http://evil.test","bấm")`,
      title_en: "'+cmd|/c calc",
      status: 'ON_TRACK',
      progress: '30',
      lead_organization: 'ILO',
      target_date: '2020-06-30',
      overdue: 'true',
    });
  });

  it('applies the list filters: status, lead organization, framework, overdue, search', async () => {
    const molisa = await t.prisma.organization.findFirstOrThrow({
      where: { workspaceId, shortName: 'MOLISA' },
    });
    const byStatus = await download(`?status=ON_TRACK&status=AT_RISK&leadOrgId=${molisa.id}`);
    expect(byStatus.rows.length).toBe(
      await t.prisma.commitment.count({
        where: {
          workspaceId,
          archived: false,
          status: { in: ['ON_TRACK', 'AT_RISK'] },
          leadOrgId: molisa.id,
        },
      }),
    );
    expect(byStatus.rows.length).toBeGreaterThan(0);
    for (const row of byStatus.rows) {
      expect(['ON_TRACK', 'AT_RISK']).toContain(row.status);
      expect(row.lead_organization).toBe('MOLISA');
    }

    const nq = await t.prisma.framework.findFirstOrThrow({ where: { workspaceId, code: 'NQ-42' } });
    const byFramework = await download(`?frameworkId=${nq.id}`);
    expect(byFramework.rows.length).toBe(
      await t.prisma.commitment.count({ where: { frameworkId: nq.id, archived: false } }),
    );
    expect(new Set(byFramework.rows.map((r) => r.framework))).toEqual(new Set(['NQ-42']));

    const overdue = await download('?overdue=true');
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.overdue === 'true')).toBe(true);

    const searched = await download(`?q=${encodeURIComponent('Commitment 51')}`);
    expect(searched.rows.map((r) => r.reference).sort()).toEqual(
      ['B.51', ...Array.from({ length: 10 }, (_, i) => `B.${510 + i}`)].sort(),
    );
  });

  it.each([
    ['status', '?status=BOGUS'],
    ['frameworkId', '?frameworkId=nq-42'],
    ['overdue', '?overdue=maybe'],
    ['limit', '?limit=10'],
    ['cursor', '?cursor=abc'],
  ])('answers 400 naming %s for %s', async (field, query) => {
    const res = await viewer.get<ErrorBody>(`${BASE}${query}`);
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field)).toContain(field);
  });

  it("answers 404 for another workspace's slug, and shows its commitments to no one else", async () => {
    expect((await viewer.get(`/api/workspaces/${other.slug}/exports/commitments.csv`)).status).toBe(
      404,
    );
    const outsider = await t.signIn(other.email);
    expect((await outsider.get(BASE)).status).toBe(404);
    const res = await outsider.get<string>(`/api/workspaces/${other.slug}/exports/commitments.csv`);
    expect(res.status).toBe(200);
    const [, ...records] = parseCsv(res.body.slice(1));
    expect(records).toEqual([
      [
        `FW-${other.slug.slice(6)}`,
        '1',
        expect.any(String),
        expect.any(String),
        'NOT_STARTED',
        '0',
        `ORG-${other.slug.slice(6)}`,
        '',
        'false',
      ],
    ]);
  });
});
