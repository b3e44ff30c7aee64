import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportJob, ImportSummary } from '../../api/types';
import { renderApp } from '../../test/render';
import { adminMe, meAs, page } from '../../test/fixtures';

const WS = '/api/workspaces/viet-nam';

const summary: ImportSummary = {
  id: 'i-1',
  fileName: 'cam-ket.xlsx',
  format: 'xlsx',
  state: 'VALIDATED',
  total: 3,
  creates: 1,
  updates: 1,
  unchanged: 0,
  errors: 1,
  processed: 0,
  failure: null,
  failureCode: null,
  failureRow: null,
  createdBy: { id: 'u-admin', displayName: 'Quản trị viên' },
  createdAt: '2026-12-04T09:30:00.000Z',
  startedAt: null,
  finishedAt: null,
};

const withErrors: ImportJob = {
  ...summary,
  mapping: [
    { kind: 'commitment', header: 'Khung', column: 'framework' },
    { kind: 'commitment', header: 'Số hiệu', column: 'reference' },
    { kind: 'commitment', header: 'Tiêu đề (tiếng Việt)', column: 'title_vi' },
    { kind: 'commitment', header: 'Ghi chú', column: null },
  ],
  sheets: [
    {
      index: 0,
      name: 'Cam kết',
      detected: 'commitment',
      kind: 'commitment',
      rows: 3,
      columns: [
        { header: 'Khung', column: 'framework' },
        { header: 'Số hiệu', column: 'reference' },
        { header: 'Tiêu đề (tiếng Việt)', column: 'title_vi' },
        { header: 'Ghi chú', column: null },
      ],
    },
  ],
  rows: [
    {
      kind: 'commitment',
      sheet: 'Cam kết',
      indicator: null,
      line: 3,
      outcome: 'create',
      framework: 'NQ-42',
      reference: '9.1',
      errors: [],
      changedFields: [],
    },
    {
      kind: 'commitment',
      sheet: 'Cam kết',
      indicator: null,
      line: 4,
      outcome: 'update',
      framework: 'NQ-42',
      reference: '1.1',
      errors: [],
      changedFields: ['title', 'targetDate'],
    },
    {
      kind: 'commitment',
      sheet: 'Cam kết',
      indicator: null,
      line: 5,
      outcome: 'error',
      framework: 'NQ-42',
      reference: '9.2',
      errors: [
        { field: 'lead_organization', code: 'unknownCode', message: '"XYZ" is not a known value' },
      ],
      changedFields: [],
    },
  ],
};

const clean: ImportJob = {
  ...withErrors,
  id: 'i-2',
  errors: 0,
  rows: withErrors.rows.slice(0, 2),
  total: 2,
};

const xlsx = (name = 'cam-ket.xlsx', size = 2048) =>
  new File([new Uint8Array(size)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

/** The multipart uploads the page sends (the typed client does not build them): fields by name. */
type UploadAnswer = { status: number; body: unknown };
function interceptUploads(answer: (form: FormData) => UploadAnswer | Promise<UploadAnswer>) {
  const uploads: FormData[] = [];
  const inner = window.fetch;
  window.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.body instanceof FormData) {
      uploads.push(init.body);
      const { status, body } = await answer(init.body);
      return Response.json(body, { status });
    }
    return inner(input, init);
  }) as typeof window.fetch;
  return uploads;
}

const routes = (job: ImportJob) => ({
  '/api/auth/me': adminMe,
  [`${WS}/imports/${job.id}`]: job,
  [`${WS}/imports`]: page([summary]),
});

