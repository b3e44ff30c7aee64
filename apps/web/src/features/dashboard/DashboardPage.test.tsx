import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, requestedUrls } from '../../test/render';
import { ilc2021, me, meAs, nq42, organizations, page } from '../../test/fixtures';
import {
  atRiskItem,
  monthTrend,
  offTrackItem,
  quarterTrend,
  summary,
} from '../../test/dashboardFixtures';

const API = '/api/workspaces/viet-nam';
const SUMMARY = `${API}/dashboard/summary`;
const TREND = `${API}/dashboard/trend`;
const ATTENTION = `${API}/dashboard/attention`;

function routes(overrides: Record<string, unknown> = {}) {
  return {
    [`${API}/frameworks`]: page([nq42, ilc2021]),
    [`${API}/organizations`]: page(organizations),
    [SUMMARY]: summary,
    [TREND]: (url: URL) =>
      url.searchParams.get('granularity') === 'month' ? monthTrend : quarterTrend,
    [ATTENTION]: (url: URL) =>
      url.searchParams.get('cursor') === 'next'
        ? { items: [atRiskItem], nextCursor: null, total: null }
        : { items: [offTrackItem], nextCursor: 'next', total: 10 },
    ...overrides,
  };
}

const calls = (fetchMock: jest.Mock, path: string) =>
  requestedUrls(fetchMock).filter((url) => url.pathname === path);

/** The list search a link opens: its path and its query parameters, each with all its values. */
function target(link: HTMLElement) {
  const url = new URL(link.getAttribute('href')!, 'http://app.test');
  const params: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
  return { path: url.pathname, params };
}

const tile = (key: string) => screen.getByTestId(`tile-${key}`);

