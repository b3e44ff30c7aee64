import { createOtherWorkspace, type OtherWorkspace } from '../../test/other-workspace';
import { byHeader, readCsv, readXlsx, type ReadCell } from '../../test/spreadsheets';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { quarterId } from '../../test/periods';
import { EXPORT_PAGE_SIZE } from './exports.service';

interface ErrorBody {
  statusCode: number;
  details?: { field: string; message: string }[];
}

const API = '/api/workspaces/viet-nam/exports';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VI_HEADERS = [
  'Khung',
  'Số hiệu',
  'Tiêu đề (tiếng Việt)',
  'Tiêu đề (tiếng Anh)',
  'Mô tả (tiếng Việt)',
  'Mô tả (tiếng Anh)',
  'Chủ đề',
  'Trạng thái',
  'Tiến độ (%)',
  'Trọng số',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Nhóm đối tượng',
  'Ngày bắt đầu',
  'Hạn hoàn thành',
];

describe('exports (CSV and XLSX)', () => {
  let t: TestApp;
  let viewer: TestClient;
  let workspaceId: string;
  let other: OtherWorkspace;
  const today = () => new Date().toISOString().slice(0, 10);

  async function xlsx(path: string, client = viewer) {
    const res = await client.download(`${API}/${path}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    return readXlsx(res.file);
  }

  async function csv(path: string, client = viewer) {
    const res = await client.download(`${API}/${path}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return readCsv(res.file);
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
    const formulas = await t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId: bulk.id,
        reference: '-1',
        titleVi: '=HYPERLINK("http://evil.test","bấm")',
        titleEn: '+cmd|/c calc',
        descriptionVi: '@SUM(A1)',
        descriptionEn: '\t=1+1',
        leadOrgId: ilo.id,
        status: 'ON_TRACK',
        progress: 30,
        weight: 3,
        theme: 'HEALTH',
        targetGroups: ['WOMEN', 'YOUTH'],
        startDate: new Date('2019-01-15T00:00:00Z'),
        targetDate: new Date('2020-06-30T00:00:00Z'),
      },
    });
    const indicator = await t.prisma.indicator.create({
      data: {
        workspaceId,
        commitmentId: formulas.id,
        nameVi: 'Tỷ lệ bao phủ BHYT',
        nameEn: 'Health insurance coverage',
        unitVi: '%',
        unitEn: '%',
        direction: 'INCREASE',
        baselineValue: 87.5,
        baselineYear: 2020,
        targetValue: 95,
        targetYear: 2030,
      },
    });
    await t.prisma.measurement.createMany({
      data: [
        {
          workspaceId,
          indicatorId: indicator.id,
          measuredOn: new Date('2024-12-31'),
          value: 92.25,
          source: '-VSS',
        },
        { workspaceId, indicatorId: indicator.id, measuredOn: new Date('2023-12-31'), value: 90 },
      ],
    });
    await t.prisma.indicator.create({
      data: {
        workspaceId,
        commitmentId: formulas.id,
        nameVi: 'Số người tham gia BHXH tự nguyện',
        nameEn: 'Voluntary social insurance members',
        unitVi: 'người',
        unitEn: 'persons',
        direction: 'INCREASE',
        baselineValue: 1000,
        baselineYear: 2021,
        targetValue: 5000,
        targetYear: 2030,
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
    const official = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'official@demo.test' },
    });
    await t.prisma.progressUpdate.create({
      data: {
        workspaceId,
        commitmentId: formulas.id,
        authorId: official.id,
        periodId: await quarterId(t.prisma, workspaceId, '2031-Q1'),
        status: 'AT_RISK',
        progress: 35,
        narrative: '=Đã triển khai ở 3 tỉnh',
        state: 'SUBMITTED',
        submittedAt: new Date('2031-04-02T03:00:00Z'),
      },
    });
  });
  afterAll(() => t.close());

  describe('commitments', () => {
    it.each(['admin', 'manager', 'official', 'union', 'employer', 'viewer'])(
      'lets %s@demo.test download both formats, as attachments named after the workspace and day',
      async (name) => {
        const client = await t.signIn(`${name}@demo.test`);
        for (const format of ['csv', 'xlsx']) {
          const res = await client.download(`${API}/commitments.${format}`);
          expect(res.status).toBe(200);
          expect(res.headers['content-disposition']).toBe(
            `attachment; filename="commitments-viet-nam-${today()}.${format}"`,
          );
        }
      },
    );

    it('refuses an anonymous caller (401)', async () => {
      expect((await t.anonymous.get(`${API}/commitments.csv`)).status).toBe(401);
      expect((await t.anonymous.get(`${API}/commitments.xlsx`)).status).toBe(401);
    });

    it("writes headers and labels in the caller's language, or the one asked for", async () => {
      const [sheet] = await xlsx('commitments.xlsx');
      expect(sheet!.name).toBe('Cam kết');
      expect(sheet!.rows[0]).toEqual(VI_HEADERS);
      expect((await csv('commitments.csv'))[0]).toEqual(VI_HEADERS);

      const english = await xlsx('commitments.xlsx?lang=en');
      expect(english[0]!.name).toBe('Commitments');
      expect(english[0]!.rows[0]!.slice(0, 3)).toEqual([
        'Framework',
        'Reference',
        'Title (Vietnamese)',
      ]);
      const row = byHeader(english[0]!.rows).find((r) => r.Reference === "'-1")!;
      expect(row).toMatchObject({
        Status: 'On track',
        Theme: 'Health',
        'Target groups': 'Women; Youth',
      });

      await t.prisma.user.update({ where: { email: 'union@demo.test' }, data: { locale: 'en' } });
      const union = await t.signIn('union@demo.test');
      expect((await csv('commitments.csv', union))[0]![0]).toBe('Framework');
    });

    it('holds every unarchived commitment once, in reference order, across pages, the same in both formats', async () => {
      const expected = await t.prisma.commitment.findMany({
        where: { workspaceId, archived: false },
        orderBy: [{ referenceKey: 'asc' }, { id: 'asc' }],
        include: { framework: { select: { code: true } } },
      });
      expect(expected.length).toBeGreaterThan(EXPORT_PAGE_SIZE);
      const keys = expected.map((c) => `${c.framework.code} ${c.reference.replace(/^-/, "'-")}`);

      const [, ...csvRows] = await csv('commitments.csv');
      expect(csvRows.map((r) => `${r[0]} ${r[1]}`)).toEqual(keys);
      const [, ...xlsxRows] = (await xlsx('commitments.xlsx'))[0]!.rows;
      expect(xlsxRows.map((r) => `${r[0]} ${r[1]}`)).toEqual(keys);

      expect(keys).not.toContain('BULK ARCHIVED');
      expect(csvRows.find((r) => r[1] === 'B.7')!.slice(2, 4)).toEqual([
        'Cam kết số 7, "thử" xuống\ndòng',
        'Commitment 7',
      ]);
    });

    it('types numbers and dates in XLSX and writes them plainly in CSV', async () => {
      const seeded = await t.prisma.commitment.findFirstOrThrow({
        where: { workspaceId, reference: '1', framework: { code: 'NQ-42' } },
      });
      expect(seeded.titleVi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      const fromXlsx = byHeader((await xlsx('commitments.xlsx'))[0]!.rows).find(
        (r) => r.Khung === 'NQ-42' && r['Số hiệu'] === '1',
      )!;
      expect(fromXlsx).toMatchObject({
        'Tiêu đề (tiếng Việt)': seeded.titleVi,
        'Tiêu đề (tiếng Anh)': seeded.titleEn,
        'Tiến độ (%)': seeded.progress,
        'Trọng số': seeded.weight,
        'Cơ quan chủ trì': 'MOLISA',
        'Hạn hoàn thành': new Date('2030-12-31T00:00:00Z'),
      });
      expect(typeof fromXlsx['Tiến độ (%)']).toBe('number');
      expect(fromXlsx['Hạn hoàn thành']).toBeInstanceOf(Date);

      const fromCsv = byHeader(await csv('commitments.csv')).find(
        (r) => r.Khung === 'NQ-42' && r['Số hiệu'] === '1',
      )!;
      expect(fromCsv).toMatchObject({
        'Tiến độ (%)': String(seeded.progress),
        'Hạn hoàn thành': '2030-12-31',
      });
    });

    it('neutralises cells a spreadsheet would run as formulas, in both formats', async () => {
      const expected = {
        Khung: 'BULK',
        'Số hiệu': "'-1",
        'Tiêu đề (tiếng Việt)': `'=HYPERLINK("http://evil.test","bấm")`,
        'Tiêu đề (tiếng Anh)': "'+cmd|/c calc",
        'Mô tả (tiếng Việt)': "'@SUM(A1)",
        'Mô tả (tiếng Anh)': "'\t=1+1",
        'Chủ đề': 'Y tế',
        'Trạng thái': 'Đúng tiến độ',
        'Cơ quan chủ trì': 'ILO',
        'Nhóm đối tượng': 'Phụ nữ; Thanh niên',
      };
      const fromXlsx = byHeader((await xlsx('commitments.xlsx'))[0]!.rows).find(
        (r) => r.Khung === 'BULK' && r['Số hiệu'] === "'-1",
      );
      expect(fromXlsx).toMatchObject({
        ...expected,
        'Tiến độ (%)': 30,
        'Trọng số': 3,
        'Ngày bắt đầu': new Date('2019-01-15T00:00:00Z'),
      });
      const fromCsv = byHeader(await csv('commitments.csv')).find(
        (r) => r.Khung === 'BULK' && r['Số hiệu'] === "'-1",
      );
      expect(fromCsv).toMatchObject({
        ...expected,
        'Tiến độ (%)': '30',
        'Ngày bắt đầu': '2019-01-15',
      });
    });

    it('applies the list filters and sort: status, lead organization, framework, overdue, search', async () => {
      const molisa = await t.prisma.organization.findFirstOrThrow({
        where: { workspaceId, shortName: 'MOLISA' },
      });
      const byStatus = byHeader(
        (
          await xlsx(
            `commitments.xlsx?lang=en&status=ON_TRACK&status=AT_RISK&leadOrgId=${molisa.id}`,
          )
        )[0]!.rows,
      );
      expect(byStatus.length).toBe(
        await t.prisma.commitment.count({
          where: {
            workspaceId,
            archived: false,
            status: { in: ['ON_TRACK', 'AT_RISK'] },
            leadOrgId: molisa.id,
          },
        }),
      );
      expect(byStatus.length).toBeGreaterThan(0);
      for (const row of byStatus) {
        expect(['On track', 'At risk']).toContain(row.Status);
        expect(row['Lead organization']).toBe('MOLISA');
      }

      const nq = await t.prisma.framework.findFirstOrThrow({
        where: { workspaceId, code: 'NQ-42' },
      });
      const byFramework = byHeader(await csv(`commitments.csv?frameworkId=${nq.id}`));
      expect(byFramework.length).toBe(
        await t.prisma.commitment.count({ where: { frameworkId: nq.id, archived: false } }),
      );
      expect(new Set(byFramework.map((r) => r.Khung))).toEqual(new Set(['NQ-42']));

      const overdue = byHeader(await csv('commitments.csv?overdue=true'));
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((r) => r['Hạn hoàn thành']! < today())).toBe(true);

      const searched = byHeader(
        await csv(`commitments.csv?q=${encodeURIComponent('Commitment 51')}`),
      );
      expect(searched.map((r) => r['Số hiệu']).sort()).toEqual(
        ['B.51', ...Array.from({ length: 10 }, (_, i) => `B.${510 + i}`)].sort(),
      );

      const byProgress = (await xlsx('commitments.xlsx?sort=-progress'))[0]!.rows.slice(1);
      const progress = byProgress.map((r) => r[8] as number);
      expect(progress).toEqual([...progress].sort((a, b) => b - a));
    });

    it.each([
      ['status', '?status=BOGUS'],
      ['frameworkId', '?frameworkId=nq-42'],
      ['overdue', '?overdue=maybe'],
      ['limit', '?limit=10'],
      ['cursor', '?cursor=abc'],
      ['lang', '?lang=fr'],
    ])('answers 400 naming %s for %s', async (field, query) => {
      for (const format of ['csv', 'xlsx']) {
        const res = await viewer.get<ErrorBody>(`${API}/commitments.${format}${query}`);
        expect(res.status).toBe(400);
        expect(res.body.details?.map((d) => d.field)).toContain(field);
      }
    });

    it("answers 404 for another workspace's slug, and shows its commitments to no one else", async () => {
      for (const format of ['csv', 'xlsx']) {
        const path = `/api/workspaces/${other.slug}/exports/commitments.${format}`;
        expect((await viewer.get(path)).status).toBe(404);
      }
      const outsider = await t.signIn(other.email);
      expect((await outsider.get(`${API}/commitments.xlsx`)).status).toBe(404);
      const res = await outsider.download(`/api/workspaces/${other.slug}/exports/commitments.xlsx`);
      expect(res.status).toBe(200);
      const [, ...rows] = (await readXlsx(res.file))[0]!.rows;
      expect(rows.map((r) => [r[0], r[1], r[10]])).toEqual([
        [`FW-${other.slug.slice(6)}`, '1', `ORG-${other.slug.slice(6)}`],
      ]);
    });
  });

  describe('indicators', () => {
    it('writes one line per measurement, oldest first, values and dates typed', async () => {
      const [sheet] = await xlsx('indicators.xlsx');
      expect(sheet!.name).toBe('Chỉ số');
      const lines = byHeader(sheet!.rows).filter(
        (r) => r['Chỉ số (tiếng Việt)'] === 'Tỷ lệ bao phủ BHYT',
      );
      expect(lines).toEqual([
        expect.objectContaining({
          Khung: 'BULK',
          'Số hiệu': "'-1",
          'Chỉ số (tiếng Anh)': 'Health insurance coverage',
          'Đơn vị': '%',
          'Chiều mong muốn': 'Càng cao càng tốt',
          'Giá trị cơ sở': 87.5,
          'Năm cơ sở': 2020,
          'Giá trị mục tiêu': 95,
          'Năm mục tiêu': 2030,
          'Ngày đo': new Date('2023-12-31T00:00:00Z'),
          'Giá trị': 90,
          Nguồn: null,
        }),
        expect.objectContaining({
          'Ngày đo': new Date('2024-12-31T00:00:00Z'),
          'Giá trị': 92.25,
          Nguồn: "'-VSS",
        }),
      ]);
    });

    it('lists every indicator of unarchived commitments, also those without measurements, in CSV too', async () => {
      const rows = byHeader(await csv('indicators.csv?lang=en'));
      const indicators = await t.prisma.indicator.findMany({
        where: { workspaceId, commitment: { archived: false } },
        include: { _count: { select: { measurements: true } } },
      });
      expect(indicators.some((i) => i._count.measurements === 0)).toBe(true);
      expect(rows.length).toBe(
        indicators.reduce((n, i) => n + Math.max(1, i._count.measurements), 0),
      );
      expect(rows.find((r) => r.Value === '92.25')).toMatchObject({
        'Measured on': '2024-12-31',
        'Desired direction': 'Higher is better',
      });
    });
  });

  describe('progress reports of a period', () => {
    it("writes the period's reports with their state, proposal and narrative", async () => {
      const [sheet] = await xlsx('reports.xlsx?period=2031-Q1');
      expect(sheet!.name).toBe('Báo cáo tiến độ');
      expect(byHeader(sheet!.rows)).toEqual([
        expect.objectContaining({
          Khung: 'BULK',
          'Số hiệu': "'-1",
          'Tiêu đề': `'=HYPERLINK("http://evil.test","bấm")`,
          'Kỳ báo cáo': '2031-Q1',
          'Tình trạng báo cáo': 'Chờ phê duyệt',
          'Trạng thái đề xuất': 'Có rủi ro',
          'Tiến độ đề xuất (%)': 35,
          'Nội dung báo cáo': "'=Đã triển khai ở 3 tỉnh",
          'Ngày gửi': new Date('2031-04-02T00:00:00Z'),
          'Ngày quyết định': null,
        }),
      ]);
      const res = await viewer.download(`${API}/reports.csv?period=2031-Q1&lang=en`);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="reports-2031-Q1-viet-nam-${today()}.csv"`,
      );
      expect(byHeader(readCsv(res.file))).toEqual([
        expect.objectContaining({ 'Report state': 'Submitted', 'Submitted on': '2031-04-02' }),
      ]);
    });

    it('answers 400 naming period without one', async () => {
      const res = await viewer.get<ErrorBody>(`${API}/reports.xlsx`);
      expect(res.status).toBe(400);
      expect(res.body.details?.map((d) => d.field)).toContain('period');
    });
  });

  describe("the dashboard's numbers", () => {
    it('writes the summary as the dashboard shows it, with its filters', async () => {
      const summary = (
        await viewer.get<{ total: number; byFramework: { code: string; total: number }[] }>(
          '/api/workspaces/viet-nam/dashboard/summary',
        )
      ).body;
      const rows = byHeader((await xlsx('dashboard.xlsx'))[0]!.rows);
      expect(rows[0]).toMatchObject({ Nhóm: 'Tất cả', Tên: 'Tất cả', 'Số cam kết': summary.total });
      const ilc = summary.byFramework.find((f) => f.code === 'ILC-2021')!;
      expect(rows.find((r) => String(r.Tên).startsWith('ILC-2021'))).toMatchObject({
        Nhóm: 'Khung',
        'Số cam kết': ilc.total,
      });
      const statusSum = (r: Record<string, ReadCell>) =>
        [
          'Chưa bắt đầu',
          'Đúng tiến độ',
          'Có rủi ro',
          'Chậm tiến độ',
          'Hoàn thành',
          'Dừng thực hiện',
        ]
          .map((s) => r[s] as number)
          .reduce((a, b) => a + b, 0);
      expect(statusSum(rows[0]!)).toBe(summary.total);

      const nq = await t.prisma.framework.findFirstOrThrow({
        where: { workspaceId, code: 'NQ-42' },
      });
      const filtered = byHeader(await csv(`dashboard.csv?lang=en&frameworkId=${nq.id}`));
      expect(
        filtered.filter((r) => r.Group === 'Framework').map((r) => r.Name!.split(' ')[0]),
      ).toEqual(['NQ-42']);
    });
  });
});