describe('import wizard', () => {
  it('offers the templates in the language on screen and refuses a file that is not a spreadsheet before sending it', async () => {
    renderApp('/w/viet-nam/imports/new', routes(withErrors));
    await screen.findByRole('heading', { name: 'Nhập cam kết từ tệp', level: 1 });
    expect(screen.getByRole('link', { name: 'Tải mẫu Excel' })).toHaveAttribute(
      'href',
      `${WS}/imports/template.xlsx?lang=vi`,
    );
    expect(screen.getByRole('link', { name: 'Tải mẫu CSV' })).toHaveAttribute(
      'href',
      `${WS}/imports/template.csv?lang=vi`,
    );
    expect(screen.getByRole('link', { name: 'Tải mẫu CSV chỉ số' })).toHaveAttribute(
      'href',
      `${WS}/imports/template.csv?lang=vi&kind=indicator`,
    );
    const uploads = interceptUploads(() => ({ status: 200, body: withErrors }));
    const zone = screen.getByText('hoặc kéo thả tệp vào đây').closest('label')!;
    fireEvent.drop(zone, {
      dataTransfer: { files: [new File(['x'], 'anh.png', { type: 'image/png' })] },
    });
    expect(await screen.findByText('“anh.png” không phải tệp XLSX hoặc CSV.')).toBeInTheDocument();
    fireEvent.drop(zone, { dataTransfer: { files: [xlsx('lon.xlsx', 11 * 1024 * 1024)] } });
    expect(await screen.findByText(/“lon.xlsx” nặng .*: tệp tối đa/)).toBeInTheDocument();
    expect(uploads).toHaveLength(0);
  });

  it('shows the server’s refusal in the user’s language, naming the field', async () => {
    const { user } = renderApp('/w/viet-nam/imports/new', routes(withErrors));
    const input = await screen.findByLabelText('Tệp cần nhập');
    let answer = {
      status: 415,
      body: {
        statusCode: 415,
        error: 'Unsupported Media Type',
        code: 'unsupportedMediaType',
        message: 'Not a spreadsheet',
      },
    };
    interceptUploads(() => answer);
    await user.upload(input, xlsx());
    expect(
      await screen.findByText('Tệp này không phải bảng tính: hãy gửi tệp Excel (XLSX) hoặc CSV.'),
    ).toBeInTheDocument();
    answer = {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation',
        message: 'mapping: must be a JSON object',
        // @ts-expect-error -- the details of a validation error
        details: [{ field: 'mapping', code: 'invalidFormat', message: 'must be a JSON object' }],
      },
    };
    await user.upload(input, xlsx());
    expect(await screen.findByText('Cột: không đúng định dạng')).toBeInTheDocument();
  });

  it('says why the server refused the file, with its limit or line, never in English', async () => {
    const { user } = renderApp('/w/viet-nam/imports/new', routes(withErrors));
    const input = await screen.findByLabelText('Tệp cần nhập');
    const refusal = (status: number, code: string, detail: Record<string, unknown>) => ({
      status,
      body: {
        statusCode: status,
        error: 'Refused',
        code,
        message: 'English text',
        details: [detail],
      },
    });
    let answer = refusal(413, 'payloadTooLarge', {
      field: 'file',
      code: 'tooManyRows',
      message: 'The sheet has more than 10000 rows',
      max: 10_000,
    });
    interceptUploads(() => answer);
    await user.upload(input, xlsx());
    expect(
      await screen.findByText(/Trang tính có quá nhiều dòng: tối đa 10\.000 dòng dữ liệu/),
    ).toBeInTheDocument();
    answer = refusal(413, 'payloadTooLarge', {
      field: 'file',
      code: 'tooMuchText',
      message: 'The file holds more than 5,000,000 characters of text: split it',
      max: 5_000_000,
    });
    await user.upload(input, xlsx());
    expect(
      await screen.findByText(/Tệp chứa quá nhiều chữ: tối đa 5\.000\.000 ký tự cho toàn bộ tệp/),
    ).toBeInTheDocument();
    answer = refusal(400, 'validation', {
      field: 'file',
      code: 'malformedCsv',
      message: 'Quote not closed',
      line: 7,
    });
    await user.upload(input, new File(['a,"b'], 'cam-ket.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/Tệp CSV bị lỗi định dạng ở dòng 7/)).toBeInTheDocument();
    expect(screen.queryByText(/English text|Quote not closed/)).not.toBeInTheDocument();
    // Not the file's fault: the database is away.
    answer = {
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'databaseUnavailable',
        message: 'x',
      },
    } as unknown as typeof answer;
    await user.upload(input, xlsx());
    expect(
      await screen.findByText(/Tạm thời không kết nối được cơ sở dữ liệu/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Không đọc được tệp/)).not.toBeInTheDocument();
  });

  it('asks for the encoding of a CSV the server could not read in it, and checks it again with the one chosen', async () => {
    const { user, history } = renderApp('/w/viet-nam/imports/new', routes(withErrors));
    const input = await screen.findByLabelText('Tệp cần nhập');
    const uploads = interceptUploads((form) =>
      form.get('encoding') === 'windows-1252'
        ? { status: 200, body: withErrors }
        : {
            status: 400,
            body: {
              statusCode: 400,
              error: 'Bad Request',
              code: 'validation',
              message: 'The CSV file is not valid utf-8 text',
              details: [
                {
                  field: 'file',
                  code: 'wrongEncoding',
                  message: 'not valid utf-8 text',
                  allowed: ['utf-8'],
                },
              ],
            },
          },
    );
    await user.upload(input, new File(['Caf\xe9'], 'cam-ket.csv', { type: 'text/csv' }));
    expect(
      await screen.findByText(
        'Tệp CSV không phải văn bản UTF-8 (Unicode). Hãy chọn đúng bảng mã bên dưới.',
      ),
    ).toBeInTheDocument();
    expect(uploads[0]!.get('encoding')).toBeNull();
    await user.selectOptions(
      screen.getByRole('combobox', { name: /Bảng mã của tệp CSV/ }),
      'Windows-1252 (Tây Âu)',
    );
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/imports/i-1'));
    expect(uploads).toHaveLength(2);
    expect(uploads[1]!.get('encoding')).toBe('windows-1252');
    expect((uploads[1]!.get('file') as File).name).toBe('cam-ket.csv');
  });

  it('sends the file for a dry run and shows each row’s outcome on the import’s own page, errors first', async () => {
    const { user, history } = renderApp('/w/viet-nam/imports/new', routes(withErrors));
    let answer: (value: UploadAnswer) => void = () => undefined;
    const uploads = interceptUploads(() => new Promise((resolve) => (answer = resolve)));
    await user.upload(await screen.findByLabelText('Tệp cần nhập'), xlsx());
    expect(await screen.findByRole('status')).toHaveTextContent('Đang kiểm tra cam-ket.xlsx…');
    answer({ status: 200, body: withErrors });
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/imports/i-1'));
    expect((uploads[0]!.get('file') as File).name).toBe('cam-ket.xlsx');
    expect(uploads[0]!.has('mapping')).toBe(false);

    const table = await screen.findByRole('table', {
      name: 'Kết quả kiểm tra từng dòng của cam-ket.xlsx',
    });
    // Only the rows with errors at first, with the column and the reason.
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(
      within(table).getByText('Cơ quan chủ trì: mã hoặc tên không có trong không gian làm việc'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Chỉ hiện các dòng có lỗi' }));
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Thay đổi: Tiêu đề, Hạn hoàn thành')).toBeInTheDocument();

    expect(screen.getByRole('alert', { name: /1 dòng có lỗi/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tải các dòng bị từ chối (Excel)' })).toHaveAttribute(
      'href',
      `${WS}/imports/i-1/errors.xlsx?lang=vi`,
    );
    expect(screen.queryByRole('button', { name: 'Nhập dữ liệu' })).not.toBeInTheDocument();
  });

  it('checks the file again with the columns chosen for headers the template does not know', async () => {
    const { user, history } = renderApp('/w/viet-nam/imports/new', routes(withErrors));
    const uploads = interceptUploads((form) => ({
      status: 200,
      body: form.has('sheets') ? clean : withErrors,
    }));
    await user.upload(await screen.findByLabelText('Tệp cần nhập'), xlsx());
    const select = await screen.findByRole('combobox', { name: 'Cột “Ghi chú” đọc là' });
    expect(select).toHaveValue('');
    await user.selectOptions(select, 'description_vi');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra lại với các cột này' }));
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/imports/i-2'));
    // The new dry run has no errors: every row shows, the new columns are the mapping.
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Chỉ hiện các dòng có lỗi' })).not.toBeChecked(),
    );
    expect(
      within(screen.getByRole('table', { name: /Kết quả kiểm tra/ })).getAllByRole('row'),
    ).toHaveLength(3);
    expect(JSON.parse(uploads[1]!.get('sheets') as string)).toEqual([
      {
        sheet: 0,
        kind: 'commitment',
        mapping: {
          Khung: 'framework',
          'Số hiệu': 'reference',
          'Tiêu đề (tiếng Việt)': 'title_vi',
          'Ghi chú': 'description_vi',
        },
      },
    ]);
  });

  it('lets the user choose what a sheet of unknown headers holds, map its columns, or skip a sheet', async () => {
    const twoSheets: ImportJob = {
      ...withErrors,
      sheets: [
        withErrors.sheets[0]!,
        {
          index: 2,
          name: 'Ghi chú',
          detected: null,
          kind: 'skip',
          rows: 4,
          columns: [
            { header: 'Mã khung', column: null },
            { header: 'Tên', column: null },
          ],
        },
      ],
    };
    const { user, history } = renderApp('/w/viet-nam/imports/new', routes(twoSheets));
    const uploads = interceptUploads((form) => ({
      status: 200,
      body: form.has('sheets') ? clean : twoSheets,
    }));
    await user.upload(await screen.findByLabelText('Tệp cần nhập'), xlsx());
    const notes = await screen.findByRole('region', { name: 'Trang tính “Ghi chú”' });
    expect(notes).toHaveTextContent(/không khớp với cam kết hay chỉ số/);
    expect(notes).toHaveTextContent('Số dòng dữ liệu: 4.');
    const kind = within(notes).getByRole('combobox', { name: 'Trang tính “Ghi chú” chứa' });
    expect(kind).toHaveValue('skip');
    // A skipped sheet's columns are not asked for.
    expect(within(notes).queryByRole('combobox', { name: /Cột “Tên”/ })).not.toBeInTheDocument();
    await user.selectOptions(kind, 'Chỉ số');
    await user.selectOptions(
      within(notes).getByRole('combobox', { name: 'Cột “Mã khung” đọc là' }),
      'framework',
    );
    const name = within(notes).getByRole('combobox', { name: 'Cột “Tên” đọc là' });
    expect(within(name).getByRole('option', { name: 'Chỉ số (tiếng Việt)' })).toBeInTheDocument();
    expect(within(name).queryByRole('option', { name: 'Tiêu đề (tiếng Việt)' })).toBeNull();
    await user.selectOptions(name, 'indicator_vi');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Trang tính “Cam kết” chứa' }),
      'Bỏ qua trang tính này',
    );
    await user.click(screen.getByRole('button', { name: 'Kiểm tra lại với các cột này' }));
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/imports/i-2'));
    expect(JSON.parse(uploads[1]!.get('sheets') as string)).toEqual([
      expect.objectContaining({ sheet: 0, kind: 'skip' }),
      {
        sheet: 2,
        kind: 'indicator',
        mapping: { 'Mã khung': 'framework', Tên: 'indicator_vi' },
      },
    ]);
  });

  it('shows the indicator rows of a workbook of both kinds, with their kind, name and reasons', async () => {
    const both: ImportJob = {
      ...withErrors,
      id: 'i-5',
      mapping: [
        ...withErrors.mapping,
        { kind: 'indicator', header: 'Khung', column: 'framework' },
        { kind: 'indicator', header: 'Đơn vị', column: 'unit_vi' },
      ],
      sheets: [
        ...withErrors.sheets,
        {
          index: 1,
          name: 'Chỉ số',
          detected: 'indicator',
          kind: 'indicator',
          rows: 2,
          columns: [
            { header: 'Khung', column: 'framework' },
            { header: 'Đơn vị', column: 'unit_vi' },
          ],
        },
      ],
      rows: [
        withErrors.rows[0]!,
        {
          kind: 'indicator',
          sheet: 'Chỉ số',
          indicator: 'Tỷ lệ bao phủ BHYT',
          line: 3,
          outcome: 'update',
          framework: 'NQ-42',
          reference: '1.1',
          errors: [],
          changedFields: ['target_value', 'value'],
        },
        {
          kind: 'indicator',
          sheet: 'Chỉ số',
          indicator: 'Số người',
          line: 4,
          outcome: 'error',
          framework: 'NQ-42',
          reference: '1.1',
          errors: [
            { field: 'target_year', code: 'yearOrder', message: 'must not be before' },
            { field: 'value', code: 'invalidNumber', message: 'must be a number' },
          ],
          changedFields: [],
        },
      ],
    };
    const { user } = renderApp('/w/viet-nam/imports/i-5', routes(both));
    const table = await screen.findByRole('table', { name: /Kết quả kiểm tra/ });
    await user.click(screen.getByRole('switch', { name: 'Chỉ hiện các dòng có lỗi' }));
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getByRole('columnheader', { name: 'Loại' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent(/^Cam kết3/);
    expect(within(rows[2]!).getByText('Chỉ số')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Tỷ lệ bao phủ BHYT')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Thay đổi: Giá trị mục tiêu, Giá trị')).toBeInTheDocument();
    expect(
      within(rows[3]!).getByText('Năm mục tiêu: năm mục tiêu trước năm cơ sở'),
    ).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Giá trị: không phải số hợp lệ')).toBeInTheDocument();
    // The indicators sheet's own headers are listed under their sheet.
    const sheet = screen.getByRole('region', { name: 'Trang tính “Chỉ số”' });
    expect(sheet).toHaveTextContent('Đọc là: Chỉ số');
    expect(within(sheet).getByText('Đơn vị (tiếng Việt)')).toBeInTheDocument();
  });

  it('shows the mapping read only when the file is no longer at hand (a reloaded page)', async () => {
    const reloaded = { ...withErrors, id: 'i-9' };
    renderApp('/w/viet-nam/imports/i-9', routes(reloaded));
    await screen.findByText('Để đổi cách đọc các cột, hãy chọn lại tệp.');
    expect(screen.queryByRole('combobox', { name: /Cột “Ghi chú”/ })).not.toBeInTheDocument();
    expect(screen.getAllByText('Bỏ qua cột này').length).toBeGreaterThan(0);
  });

  it('asks before updating existing commitments, then follows the run to its end', async () => {
    let state: ImportJob = clean;
    let polls = 0;
    const { user, sent } = renderApp('/w/viet-nam/imports/i-2', {
      ...routes(clean),
      [`${WS}/imports/i-2`]: () => {
        if (state.state === 'QUEUED' || state.state === 'RUNNING') {
          polls += 1;
          state =
            polls === 1
              ? { ...state, state: 'RUNNING', processed: 1 }
              : { ...state, state: 'SUCCEEDED', processed: 2 };
        }
        return state;
      },
      [`POST ${WS}/imports/i-2/run`]: () => {
        state = { ...clean, state: 'QUEUED' };
        return { status: 202, body: state };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Nhập dữ liệu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cập nhật các cam kết hiện có?' });
    expect(dialog).toHaveTextContent('cập nhật 1 cam kết hiện có và tạo 1 cam kết mới');
    await user.click(within(dialog).getByRole('button', { name: 'Cập nhật và nhập' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));

    const bar = await screen.findByRole('progressbar', { name: 'Tiến độ nhập dữ liệu' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    expect(screen.getByText('Đã ghi 1/2 dòng')).toBeInTheDocument();
    // The polls ask without the rows (the dry run's never change).
    const polled = sent.filter((r) => r.path === `${WS}/imports/i-2` && r.method === 'GET');
    expect(polled.at(-1)!.url.searchParams.get('rows')).toBe('false');
    await screen.findByText(
      'Đã nhập xong: 1 tạo mới, 1 cập nhật, 0 không đổi.',
      {},
      { timeout: 8000 },
    );
    expect(screen.getByRole('progressbar', { name: 'Tiến độ nhập dữ liệu' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(screen.getByRole('link', { name: 'Mở danh sách cam kết' })).toHaveAttribute(
      'href',
      '/w/viet-nam/commitments',
    );
  });

  it('runs an import that only creates without asking, and shows why a run failed', async () => {
    const createsOnly: ImportJob = { ...clean, updates: 0, rows: clean.rows.slice(0, 1) };
    const { user } = renderApp('/w/viet-nam/imports/i-2', {
      ...routes(createsOnly),
      [`POST ${WS}/imports/i-2/run`]: {
        status: 202,
        body: {
          ...createsOnly,
          state: 'FAILED',
          failure: 'Row 3 no longer passes the checks',
          failureCode: 'ROWS_CHANGED',
          failureRow: {
            kind: 'commitment',
            sheet: 'Cam kết',
            line: 3,
            field: 'lead_organization',
            code: 'archived',
            count: 2,
          },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Nhập dữ liệu' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const alert = await screen.findByRole('alert', {
      name: 'Nhập dữ liệu thất bại, không có gì thay đổi.',
    });
    expect(alert).toHaveTextContent(
      'Một số dòng không còn hợp lệ vì dữ liệu đã thay đổi sau khi kiểm tra.',
    );
    expect(alert).toHaveTextContent(
      'Dòng đầu tiên trong 2 dòng không còn hợp lệ (Cam kết): trang tính “Cam kết”, dòng 3 — Cơ quan chủ trì: đã lưu trữ',
    );
    expect(alert).not.toHaveTextContent('Row 3');
  });
});

describe('import history', () => {
  it('lists who imported which file, when, and how it ended', async () => {
    renderApp('/w/viet-nam/imports', routes(withErrors));
    const table = await screen.findByRole('table', {
      name: 'Các lần nhập dữ liệu, mới nhất trước',
    });
    const row = within(table).getByRole('row', { name: /cam-ket.xlsx/ });
    expect(within(row).getByRole('link', { name: 'cam-ket.xlsx' })).toHaveAttribute(
      'href',
      '/w/viet-nam/imports/i-1',
    );
    expect(row).toHaveTextContent('Quản trị viên');
    expect(row).toHaveTextContent('Đã kiểm tra, chưa nhập');
    expect(row).toHaveTextContent('1 mới · 1 cập nhật · 0 không đổi · 1 lỗi');
    expect(screen.getByRole('link', { name: 'Nhập tệp mới' })).toHaveAttribute(
      'href',
      '/w/viet-nam/imports/new',
    );
  });

  it('says so when there is none yet, and is in the navigation', async () => {
    renderApp('/w/viet-nam/imports', { ...routes(withErrors), [`${WS}/imports`]: page([]) });
    await screen.findByText('Chưa có lần nhập dữ liệu nào.');
    const nav = screen.getAllByRole('navigation', { name: 'Điều hướng chính' })[0]!;
    expect(within(nav).getByRole('link', { name: 'Nhập dữ liệu' })).toHaveAttribute(
      'href',
      '/w/viet-nam/imports',
    );
  });

  it('is not offered to a viewer', async () => {
    renderApp('/w/viet-nam/imports', { ...routes(withErrors), '/api/auth/me': meAs('VIEWER') });
    await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' });
    expect(screen.queryByRole('link', { name: 'Nhập dữ liệu' })).not.toBeInTheDocument();
  });
});