describe('dashboard', () => {
  it('shows the headline tiles, each a link to the list of exactly the items it counts', async () => {
    const { fetchMock } = renderApp(
      '/w/viet-nam/dashboard?frameworkId=f-ilc&frameworkId=f-nq42&theme=none',
      routes(),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Tổng quan' })).toBeInTheDocument();
    await screen.findByTestId('tile-total');

    // The filters of the URL reach the API.
    const request = calls(fetchMock, SUMMARY)[0]!;
    expect(request.searchParams.getAll('frameworkId')).toEqual(['f-ilc', 'f-nq42']);
    expect(request.searchParams.getAll('theme')).toEqual(['none']);

    expect(within(tile('total')).getByTestId('tile-value')).toHaveTextContent('52');
    expect(within(tile('progress')).getByTestId('tile-value')).toHaveTextContent('32,6%');
    expect(within(tile('OFF_TRACK')).getByTestId('tile-value')).toHaveTextContent('3');
    expect(tile('OFF_TRACK')).toHaveTextContent('Chậm tiến độ');
    expect(tile('pending')).toHaveTextContent('5 báo cáo chờ quyết định');
    expect(tile('indicators')).toHaveTextContent('3 chỉ số lệch lộ trình');

    const population = { leaf: ['true'], frameworkId: ['f-ilc', 'f-nq42'], theme: ['none'] };
    expect(target(tile('total'))).toEqual({ path: '/w/viet-nam/commitments', params: population });
    expect(target(tile('OFF_TRACK')).params).toEqual({ ...population, status: ['OFF_TRACK'] });
    expect(target(tile('COMPLETED')).params).toEqual({ ...population, status: ['COMPLETED'] });
    for (const kind of ['overdue', 'stale', 'pending', 'indicators', 'disagreement']) {
      expect(target(tile(kind)).params).toEqual({ ...population, attention: [kind] });
    }
  });

  it('opens the list with the tile’s filters when a tile is clicked, and the list says how many', async () => {
    const { user, history, fetchMock } = renderApp('/w/viet-nam/dashboard?leadOrgId=o-molisa', {
      ...routes(),
      [`${API}/commitments`]: {
        items: [offTrackItem],
        nextCursor: null,
        total: 3,
        totalIsExact: true,
      },
    });
    await user.click(await screen.findByTestId('tile-OFF_TRACK'));

    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/commitments'));
    const search = new URLSearchParams(history.location.search);
    expect(search.getAll('leadOrgId')).toEqual(['o-molisa']);
    expect(search.getAll('status')).toEqual(['OFF_TRACK']);
    expect(search.get('leaf')).toBe('true');
    expect(await screen.findByTestId('list-total')).toHaveTextContent('3 cam kết');
    const list = calls(fetchMock, `${API}/commitments`)[0]!;
    expect(list.searchParams.get('leaf')).toBe('true');
    expect(list.searchParams.getAll('status')).toEqual(['OFF_TRACK']);
  });

  it('links every table cell to its group, the group replacing a dashboard filter of its kind', async () => {
    const { user } = renderApp(
      '/w/viet-nam/dashboard?frameworkId=f-ilc&frameworkId=f-nq42&leadOrgId=o-molisa&leadOrgId=none',
      routes(),
    );
    const frameworks = await screen.findByRole('region', {
      name: 'Theo khung cam kết: trạng thái và tiến độ tổng hợp',
    });
    await user.click(within(frameworks).getByRole('radio', { name: 'Bảng số liệu' }));
    const ilcOffTrack = within(frameworks).getByRole('link', {
      name: 'ILC-2021 — Chậm tiến độ: 2',
    });
    expect(target(ilcOffTrack).params).toEqual({
      leaf: ['true'],
      frameworkId: ['f-ilc'],
      leadOrgId: ['o-molisa', 'none'],
      status: ['OFF_TRACK'],
    });
    expect(within(frameworks).getByRole('row', { name: /NQ-42/ })).toHaveTextContent('47,5%');
    // No link for nothing: a zero is plain text.
    expect(
      within(frameworks).queryByRole('link', { name: 'NQ-42 — Hoàn thành: 0' }),
    ).not.toBeInTheDocument();

    // Lead organizations × status: "not taken up" is leadOrgId=none, replacing the filter.
    const lead = screen.getByRole('region', { name: 'Cơ quan chủ trì × trạng thái' });
    const notTakenUp = within(lead).getByRole('link', {
      name: 'Chưa có cơ quan chủ trì — Chưa bắt đầu: 17',
    });
    expect(target(notTakenUp).params).toEqual({
      leaf: ['true'],
      frameworkId: ['f-ilc', 'f-nq42'],
      leadOrgId: ['none'],
      status: ['NOT_STARTED'],
    });
    // Co-responsible organizations add their own filter and keep the lead filter.
    const co = screen.getByRole('region', { name: 'Cơ quan phối hợp × trạng thái' });
    expect(target(within(co).getByRole('link', { name: 'VSS — tất cả: 6' })).params).toEqual({
      leaf: ['true'],
      frameworkId: ['f-ilc', 'f-nq42'],
      leadOrgId: ['o-molisa', 'none'],
      coOrgId: ['o-vss'],
    });
    // Themes: "no theme" is theme=none.
    const themes = screen.getByRole('region', { name: 'Theo chủ đề' });
    await user.click(within(themes).getByRole('radio', { name: 'Bảng số liệu' }));
    expect(
      target(within(themes).getByRole('link', { name: 'Chưa gắn chủ đề — Hoàn thành: 2' })).params
        .theme,
    ).toEqual(['none']);
  });

  it('draws every bar segment as a keyboard-reachable link with its count in its name', async () => {
    renderApp('/w/viet-nam/dashboard', routes());
    const frameworks = await screen.findByRole('region', {
      name: 'Theo khung cam kết: trạng thái và tiến độ tổng hợp',
    });
    const segment = await within(frameworks).findByRole('link', {
      name: 'ILC-2021 — Đúng tiến độ: 10',
    });
    expect(segment.tagName.toLowerCase()).toBe('a');
    expect(target(segment).params).toEqual({
      leaf: ['true'],
      frameworkId: ['f-ilc'],
      status: ['ON_TRACK'],
    });
    const status = screen.getByRole('region', { name: 'Trạng thái các cam kết' });
    expect(target(within(status).getByRole('link', { name: 'Có rủi ro: 7' })).params).toEqual({
      leaf: ['true'],
      status: ['AT_RISK'],
    });
    // Past periods are history: only the current period's segments open the list.
    const trend = screen.getByRole('region', { name: 'Xu hướng: trạng thái và tiến độ' });
    expect(
      within(trend).getByRole('link', { name: 'Quý 4/2026 (hiện tại) — Đúng tiến độ: 16' }),
    ).toBeInTheDocument();
    expect(within(trend).queryByRole('link', { name: /Quý 3\/2026/ })).not.toBeInTheDocument();
    expect(
      within(trend).getByRole('img', { name: 'Quý 3/2026 — Đúng tiến độ: 24' }),
    ).toBeInTheDocument();
  });

  it('gives every chart a table view of its numbers', async () => {
    const { user } = renderApp('/w/viet-nam/dashboard', routes());
    const status = await screen.findByRole('region', { name: 'Trạng thái các cam kết' });
    await user.click(within(status).getByRole('radio', { name: 'Bảng số liệu' }));
    const row = within(status).getByRole('row', { name: /Chưa bắt đầu/ });
    expect(row).toHaveTextContent('22');
    expect(row).toHaveTextContent('42,3%');

    const trend = screen.getByRole('region', { name: 'Xu hướng: trạng thái và tiến độ' });
    await user.click(within(trend).getByRole('radio', { name: 'Bảng số liệu' }));
    expect(within(trend).getAllByRole('row')).toHaveLength(9);
    expect(within(trend).getByRole('row', { name: /Quý 1\/2025/ })).toHaveTextContent('52');

    const burnUp = screen.getByRole('region', { name: 'Tiến độ hoàn thành so với tổng số' });
    await user.click(within(burnUp).getByRole('radio', { name: 'Bảng số liệu' }));
    expect(within(burnUp).getByRole('row', { name: /Quý 4\/2026 \(hiện tại\)/ })).toHaveTextContent(
      '32,6%',
    );

    const positions = screen.getByRole('region', { name: 'Quan điểm của từng cơ quan' });
    await user.click(within(positions).getByRole('radio', { name: 'Bảng số liệu' }));
    const vcci = within(positions).getByRole('row', { name: /VCCI/ });
    expect(
      within(vcci)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '4', '1']);

    const groups = screen.getByRole('region', { name: 'Theo nhóm đối tượng' });
    await user.click(within(groups).getByRole('radio', { name: 'Bảng số liệu' }));
    expect(target(within(groups).getByRole('link', { name: 'Phụ nữ — tất cả: 8' })).params).toEqual(
      { leaf: ['true'], targetGroup: ['WOMEN'] },
    );
  });

  it('keeps its filters in the URL: choosing one asks again, clearing them goes back', async () => {
    const { user, history, fetchMock } = renderApp('/w/viet-nam/dashboard', routes());
    await screen.findByTestId('tile-total');

    await user.click(screen.getByRole('combobox', { name: 'Khung cam kết' }));
    await user.click(await screen.findByRole('option', { name: /^ILC-2021/ }));
    await waitFor(() => expect(history.location.search).toBe('?frameworkId=f-ilc'));
    await waitFor(() =>
      expect(calls(fetchMock, SUMMARY).at(-1)!.searchParams.getAll('frameworkId')).toEqual([
        'f-ilc',
      ]),
    );

    await user.click(screen.getByRole('combobox', { name: 'Cơ quan chủ trì' }));
    await user.click(await screen.findByRole('option', { name: 'Chưa có cơ quan chủ trì' }));
    await waitFor(() => expect(history.location.search).toBe('?frameworkId=f-ilc&leadOrgId=none'));
    expect(calls(fetchMock, TREND).at(-1)!.searchParams.getAll('leadOrgId')).toEqual(['none']);
    expect(screen.getByTestId('printed-filters')).toHaveTextContent(
      'Bộ lọc — Khung cam kết: ILC-2021 — Nghị quyết',
    );
    expect(screen.getByTestId('printed-filters')).toHaveTextContent(
      'Cơ quan chủ trì: Chưa có cơ quan chủ trì',
    );
    // The numbers now link with the new filters.
    expect(target(tile('total')).params).toEqual({
      leaf: ['true'],
      frameworkId: ['f-ilc'],
      leadOrgId: ['none'],
    });

    await user.click(screen.getByRole('button', { name: 'Xóa bộ lọc' }));
    await waitFor(() => expect(history.location.search).toBe(''));
  });

  it('switches the trend between quarters and months, in the URL', async () => {
    const { user, history, fetchMock } = renderApp('/w/viet-nam/dashboard', routes());
    const trend = await screen.findByRole('region', { name: 'Xu hướng: trạng thái và tiến độ' });
    expect(calls(fetchMock, TREND)[0]!.searchParams.get('granularity')).toBe('quarter');
    await user.click(within(trend).getByRole('radio', { name: 'Tháng' }));
    await waitFor(() => expect(history.location.search).toBe('?granularity=month'));
    await waitFor(() =>
      expect(calls(fetchMock, TREND).at(-1)!.searchParams.get('granularity')).toBe('month'),
    );
    await user.click(within(trend).getByRole('radio', { name: 'Bảng số liệu' }));
    expect(await within(trend).findByRole('row', { name: /thg 5 2026/ })).toBeInTheDocument();
  });

  it('lists what needs attention with the latest report, loads more and opens the list', async () => {
    const { user, fetchMock } = renderApp('/w/viet-nam/dashboard?targetGroup=WOMEN', routes());
    const attention = await screen.findByRole('region', { name: 'Cần chú ý' });
    const first = await within(attention).findByRole('link', {
      name: 'Phát triển sàn an sinh xã hội',
    });
    const item = first.closest('li')!;
    expect(item).toHaveTextContent('Báo cáo kỳ 2026-Q3, duyệt ngày 20 thg 8, 2026:');
    expect(item).toHaveTextContent('Dự thảo Luật đã trình Quốc hội');
    expect(item).toHaveTextContent('Cơ quan chủ trì: MOLISA');
    const request = calls(fetchMock, ATTENTION)[0]!;
    expect(request.searchParams.get('kind')).toBe('off-track');
    expect(request.searchParams.getAll('targetGroup')).toEqual(['WOMEN']);

    await user.click(within(attention).getByRole('button', { name: 'Tải thêm' }));
    const second = await within(attention).findByRole('link', { name: 'Bảo hiểm thất nghiệp' });
    expect(second.closest('li')).toHaveTextContent('Chưa có báo cáo nào được duyệt.');
    expect(calls(fetchMock, ATTENTION).at(-1)!.searchParams.get('cursor')).toBe('next');
    expect(
      target(within(attention).getByRole('link', { name: 'Mở cả 10 cam kết trong danh sách' }))
        .params,
    ).toEqual({ leaf: ['true'], targetGroup: ['WOMEN'], attention: ['off-track'] });

    await user.click(within(attention).getByRole('tab', { name: /Quá hạn/ }));
    await waitFor(() =>
      expect(calls(fetchMock, ATTENTION).at(-1)!.searchParams.get('kind')).toBe('overdue'),
    );
  });

  it('shows where the partners disagree, each item opening its positions', async () => {
    renderApp('/w/viet-nam/dashboard', routes());
    const panel = await screen.findByRole('region', {
      name: 'Các cam kết các bên chưa thống nhất',
    });
    const item = within(panel).getByRole('link', { name: /Phát triển hệ thống bảo trợ xã hội/ });
    expect(item).toHaveAttribute('href', '/w/viet-nam/commitments/c-nq42-1?tab=positions');
    expect(item.closest('li')).toHaveTextContent('VGCLĐồng ý');
    expect(item.closest('li')).toHaveTextContent('VCCIBảo lưu ý kiến');
  });

  it('says when there is nothing to count, and offers to clear filters that leave nothing', async () => {
    const empty = { ...summary, total: 0 };
    const { unmount } = renderApp('/w/viet-nam/dashboard', routes({ [SUMMARY]: empty }));
    expect(
      await screen.findByText('Không gian làm việc này chưa có cam kết nào để theo dõi.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('tile-total')).not.toBeInTheDocument();
    unmount();

    const { user, history } = renderApp(
      '/w/viet-nam/dashboard?theme=HEALTH',
      routes({ [SUMMARY]: (url: URL) => (url.searchParams.has('theme') ? empty : summary) }),
    );
    await screen.findByText('Không có cam kết nào khớp với bộ lọc này.');
    const clear = screen.getAllByRole('button', { name: 'Xóa bộ lọc' });
    await user.click(clear.at(-1)!);
    expect(await screen.findByTestId('tile-total')).toBeInTheDocument();
    expect(history.location.search).toBe('');
  });

  it('shows an error with a retry', async () => {
    let failed = false;
    const { user } = renderApp(
      '/w/viet-nam/dashboard',
      routes({
        [SUMMARY]: () => {
          if (failed) return summary;
          failed = true;
          return {
            status: 503,
            body: {
              statusCode: 503,
              error: 'Service Unavailable',
              code: 'databaseUnavailable',
              message: 'Database unavailable',
            },
          };
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Tạm thời không kết nối được cơ sở dữ liệu');
    expect(alert).not.toHaveTextContent('Database unavailable');
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByTestId('tile-total')).toBeInTheDocument();
  });

  it('speaks English after the language switch, numbers and dates included', async () => {
    const { user } = renderApp('/w/viet-nam/dashboard', {
      ...routes(),
      'PATCH /api/auth/me': (_url: URL, body: unknown) => ({
        ...me,
        user: { ...me.user, ...(body as object) },
      }),
    });
    await screen.findByTestId('tile-total');
    await user.click(screen.getByRole('button', { name: 'Tài khoản của Nguyễn Thị Lan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByText(/as of Dec 3, 2026/)).toBeInTheDocument();
    expect(tile('OFF_TRACK')).toHaveTextContent('Off track');
    expect(within(tile('progress')).getByTestId('tile-value')).toHaveTextContent('32.6%');
    expect(
      screen.getByRole('link', { name: 'Not taken up — Not started: 17' }),
    ).toBeInTheDocument();
    const trend = screen.getByRole('region', { name: 'Trend: status and progress' });
    await user.click(within(trend).getByRole('radio', { name: 'Table' }));
    expect(within(trend).getByRole('row', { name: /Q4 2026 \(now\)/ })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /Off track or at risk/ })).toBeInTheDocument();
  });

  it('is in the main navigation for everyone', async () => {
    renderApp('/w/viet-nam', { ...routes(), '/api/auth/me': meAs('VIEWER') });
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByRole('link', { name: 'Tổng quan' })).toHaveAttribute(
      'href',
      '/w/viet-nam/dashboard',
    );
  });

  it.each(['MANAGER', 'PARTNER', 'VIEWER', 'ADMIN'] as const)(
    'is where a %s lands on opening the app',
    async (role) => {
      const { history } = renderApp('/', {
        ...routes(),
        '/api/auth/me': meAs(role, role === 'VIEWER' ? null : organizations[1]!),
      });
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Tổng quan' }),
      ).toBeInTheDocument();
      expect(history.location.pathname).toBe('/w/viet-nam/dashboard');
    },
  );

  it('leaves an EDITOR landing on My work', async () => {
    const { history } = renderApp('/', {
      ...routes(),
      '/api/workspaces/viet-nam/my-work': {
        dueCommitments: [],
        returnedUpdates: [],
        awaitingApproval: [],
        drafts: [],
      },
    });
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/my-work'));
  });
});
