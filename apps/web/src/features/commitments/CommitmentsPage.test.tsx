import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, requestedUrls } from '../../test/render';
import {
  commitmentNq1,
  commitmentNq2,
  ilc2021,
  me,
  meAs,
  nq42,
  organizations,
  page,
} from '../../test/fixtures';

const LIST = '/api/workspaces/viet-nam/commitments';

function routes(list: (url: URL) => unknown) {
  return {
    '/api/workspaces/viet-nam/frameworks': page([nq42, ilc2021]),
    '/api/workspaces/viet-nam/organizations': page(organizations),
    [LIST]: list,
  };
}

const listCalls = (fetchMock: jest.Mock) =>
  requestedUrls(fetchMock).filter((url) => url.pathname === LIST);

describe('commitments list', () => {
  it('renders a row per commitment with status, progress, lead organization and overdue flag', async () => {
    renderApp(
      '/w/viet-nam/commitments',
      routes(() => page([commitmentNq1, commitmentNq2])),
    );

    const link = await screen.findByRole('link', { name: /Phát triển sàn an sinh xã hội/ });
    const row = link.closest('tr')!;
    expect(within(row).getByText('Có rủi ro')).toBeInTheDocument();
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30');
    expect(within(row).getByText('MOLISA')).toBeInTheDocument();
    expect(within(row).getByText('Quá hạn')).toBeInTheDocument();
    expect(link).toHaveAttribute('href', '/w/viet-nam/commitments/c-nq42-2');

    const first = screen.getByRole('link', { name: /Phát triển hệ thống bảo trợ xã hội đa tầng/ });
    expect(within(first.closest('tr')!).queryByText('Quá hạn')).not.toBeInTheDocument();
    expect(screen.getByText('Đang hiển thị 1–2')).toBeInTheDocument();
  });

  it('shows "rolled up" beside a parent\'s progress and "not tracked" for a clause nobody leads, never their stale status', async () => {
    const parent = {
      ...commitmentNq1,
      status: 'NOT_STARTED' as const,
      trackedStatus: null,
      progress: 51,
      childCount: 3,
    };
    const untracked = {
      ...commitmentNq2,
      status: 'NOT_STARTED' as const,
      trackedStatus: null,
      leadOrgId: null,
    };
    renderApp(
      '/w/viet-nam/commitments',
      routes(() => page([parent, untracked])),
    );

    const parentRow = (
      await screen.findByRole('link', { name: /Phát triển hệ thống bảo trợ xã hội đa tầng/ })
    ).closest('tr')!;
    expect(within(parentRow).getByText('Tổng hợp')).toBeInTheDocument();
    expect(within(parentRow).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '51');
    const untrackedRow = screen
      .getByRole('link', { name: /Phát triển sàn an sinh xã hội/ })
      .closest('tr')!;
    expect(within(untrackedRow).getByText('Chưa theo dõi')).toBeInTheDocument();
    for (const row of [parentRow, untrackedRow]) {
      expect(within(row).queryByText('Chưa bắt đầu')).not.toBeInTheDocument();
    }
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const { fetchMock } = renderApp(
      '/w/viet-nam/commitments?status=AT_RISK&status=OFF_TRACK&overdue=true&needsUpdate=true&q=san&sort=-progress',
      routes(() => page([commitmentNq2])),
    );
    await screen.findByRole('link', { name: /Phát triển sàn an sinh xã hội/ });

    const url = listCalls(fetchMock)[0]!;
    expect(url.searchParams.getAll('status')).toEqual(['AT_RISK', 'OFF_TRACK']);
    expect(url.searchParams.get('overdue')).toBe('true');
    expect(url.searchParams.get('needsUpdate')).toBe('true');
    expect(url.searchParams.get('q')).toBe('san');
    expect(url.searchParams.get('sort')).toBe('-progress');
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue('san');
  });

  it('puts filter changes into the URL search and refetches', async () => {
    const { user, history, fetchMock } = renderApp(
      '/w/viet-nam/commitments',
      routes(() => page([commitmentNq1, commitmentNq2])),
    );
    await screen.findByRole('link', { name: /Phát triển sàn an sinh xã hội/ });

    // Status (multi-select)
    await user.click(screen.getByRole('combobox', { name: 'Trạng thái' }));
    await user.click(await screen.findByRole('option', { name: 'Có rủi ro' }));
    await waitFor(() => expect(history.location.search).toContain('AT_RISK'));

    // Lead organization
    await user.click(screen.getByRole('combobox', { name: 'Cơ quan chủ trì' }));
    await user.click(await screen.findByRole('option', { name: /^MOLISA/ }));
    await waitFor(() => expect(history.location.search).toContain('leadOrgId=o-molisa'));

    // Debounced search box
    await user.type(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), 'bảo trợ');
    // Typing on a loaded machine can outlast the pause: the last write carries all of it.
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('q')).toBe('bảo trợ'),
    );

    const search = new URLSearchParams(history.location.search);
    expect(search.getAll('status')).toEqual(['AT_RISK']);

    await waitFor(() => {
      const last = listCalls(fetchMock).at(-1)!;
      expect(last.searchParams.getAll('status')).toEqual(['AT_RISK']);
      expect(last.searchParams.get('leadOrgId')).toBe('o-molisa');
      expect(last.searchParams.get('q')).toBe('bảo trợ');
    });
  });

  it('shows the empty state and clears the filters', async () => {
    const { user, history } = renderApp(
      '/w/viet-nam/commitments?overdue=true&theme=HEALTH',
      routes((url) =>
        url.searchParams.has('overdue') ? page([]) : page([commitmentNq1, commitmentNq2]),
      ),
    );

    const empty = await screen.findByText('Không có cam kết nào khớp với bộ lọc này.');
    expect(empty).toBeInTheDocument();

    const clear = screen.getAllByRole('button', { name: 'Xóa bộ lọc' });
    await user.click(clear[clear.length - 1]!);

    expect(await screen.findByText('Đang hiển thị 1–2')).toBeInTheDocument();
    expect(history.location.search).toBe('');
  });

  it('pages forward and back with a cursor stack kept in the URL', async () => {
    const { user, history, fetchMock } = renderApp(
      '/w/viet-nam/commitments?status=AT_RISK',
      routes((url) =>
        url.searchParams.get('cursor') === 'page-2'
          ? page([commitmentNq2])
          : page([commitmentNq1], 'page-2'),
      ),
    );
    expect(await screen.findByText('Đang hiển thị 1–1, còn trang sau')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Trang trước' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Trang sau' }));

    expect(await screen.findByText('Đang hiển thị 26–26')).toBeInTheDocument();
    expect(screen.getByText('Trang 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Phát triển sàn an sinh xã hội/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
    const search = new URLSearchParams(history.location.search);
    expect(search.getAll('after')).toEqual(['page-2']);
    expect(search.getAll('status')).toEqual(['AT_RISK']);
    const last = listCalls(fetchMock).at(-1)!;
    expect(last.searchParams.get('cursor')).toBe('page-2');
    expect(last.searchParams.getAll('status')).toEqual(['AT_RISK']);

    await user.click(screen.getByRole('button', { name: 'Trang trước' }));
    expect(await screen.findByText('Đang hiển thị 1–1, còn trang sau')).toBeInTheDocument();
    expect(new URLSearchParams(history.location.search).has('after')).toBe(false);
  });

  it('opens on the page the URL names (a reload keeps the page)', async () => {
    const { fetchMock } = renderApp(
      '/w/viet-nam/commitments?after=page-2&after=page-3',
      routes(() => page([commitmentNq2])),
    );
    expect(await screen.findByText('Đang hiển thị 51–51')).toBeInTheDocument();
    expect(screen.getByText('Trang 3')).toBeInTheDocument();
    expect(listCalls(fetchMock).map((url) => url.searchParams.get('cursor'))).toEqual(['page-3']);
  });

  it('sorts by a column header, toggles the direction and starts from the first page', async () => {
    const { user, history, fetchMock } = renderApp(
      '/w/viet-nam/commitments?after=page-2',
      routes(() => page([commitmentNq1, commitmentNq2])),
    );
    await screen.findByText('Đang hiển thị 26–27');
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(name) });
    expect(header('Số hiệu')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Tiến độ')).toHaveAttribute('aria-sort', 'none');

    await user.click(within(header('Tiến độ')).getByRole('button'));
    await waitFor(() => expect(header('Tiến độ')).toHaveAttribute('aria-sort', 'descending'));
    expect(header('Số hiệu')).toHaveAttribute('aria-sort', 'none');
    let search = new URLSearchParams(history.location.search);
    expect(search.get('sort')).toBe('-progress');
    expect(search.has('after')).toBe(false);
    await waitFor(() => {
      const last = listCalls(fetchMock).at(-1)!;
      expect(last.searchParams.get('sort')).toBe('-progress');
      expect(last.searchParams.has('cursor')).toBe(false);
    });

    // The keyboard toggles it back to ascending.
    within(header('Tiến độ')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(header('Tiến độ')).toHaveAttribute('aria-sort', 'ascending'));
    search = new URLSearchParams(history.location.search);
    expect(search.get('sort')).toBe('progress');

    await user.click(within(header('Cập nhật')).getByRole('button'));
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('sort')).toBe('-updatedAt'),
    );
    // Status and lead organization sort too, ascending first.
    await user.click(within(header('Trạng thái')).getByRole('button'));
    await waitFor(() => expect(header('Trạng thái')).toHaveAttribute('aria-sort', 'ascending'));
    expect(new URLSearchParams(history.location.search).get('sort')).toBe('status');
    await waitFor(() =>
      expect(listCalls(fetchMock).at(-1)!.searchParams.get('sort')).toBe('status'),
    );
    await user.click(within(header('Cơ quan chủ trì')).getByRole('button'));
    await waitFor(() =>
      expect(header('Cơ quan chủ trì')).toHaveAttribute('aria-sort', 'ascending'),
    );
    await user.click(within(header('Cơ quan chủ trì')).getByRole('button'));
    await waitFor(() =>
      expect(header('Cơ quan chủ trì')).toHaveAttribute('aria-sort', 'descending'),
    );
    expect(new URLSearchParams(history.location.search).get('sort')).toBe('-leadOrg');
    await waitFor(() =>
      expect(listCalls(fetchMock).at(-1)!.searchParams.get('sort')).toBe('-leadOrg'),
    );
    // Back to the default order: the URL stays clean.
    await user.click(within(header('Số hiệu')).getByRole('button'));
    await waitFor(() => expect(history.location.search).toBe(''));
  });

  it('filters on "needs an update" and archived, and exports with the same filters', async () => {
    const { user, history, fetchMock } = renderApp(
      '/w/viet-nam/commitments?status=AT_RISK&status=OFF_TRACK&sort=-progress',
      routes(() => page([commitmentNq1])),
    );
    await screen.findByText('Đang hiển thị 1–1');
    await user.click(screen.getByRole('switch', { name: /Cần cập nhật/ }));
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('needsUpdate')).toBe('true'),
    );
    await user.click(screen.getByRole('switch', { name: 'Chỉ cam kết đã lưu trữ' }));
    await waitFor(() => {
      const last = listCalls(fetchMock).at(-1)!;
      expect(last.searchParams.get('needsUpdate')).toBe('true');
      expect(last.searchParams.get('archived')).toBe('true');
    });

    const csv = new URL(
      screen.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href')!,
      'http://localhost',
    );
    expect(csv.pathname).toBe('/api/workspaces/viet-nam/exports/commitments.csv');
    expect(csv.searchParams.getAll('status')).toEqual(['AT_RISK', 'OFF_TRACK']);
    expect(csv.searchParams.get('sort')).toBe('-progress');
    expect(csv.searchParams.get('needsUpdate')).toBe('true');
    expect(csv.searchParams.get('archived')).toBe('true');
    expect(csv.searchParams.has('cursor')).toBe(false);
    expect(csv.searchParams.get('lang')).toBe('vi');
    const xlsx = new URL(
      screen.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href')!,
      'http://localhost',
    );
    expect(xlsx.pathname).toBe('/api/workspaces/viet-nam/exports/commitments.xlsx');
    expect(xlsx.searchParams.getAll('status')).toEqual(['AT_RISK', 'OFF_TRACK']);
    expect(xlsx.searchParams.get('lang')).toBe('vi');
  });

  it.each([
    ['an ADMIN', meAs('ADMIN', organizations[3]!), true],
    ['an EDITOR', me, true],
    ['a MANAGER', meAs('MANAGER', organizations[0]!), false],
    ['a PARTNER', meAs('PARTNER', organizations[1]!), false],
    ['a VIEWER', meAs('VIEWER'), false],
  ])('shows "New commitment" to %s only when allowed', async (_name, persona, shown) => {
    renderApp('/w/viet-nam/commitments', {
      ...routes(() => page([commitmentNq1])),
      '/api/auth/me': persona,
    });
    await screen.findByText('Đang hiển thị 1–1');
    const link = screen.queryByRole('link', { name: 'Cam kết mới' });
    if (shown) expect(link).toHaveAttribute('href', '/w/viet-nam/commitments/new');
    else expect(link).not.toBeInTheDocument();
  });

  it('opens a dashboard drill-down: shows its filters, lets each go, and says how many match', async () => {
    const { user, history, fetchMock } = renderApp(
      '/w/viet-nam/commitments?leaf=true&attention=off-track&frameworkId=f-ilc&frameworkId=f-nq42&leadOrgId=o-molisa&leadOrgId=none&coOrgId=o-vss&theme=none',
      routes(() => ({
        ...page([commitmentNq1, commitmentNq2]),
        total: 1234,
        totalIsExact: true,
      })),
    );
    expect(await screen.findByTestId('list-total')).toHaveTextContent('1.234 cam kết');

    const request = listCalls(fetchMock)[0]!;
    expect(request.searchParams.get('leaf')).toBe('true');
    expect(request.searchParams.get('attention')).toBe('off-track');
    expect(request.searchParams.getAll('frameworkId')).toEqual(['f-ilc', 'f-nq42']);
    expect(request.searchParams.getAll('leadOrgId')).toEqual(['o-molisa', 'none']);
    expect(request.searchParams.getAll('coOrgId')).toEqual(['o-vss']);
    expect(request.searchParams.getAll('theme')).toEqual(['none']);

    // Every value shows in the filter bar: several frameworks, "not taken up", "no theme"...
    const filters = screen.getByRole('region', { name: 'Bộ lọc' });
    const chosen = [...filters.querySelectorAll('.mantine-Pill-label')].map(
      (pill) => pill.textContent?.split(' — ')[0],
    );
    expect(chosen).toEqual([
      'ILC-2021',
      'NQ-42',
      'MOLISA',
      'Chưa có cơ quan chủ trì',
      'Chưa gắn chủ đề',
    ]);
    // ...and those without a control of their own as removable chips.
    expect(
      within(filters).getByText('Chỉ các mục theo dõi (như bảng tổng quan)'),
    ).toBeInTheDocument();
    expect(within(filters).getByText('Cơ quan phối hợp: VSS')).toBeInTheDocument();
    await user.click(
      within(filters).getByRole('button', {
        name: 'Bỏ bộ lọc “Cần chú ý: Chậm tiến độ hoặc có rủi ro”',
      }),
    );
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).has('attention')).toBe(false),
    );
    expect(new URLSearchParams(history.location.search).get('leaf')).toBe('true');
    await waitFor(() =>
      expect(listCalls(fetchMock).at(-1)!.searchParams.has('attention')).toBe(false),
    );

    await user.click(
      within(filters).getByRole('button', { name: 'Bỏ bộ lọc “Cơ quan phối hợp: VSS”' }),
    );
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).has('coOrgId')).toBe(false),
    );
  });

  it('counts a search by a request of its own, without the order, and says "N+" when the API counted only so far', async () => {
    const { fetchMock } = renderApp('/w/viet-nam/commitments?q=an&sort=-progress', {
      ...routes(() => ({ ...page([commitmentNq1]), total: null, totalIsExact: null })),
      [`${LIST}/count`]: { total: 10000, totalIsExact: false },
    });
    expect(await screen.findByTestId('list-total')).toHaveTextContent('10.000+ cam kết');
    const counts = requestedUrls(fetchMock).filter((url) => url.pathname === `${LIST}/count`);
    expect(counts.map((url) => url.search)).toEqual(['?q=an']);
  });

  it('shows the API validation error', async () => {
    renderApp(
      '/w/viet-nam/commitments',
      routes(() => ({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          code: 'validation',
          message: 'limit must not be greater than 100',
          details: [
            { field: 'limit', code: 'tooLarge', message: 'must not be greater than 100', max: 100 },
          ],
        },
      })),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('limit: Không được lớn hơn 100.');
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });
});

