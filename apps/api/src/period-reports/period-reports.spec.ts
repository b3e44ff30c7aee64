import { createHash, randomUUID } from 'node:crypto';
import { createOtherWorkspace } from '../../test/other-workspace';
import { pdfText } from '../../test/pdf-text';
import { quarterId } from '../../test/periods';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import type { PeriodReportDto, PeriodReportListDto } from './period-report.dto';
import { REPORT_BATCH } from './period-reports.service';

const API = '/api/workspaces/viet-nam';

interface ErrorBody {
  code: string;
  details?: { field: string; code: string }[];
}

const EXTEND = {
  vi: 'Mở rộng bảo hiểm xã hội tự nguyện cho lao động phi chính thức',
  en: 'Extend voluntary social insurance to informal workers',
};
const NARRATIVE =
  'Nghị định hướng dẫn đã được ban hành; 1,2 triệu người lao động tự do đã tham gia.';
const RATIONALE = 'Mức đóng vẫn còn cao đối với người lao động thu nhập thấp.';

describe('period reports', () => {
  let t: TestApp;
  let manager: TestClient;
  let official: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let frameworkId: string;
  let q3: string;

  /** Asks for a report and follows it, as the Reports page does, until it ends. */
  async function generate(body: object, client = manager): Promise<PeriodReportDto> {
    const queued = await client.post<PeriodReportDto>(`${API}/period-reports`, body);
    expect(queued.status).toBe(202);
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(queued.body.state);
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const { body: report } = await client.get<PeriodReportDto>(
        `${API}/period-reports/${queued.body.id}`,
      );
      if (report.state === 'SUCCEEDED' || report.state === 'FAILED') return report;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The report did not end');
  }

  async function download(id: string, client = manager) {
    const response = await client.download(`${API}/period-reports/${id}/download`);
    expect(response.status).toBe(200);
    return response;
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    manager = await t.signIn('manager@demo.test');
    official = await t.signIn('official@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
    const orgs = new Map(
      (await t.prisma.organization.findMany({ where: { workspaceId } })).map((o) => [
        o.shortName,
        o.id,
      ]),
    );
    const author = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'official@demo.test' },
    });
    const approver = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'manager@demo.test' },
    });
    // A framework of its own, so that the report's filter selects exactly these items.
    frameworkId = (
      await t.prisma.framework.create({
        data: {
          workspaceId,
          code: `BC-${randomUUID().slice(0, 6)}`,
          titleVi: 'Khung thử nghiệm báo cáo kỳ',
          titleEn: 'Period report test framework',
        },
      })
    ).id;
    const commitment = (reference: string, data: object) =>
      t.prisma.commitment.create({
        data: {
          workspaceId,
          frameworkId,
          reference,
          leadOrgId: orgs.get('MOLISA')!,
          ...data,
        } as never,
      });
    const extend = await commitment('1.1', {
      titleVi: EXTEND.vi,
      titleEn: EXTEND.en,
      status: 'ON_TRACK',
      progress: 60,
    });
    await commitment('1.2', {
      titleVi: 'Xây dựng hệ thống trợ cấp thất nghiệp linh hoạt',
      titleEn: 'Build a flexible unemployment benefit',
      status: 'AT_RISK',
      progress: 20,
    });
    await commitment('1.3', {
      titleVi: 'Số hoá hồ sơ người tham gia bảo hiểm',
      titleEn: 'Digitise the records of insured people',
      status: 'COMPLETED',
      progress: 100,
    });
    q3 = await quarterId(t.prisma, workspaceId, '2026-Q3');
    const q2 = await quarterId(t.prisma, workspaceId, '2026-Q2');
    for (const [periodId, progress, narrative] of [
      [q2, 40, 'Dự thảo nghị định đã được lấy ý kiến.'],
      [q3, 60, NARRATIVE],
    ] as const) {
      await t.prisma.progressUpdate.create({
        data: {
          workspaceId,
          commitmentId: extend.id,
          authorId: author.id,
          periodId,
          approvedPeriodId: periodId,
          status: 'ON_TRACK',
          progress,
          narrative,
          state: 'APPROVED',
          submittedAt: new Date('2026-09-20T00:00:00Z'),
          decidedAt: new Date('2026-09-25T00:00:00Z'),
          decidedById: approver.id,
        },
      });
    }
    await t.prisma.evidence.create({
      data: {
        workspaceId,
        commitmentId: extend.id,
        kind: 'LINK',
        title: 'Nghị định số 158/2025/NĐ-CP',
        url: 'https://vanban.chinhphu.vn/nghi-dinh-158-2025',
        createdAt: new Date('2026-09-15T00:00:00Z'),
      },
    });
    const indicator = await t.prisma.indicator.create({
      data: {
        workspaceId,
        commitmentId: extend.id,
        nameVi: 'Số người tham gia bảo hiểm xã hội tự nguyện',
        nameEn: 'People in voluntary social insurance',
        unitVi: 'triệu người',
        unitEn: 'million people',
        direction: 'INCREASE',
        baselineValue: 0.5,
        baselineYear: 2021,
        targetValue: 2.5,
        targetYear: 2030,
      },
    });
    await t.prisma.measurement.create({
      data: {
        workspaceId,
        indicatorId: indicator.id,
        measuredOn: new Date('2026-09-01'),
        value: 1.2,
      },
    });
    await t.prisma.position.create({
      data: {
        workspaceId,
        commitmentId: extend.id,
        organizationId: orgs.get('VGCL')!,
        position: 'DISAGREE',
        rationale: RATIONALE,
        decidedOn: new Date('2026-09-10'),
      },
    });
  });
  afterAll(() => t.close());

  it('generates the PDF of a period in Vietnamese: titles with diacritics, counts, narratives', async () => {
    const report = await generate({ periodId: q3, frameworkId: [frameworkId], language: 'vi' });
    expect(report).toMatchObject({
      state: 'SUCCEEDED',
      periodId: q3,
      periodKey: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      language: 'vi',
      items: 3,
      filters: { frameworkId: [frameworkId], leadOrgId: [], theme: [], targetGroup: [] },
      createdBy: { displayName: expect.any(String) },
      fileName: 'bao-cao-ky-2026-Q3-viet-nam.pdf',
    });
    const { headers, file } = await download(report.id, viewer);
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-disposition']).toBe(
      'attachment; filename="bao-cao-ky-2026-Q3-viet-nam.pdf"',
    );
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(file);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (const expected of [
      'Báo cáo tiến độ thực hiện cam kết',
      'Kỳ báo cáo: 2026-Q3 (01/07/2026 – 30/09/2026)',
      'Khung: ',
      'Số cam kết: 3',
      'Số cam kết theo trạng thái',
      'Tiến độ: 60% · Số cam kết: 3 · Hoàn thành: 1',
      EXTEND.vi,
      'Xây dựng hệ thống trợ cấp thất nghiệp linh hoạt',
      'Trạng thái: Đúng tiến độ · Tiến độ: 60% (+20 điểm so với kỳ 2026-Q2)',
      'Trạng thái: Có rủi ro · Tiến độ: 20% (chưa có báo cáo kỳ trước)',
      'Báo cáo đã phê duyệt (2026-Q3)',
      NARRATIVE,
      'Nghị định số 158/2025/NĐ-CP',
      'https://vanban.chinhphu.vn/nghi-dinh-158-2025',
      'Số người tham gia bảo hiểm xã hội tự nguyện: Giá trị mới nhất 1,2 triệu người (01/09/2026)',
      'Phụ lục: Ý kiến của các tổ chức',
      'VGCL: Không đồng ý (10/09/2026)',
      RATIONALE,
    ]) {
      expect(text).toContain(expected);
    }
    // The approved report of the previous period is not this period's narrative.
    expect(text).not.toContain('Dự thảo nghị định đã được lấy ý kiến.');
  });

  it('writes a date range in English, and the same data gives the same document', async () => {
    const body = {
      from: '2026-07-01',
      to: '2026-12-31',
      frameworkId: [frameworkId],
      language: 'en',
    };
    const first = await generate(body);
    const second = await generate(body);
    expect(first).toMatchObject({ state: 'SUCCEEDED', periodId: null, periodKey: null, items: 3 });
    expect(first.fileName).toBe('period-report-2026-07-01_2026-12-31-viet-nam.pdf');
    const [a, b] = [(await download(first.id)).file, (await download(second.id)).file];
    expect(createHash('sha256').update(a).digest('hex')).toBe(
      createHash('sha256').update(b).digest('hex'),
    );
    const { text } = await pdfText(a);
    for (const expected of [
      'Progress report on commitments',
      'Dates: 01/07/2026 – 31/12/2026',
      EXTEND.en,
      'Status: On track · Progress: 60% (+20 points since 2026-Q2)',
      NARRATIVE,
      "Annex: organisations' positions",
      'VGCL: Disagree',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws more items than one batch, with the positions of every batch in the annex', async () => {
    const big = await t.prisma.framework.create({
      data: {
        workspaceId,
        code: `LON-${randomUUID().slice(0, 6)}`,
        titleVi: 'Khung nhiều cam kết',
        titleEn: 'Framework of many commitments',
      },
    });
    const count = REPORT_BATCH + 30;
    await t.prisma.commitment.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        workspaceId,
        frameworkId: big.id,
        reference: String(i + 1).padStart(3, '0'),
        titleVi: `Cam kết thứ ${i + 1} về trợ giúp xã hội`,
        titleEn: `Commitment ${i + 1} on social assistance`,
      })),
    });
    const [first, last] = await Promise.all(
      ['001', String(count)].map((reference) =>
        t.prisma.commitment.findFirstOrThrow({ where: { frameworkId: big.id, reference } }),
      ),
    );
    const vcci = await t.prisma.organization.findFirstOrThrow({
      where: { workspaceId, shortName: 'VCCI' },
    });
    for (const [commitment, rationale] of [
      [first!, 'Ủng hộ lộ trình đề xuất.'],
      [last!, 'Cần đánh giá tác động đối với doanh nghiệp nhỏ.'],
    ] as const) {
      await t.prisma.position.create({
        data: {
          workspaceId,
          commitmentId: commitment.id,
          organizationId: vcci.id,
          position: 'RESERVATION',
          rationale,
          decidedOn: new Date('2026-09-01'),
        },
      });
    }
    const report = await generate({ periodId: q3, frameworkId: [big.id] });
    expect(report).toMatchObject({ state: 'SUCCEEDED', items: count });
    const { text } = await pdfText((await download(report.id)).file);
    expect(text).toContain(`Số cam kết: ${count}`);
    expect(text).toContain('001 — Cam kết thứ 1 về trợ giúp xã hội');
    expect(text).toContain(`${count} — Cam kết thứ ${count} về trợ giúp xã hội`);
    expect(text).toContain('Ủng hộ lộ trình đề xuất.');
    expect(text).toContain('Cần đánh giá tác động đối với doanh nghiệp nhỏ.');
    expect(text.match(/VCCI: Bảo lưu ý kiến/g)).toHaveLength(2);
  });

  it('lists the reports newest first for every member', async () => {
    const { status, body } = await viewer.get<PeriodReportListDto>(`${API}/period-reports`);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(3);
    const times = body.items.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('says which field is wrong', async () => {
    const cases: [object, string, string][] = [
      [{}, 'from', 'required'],
      [{ from: '2026-07-01' }, 'to', 'required'],
      [{ from: '2026-07-01', to: '2026-06-30' }, 'to', 'beforeOther'],
      [{ periodId: q3, from: '2026-07-01' }, 'from', 'invalidFormat'],
      [{ periodId: randomUUID() }, 'periodId', 'unknownReference'],
      [{ periodId: q3, language: 'fr' }, 'language', 'notInEnum'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from', 'notDate'],
    ];
    for (const [body, field, code] of cases) {
      const response = await manager.post<ErrorBody>(`${API}/period-reports`, body);
      expect({ body, status: response.status, field: response.body.details?.[0]?.field }).toEqual({
        body,
        status: 400,
        field,
      });
      expect(response.body.details?.[0]?.code).toBe(code);
    }
  });

  it('lets only managers and administrators generate; a report not ready is a 409', async () => {
    const refused = await official.post<ErrorBody>(`${API}/period-reports`, { periodId: q3 });
    expect(refused.status).toBe(403);
    const pending = await t.prisma.periodReport.create({
      data: {
        workspaceId,
        startsOn: new Date('2026-07-01'),
        endsOn: new Date('2026-09-30'),
        filters: { frameworkId: [], leadOrgId: [], theme: [], targetGroup: [] },
        language: 'vi',
      },
    });
    const early = await viewer.get<ErrorBody>(`${API}/period-reports/${pending.id}/download`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('invalidState');
  });

  it("does not show another workspace's reports, nor use its periods", async () => {
    const other = await createOtherWorkspace(t.prisma, 'MANAGER');
    const outsider = await t.signIn(other.email);
    const [mine] = (await manager.get<PeriodReportListDto>(`${API}/period-reports`)).body.items;
    for (const path of [`period-reports/${mine!.id}`, `period-reports/${mine!.id}/download`]) {
      expect((await outsider.get(`/api/workspaces/${other.slug}/${path}`)).status).toBe(404);
    }
    const listed = await outsider.get<PeriodReportListDto>(
      `/api/workspaces/${other.slug}/period-reports`,
    );
    expect(listed.body.items).toEqual([]);
    const foreignPeriod = await outsider.post<ErrorBody>(
      `/api/workspaces/${other.slug}/period-reports`,
      { periodId: q3 },
    );
    expect(foreignPeriod.status).toBe(400);
    expect(foreignPeriod.body.details?.[0]?.field).toBe('periodId');
  });
});
