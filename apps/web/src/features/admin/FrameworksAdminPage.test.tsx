import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { adminMe, ilc2021, meAs, nq42, organizations, page, stale412 } from '../../test/fixtures';
import type { Framework } from '../../api/types';

const FRAMEWORKS = '/api/workspaces/viet-nam/frameworks';

const base = {
  '/api/auth/me': adminMe,
  [FRAMEWORKS]: page([nq42, ilc2021]),
  '/api/workspaces/viet-nam/organizations': page(organizations),
};

describe('frameworks administration', () => {
  it('lists the frameworks with code, title, issuer, adoption date and commitments', async () => {
    renderApp('/w/viet-nam/admin/frameworks', base);
    const table = await screen.findByRole('table', {
      name: 'Các khung chính sách của không gian làm việc',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('NQ-42');
    expect(cells[1]).toHaveTextContent(/^Nghị quyết số 42-NQ\/TW/);
    expect(cells[2]).toHaveTextContent(/Ban Chấp hành Trung ương Đảng/);
    expect(cells[3]).toHaveTextContent('24 thg 11, 2023');
    expect(cells[4]).toHaveTextContent('12');
    expect(within(rows[1]!).getAllByRole('cell')[4]).toHaveTextContent('40');
    expect(within(rows[1]!).getByRole('button', { name: 'Sửa ILC-2021' })).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Các mục quản trị' });
    expect(within(nav).getByRole('link', { name: 'Khung chính sách' })).toHaveAttribute(
      'href',
      '/w/viet-nam/admin/frameworks',
    );
  });

  it('shows the titles in English when the language is English', async () => {
    renderApp('/w/viet-nam/admin/frameworks', {
      ...base,
      '/api/auth/me': { ...adminMe, user: { ...adminMe.user, locale: 'en' } },
    });
    const table = await screen.findByRole('table', { name: 'The frameworks of the workspace' });
    expect(within(table).getByText(/^Resolution No. 42-NQ\/TW/)).toBeInTheDocument();
  });

  it('creates a framework: the POST body has every field, empty ones as null', async () => {
    let frameworks = [nq42];
    const created: Framework = {
      ...nq42,
      id: 'f-dwcp',
      code: 'DWCP-2027',
      title: { vi: 'Chương trình việc làm bền vững', en: 'Decent Work Country Programme' },
      issuer: { vi: 'ILO', en: 'ILO' },
      adoptedOn: '2027-01-15',
      commitmentCount: 0,
    };
    const { user, sent } = renderApp('/w/viet-nam/admin/frameworks', {
      ...base,
      [`GET ${FRAMEWORKS}`]: () => page(frameworks),
      [`POST ${FRAMEWORKS}`]: () => {
        frameworks = [...frameworks, created];
        return { status: 201, body: created };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Thêm khung chính sách' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm khung chính sách' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Mã/ }), 'DWCP-2027');
    await user.type(
      within(dialog).getByRole('textbox', { name: /Tên \(tiếng Việt\)/ }),
      'Chương trình việc làm bền vững',
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: /Tên \(tiếng Anh\)/ }),
      'Decent Work Country Programme',
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Cơ quan ban hành (tiếng Việt)' }),
      ' ILO ',
    );
    await user.type(within(dialog).getByLabelText('Ngày thông qua'), '2027-01-15');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      code: 'DWCP-2027',
      title: { vi: 'Chương trình việc làm bền vững', en: 'Decent Work Country Programme' },
      description: null,
      // English left empty: the same as the Vietnamese.
      issuer: { vi: 'ILO', en: 'ILO' },
      adoptedOn: '2027-01-15',
      url: null,
    });
    expect(await screen.findByRole('cell', { name: 'DWCP-2027' })).toBeInTheDocument();
  });

  it('shows the API field errors under their fields and explains a duplicate code', async () => {
    let posts = 0;
    const { user } = renderApp('/w/viet-nam/admin/frameworks', {
      ...base,
      [`POST ${FRAMEWORKS}`]: () =>
        ++posts === 1
          ? {
              status: 400,
              body: {
                statusCode: 400,
                error: 'Bad Request',
                message: 'Validation failed',
                details: [
                  {
                    field: 'code',
                    code: 'invalidFormat',
                    message: 'must start with a letter or digit',
                  },
                  { field: 'title.en', code: 'required', message: 'title.en should not be empty' },
                  { field: 'url', code: 'notUrl', message: 'must be an http(s) address' },
                ],
              },
            }
          : {
              status: 409,
              body: { statusCode: 409, error: 'Conflict', message: 'Code taken' },
            },
    });
    await user.click(await screen.findByRole('button', { name: 'Thêm khung chính sách' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm khung chính sách' });
    const code = within(dialog).getByRole('textbox', { name: /^Mã/ });
    await user.type(code, '-bad');
    await user.type(within(dialog).getByRole('textbox', { name: /Tên \(tiếng Việt\)/ }), 'Tên');
    const url = within(dialog).getByRole('textbox', { name: 'Liên kết văn bản gốc' });
    await user.type(url, 'ftp://x');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await within(dialog).findByText('Không đúng định dạng.')).toBeInTheDocument();
    expect(code).toHaveAccessibleDescription(/Không đúng định dạng\./);
    expect(
      within(dialog).getByRole('textbox', { name: /Tên \(tiếng Anh\)/ }),
    ).toHaveAccessibleDescription('Bắt buộc nhập.');
    expect(url).toHaveAccessibleDescription(
      'Không phải địa chỉ web hợp lệ (http:// hoặc https://).',
    );
    // Field errors are shown at their fields, not as a general alert.
    expect(within(dialog).queryByRole('alert')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Đã có khung chính sách với mã này',
    );
  });

  it('edits with If-Match; a 412 keeps the input, shows the stored values and can keep theirs', async () => {
    const stored: Framework = {
      ...nq42,
      issuer: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee' },
      url: 'https://example.org/nq42',
      version: 4,
    };
    let patches = 0;
    const { user, sent } = renderApp('/w/viet-nam/admin/frameworks', {
      ...base,
      [`PATCH ${FRAMEWORKS}/f-nq42`]: () =>
        ++patches === 1 ? stale412(stored) : { ...stored, code: 'NQ-42-2023', version: 5 },
    });
    await user.click(await screen.findByRole('button', { name: 'Sửa NQ-42' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa khung chính sách' });
    const issuer = within(dialog).getByRole('textbox', { name: 'Cơ quan ban hành (tiếng Việt)' });
    expect(issuer).toHaveValue(nq42.issuer!.vi);
    await user.clear(issuer);
    await user.type(issuer, 'Bộ Chính trị');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('phiên bản 4');
    const row = within(alert).getByRole('row', { name: /Cơ quan ban hành \(tiếng Việt\)/ });
    expect(row).toHaveTextContent('Bộ Chính trị');
    expect(row).toHaveTextContent('Ban Chấp hành Trung ương');
    const link = within(alert).getByRole('row', { name: /Liên kết văn bản gốc/ });
    expect(link).toHaveTextContent('—');
    expect(link).toHaveTextContent('https://example.org/nq42');
    expect(issuer).toHaveValue('Bộ Chính trị');
    const first = sent.find((r) => r.method === 'PATCH')!;
    expect(first.headers.get('if-match')).toBe('"1"');
    expect(first.body).toMatchObject({
      code: 'NQ-42',
      issuer: { vi: 'Bộ Chính trị', en: nq42.issuer!.en },
      url: null,
    });

    await user.click(within(alert).getByRole('button', { name: 'Giữ bản của họ' }));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(issuer).toHaveValue('Ban Chấp hành Trung ương');
    expect(within(dialog).getByRole('textbox', { name: 'Liên kết văn bản gốc' })).toHaveValue(
      'https://example.org/nq42',
    );
    const code = within(dialog).getByRole('textbox', { name: /^Mã/ });
    await user.type(code, '-2023');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const second = sent.filter((r) => r.method === 'PATCH')[1]!;
    expect(second.headers.get('if-match')).toBe('"4"');
    expect(second.body).toMatchObject({
      code: 'NQ-42-2023',
      issuer: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee' },
      url: 'https://example.org/nq42',
    });
  });

  it('reapplies an edit over the stored version after a 412', async () => {
    let patches = 0;
    const { user, sent } = renderApp('/w/viet-nam/admin/frameworks', {
      ...base,
      [`PATCH ${FRAMEWORKS}/f-ilc`]: () =>
        ++patches === 1
          ? stale412({ ...ilc2021, adoptedOn: '2021-06-18', version: 7 })
          : { ...ilc2021, version: 8 },
    });
    await user.click(await screen.findByRole('button', { name: 'Sửa ILC-2021' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa khung chính sách' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Mô tả (tiếng Việt)' }),
      'Lời kêu gọi',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Mô tả (tiếng Anh)' }), 'The call');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByRole('row', { name: /Ngày thông qua/ })).toHaveTextContent(
      '2021-06-18',
    );
    await user.click(within(alert).getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patchesSent = sent.filter((r) => r.method === 'PATCH');
    expect(patchesSent.map((r) => r.headers.get('if-match'))).toEqual(['"1"', '"7"']);
    expect(patchesSent[1]!.body).toMatchObject({
      description: { vi: 'Lời kêu gọi', en: 'The call' },
      // The user's values, not the stored ones.
      adoptedOn: '2021-06-17',
    });
  });

  it('opens the form of the framework linked from the overview', async () => {
    renderApp('/w/viet-nam/admin/frameworks?edit=f-ilc', base);
    const dialog = await screen.findByRole('dialog', { name: 'Sửa khung chính sách' });
    expect(within(dialog).getByRole('textbox', { name: /^Mã/ })).toHaveValue('ILC-2021');
  });

  it.each(['MANAGER', 'EDITOR', 'VIEWER'] as const)(
    'shows a not-allowed page to a %s',
    async (role) => {
      renderApp('/w/viet-nam/admin/frameworks', { ...base, '/api/auth/me': meAs(role) });
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' }),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Thêm khung chính sách' })).toBeNull();
    },
  );
});

describe('frameworks overview: Edit link', () => {
  it('is offered to an admin on every card, pointing to the form in the administration', async () => {
    const { user, history } = renderApp('/w/viet-nam', base);
    const card = await screen.findByRole('article', { name: 'NQ-42' });
    const link = within(card).getByRole('link', { name: 'Sửa NQ-42' });
    expect(link).toHaveAttribute('href', '/w/viet-nam/admin/frameworks?edit=f-nq42');
    await user.click(link);
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/admin/frameworks'));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa khung chính sách' });
    expect(within(dialog).getByRole('textbox', { name: /^Mã/ })).toHaveValue('NQ-42');
  });

  it.each(['MANAGER', 'EDITOR', 'PARTNER', 'VIEWER'] as const)(
    'is not offered to a %s',
    async (role) => {
      renderApp('/w/viet-nam', {
        ...base,
        '/api/auth/me': meAs(role, role === 'PARTNER' ? organizations[1] : undefined),
      });
      const card = await screen.findByRole('article', { name: 'NQ-42' });
      expect(within(card).getByRole('link', { name: 'Xem danh sách cam kết' })).toBeInTheDocument();
      expect(within(card).queryByRole('link', { name: /Sửa/ })).toBeNull();
    },
  );
});