describe('commitments list on a phone', () => {
  const desktop = window.matchMedia;
  beforeEach(() => {
    window.matchMedia = (query: string) => ({
      ...desktop(query),
      matches: query.includes('max-width: 48em'),
    });
  });
  afterEach(() => {
    window.matchMedia = desktop;
  });

  it('keeps the filters but the search behind a button saying how many are in use, and draws every card', async () => {
    const commitments = Array.from({ length: 9 }, (_, index) => ({
      ...commitmentNq1,
      id: `c-${index}`,
      reference: `Điều ${index + 1}`,
    }));
    const { user } = renderApp(
      '/w/viet-nam/commitments?status=AT_RISK&overdue=true&q=san',
      routes(() => ({ ...page(commitments), nextCursor: 'next' })),
    );

    // The first cards come with the first screen, the others right after; then the pages.
    await waitFor(() => expect(screen.getAllByTestId('commitment-card')).toHaveLength(9));
    expect(screen.getByText('Điều 9', { exact: false })).toBeInTheDocument();
    await screen.findByRole('navigation', { name: 'Phân trang' });

    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue('san');
    expect(screen.queryByRole('switch', { name: /Cần cập nhật/ })).not.toBeInTheDocument();
    const more = screen.getByRole('button', { name: 'Bộ lọc khác (2 đang dùng)' });
    expect(more).toHaveAttribute('aria-expanded', 'false');

    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('switch', { name: /Cần cập nhật/ })).toBeInTheDocument();
    expect(document.getElementById(more.getAttribute('aria-controls')!)).toContainElement(
      screen.getByRole('switch', { name: /Cần cập nhật/ }),
    );
  });
});
