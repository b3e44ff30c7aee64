import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { createMember } from '../../test/accounts';
import { type FormPart, MultipartForm } from '../../test/multipart-form';
import { createTestApp, decodedBody, type TestApp, type TestClient } from '../../test/test-app';
import { quarterId } from '../../test/periods';

interface Evidence {
  id: string;
  kind: 'LINK' | 'FILE';
  title: string;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  downloadUrl: string | null;
  progressUpdateId: string | null;
  uploadedById: string | null;
}
interface ErrorBody {
  statusCode: number;
  message: string;
  details?: { field: string; message: string }[];
}

// ---- Real files, byte for byte -------------------------------------------------------------

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script>');
/** The start of a Windows executable. */
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126), Buffer.from('PE\0\0')]);
const CSV = Buffer.from('tỉnh,tỷ lệ bao phủ BHXH (%)\nHà Nội,52.1\nĐiện Biên,18.4\n');

/** A ZIP archive of stored (uncompressed) entries, in the given order. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** A DOCX whose content-types part comes after 100 KB of media: only a whole-file check sees it. */
const DOCX = zip([
  { name: 'word/media/image1.bin', data: Buffer.alloc(100 * 1024, 7) },
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
  },
  { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
]);
/** A plain ZIP (of a script), named like a document. */
const PLAIN_ZIP = zip([
  { name: 'payload/run.sh', data: Buffer.alloc(80 * 1024, 0x41) },
  { name: 'readme.txt', data: Buffer.from('not a document') },
]);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// ---- Multipart bodies, built by hand ----------------------------------------------------------

/** A multipart/form-data body as a stream (file contents may themselves be generated lazily). */
function form(parts: FormPart[]): { payload: Readable; headers: Record<string, string> } {
  return new MultipartForm(parts).toRequest();
}

/** `size` bytes starting like a PDF, generated a megabyte at a time. */
function pdfOfSize(size: number): () => AsyncIterable<Buffer> {
  const megabyte = 1024 * 1024;
  return async function* () {
    for (let offset = 0; offset < size; offset += megabyte) {
      const chunk = Buffer.alloc(Math.min(megabyte, size - offset), 0x20);
      if (offset === 0) PDF.copy(chunk);
      yield chunk;
    }
  };
}

