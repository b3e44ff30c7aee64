import ExcelJS from 'exceljs';
import { readCsv, readXlsx } from '../../test/spreadsheets';
import { MultipartForm } from '../../test/multipart-form';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import type { ImportDto } from './import.dto';

const API = '/api/workspaces/viet-nam';
const HEADERS = [
  'Framework',
  'Reference',
  'Indicator (Vietnamese)',
  'Indicator (English)',
  'Unit',
  'Desired direction',
  'Baseline value',
  'Baseline year',
  'Target value',
  'Target year',
  'Measured on',
  'Value',
  'Source',
];

/** An XLSX workbook made by the spreadsheet library: one sheet per list of rows. */
async function workbook(...sheets: [string, unknown[][]][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const outcomes = (body: ImportDto) =>
  body.rows.map((r) =>
    `${r.kind} ${r.outcome} ${r.errors.map((e) => `${e.field}:${e.code}`).join()}`.trim(),
  );

describe('imports of indicators', () => {
  let t: TestApp;
  let admin: TestClient;
  let workspaceId: string;

  async function upload(file: Buffer, filename = 'chi-so.xlsx', client = admin) {
    return client.post<ImportDto>(
      `${API}/imports`,
      new MultipartForm([{ name: 'file', filename, data: file }]),
    );
  }

  async function runToEnd(id: string, client = admin): Promise<ImportDto> {
    expect((await client.post<ImportDto>(`${API}/imports/${id}/run`)).status).toBe(202);
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const { body } = await client.get<ImportDto>(`${API}/imports/${id}`);
      if (body.state === 'SUCCEEDED' || body.state === 'FAILED') return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The import did not end');
  }

  /** An unarchived commitment led by `lead` (with no indicator when `bare`), and its framework. */
  function commitmentOf(lead: string, bare = false) {
    return t.prisma.commitment.findFirstOrThrow({
      where: {
        workspaceId,
        archived: false,
        leadOrg: { shortName: lead },
        ...(bare && { indicators: { none: {} } }),
      },
      include: { framework: true },
      orderBy: { id: 'asc' },
    });
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
  });
  afterAll(() => t.close());

  it("has a template sheet of the indicators export's columns with a hint row; CSV by kind", async () => {
    const template = await readXlsx((await admin.download(`${API}/imports/template.xlsx`)).file);
    const exported = await readXlsx((await admin.download(`${API}/exports/indicators.xlsx`)).file);
    expect(template.map((s) => s.name)).toEqual(['Cam kết', 'Chỉ số']);
    expect(template[1]!.rows[0]).toEqual(exported[0]!.rows[0]);
    expect(template[1]!.rows[1]![0]).toBe('Bắt buộc: mã khung, ví dụ NQ-42');
    expect(template[1]!.rows).toHaveLength(2);

    const csv = readCsv(
      (await admin.download(`${API}/imports/template.csv?lang=en&kind=indicator`)).file,
    );
    expect(csv[0]).toEqual(HEADERS);
    expect(csv[1]![4]).toBe('Required for a new indicator, e.g. thousand people');
    const commitments = readCsv((await admin.download(`${API}/imports/template.csv`)).file);
    expect(commitments[0]![2]).toBe('Tiêu đề (tiếng Việt)');
    expect((await admin.get(`${API}/imports/template.csv?kind=report`)).status).toBe(400);
  });

  it('export → import changes nothing: every indicator line unchanged, in XLSX and CSV', async () => {
    for (const path of ['indicators.xlsx', 'indicators.csv?lang=en']) {
      const exported = await admin.download(`${API}/exports/${path}`);
      const lines = path.endsWith('xlsx')
        ? (await readXlsx(exported.file))[0]!.rows.length - 1
        : readCsv(exported.file).length - 1;
      expect(lines).toBeGreaterThan(3);
      const { body } = await upload(exported.file, path.replace(/\?.*/, ''));
      expect(body.rows.filter((r) => r.outcome !== 'unchanged')).toEqual([]);
      expect(body).toMatchObject({ total: lines, unchanged: lines, errors: 0 });
      expect(body.rows.every((r) => r.kind === 'indicator')).toBe(true);
      expect(body.mapping.filter((m) => m.column === null)).toEqual([]);
    }
  });

  it('reads the two exports put together in one workbook as unchanged', async () => {
    const [commitments] = await readXlsx(
      (await admin.download(`${API}/exports/commitments.xlsx?lang=en`)).file,
    );
    const [indicators] = await readXlsx(
      (await admin.download(`${API}/exports/indicators.xlsx?lang=en`)).file,
    );
    const file = await workbook(
      ['Commitments', commitments!.rows],
      ['Indicators', indicators!.rows],
    );
    const { body } = await upload(file);
    const total = commitments!.rows.length + indicators!.rows.length - 2;
    expect(body.rows.filter((r) => r.outcome !== 'unchanged')).toEqual([]);
    expect(body).toMatchObject({ total, unchanged: total, errors: 0 });
    expect(new Set(body.rows.map((r) => r.kind))).toEqual(new Set(['commitment', 'indicator']));
  });

  it('reads the template filled in, hint rows left in place, on both sheets', async () => {
    const [commitments, indicators] = await readXlsx(
      (await admin.download(`${API}/imports/template.xlsx`)).file,
    );
    const line = (sheet: typeof commitments, values: Record<string, unknown>) =>
      sheet!.rows[0]!.map((header) => values[String(header)] ?? null);
    const file = await workbook(
      [
        'Cam kết',
        [
          ...commitments!.rows,
          line(commitments, {
            Khung: 'NQ-42',
            'Số hiệu': 'TPL.1',
            'Tiêu đề (tiếng Việt)': 'Từ mẫu',
            'Tiêu đề (tiếng Anh)': 'From the template',
          }),
        ],
      ],
      [
        'Chỉ số',
        [
          ...indicators!.rows,
          line(indicators, {
            Khung: 'NQ-42',
            'Số hiệu': 'TPL.1',
            'Chỉ số (tiếng Việt)': 'Tỷ lệ',
            'Chỉ số (tiếng Anh)': 'Rate',
            'Đơn vị': 'phần trăm',
            'Chiều mong muốn': 'Càng cao càng tốt',
            'Giá trị cơ sở': 1,
            'Năm cơ sở': 2024,
            'Giá trị mục tiêu': 2,
            'Năm mục tiêu': 2030,
          }),
        ],
      ],
    );
    const { body } = await upload(file);
    expect(outcomes(body)).toEqual(['commitment create', 'indicator create']);
    expect(body.rows.map((r) => r.line)).toEqual([3, 3]);
  });

  it('creates and updates indicators and measurements, recorded with the import; again: unchanged', async () => {
    const indicator = await t.prisma.indicator.findFirstOrThrow({
      where: { workspaceId, commitment: { archived: false }, measurements: { some: {} } },
      include: {
        measurements: { orderBy: { measuredOn: 'asc' } },
        commitment: { include: { framework: true } },
      },
    });
    const first = indicator.measurements[0]!;
    const { commitment } = indicator;
    const same = [
      commitment.framework.code,
      commitment.reference,
      indicator.nameVi,
      indicator.nameEn,
      indicator.unitEn,
      indicator.direction === 'INCREASE' ? 'Higher is better' : 'Lower is better',
      Number(indicator.baselineValue),
      indicator.baselineYear,
    ];
    const rows = [
      HEADERS,
      // the target changes, and a measurement of a new date is added
      [...same, 123.5, indicator.targetYear, '2031-06-30', 7, 'GSO'],
      // the stored measurement of its date takes another value
      [
        ...same,
        123.5,
        indicator.targetYear,
        first.measuredOn,
        Number(first.value) + 1,
        first.source,
      ],
      // a new indicator, with two measurements (a decimal comma in one)
      [
        commitment.framework.code,
        commitment.reference,
        'Chỉ số mới',
        'New indicator',
        '%',
        'Càng thấp càng tốt',
        10,
        2020,
        5,
        2030,
        new Date(Date.UTC(2025, 0, 1)),
        '8,5',
        null,
      ],
      [
        commitment.framework.code,
        commitment.reference,
        'Chỉ số mới',
        'New indicator',
        '%',
        'Lower is better',
        10,
        2020,
        5,
        2030,
        '31/12/2025',
        7.25,
        null,
      ],
    ];
    const file = await workbook(['Indicators', rows]);
    const dryRun = await upload(file);
    expect(outcomes(dryRun.body)).toEqual([
      'indicator create',
      'indicator update',
      'indicator create',
      'indicator create',
    ]);
    expect(dryRun.body.rows[0]).toMatchObject({
      indicator: indicator.nameVi,
      changedFields: ['target_value'],
    });
    expect(dryRun.body.rows[1]!.changedFields).toEqual(['value']);

    const done = await runToEnd(dryRun.body.id);
    expect(done).toMatchObject({ state: 'SUCCEEDED', processed: 4 });
    const after = await t.prisma.indicator.findUniqueOrThrow({
      where: { id: indicator.id },
      include: { measurements: true },
    });
    expect(Number(after.targetValue)).toBe(123.5);
    expect(after.version).toBe(indicator.version + 1);
    expect(after.measurements).toHaveLength(indicator.measurements.length + 1);
    expect(Number(after.measurements.find((m) => m.id === first.id)!.value)).toBe(
      Number(first.value) + 1,
    );
    const added = after.measurements.find((m) => m.source === 'GSO')!;
    expect([added.measuredOn.toISOString().slice(0, 10), Number(added.value)]).toEqual([
      '2031-06-30',
      7,
    ]);
    const created = await t.prisma.indicator.findFirstOrThrow({
      where: { commitmentId: commitment.id, nameEn: 'New indicator' },
      include: { measurements: { orderBy: { measuredOn: 'asc' } } },
    });
    expect(created).toMatchObject({
      nameVi: 'Chỉ số mới',
      unitVi: '%',
      unitEn: '%',
      direction: 'DECREASE',
    });
    expect(
      created.measurements.map((m) => [m.measuredOn.toISOString().slice(0, 10), Number(m.value)]),
    ).toEqual([
      ['2025-01-01', 8.5],
      ['2025-12-31', 7.25],
    ]);
    const events = await t.prisma.activityEvent.findMany({
      where: { importJobId: dryRun.body.id },
    });
    expect(events.map((e) => `${e.entityType} ${e.action}`).sort()).toEqual([
      'indicator created',
      'indicator updated',
      'measurement created',
      'measurement created',
      'measurement created',
      'measurement updated',
    ]);
    expect(events.every((e) => e.commitmentId === commitment.id)).toBe(true);

    const again = await upload(file);
    expect(again.body).toMatchObject({ unchanged: 4, creates: 0, updates: 0, errors: 0 });
  });

  it("takes measurement lines that leave their indicator's columns blank", async () => {
    const indicator = await t.prisma.indicator.findFirstOrThrow({
      where: { workspaceId, commitment: { archived: false } },
      include: { commitment: { include: { framework: true } } },
      orderBy: { id: 'desc' },
    });
    const { commitment } = indicator;
    const blank = [null, null, null, null, null, null];
    const rows = [
      HEADERS,
      // an existing indicator: only its names, a date and a value
      [
        commitment.framework.code,
        commitment.reference,
        indicator.nameVi,
        null,
        ...blank,
        '2032-03-31',
        4,
        null,
      ],
      // a new indicator: every column on its first line, the second line blank but for its name
      [
        commitment.framework.code,
        commitment.reference,
        'Chỉ số thưa',
        'Sparse indicator',
        '%',
        'Higher is better',
        1,
        2020,
        9,
        2030,
        '2031-01-31',
        2,
        null,
      ],
      [
        commitment.framework.code,
        commitment.reference,
        'Chỉ số thưa',
        null,
        ...blank,
        '2031-02-28',
        3,
        null,
      ],
    ];
    const { status, body } = await upload(await workbook(['Indicators', rows]));
    expect(status).toBe(200);
    // each line adds a measurement (a create), none is refused for its blank columns
    expect(outcomes(body)).toEqual(['indicator create', 'indicator create', 'indicator create']);
    expect((await runToEnd(body.id)).state).toBe('SUCCEEDED');
    const stored = await t.prisma.indicator.findFirstOrThrow({
      where: { id: indicator.id },
      include: { measurements: { where: { measuredOn: new Date('2032-03-31') } } },
    });
    expect(stored).toMatchObject({ unitVi: indicator.unitVi, targetYear: indicator.targetYear });
    expect(stored.measurements.map((m) => Number(m.value))).toEqual([4]);
    const sparse = await t.prisma.indicator.findFirstOrThrow({
      where: { commitmentId: commitment.id, nameEn: 'Sparse indicator' },
      include: { measurements: { orderBy: { measuredOn: 'asc' } } },
    });
    expect(sparse.measurements.map((m) => Number(m.value))).toEqual([2, 3]);
  });

  it('marks bad lines with the column and the reason', async () => {
    const c = await commitmentOf('MOLISA');
    const base = [
      c.framework.code,
      c.reference,
      'Lỗi',
      'Faulty',
      '%',
      'Higher is better',
      1,
      2020,
      2,
      2030,
    ];
    const indicatorA = [
      c.framework.code,
      c.reference,
      'Chỉ số A',
      'Indicator A',
      '%',
      'Higher is better',
      1,
      2020,
    ];
    const file = await workbook([
      'Indicators',
      [
        HEADERS,
        [c.framework.code, 'no-such-ref', ...base.slice(2), '2025-01-01', 1, null],
        [...base, '2025-01-01', 'abc', null],
        [...base.slice(0, 6), 1, 2020, 2, 2030, '31/02/2025', 1, null],
        [...base.slice(0, 8), 2, 2019, null, null, null],
        [...base.slice(0, 6), 'x', 2020, 2, 2030, null, null, null],
        [...base.slice(0, 5), 'Sideways', 1, 2020, 2, 2030, null, null, null],
        // indicator A, then a line that disagrees with its first, then the same date twice
        [...indicatorA, 2, 2030, null, null, null],
        [...indicatorA, 3, 2030, null, null, null],
        [...indicatorA, 2, 2030, '2025-01-01', 5, null],
        [...indicatorA, 2, 2030, '2025-01-01', 6, null],
      ],
    ]);
    const { body } = await upload(file);
    expect(outcomes(body)).toEqual([
      'indicator error reference:unknownCode',
      'indicator error value:invalidNumber',
      'indicator error measured_on:invalidDate',
      'indicator error target_year:yearOrder',
      'indicator error baseline_value:invalidNumber',
      'indicator error direction:unknownCode',
      'indicator create',
      'indicator error target_value:inconsistent',
      'indicator create',
      'indicator error measured_on:duplicateRow',
    ]);
    expect(body.errors).toBe(8);
    expect((await admin.post(`${API}/imports/${body.id}/run`)).status).toBe(409);
    const errors = await readXlsx(
      (await admin.download(`${API}/imports/${body.id}/errors.xlsx?lang=en`)).file,
    );
    expect(errors.map((s) => s.name)).toEqual(['Rejected rows', 'Rejected indicators']);
    expect(errors[1]!.rows.slice(1).map((r) => r[0])).toEqual([2, 3, 4, 5, 6, 7, 9, 11]);
    expect(errors[1]!.rows[2]![1]).toBe('Value: is not a valid number');
  });

  it('refuses a line whose name two indicators of the commitment share, rather than guess', async () => {
    const c = await commitmentOf('MOLISA', true);
    const twin = (nameEn: string) => ({
      workspaceId,
      commitmentId: c.id,
      nameVi: 'Chỉ số trùng tên',
      nameEn,
      unitVi: '%',
      unitEn: '%',
      direction: 'INCREASE' as const,
      baselineValue: 1,
      baselineYear: 2020,
      targetValue: 2,
      targetYear: 2030,
    });
    await t.prisma.indicator.createMany({ data: [twin('Twin one'), twin('Twin two')] });
    const line = (nameVi: string | null, nameEn: string | null) => [
      c.framework.code,
      c.reference,
      nameVi,
      nameEn,
      null,
      null,
      null,
      null,
      null,
      null,
      '2025-03-01',
      1.5,
      null,
    ];
    const file = await workbook([
      'Indicators',
      [HEADERS, line('Chỉ số trùng tên', null), line('Chỉ số trùng tên', 'Twin two')],
    ]);
    const { body } = await upload(file);
    // Both names tell Twin two apart: its measurement is added (a new indicator would lack a unit).
    expect(outcomes(body)).toEqual([
      'indicator error indicator_vi:ambiguousIndicator',
      'indicator create',
    ]);
    const errors = await readXlsx(
      (await admin.download(`${API}/imports/${body.id}/errors.xlsx?lang=vi`)).file,
    );
    expect(errors[1]!.rows[1]![1]).toMatch(/trùng tên: hãy đổi tên một chỉ số trước/);
    await t.prisma.indicator.deleteMany({ where: { commitmentId: c.id } });
  });

  it('reads a sheet of unknown headers as indicators when the mapping chooses so', async () => {
    const c = await commitmentOf('MOLISA', true);
    const headers = [
      'Khung',
      'Số hiệu',
      'Tên chỉ tiêu',
      'Name',
      'ĐVT',
      'Hướng',
      'CS',
      'Năm CS',
      'MT',
      'Năm MT',
    ];
    const file = await workbook([
      'Chỉ tiêu',
      [
        headers,
        [
          c.framework.code,
          c.reference,
          'Chỉ tiêu chọn',
          'Chosen',
          '%',
          'Higher is better',
          1,
          2020,
          5,
          2030,
        ],
      ],
    ]);
    const keys = [
      'framework',
      'reference',
      'indicator_vi',
      'indicator_en',
      'unit_vi',
      'direction',
      'baseline_value',
      'baseline_year',
      'target_value',
      'target_year',
    ];
    const mapping = Object.fromEntries(headers.map((h, i) => [h, keys[i]!]));
    const { body } = await admin.post<ImportDto>(
      `${API}/imports`,
      new MultipartForm([
        { name: 'sheets', value: JSON.stringify([{ sheet: 0, kind: 'indicator', mapping }]) },
        { name: 'file', filename: 'chi-tieu.xlsx', data: file },
      ]),
    );
    expect(body.sheets).toEqual([
      {
        index: 0,
        name: 'Chỉ tiêu',
        detected: 'indicator',
        kind: 'indicator',
        rows: 1,
        columns: headers.map((header, i) => ({ header, column: keys[i] })),
      },
    ]);
    expect(outcomes(body)).toEqual(['indicator create']);
    expect(body.rows[0]).toMatchObject({ sheet: 'Chỉ tiêu', line: 2, indicator: 'Chỉ tiêu chọn' });
  });

  it("reads a workbook of both kinds: a new commitment's indicators in the same file", async () => {
    const file = await workbook(
      [
        'Commitments',
        [
          ['Framework', 'Reference', 'Title (Vietnamese)', 'Title (English)', 'Lead organization'],
          ['NQ-42', 'IND.1', 'Cam kết có chỉ số', 'Commitment with indicators', 'MOLISA'],
        ],
      ],
      [
        'Indicators',
        [
          HEADERS,
          [
            'NQ-42',
            'IND.1',
            'Số người',
            'People',
            'người',
            'Higher is better',
            0,
            2024,
            100,
            2030,
            '2025-06-30',
            10,
            'Bộ',
          ],
        ],
      ],
    );
    const dryRun = await upload(file);
    expect(outcomes(dryRun.body)).toEqual(['commitment create', 'indicator create']);
    expect(dryRun.body.mapping.map((m) => m.kind)).toEqual([
      ...Array(5).fill('commitment'),
      ...Array(13).fill('indicator'),
    ]);
    expect(dryRun.body.mapping.find((m) => m.header === 'Unit')).toMatchObject({
      column: 'unit_en',
    });
    const done = await runToEnd(dryRun.body.id);
    expect(done).toMatchObject({ state: 'SUCCEEDED', processed: 2 });
    const created = await t.prisma.commitment.findFirstOrThrow({
      where: { workspaceId, reference: 'IND.1' },
      include: { indicators: { include: { measurements: true } } },
    });
    expect(created.indicators.map((i) => [i.nameEn, i.unitVi, i.measurements.length])).toEqual([
      ['People', 'người', 1],
    ]);
  });

  it('writes nothing when an indicator line no longer passes at run time, commitments included', async () => {
    const c = await commitmentOf('VGCL');
    const file = await workbook(
      [
        'Commitments',
        [
          ['Framework', 'Reference', 'Title (Vietnamese)', 'Title (English)', 'Lead organization'],
          ['NQ-42', 'IND.2', 'Sẽ không có', 'Never written', 'MOLISA'],
        ],
      ],
      [
        'Indicators',
        [
          HEADERS,
          [
            c.framework.code,
            c.reference,
            'Không',
            'Never',
            '%',
            'Higher is better',
            0,
            2024,
            1,
            2030,
            null,
            null,
            null,
          ],
        ],
      ],
    );
    const dryRun = await upload(file);
    expect(dryRun.body).toMatchObject({ creates: 2, errors: 0 });
    await t.prisma.commitment.update({ where: { id: c.id }, data: { archived: true } });
    const done = await runToEnd(dryRun.body.id);
    expect(done.state).toBe('FAILED');
    expect(done.failure).toMatch(/sheet Indicators, row 2, reference: this commitment is archived/);
    expect(done.failureRow).toEqual({
      kind: 'indicator',
      sheet: 'Indicators',
      line: 2,
      field: 'reference',
      code: 'archived',
      count: 1,
    });
    expect(await t.prisma.commitment.count({ where: { workspaceId, reference: 'IND.2' } })).toBe(0);
    expect(await t.prisma.indicator.count({ where: { nameEn: 'Never' } })).toBe(0);
    expect(await t.prisma.activityEvent.count({ where: { importJobId: dryRun.body.id } })).toBe(0);
    await t.prisma.commitment.update({ where: { id: c.id }, data: { archived: false } });
  });

  it("lets an EDITOR import only their organization's commitments' indicators", async () => {
    const official = await t.signIn('official@demo.test');
    const molisa = await t.prisma.organization.findFirstOrThrow({
      where: { workspaceId, shortName: 'MOLISA' },
    });
    const own = await commitmentOf('MOLISA');
    const other = await t.prisma.commitment.findFirstOrThrow({
      where: {
        workspaceId,
        archived: false,
        leadOrg: { shortName: 'VGCL' },
        NOT: { coOrgIds: { has: molisa.id } },
      },
      include: { framework: true },
    });
    const line = (c: typeof own) => [
      c.framework.code,
      c.reference,
      'Của tôi',
      'Mine',
      '%',
      'Higher is better',
      0,
      2024,
      1,
      2030,
      null,
      null,
      null,
    ];
    const file = await workbook(['Indicators', [HEADERS, line(own), line(other)]]);
    const { body } = await upload(file, 'chi-so.xlsx', official);
    expect(outcomes(body)).toEqual(['indicator create', 'indicator error reference:forbidden']);
  });
});
