import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readCsv, readXlsx } from '../../test/spreadsheets';
import { MAX_IMPORT_TEXT } from './import-file';
import { MultipartForm } from '../../test/multipart-form';
import { createOtherWorkspace } from '../../test/other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import type { ImportDto } from './import.dto';

const API = '/api/workspaces/viet-nam';
const EN_HEADERS = [
  'Framework',
  'Reference',
  'Title (Vietnamese)',
  'Title (English)',
  'Lead organization',
  'Target date',
];

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; code: string; max?: number; allowed?: string[] }[];
}

/** An XLSX workbook made by the spreadsheet library, as a spreadsheet program would save it. */
async function workbook(
  rows: unknown[][],
  edit?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Commitments');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function csv(rows: string[][]): string {
  return rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
}

describe('imports', () => {
  let t: TestApp;
  let admin: TestClient;
  let official: TestClient;
  let workspaceId: string;

  async function upload(
    file: Buffer,
    filename = 'cam-ket.xlsx',
    client = admin,
    fields: Record<string, string> = {},
  ) {
    let form = new MultipartForm([{ name: 'file', filename, data: file }]);
    for (const [name, value] of Object.entries(fields)) form = form.with({ name, value });
    return client.post<ImportDto & ErrorBody>(`${API}/imports`, form);
  }

  /** Runs the import and follows it (as the progress bar does) until it ends. */
  async function runToEnd(id: string, client = admin): Promise<ImportDto> {
    const queued = await client.post<ImportDto>(`${API}/imports/${id}/run`);
    expect(queued.status).toBe(202);
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(queued.body.state);
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const { body } = await client.get<ImportDto>(`${API}/imports/${id}`);
      if (body.state === 'SUCCEEDED' || body.state === 'FAILED') return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The import did not end');
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    official = await t.signIn('official@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
  });
  afterAll(() => t.close());

  describe('the template', () => {
    it("has the export's columns and a hint row, in the caller's language or the one asked for", async () => {
      const template = await admin.download(`${API}/imports/template.xlsx`);
      expect(template.status).toBe(200);
      const [sheet] = await readXlsx(template.file);
      const exported = await readXlsx(
        (await admin.download(`${API}/exports/commitments.xlsx`)).file,
      );
      expect(sheet!.rows[0]).toEqual(exported[0]!.rows[0]);
      expect(sheet!.rows[1]![0]).toBe('Bắt buộc: mã khung, ví dụ NQ-42');
      expect(sheet!.rows).toHaveLength(2);

      const english = readCsv((await admin.download(`${API}/imports/template.csv?lang=en`)).file);
      expect(english[0]!.slice(0, 2)).toEqual(['Framework', 'Reference']);
      expect(english[1]![0]).toBe('Required: framework code, e.g. NQ-42');
    });
  });

  describe('the round trip', () => {
    it('export → import changes nothing: every row unchanged, in XLSX and in CSV', async () => {
      const nq = await t.prisma.framework.findFirstOrThrow({
        where: { workspaceId, code: 'NQ-42' },
      });
      const count = await t.prisma.commitment.count({
        where: { frameworkId: nq.id, archived: false },
      });
      for (const format of ['xlsx', 'csv']) {
        const exported = await admin.download(
          `${API}/exports/commitments.${format}?frameworkId=${nq.id}`,
        );
        const dryRun = await upload(exported.file, `export.${format}`);
        expect(dryRun.status).toBe(200);
        expect(dryRun.body).toMatchObject({
          format,
          state: 'VALIDATED',
          total: count,
          unchanged: count,
          errors: 0,
        });
        expect(dryRun.body.mapping.filter((m) => m.column === null)).toEqual([]);
      }
    });

    it('reads a template filled in (hint row left in place) as new commitments', async () => {
      const [sheet] = await readXlsx(
        (await admin.download(`${API}/imports/template.xlsx?lang=en`)).file,
      );
      const file = await workbook([
        sheet!.rows[0]!,
        sheet!.rows[1]!,
        [
          'NQ-42',
          'T.1',
          'Cam kết từ mẫu',
          'From the template',
          null,
          null,
          'Health',
          null,
          null,
          2,
          'MOLISA',
          'VSS; VGCL',
          'Women; Thanh niên',
          new Date('2026-01-01'),
          '31/12/2027',
        ],
      ]);
      const { body } = await upload(file);
      expect(body).toMatchObject({ total: 1, creates: 1, errors: 0 });
      expect(body.rows[0]).toMatchObject({
        line: 3,
        outcome: 'create',
        framework: 'NQ-42',
        reference: 'T.1',
      });
    });
  });

  describe('creates and updates', () => {
    it('dry-runs without writing, then runs in the background and records each change with the import', async () => {
      const existing = await t.prisma.commitment.findFirstOrThrow({
        where: { workspaceId, reference: '1', framework: { code: 'NQ-42' } },
      });
      const file = await workbook([
        EN_HEADERS,
        [
          'NQ-42',
          'N.100',
          'Mở rộng bảo hiểm thất nghiệp',
          'Extend unemployment insurance',
          'MOLISA',
          new Date('2028-06-30'),
        ],
        [
          'nq-42',
          '1',
          existing.titleVi,
          'A better English title',
          'MOLISA',
          new Date('2030-12-31'),
        ],
      ]);
      const before = await t.prisma.commitment.count({ where: { workspaceId } });
      const dryRun = await upload(file);
      expect(dryRun.status).toBe(200);
      expect(dryRun.body).toMatchObject({
        total: 2,
        creates: 1,
        updates: 1,
        unchanged: 0,
        errors: 0,
      });
      expect(dryRun.body.rows).toEqual([
        expect.objectContaining({ line: 2, outcome: 'create', reference: 'N.100' }),
        expect.objectContaining({
          line: 3,
          outcome: 'update',
          reference: '1',
          changedFields: ['title'],
        }),
      ]);
      expect(await t.prisma.commitment.count({ where: { workspaceId } })).toBe(before);
      // Following the progress without the rows: the same import, empty lists of rows and sheets.
      const light = await admin.get<ImportDto>(`${API}/imports/${dryRun.body.id}?rows=false`);
      expect(light.body).toEqual({ ...dryRun.body, rows: [], sheets: [] });

      const done = await runToEnd(dryRun.body.id);
      expect(done).toMatchObject({
        state: 'SUCCEEDED',
        processed: 2,
        failure: null,
        failureCode: null,
      });
      const created = await t.prisma.commitment.findFirstOrThrow({
        where: { workspaceId, reference: 'N.100' },
        include: { leadOrg: true },
      });
      expect(created).toMatchObject({
        titleVi: 'Mở rộng bảo hiểm thất nghiệp',
        status: 'NOT_STARTED',
        targetDate: new Date('2028-06-30T00:00:00Z'),
      });
      expect(created.leadOrg?.shortName).toBe('MOLISA');
      // The import computes the derived columns itself: they are what the triggers compute.
      expect(created).toMatchObject({
        referenceKey: 'nq-42:n.000100',
        searchText: 'nq-42 n.100 mo rong bao hiem that nghiep extend unemployment insurance',
        leadOrgKey: 'molisa',
      });
      await t.prisma.$executeRaw`
        UPDATE "Commitment" SET "titleVi" = "titleVi", "leadOrgId" = "leadOrgId"
        WHERE id = ${created.id}::uuid`;
      expect(
        await t.prisma.commitment.findUniqueOrThrow({
          where: { id: created.id },
          select: { referenceKey: true, searchText: true, leadOrgKey: true },
        }),
      ).toEqual({
        referenceKey: created.referenceKey,
        searchText: created.searchText,
        leadOrgKey: created.leadOrgKey,
      });
      const updated = await t.prisma.commitment.findUniqueOrThrow({ where: { id: existing.id } });
      expect(updated).toMatchObject({
        titleEn: 'A better English title',
        version: existing.version + 1,
      });

      const events = await t.prisma.activityEvent.findMany({
        where: { importJobId: dryRun.body.id },
      });
      expect(events.map((e) => `${e.action} ${e.commitmentId}`).sort()).toEqual(
        [`created ${created.id}`, `updated ${existing.id}`].sort(),
      );
      expect(events.find((e) => e.action === 'updated')!.changes).toEqual({
        title: {
          before: { vi: existing.titleVi, en: existing.titleEn },
          after: { vi: existing.titleVi, en: 'A better English title' },
        },
      });

      const history = await admin.get<{
        items: { id: string; state: string; createdBy: { displayName: string } }[];
      }>(`${API}/imports`);
      expect(history.body.items[0]).toMatchObject({ id: dryRun.body.id, state: 'SUCCEEDED' });
      expect((await admin.post(`${API}/imports/${dryRun.body.id}/run`)).status).toBe(409);
    });

    it('updates every column a file gives and keeps the ones it leaves out', async () => {
      const [first, second] = await t.prisma.commitment.findMany({
        where: { workspaceId, archived: false, framework: { code: 'NQ-42' } },
        orderBy: { reference: 'desc' },
        take: 2,
      });
      const all = await workbook([
        [
          'Framework',
          'Reference',
          'Title (English)',
          'Description (Vietnamese)',
          'Description (English)',
          'Theme',
          'Weight',
          'Lead organization',
          'Co-responsible organizations',
          'Target groups',
          'Start date',
          'Target date',
        ],
        [
          'NQ-42',
          first!.reference,
          'Every column changed',
          'Mô tả mới',
          'A new description',
          'SOCIAL_DIALOGUE',
          7,
          'VGCL',
          'VCCI; VSS',
          'WOMEN; YOUTH',
          new Date('2027-01-15'),
          new Date('2031-03-31'),
        ],
      ]);
      const dryRun = await upload(all);
      expect(dryRun.body).toMatchObject({ updates: 1, errors: 0 });
      expect((await runToEnd(dryRun.body.id)).state).toBe('SUCCEEDED');
      const organizations = await t.prisma.organization.findMany({ where: { workspaceId } });
      const id = (shortName: string) => organizations.find((o) => o.shortName === shortName)!.id;
      const updated = await t.prisma.commitment.findUniqueOrThrow({
        where: { id: first!.id },
        include: { coOrganizations: true },
      });
      expect(updated).toMatchObject({
        titleVi: first!.titleVi,
        titleEn: 'Every column changed',
        descriptionVi: 'Mô tả mới',
        descriptionEn: 'A new description',
        theme: 'SOCIAL_DIALOGUE',
        weight: 7,
        leadOrgId: id('VGCL'),
        targetGroups: ['WOMEN', 'YOUTH'],
        startDate: new Date('2027-01-15T00:00:00Z'),
        targetDate: new Date('2031-03-31T00:00:00Z'),
        version: first!.version + 1,
      });
      expect(updated.coOrganizations.map((c) => c.organizationId).sort()).toEqual(
        [id('VCCI'), id('VSS')].sort(),
      );

      // A file with fewer columns changes only those, row by row.
      const some = await workbook([
        ['Framework', 'Reference', 'Weight', 'Target groups'],
        ['NQ-42', first!.reference, 8, 'WOMEN; YOUTH'],
        ['NQ-42', second!.reference, second!.weight === 9 ? 10 : 9, ''],
      ]);
      const again = await upload(some);
      expect(again.body).toMatchObject({ updates: 2, errors: 0 });
      expect((await runToEnd(again.body.id)).state).toBe('SUCCEEDED');
      const [firstAfter, secondAfter] = await Promise.all(
        [first!, second!].map((c) =>
          t.prisma.commitment.findUniqueOrThrow({
            where: { id: c.id },
            include: { coOrganizations: true },
          }),
        ),
      );
      expect(firstAfter).toMatchObject({
        ...Object.fromEntries(
          ['titleEn', 'descriptionVi', 'theme', 'leadOrgId', 'targetGroups', 'targetDate'].map(
            (k) => [k, updated[k as keyof typeof updated]],
          ),
        ),
        weight: 8,
        version: updated.version + 1,
      });
      expect(firstAfter!.coOrganizations).toHaveLength(2);
      expect(secondAfter).toMatchObject({
        titleVi: second!.titleVi,
        theme: second!.theme,
        leadOrgId: second!.leadOrgId,
        weight: second!.weight === 9 ? 10 : 9,
        targetGroups: [],
        version: second!.version + 1,
      });
    });
  });

  describe('bad rows', () => {
    it('marks each bad row with its field and reason, refuses to run, and lists them in errors.xlsx', async () => {
      const file = await workbook(
        [
          EN_HEADERS,
          ['NOPE', 'X.1', 'Khung không có', 'No such framework', 'MOLISA', null],
          ['NQ-42', 'X.2', 'Tổ chức lạ', 'Unknown organization', 'ACME', null],
          ['NQ-42', 'X.3', 'Ngày sai', 'Bad date', 'MOLISA', '2026-02-30'],
          ['NQ-42', 'X.4', null, 'No Vietnamese title', 'MOLISA', null],
          ['NQ-42', 'X.5', 'Công thức', 'Formula', 'MOLISA', null],
          ['NQ-42', 'X.6', 'Liên kết', 'Link', 'MOLISA', null],
          ['NQ-42', 'X.7', 'Hai lần', 'Twice', 'MOLISA', null],
          ['NQ-42', 'X.7', 'Hai lần', 'Twice', 'MOLISA', null],
          ['NQ-42', 'X.9', 'Tốt', 'Fine', 'MOLISA', null],
        ],
        (sheet) => {
          sheet.getCell('D6').value = { formula: 'A1&B1', result: 'NQ-42X.1' };
          sheet.getCell('E7').value = { text: 'MOLISA', hyperlink: 'https://evil.test/molisa' };
        },
      );
      const before = await t.prisma.commitment.count({ where: { workspaceId } });
      const { body } = await upload(file);
      expect(body).toMatchObject({ total: 9, creates: 2, errors: 7 });
      const reasons = body.rows.map(
        (r) => `${r.line} ${r.outcome} ${r.errors.map((e) => `${e.field}:${e.code}`).join(',')}`,
      );
      expect(reasons).toEqual([
        '2 error framework:unknownCode',
        '3 error lead_organization:unknownCode',
        '4 error target_date:invalidDate',
        '5 error title_vi:required',
        '6 error title_en:formula',
        '7 error lead_organization:link',
        '8 create ',
        '9 error reference:duplicateRow',
        '10 create ',
      ]);
      const run = await admin.post<ErrorBody>(`${API}/imports/${body.id}/run`);
      expect(run.status).toBe(409);
      expect(await t.prisma.commitment.count({ where: { workspaceId } })).toBe(before);

      const errors = await readXlsx(
        (await admin.download(`${API}/imports/${body.id}/errors.xlsx?lang=en`)).file,
      );
      const rows = errors[0]!.rows;
      expect(rows[0]!.slice(0, 4)).toEqual(['Row', 'Errors', 'Framework', 'Reference']);
      expect(rows.slice(1).map((r) => r[0])).toEqual([2, 3, 4, 5, 6, 7, 9]);
      expect(rows[2]![1]).toBe('Lead organization: is not a known code or name in this workspace');
      const vi = await readXlsx(
        (await admin.download(`${API}/imports/${body.id}/errors.xlsx?lang=vi`)).file,
      );
      expect(vi[0]!.rows[0]!.slice(0, 2)).toEqual(['Dòng', 'Lỗi']);
      expect(vi[0]!.rows[2]![1]).toBe(
        'Cơ quan chủ trì: mã hoặc tên không có trong không gian làm việc',
      );
    });
  });

  describe('bad files', () => {
    it.each([
      ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), 415, 'notSpreadsheet'],
      ['an empty file', Buffer.alloc(0), 400, 'emptyFile'],
      ['a file over 10 MB', Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), 413, 'tooLarge'],
      [
        'a PNG named .csv',
        Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
        415,
        'notSpreadsheet',
      ],
      ['a broken zip', Buffer.from('504b0304ffffffff', 'hex'), 400, 'unreadableFile'],
      ['a CSV with an unclosed quote', Buffer.from('a,b\n"x,y\n'), 400, 'malformedCsv'],
    ])('refuses %s with a code naming why, writing nothing', async (_name, file, status, code) => {
      const before = await t.prisma.importJob.count();
      const res = await upload(file, 'cam-ket.csv');
      expect(res.status).toBe(status);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'file', code })]);
      expect(await t.prisma.importJob.count()).toBe(before);
    });

    it('refuses a file with more text than it can hold in memory, XLSX or CSV, writing nothing', async () => {
      const before = await t.prisma.importJob.count();
      // 2,000 rows of 2,600 characters: 5.2 million, over MAX_IMPORT_TEXT.
      const long = 'bảo hiểm xã hội '.repeat(160).slice(0, 2_560);
      const rows = Array.from({ length: 2_000 }, (_, i) => [
        'NQ-42',
        `T.${i}`,
        long,
        'Title',
        'MOLISA',
        '',
      ]);
      for (const [file, name] of [
        [await workbook([EN_HEADERS, ...rows]), 'dai.xlsx'],
        [Buffer.from(csv([EN_HEADERS, ...rows])), 'dai.csv'],
      ] as const) {
        const res = await upload(file, name);
        expect(res.status).toBe(413);
        expect(res.body.details).toEqual([
          expect.objectContaining({ field: 'file', code: 'tooMuchText', max: MAX_IMPORT_TEXT }),
        ]);
      }
      // Just under the limit, the same shape is read.
      const fewer = rows.slice(0, 1_900);
      expect((await upload(await workbook([EN_HEADERS, ...fewer]), 'vua.xlsx')).status).toBe(200);
      expect(await t.prisma.importJob.count()).toBe(before + 1);
    });

    it('refuses a zip bomb and a workbook with external links', async () => {
      const bomb = zipSync(
        {
          '[Content_Types].xml': strToU8('<Types/>'),
          'xl/worksheets/sheet1.xml': new Uint8Array(300 * 1024 * 1024),
        },
        { level: 9 },
      );
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const refused = await upload(Buffer.from(bomb));
      expect(refused.status).toBe(413);
      expect(refused.body.message).toMatch(/zip bomb/);
      expect(refused.body.details?.[0]?.code).toBe('unpacksTooLarge');

      const parts = unzipSync(
        await workbook([EN_HEADERS, ['NQ-42', 'L.1', 'a', 'b', 'MOLISA', null]]),
      );
      parts['xl/externalLinks/externalLink1.xml'] = strToU8('<externalLink/>');
      const linked = await upload(Buffer.from(zipSync(parts)));
      expect(linked.status).toBe(400);
      expect(linked.body.message).toMatch(/external links/);
      expect(linked.body.details?.[0]?.code).toBe('externalLinks');
    });

    it('refuses a sheet of more than 10,000 rows', async () => {
      const rows = [['framework', 'reference', 'title_vi', 'title_en']];
      for (let i = 0; i < 10_001; i++) rows.push(['NQ-42', `R.${i}`, 'a', 'b']);
      const res = await upload(Buffer.from(csv(rows)), 'big.csv');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: 'payloadTooLarge',
        details: [{ field: 'file', code: 'tooManyRows', max: 10_000 }],
      });
    });
  });

  describe('CSV encodings', () => {
    const rows = [
      ['framework', 'reference', 'title_vi', 'title_en', 'lead_organization'],
      ['NQ-42', 'E.1', 'Việt Nam: bảo hiểm', 'Café insurance', 'MOLISA'],
    ];
    const expectTitle = async (file: Buffer, fields: Record<string, string> = {}) => {
      const { status, body } = await upload(file, 'cam-ket.csv', admin, fields);
      expect(status).toBe(200);
      expect(body).toMatchObject({ format: 'csv', creates: 1, errors: 0 });
      const source = (await t.prisma.importJob.findUniqueOrThrow({ where: { id: body.id } }))
        .rows as {
        source: { values: Record<string, string> }[];
      };
      return source.source[0]!.values;
    };

    it('reads UTF-8 with and without a byte order mark, and semicolon-separated files', async () => {
      const text = csv(rows);
      expect((await expectTitle(Buffer.from(`\uFEFF${text}`))).title_vi).toBe('Việt Nam: bảo hiểm');
      expect((await expectTitle(Buffer.from(text))).title_vi).toBe('Việt Nam: bảo hiểm');
      const semicolons = rows.map((r) => r.join(';')).join('\n');
      expect((await expectTitle(Buffer.from(semicolons))).title_en).toBe('Café insurance');
    });

    it('reads Windows-1258 (Vietnamese, with combining tone marks) and Windows-1252', async () => {
      // "Việt Nam: bảo hiểm" in Windows-1258: ê = EA, dot below = F2, hook above = D2.
      const vi1258 = Buffer.concat([
        Buffer.from('framework,reference,title_vi,title_en,lead_organization\r\nNQ-42,E.1,Vi'),
        Buffer.from([0xea, 0xf2]),
        Buffer.from('t Nam: ba'),
        Buffer.from([0xd2]),
        Buffer.from('o hi'),
        Buffer.from([0xea, 0xd2]),
        Buffer.from('m,Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' insurance,MOLISA\r\n'),
      ]);
      const read = await expectTitle(vi1258);
      expect(read.title_vi).toBe('Việt Nam: bảo hiểm');
      const dry = await upload(vi1258, 'cam-ket.csv');
      expect(dry.body.rows[0]!.outcome).toBe('create');

      const western = Buffer.from(
        'framework,reference,title_vi,title_en\nNQ-42,E.2,Caf\xe9,Caf\xe9\n',
        'latin1',
      );
      expect((await expectTitle(western, { encoding: 'windows-1252' })).title_en).toBe('Café');
    });

    it('refuses a file that is not valid in the encoding named', async () => {
      const western = Buffer.from('framework,reference\nNQ-42,Caf\xe9\n', 'latin1');
      const res = await upload(western, 'cam-ket.csv', admin, { encoding: 'utf-8' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/not valid utf-8/);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'file', code: 'wrongEncoding', allowed: ['utf-8'] }),
      ]);
      const bad = await upload(Buffer.from(csv(rows)), 'cam-ket.csv', admin, { encoding: 'ascii' });
      expect(bad.status).toBe(400);
      expect(bad.body.details?.map((d) => d.field)).toEqual(['encoding']);
    });
  });

  describe('sheets', () => {
    it('reads every non-empty sheet, two of a kind both, and shows the others skipped by name', async () => {
      const book = new ExcelJS.Workbook();
      const sheets: [string, unknown[][]][] = [
        [
          'Ghi chú',
          [
            ['Ghi chú', 'Người viết'],
            ['Bản nháp', 'Lan'],
          ],
        ],
        ['Sheet2', []],
        [
          'Đợt 1',
          [
            EN_HEADERS,
            ['NQ-42', 'S.1', 'Một', 'One', 'MOLISA', null],
            ['NQ-42', 'S.2', 'Hai', 'Two', 'NOPE', null],
          ],
        ],
        [
          'Đợt 2',
          [
            EN_HEADERS,
            ['NQ-42', 'S.3', 'Ba', 'Three', 'NOPE', null],
            ['NQ-42', 'S.1', 'Một', 'One', 'MOLISA', null],
          ],
        ],
        ['Sheet3', []],
      ];
      for (const [name, rows] of sheets) book.addWorksheet(name).addRows(rows);
      const { status, body } = await upload(Buffer.from(await book.xlsx.writeBuffer()));
      expect(status).toBe(200);
      expect(
        body.sheets.map(({ index, name, detected, kind, rows }) => ({
          index,
          name,
          detected,
          kind,
          rows,
        })),
      ).toEqual([
        { index: 0, name: 'Ghi chú', detected: null, kind: 'skip', rows: 1 },
        { index: 2, name: 'Đợt 1', detected: 'commitment', kind: 'commitment', rows: 2 },
        { index: 3, name: 'Đợt 2', detected: 'commitment', kind: 'commitment', rows: 2 },
      ]);
      expect(
        body.rows.map(
          (r) => `${r.sheet} ${r.line} ${r.outcome} ${r.errors.map((e) => e.code).join()}`,
        ),
      ).toEqual([
        'Đợt 1 2 create ',
        'Đợt 1 3 error unknownCode',
        'Đợt 2 2 error unknownCode',
        'Đợt 2 3 error duplicateRow',
      ]);
      const [rejected] = await readXlsx(
        (await admin.download(`${API}/imports/${body.id}/errors.xlsx?lang=vi`)).file,
      );
      expect(rejected!.rows.map((r) => r.slice(0, 3))).toEqual([
        ['Trang tính', 'Dòng', 'Lỗi'],
        ['Đợt 1', 3, expect.stringMatching(/Cơ quan chủ trì/)],
        ['Đợt 2', 2, expect.stringMatching(/Cơ quan chủ trì/)],
        ['Đợt 2', 3, expect.stringMatching(/trùng với một dòng khác/)],
      ]);
      const { body: again } = await admin.get<ImportDto>(`${API}/imports/${body.id}`);
      expect(again.sheets).toEqual(body.sheets);
      // An empty sheet, which the dry run does not list, cannot be chosen.
      const emptyChosen = await upload(
        Buffer.from(await book.xlsx.writeBuffer()),
        'dot.xlsx',
        admin,
        {
          sheets: JSON.stringify([{ sheet: 1, kind: 'commitment' }]),
        },
      );
      expect(emptyChosen.status).toBe(400);
      expect(emptyChosen.body.details).toEqual([
        expect.objectContaining({ field: 'sheets', message: expect.stringMatching(/0, 2, 3\)$/) }),
      ]);
    });

    it('reads a sheet as the kind chosen for it, or skips it, and refuses a malformed choice', async () => {
      const file = await workbook([
        ['Khung', 'Số hiệu', 'Tên VN', 'Tên EN', 'Chủ trì'],
        ['NQ-42', 'K.1', 'Bốn', 'Four', 'MOLISA'],
      ]);
      const first = await upload(file);
      expect(first.body.sheets).toEqual([
        {
          index: 0,
          name: 'Commitments',
          detected: null,
          kind: 'skip',
          rows: 1,
          columns: ['Khung', 'Số hiệu', 'Tên VN', 'Tên EN', 'Chủ trì'].map((header) => ({
            header,
            column: null,
          })),
        },
      ]);
      expect(first.body).toMatchObject({ total: 0, rows: [] });
      const mapping = {
        Khung: 'framework',
        'Số hiệu': 'reference',
        'Tên VN': 'title_vi',
        'Tên EN': 'title_en',
        'Chủ trì': 'lead_organization',
      };
      const chosen = await upload(file, 'cam-ket.xlsx', admin, {
        sheets: JSON.stringify([{ sheet: 0, kind: 'commitment', mapping }]),
      });
      expect(chosen.body.sheets[0]).toMatchObject({
        detected: 'commitment',
        kind: 'commitment',
        rows: 1,
      });
      expect(chosen.body).toMatchObject({ total: 1, creates: 1, errors: 0 });
      const skipped = await upload(file, 'cam-ket.xlsx', admin, {
        sheets: JSON.stringify([{ sheet: 0, kind: 'skip', mapping }]),
      });
      expect(skipped.body.sheets[0]).toMatchObject({ detected: 'commitment', kind: 'skip' });
      expect(skipped.body.total).toBe(0);
      for (const bad of [
        '{}',
        '[{"sheet":0,"kind":"notes"}]',
        '[{"sheet":-1,"kind":"skip"}]',
        '[{"sheet":0,"kind":"skip","mapping":[]}]',
        '[{"sheet":0,"kind":"skip"},{"sheet":0,"kind":"commitment"}]',
        '[{"sheet":1,"kind":"commitment"}]',
      ]) {
        const res = await upload(file, 'cam-ket.xlsx', admin, { sheets: bad });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([
          expect.objectContaining({ field: 'sheets', code: 'invalidFormat' }),
        ]);
      }
    });
  });

  describe('all or nothing', () => {
    it('writes nothing when row 9,999 of 9,999 no longer passes at run time', async () => {
      const victim = await t.prisma.commitment.findFirstOrThrow({
        where: { workspaceId, reference: '2', framework: { code: 'NQ-42' } },
      });
      const rows = [['framework', 'reference', 'title_vi', 'title_en', 'lead_organization']];
      for (let i = 1; i < 9_999; i++)
        rows.push(['NQ-42', `A.${i}`, `Cam kết ${i}`, `Commitment ${i}`, 'MOLISA']);
      rows.push(['NQ-42', '2', 'Tiêu đề mới', 'New title', 'MOLISA']);
      const dryRun = await upload(Buffer.from(csv(rows)), 'lon.csv');
      expect(dryRun.body).toMatchObject({ total: 9_999, creates: 9_998, updates: 1, errors: 0 });
      await t.prisma.commitment.update({ where: { id: victim.id }, data: { archived: true } });
      const before = await t.prisma.commitment.count({ where: { workspaceId } });

      const done = await runToEnd(dryRun.body.id);
      expect(done.state).toBe('FAILED');
      expect(done.failure).toMatch(/row 10000, reference: this commitment is archived/);
      expect(done.failureCode).toBe('ROWS_CHANGED');
      expect(done.failureRow).toEqual({
        kind: 'commitment',
        sheet: null,
        line: 10000,
        field: 'reference',
        code: 'archived',
        count: 1,
      });
      expect(await t.prisma.commitment.count({ where: { workspaceId } })).toBe(before);
      expect(await t.prisma.activityEvent.count({ where: { importJobId: dryRun.body.id } })).toBe(
        0,
      );
      await t.prisma.commitment.update({ where: { id: victim.id }, data: { archived: false } });
    });
  });

  describe('permission limits', () => {
    it("lets an EDITOR import only their organization's commitments, and see only their own imports", async () => {
      const molisa = await t.prisma.organization.findFirstOrThrow({
        where: { workspaceId, shortName: 'MOLISA' },
      });
      const vgcl = await t.prisma.commitment.findFirstOrThrow({
        where: {
          workspaceId,
          archived: false,
          leadOrg: { shortName: 'VGCL' },
          NOT: { coOrgIds: { has: molisa.id } },
        },
        include: { framework: true },
      });
      const file = await workbook([
        EN_HEADERS,
        ['NQ-42', 'M.1', 'Của MOLISA', 'MOLISA’s', 'MOLISA', null],
        ['NQ-42', 'M.2', 'Của VGCL', 'VGCL’s', 'VGCL', null],
        [vgcl.framework.code, vgcl.reference, vgcl.titleVi, 'Taken over', 'MOLISA', null],
      ]);
      const { body } = await upload(file, 'cam-ket.xlsx', official);
      expect(body.rows.map((r) => `${r.outcome} ${r.errors.map((e) => e.code).join()}`)).toEqual([
        'create ',
        'error forbidden',
        'error forbidden',
      ]);
      expect((await admin.get(`${API}/imports/${body.id}`)).status).toBe(200);
      const adminImport = (await upload(file)).body;
      expect((await official.get(`${API}/imports/${adminImport.id}`)).status).toBe(403);
      const mine = await official.get<{ items: { createdBy: { displayName: string } }[] }>(
        `${API}/imports`,
      );
      expect(new Set(mine.body.items.map((i) => i.createdBy.displayName)).size).toBe(1);
      const viewer = await t.signIn('viewer@demo.test');
      expect((await upload(file, 'cam-ket.xlsx', viewer)).status).toBe(403);
    });

    it("keeps an import inside its workspace: another workspace's member gets 404", async () => {
      const { body } = await upload(
        await workbook([EN_HEADERS, ['NQ-42', 'W.1', 'a', 'b', 'MOLISA', null]]),
      );
      const other = await createOtherWorkspace(t.prisma, 'ADMIN');
      const stranger = await t.signIn(other.email);
      expect((await stranger.get(`${API}/imports/${body.id}`)).status).toBe(404);
      expect((await stranger.get(`/api/workspaces/${other.slug}/imports/${body.id}`)).status).toBe(
        404,
      );
      expect(
        (await stranger.post(`/api/workspaces/${other.slug}/imports/${body.id}/run`)).status,
      ).toBe(404);
    });
  });
});