describe('evidence', () => {
  let t: TestApp;
  let admin: TestClient;
  let manager: TestClient;
  let official: TestClient;
  let union: TestClient;
  let viewer: TestClient;
  let workspaceId: string;
  let officialId: string;
  /** Led by MOLISA, the official's organization. */
  let ownId: string;
  /** MOLISA is only co-responsible. */
  let coId: string;
  /** MOLISA has no part in it. */
  let foreignId: string;
  const base = (commitmentId: string) =>
    `/api/workspaces/viet-nam/commitments/${commitmentId}/evidence`;

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(t.uploadsDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(t.uploadsDir, path.join(e.parentPath, e.name)))
      .sort();
  }

  async function upload(client: TestClient, url: string, parts: FormPart[]) {
    const { payload, headers } = form(parts);
    return client.post<Evidence & ErrorBody>(url, payload, headers);
  }

  /** Raw GET, for binary bodies. */
  async function download(client: TestClient, url: string) {
    const response = await t.app.inject({ method: 'GET', url, headers: client.headers });
    return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
  }

  /** Nothing about `commitmentId`'s evidence or the uploads folder changed while `act` ran. */
  async function expectNothingStored(commitmentId: string, act: () => Promise<void>) {
    const rows = await t.prisma.evidence.count({ where: { commitmentId } });
    const events = await t.prisma.activityEvent.count({ where: { entityType: 'evidence' } });
    const files = await storedFiles();
    await act();
    expect(await t.prisma.evidence.count({ where: { commitmentId } })).toBe(rows);
    expect(await t.prisma.activityEvent.count({ where: { entityType: 'evidence' } })).toBe(events);
    expect(await storedFiles()).toEqual(files);
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    manager = await t.signIn('manager@demo.test');
    official = await t.signIn('official@demo.test');
    union = await t.signIn('union@demo.test');
    viewer = await t.signIn('viewer@demo.test');
    const workspace = await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } });
    workspaceId = workspace.id;
    officialId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'official@demo.test' } }))
      .id;
    const molisa = await t.prisma.organization.findFirstOrThrow({
      where: { workspaceId, shortName: 'MOLISA' },
    });
    const notCompleted = { workspaceId, status: { not: 'COMPLETED' as const } };
    ownId = (
      await t.prisma.commitment.findFirstOrThrow({
        where: { ...notCompleted, leadOrgId: molisa.id },
      })
    ).id;
    foreignId = (
      await t.prisma.commitment.findFirstOrThrow({
        where: {
          ...notCompleted,
          leadOrgId: { not: molisa.id },
          coOrganizations: { none: { organizationId: molisa.id } },
        },
      })
    ).id;
    // A commitment of another organization that MOLISA is made co-responsible for.
    coId = (
      await t.prisma.commitment.findFirstOrThrow({
        where: {
          ...notCompleted,
          id: { not: foreignId },
          leadOrgId: { not: molisa.id },
          coOrganizations: { none: { organizationId: molisa.id } },
        },
      })
    ).id;
    await t.prisma.commitmentCoOrganization.create({
      data: { commitmentId: coId, organizationId: molisa.id },
    });
  });
  afterAll(() => t.close());

  describe('file uploads', () => {
    it('stores a PDF streamed by its organization’s editor, with its sha256, size and history event', async () => {
      const before = await storedFiles();
      const { status, body } = await upload(official, base(ownId), [
        { name: 'file', filename: 'bao-cao.pdf', type: 'application/pdf', data: PDF },
      ]);
      expect(status).toBe(201);
      expect(body).toMatchObject({
        kind: 'FILE',
        title: 'bao-cao.pdf',
        fileName: 'bao-cao.pdf',
        mimeType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
        url: null,
        progressUpdateId: null,
        uploadedById: officialId,
        downloadUrl: `/api/workspaces/viet-nam/commitments/${ownId}/evidence/${body.id}/download`,
      });

      const row = await t.prisma.evidence.findUniqueOrThrow({ where: { id: body.id } });
      expect(row).toMatchObject({ workspaceId, commitmentId: ownId, sha256: sha256(PDF) });
      expect(row.storageKey).toMatch(new RegExp(`^${workspaceId}/[0-9a-f-]{36}$`));
      expect(row.storageKey).not.toContain('bao-cao');
      expect(await storedFiles()).toEqual([...before, row.storageKey].sort());
      expect(await readFile(path.join(t.uploadsDir, row.storageKey!))).toEqual(PDF);

      const events = await t.prisma.activityEvent.findMany({
        where: { entityType: 'evidence', entityId: body.id },
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'created',
        actorId: officialId,
        commitmentId: ownId,
      });
      expect(events[0]!.changes).toMatchObject({
        kind: { before: null, after: 'FILE' },
        sha256: { before: null, after: sha256(PDF) },
        sizeBytes: { before: null, after: PDF.length },
      });

      const list = await viewer.get<{ items: Evidence[] }>(base(ownId));
      expect(list.body.items.find((e) => e.id === body.id)).toMatchObject({
        downloadUrl: body.downloadUrl,
        progressUpdateId: null,
        sha256: sha256(PDF),
      });
    });

    it('takes the title field, sanitizes the client’s file name and types a PNG by its content', async () => {
      const { status, body } = await upload(official, base(ownId), [
        { name: 'title', value: 'Ảnh hội thảo tham vấn' },
        { name: 'file', filename: '..\\..\\Ảnh\u202ehội-thảo.png', type: 'text/html', data: PNG },
      ]);
      expect(status).toBe(201);
      expect(body).toMatchObject({
        title: 'Ảnh hội thảo tham vấn',
        fileName: 'Ảnh_hội-thảo.png',
        mimeType: 'image/png',
        sha256: sha256(PNG),
        sizeBytes: PNG.length,
      });
    });

    it('lets an editor of a co-responsible organization, and an ADMIN of another one, upload', async () => {
      const co = await upload(official, base(coId), [
        { name: 'file', filename: 'a.pdf', data: PDF },
      ]);
      expect(co.status).toBe(201);
      const byAdmin = await upload(admin, base(foreignId), [
        { name: 'file', filename: 'a.png', data: PNG },
      ]);
      expect(byAdmin.status).toBe(201);
    });

    it('accepts a UTF-8 .csv as text/csv and a DOCX recognised from its whole content', async () => {
      const csv = await upload(official, base(ownId), [
        { name: 'file', filename: 'bao-phu.csv', type: 'text/csv', data: CSV },
      ]);
      expect(csv.status).toBe(201);
      expect(csv.body).toMatchObject({ mimeType: 'text/csv', sha256: sha256(CSV) });

      const docx = await upload(official, base(ownId), [
        { name: 'file', filename: 'ke-hoach.docx', data: DOCX },
      ]);
      expect(docx.status).toBe(201);
      expect(docx.body).toMatchObject({
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: DOCX.length,
        sha256: sha256(DOCX),
      });
    });

    it.each([
      ['an HTML page renamed .pdf', 'report.pdf', HTML],
      ['an executable renamed .pdf', 'report.pdf', EXE],
      [
        'an HTML page renamed .csv with a NUL byte',
        'data.csv',
        Buffer.concat([HTML, Buffer.from([0])]),
      ],
      ['a .txt that is not UTF-8', 'notes.txt', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0xff, 0x0a])],
      ['a plain ZIP renamed .docx', 'plan.docx', PLAIN_ZIP],
    ])('refuses %s with 415 and stores nothing', async (_name, filename, data) => {
      await expectNothingStored(ownId, async () => {
        const { status, body } = await upload(official, base(ownId), [
          { name: 'title', value: 'disguised' },
          { name: 'file', filename, type: 'application/pdf', data },
        ]);
        expect(status).toBe(415);
        expect(body.statusCode).toBe(415);
      });
    });

    it('refuses a 26 MB file with 413 after streaming it, leaving no row and no file behind', async () => {
      await expectNothingStored(ownId, async () => {
        const { status, body } = await upload(official, base(ownId), [
          { name: 'file', filename: 'big.pdf', data: pdfOfSize(26 * 1024 * 1024) },
          { name: 'title', value: 'too big' },
        ]);
        expect(status).toBe(413);
        expect(body.message).toMatch(/25 MB/);
      });
    });

    it('accepts a file of exactly 25 MB', async () => {
      const size = 25 * 1024 * 1024;
      const { status, body } = await upload(official, base(ownId), [
        { name: 'file', filename: 'exact.pdf', data: pdfOfSize(size) },
      ]);
      expect(status).toBe(201);
      expect(body.sizeBytes).toBe(size);
      const row = await t.prisma.evidence.findUniqueOrThrow({ where: { id: body.id } });
      const chunks: Buffer[] = [];
      for await (const chunk of pdfOfSize(size)()) chunks.push(Buffer.from(chunk));
      expect(row.sha256).toBe(sha256(Buffer.concat(chunks)));
    });

    it.each([
      ['no file', [{ name: 'title', value: 'x' }], 'file'],
      ['the file as text', [{ name: 'file', value: 'x' }], 'file'],
      ['an empty file', [{ name: 'file', filename: 'e.pdf', data: Buffer.alloc(0) }], 'file'],
      [
        'a blank title',
        [
          { name: 'title', value: '   ' },
          { name: 'file', filename: 'a.pdf', data: PDF },
        ],
        'title',
      ],
      [
        'a title over 300 characters',
        [
          { name: 'file', filename: 'a.pdf', data: PDF },
          { name: 'title', value: 'x'.repeat(301) },
        ],
        'title',
      ],
      [
        'an undeclared field',
        [
          { name: 'uploadedById', value: randomUUID() },
          { name: 'file', filename: 'a.pdf', data: PDF },
        ],
        'uploadedById',
      ],
      [
        'an undeclared field after the file',
        [
          { name: 'file', filename: 'a.pdf', data: PDF },
          { name: 'workspaceId', value: randomUUID() },
        ],
        'workspaceId',
      ],
    ] as [string, FormPart[], string][])(
      'answers a form with %s 400 naming the field, storing nothing',
      async (_name, parts, field) => {
        await expectNothingStored(ownId, async () => {
          const { status, body } = await upload(official, base(ownId), parts);
          expect(status).toBe(400);
          expect(body.details?.map((d) => d.field)).toContain(field);
        });
      },
    );

    it('refuses a multipart write without the X-Requested-With header (CSRF rule)', async () => {
      await expectNothingStored(ownId, async () => {
        const { payload, headers } = form([{ name: 'file', filename: 'a.pdf', data: PDF }]);
        const { status } = await official.post(base(ownId), payload, {
          'content-type': headers['content-type']!,
        });
        expect(status).toBe(403);
      });
    });
  });

  describe('links', () => {
    it('stores an http(s) link with its history event', async () => {
      const { status, body } = await official.post<Evidence>(base(ownId), {
        kind: 'LINK',
        url: 'https://molisa.gov.vn/bao-cao-2025.pdf',
        title: 'Báo cáo 2025',
      });
      expect(status).toBe(201);
      expect(body).toMatchObject({
        kind: 'LINK',
        url: 'https://molisa.gov.vn/bao-cao-2025.pdf',
        title: 'Báo cáo 2025',
        fileName: null,
        sha256: null,
        downloadUrl: null,
        progressUpdateId: null,
      });
      const events = await t.prisma.activityEvent.findMany({ where: { entityId: body.id } });
      expect(events.map((e) => e.action)).toEqual(['created']);
      expect(events[0]!.changes).toEqual({
        kind: { before: null, after: 'LINK' },
        title: { before: null, after: 'Báo cáo 2025' },
        url: { before: null, after: 'https://molisa.gov.vn/bao-cao-2025.pdf' },
      });
    });

    it.each([
      ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
      ['an ftp URL', { url: 'ftp://files.example.org/a.pdf' }, 'url'],
      ['a URL with credentials', { url: 'https://user:secret@example.org/a' }, 'url'],
      ['a URL over 2000 characters', { url: `https://example.org/${'a'.repeat(2000)}` }, 'url'],
      ['no URL', { url: undefined }, 'url'],
      ['no title', { title: undefined }, 'title'],
      ['an empty title', { title: '' }, 'title'],
      ['a title over 300 characters', { title: 'x'.repeat(301) }, 'title'],
      ['kind FILE as JSON', { kind: 'FILE' }, 'kind'],
      ['an undeclared field', { workspaceId: randomUUID() }, 'workspaceId'],
      ['an undeclared storage key', { storageKey: '../../etc/passwd' }, 'storageKey'],
    ])('answers %s 400 naming the field, storing nothing', async (_name, change, field) => {
      await expectNothingStored(ownId, async () => {
        const { status, body } = await official.post<ErrorBody>(base(ownId), {
          kind: 'LINK',
          url: 'https://example.org/a.pdf',
          title: 'A',
          ...change,
        });
        expect(status).toBe(400);
        expect(body.details?.map((d) => d.field)).toContain(field);
      });
    });
  });

  describe('who may add evidence', () => {
    const link = { kind: 'LINK', url: 'https://example.org/x', title: 'x' };

    it.each([
      ['a PARTNER', () => union],
      ['a VIEWER', () => viewer],
      ['a MANAGER', () => manager],
    ])('refuses %s with 403, as JSON and as a file, storing nothing', async (_name, client) => {
      await expectNothingStored(ownId, async () => {
        expect((await client().post(base(ownId), link)).status).toBe(403);
        const file = await upload(client(), base(ownId), [
          { name: 'file', filename: 'a.pdf', data: PDF },
        ]);
        expect(file.status).toBe(403);
      });
    });

    it('refuses an EDITOR on another organization’s commitment with 403, storing nothing', async () => {
      await expectNothingStored(foreignId, async () => {
        expect((await official.post(base(foreignId), link)).status).toBe(403);
        const file = await upload(official, base(foreignId), [
          { name: 'file', filename: 'a.pdf', data: PDF },
        ]);
        expect(file.status).toBe(403);
      });
    });

    it('answers 404 for an unknown commitment and 400 for a malformed id', async () => {
      expect((await official.post(base(randomUUID()), link)).status).toBe(404);
      const bad = await official.post<ErrorBody>(base('not-a-uuid'), link);
      expect(bad.status).toBe(400);
      expect(bad.body.details?.[0]?.field).toBe('commitmentId');
    });
  });

  describe('downloads', () => {
    let pdfId: string;
    let csvId: string;
    let linkId: string;

    beforeAll(async () => {
      pdfId = (
        await upload(official, base(ownId), [
          { name: 'file', filename: 'Báo cáo quý 4 (bản cuối).pdf', data: PDF },
        ])
      ).body.id;
      csvId = (
        await upload(official, base(ownId), [{ name: 'file', filename: 'd.csv', data: CSV }])
      ).body.id;
      linkId = (
        await official.post<Evidence>(base(ownId), {
          kind: 'LINK',
          url: 'https://example.org/x',
          title: 'x',
        })
      ).body.id;
    });

    it('streams the file to any member as an attachment that is never sniffed nor run', async () => {
      const { status, headers, body } = await download(viewer, `${base(ownId)}/${pdfId}/download`);
      expect(status).toBe(200);
      expect(body).toEqual(PDF);
      expect(headers['content-type']).toBe('application/pdf');
      expect(headers['content-length']).toBe(String(PDF.length));
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['content-security-policy']).toBe('sandbox');
      expect(headers['content-disposition']).toBe(
        `attachment; filename="B_o c_o qu_ 4 (b_n cu_i).pdf"; ` +
          "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%204%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29.pdf",
      );
    });

    it('labels text with its charset', async () => {
      const { status, headers, body } = await download(union, `${base(ownId)}/${csvId}/download`);
      expect(status).toBe(200);
      expect(headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(body).toEqual(CSV);
    });

    it('arrives byte for byte to a client that accepts compressed answers', async () => {
      const compressed = async (url: string) => {
        const response = await t.app.inject({
          method: 'GET',
          url,
          headers: { ...union.headers, 'accept-encoding': 'br, gzip' },
        });
        return { headers: response.headers, body: decodedBody(response) };
      };
      // A PDF does not compress: sent as it is, with its length.
      const pdf = await compressed(`${base(ownId)}/${pdfId}/download`);
      expect(pdf.headers['content-encoding']).toBeUndefined();
      expect(pdf.headers['content-length']).toBe(String(PDF.length));
      expect(pdf.body).toEqual(PDF);
      // Text may be compressed on the way: the client gets the same bytes once decoded.
      const csv = await compressed(`${base(ownId)}/${csvId}/download`);
      expect(csv.body).toEqual(CSV);
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="d.csv"; filename*=UTF-8''d.csv`,
      );
    });

    it('answers 401 to anonymous callers', async () => {
      expect((await download(t.anonymous, `${base(ownId)}/${pdfId}/download`)).status).toBe(401);
    });

    it('answers 404 for links, unknown ids and another commitment’s path', async () => {
      expect((await download(viewer, `${base(ownId)}/${linkId}/download`)).status).toBe(404);
      expect((await download(viewer, `${base(ownId)}/${randomUUID()}/download`)).status).toBe(404);
      expect((await download(viewer, `${base(foreignId)}/${pdfId}/download`)).status).toBe(404);
    });

    it('is 404 for a member of another workspace, through either workspace', async () => {
      const { client: outsider } = await createMember(t, { slug: 'elsewhere', role: 'ADMIN' });
      const viaOwn = `/api/workspaces/viet-nam/commitments/${ownId}/evidence/${pdfId}/download`;
      const viaTheirs = `/api/workspaces/elsewhere/commitments/${ownId}/evidence/${pdfId}/download`;
      expect((await download(outsider, viaOwn)).status).toBe(404);
      expect((await download(outsider, viaTheirs)).status).toBe(404);
      expect(
        (await outsider.get(`/api/workspaces/elsewhere/commitments/${ownId}/evidence`)).status,
      ).toBe(404);
      await expectNothingStored(ownId, async () => {
        const theirs = `/api/workspaces/elsewhere/commitments/${ownId}/evidence`;
        expect(
          (await upload(outsider, theirs, [{ name: 'file', filename: 'a.pdf', data: PDF }])).status,
        ).toBe(404);
        expect(
          (
            await outsider.delete(
              `/api/workspaces/elsewhere/commitments/${ownId}/evidence/${pdfId}`,
            )
          ).status,
        ).toBe(404);
      });
    });
  });

  describe('evidence of a progress update', () => {
    let adminId: string;

    beforeAll(async () => {
      adminId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'admin@demo.test' } })).id;
    });

    const newUpdate = (
      state: 'DRAFT' | 'RETURNED' | 'SUBMITTED' | 'APPROVED',
      authorId = officialId,
      commitmentId = ownId,
    ) =>
      quarterId(t.prisma, workspaceId, '2026-Q4').then((periodId) =>
        t.prisma.progressUpdate.create({
          data: {
            workspaceId,
            commitmentId,
            authorId,
            periodId,
            status: 'ON_TRACK',
            progress: 60,
            narrative: 'evidence test',
            state,
          },
        }),
      );
    const updateUrl = (updateId: string, commitmentId = ownId) =>
      `/api/workspaces/viet-nam/commitments/${commitmentId}/updates/${updateId}/evidence`;

    it.each(['DRAFT', 'RETURNED'] as const)(
      'takes a link and a file on the author’s %s update, carrying progressUpdateId',
      async (state) => {
        const update = await newUpdate(state);
        const link = await official.post<Evidence>(updateUrl(update.id), {
          kind: 'LINK',
          url: 'https://example.org/minutes',
          title: 'Biên bản',
        });
        expect(link.status).toBe(201);
        expect(link.body.progressUpdateId).toBe(update.id);
        const file = await upload(official, updateUrl(update.id), [
          { name: 'file', filename: 'minutes.pdf', data: PDF },
        ]);
        expect(file.status).toBe(201);
        expect(file.body).toMatchObject({ progressUpdateId: update.id, sha256: sha256(PDF) });
        const rows = await t.prisma.evidence.findMany({ where: { progressUpdateId: update.id } });
        expect(rows).toHaveLength(2);
        const list = await viewer.get<{ items: Evidence[] }>(base(ownId));
        expect(list.body.items.filter((e) => e.progressUpdateId === update.id)).toHaveLength(2);
      },
    );

    it.each(['SUBMITTED', 'APPROVED'] as const)(
      'answers 409 on a %s update, storing nothing',
      async (state) => {
        const update = await newUpdate(state);
        await expectNothingStored(ownId, async () => {
          const file = await upload(official, updateUrl(update.id), [
            { name: 'file', filename: 'a.pdf', data: PDF },
          ]);
          expect(file.status).toBe(409);
        });
      },
    );

    it('answers 409 when the update is submitted while its file was streaming, keeping nothing', async () => {
      const update = await newUpdate('DRAFT');
      const submitMeanwhile = async function* () {
        yield PDF;
        // Read only once the route has checked the update (still a DRAFT) and streams the file.
        await t.prisma.progressUpdate.update({
          where: { id: update.id },
          data: { state: 'SUBMITTED' },
        });
        yield Buffer.alloc(512 * 1024, 0x20);
      };
      await expectNothingStored(ownId, async () => {
        const file = await upload(official, updateUrl(update.id), [
          { name: 'file', filename: 'late.pdf', data: submitMeanwhile },
        ]);
        expect(file.status).toBe(409);
      });
    });

    it('refuses an editor on another author’s update (403) but lets an ADMIN add to it', async () => {
      const update = await newUpdate('DRAFT', adminId);
      await expectNothingStored(ownId, async () => {
        const link = { kind: 'LINK', url: 'https://example.org/y', title: 'y' };
        expect((await official.post(updateUrl(update.id), link)).status).toBe(403);
      });
      const mine = await newUpdate('DRAFT', officialId);
      const byAdmin = await upload(admin, updateUrl(mine.id), [
        { name: 'file', filename: 'a.png', data: PNG },
      ]);
      expect(byAdmin.status).toBe(201);
    });

    it('answers 404 for an update of another commitment or an unknown update', async () => {
      const elsewhere = await newUpdate('DRAFT', officialId, coId);
      await expectNothingStored(ownId, async () => {
        const file = await upload(official, updateUrl(elsewhere.id, ownId), [
          { name: 'file', filename: 'a.pdf', data: PDF },
        ]);
        expect(file.status).toBe(404);
        const link = { kind: 'LINK', url: 'https://example.org/y', title: 'y' };
        expect((await official.post(updateUrl(randomUUID()), link)).status).toBe(404);
      });
    });
  });

  describe('deleting', () => {
    const addPdf = async (client: TestClient, commitmentId = ownId) => {
      const { status, body } = await upload(client, base(commitmentId), [
        { name: 'file', filename: 'a.pdf', data: PDF },
      ]);
      expect(status).toBe(201);
      const row = await t.prisma.evidence.findUniqueOrThrow({ where: { id: body.id } });
      return { id: body.id, file: path.join(t.uploadsDir, row.storageKey!) };
    };
    const fileExists = (file: string) =>
      readFile(file).then(
        () => true,
        () => false,
      );

    it('lets the uploader delete: 204, row and file gone, one history event with the before side', async () => {
      const { id, file } = await addPdf(official);
      const { status } = await official.delete(`${base(ownId)}/${id}`);
      expect(status).toBe(204);
      expect(await t.prisma.evidence.findUnique({ where: { id } })).toBeNull();
      expect(await fileExists(file)).toBe(false);
      const events = await t.prisma.activityEvent.findMany({
        where: { entityId: id },
        orderBy: { createdAt: 'asc' },
      });
      expect(events.map((e) => e.action)).toEqual(['created', 'deleted']);
      expect(events[1]).toMatchObject({ actorId: officialId });
      expect(events[1]!.changes).toMatchObject({
        sha256: { before: sha256(PDF), after: null },
        kind: { before: 'FILE', after: null },
      });
    });

    it('refuses PARTNER, VIEWER and an editor who did not add it (403); an ADMIN may (204)', async () => {
      const { id, file } = await addPdf(official);
      const molisa = await t.prisma.organization.findFirstOrThrow({
        where: { workspaceId, shortName: 'MOLISA' },
      });
      const { client: colleague } = await createMember(t, {
        slug: 'viet-nam',
        role: 'EDITOR',
        organizationId: molisa.id,
      });
      for (const client of [union, viewer, manager, colleague]) {
        expect((await client.delete(`${base(ownId)}/${id}`)).status).toBe(403);
      }
      expect(await t.prisma.evidence.findUnique({ where: { id } })).not.toBeNull();
      expect(await fileExists(file)).toBe(true);
      expect((await admin.delete(`${base(ownId)}/${id}`)).status).toBe(204);
      expect(await fileExists(file)).toBe(false);
    });

    it('refuses an editor on another organization’s commitment (403) and answers 404 for unknown ids', async () => {
      const { id } = await addPdf(admin, foreignId);
      expect((await official.delete(`${base(foreignId)}/${id}`)).status).toBe(403);
      expect((await official.delete(`${base(ownId)}/${id}`)).status).toBe(404);
      expect((await official.delete(`${base(ownId)}/${randomUUID()}`)).status).toBe(404);
      expect(await t.prisma.evidence.findUnique({ where: { id } })).not.toBeNull();
    });

    it('keeps the evidence of a submitted update (409)', async () => {
      const update = await t.prisma.progressUpdate.create({
        data: {
          workspaceId,
          commitmentId: ownId,
          authorId: officialId,
          periodId: await quarterId(t.prisma, workspaceId, '2026-Q3'),
          status: 'ON_TRACK',
          progress: 50,
          narrative: 'x',
        },
      });
      const { body } = await upload(
        official,
        `/api/workspaces/viet-nam/commitments/${ownId}/updates/${update.id}/evidence`,
        [{ name: 'file', filename: 'a.pdf', data: PDF }],
      );
      await t.prisma.progressUpdate.update({
        where: { id: update.id },
        data: { state: 'SUBMITTED' },
      });
      expect((await official.delete(`${base(ownId)}/${body.id}`)).status).toBe(409);
      expect(await t.prisma.evidence.findUnique({ where: { id: body.id } })).not.toBeNull();
    });

    it('keeps the last evidence item of a COMPLETED commitment (409), with no history event', async () => {
      await t.prisma.evidence.deleteMany({ where: { commitmentId: coId } });
      const { id, file } = await addPdf(official, coId);
      const second = await addPdf(official, coId);
      await t.prisma.commitment.update({
        where: { id: coId },
        data: { status: 'COMPLETED', progress: 100 },
      });
      expect((await official.delete(`${base(coId)}/${second.id}`)).status).toBe(204);
      const events = await t.prisma.activityEvent.count({ where: { entityId: id } });
      const last = await official.delete<ErrorBody>(`${base(coId)}/${id}`);
      expect(last.status).toBe(409);
      expect(last.body.message).toMatch(/COMPLETED/);
      expect(await t.prisma.evidence.findUnique({ where: { id } })).not.toBeNull();
      expect(await fileExists(file)).toBe(true);
      expect(await t.prisma.activityEvent.count({ where: { entityId: id } })).toBe(events);
    });
  });
});
