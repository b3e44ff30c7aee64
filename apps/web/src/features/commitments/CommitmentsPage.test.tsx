import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, requestedUrls } from '../../test/render';
import {
  commitmentNq1,
  commitmentNq2,
  ilc2021,
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
    expect(screen.getByText('Đang hiển thị 2 cam kết')).toBeInTheDocument();
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const { fetchMock } = renderApp(
      '/w/viet-nam/commitments?status=%5B%22AT_RISK%22%2C%22OFF_TRACK%22%5D&overdue=true&q=san&sort=-progress',
      routes(() => page([commitmentNq2])),
    );
    await screen.findByRole('link', { name: /Phát triển sàn an sinh xã hội/ });

    const url = listCalls(fetchMock)[0]!;
    expect(url.searchParams.getAll('status')).toEqual(['AT_RISK', 'OFF_TRACK']);
    expect(url.searchParams.get('overdue')).toBe('true');
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
    await waitFor(() => expect(history.location.search).toContain('q='));

    const search = new URLSearchParams(history.location.search);
    expect(JSON.parse(search.get('status')!)).toEqual(['AT_RISK']);
    expect(search.get('q')).toBe('bảo trợ');

    await waitFor(() => {
      const last = listCalls(fetchMock).at(-1)!;
      expect(last.searchParams.getAll('status')).toEqual(['AT_RISK']);
      expect(last.searchParams.get('leadOrgId')).toBe('o-molisa');
      expect(last.searchParams.get('q')).toBe('bảo trợ');
    });
  });

  it('shows the empty state and clears the filters', async () => {
    const { user, history } = renderApp(
      '/w/viet-nam/commitments?overdue=true&theme=%5B%22HEALTH%22%5D',
      routes((url) =>
        url.searchParams.has('overdue') ? page([]) : page([commitmentNq1, commitmentNq2]),
      ),
    );

    const empty = await screen.findByText('Không có cam kết nào khớp với bộ lọc này.');
    expect(empty).toBeInTheDocument();

    const clear = screen.getAllByRole('button', { name: 'Xóa bộ lọc' });
    await user.click(clear[clear.length - 1]!);

    expect(await screen.findByText('Đang hiển thị 2 cam kết')).toBeInTheDocument();
    expect(history.location.search).toBe('');
  });

  it('loads the next page with the cursor', async () => {
    const { user, fetchMock } = renderApp(
      '/w/viet-nam/commitments',
      routes((url) =>
        url.searchParams.get('cursor') === 'page-2'
          ? page([commitmentNq2])
          : page([commitmentNq1], 'page-2'),
      ),
    );
    await screen.findByText('Đang hiển thị 1 cam kết');
    await user.click(screen.getByRole('button', { name: 'Tải thêm' }));
    expect(await screen.findByText('Đang hiển thị 2 cam kết')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tải thêm' })).not.toBeInTheDocument();
    expect(listCalls(fetchMock).map((url) => url.searchParams.get('cursor'))).toEqual([
      null,
      'page-2',
    ]);
  });

  it('shows the API validation error', async () => {
    renderApp(
      '/w/viet-nam/commitments',
      routes(() => ({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'limit must not be greater than 100',
        },
      })),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('limit must not be greater than 100');
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });
});
