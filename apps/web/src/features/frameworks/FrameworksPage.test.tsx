import { screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { ilc2021, me, nq42, organizations, page } from '../../test/fixtures';

const routes = {
  '/api/workspaces/viet-nam/frameworks': page([nq42, ilc2021]),
  '/api/workspaces/viet-nam/organizations': page(organizations),
};

describe('frameworks overview', () => {
  it('renders a card per framework with its weighted progress and status counts', async () => {
    renderApp('/w/viet-nam', routes);

    const card = await screen.findByRole('article', { name: 'NQ-42' });
    expect(
      within(card).getByRole('heading', { name: /Nghị quyết số 42-NQ\/TW/ }),
    ).toBeInTheDocument();
    expect(
      within(card).getByText(/Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam/),
    ).toBeInTheDocument();
    expect(within(card).getByText('24 thg 11, 2023')).toBeInTheDocument();
    expect(within(card).getByText('12 cam kết')).toBeInTheDocument();

    const bar = within(card).getByRole('progressbar', { name: 'Tiến độ NQ-42' });
    expect(bar).toHaveAttribute('aria-valuenow', '47.5');
    expect(within(card).getByText('47,5%')).toBeInTheDocument();

    expect(within(card).getByText('Có rủi ro')).toBeInTheDocument();
    expect(within(card).getByTestId('count-AT_RISK')).toHaveTextContent('3');
    expect(within(card).getByTestId('count-ON_TRACK')).toHaveTextContent('6');
    expect(within(card).queryByTestId('count-COMPLETED')).not.toBeInTheDocument();

    const other = screen.getByRole('article', { name: 'ILC-2021' });
    expect(within(other).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '31');
  });

  it('says how many trackable items no organization has taken up, in both languages', async () => {
    const { unmount } = renderApp('/w/viet-nam', {
      ...routes,
      '/api/workspaces/viet-nam/frameworks': page([{ ...ilc2021, untrackedCount: 12 }, nq42]),
    });
    const card = await screen.findByRole('article', { name: 'ILC-2021' });
    expect(within(card).getByTestId('untracked')).toHaveTextContent(
      '12 mục chưa có cơ quan chủ trì',
    );
    // None untracked: no line at all.
    expect(
      within(screen.getByRole('article', { name: 'NQ-42' })).queryByTestId('untracked'),
    ).not.toBeInTheDocument();

    unmount();

    renderApp('/w/viet-nam', {
      ...routes,
      '/api/auth/me': { ...me, user: { ...me.user, locale: 'en' } },
      '/api/workspaces/viet-nam/frameworks': page([{ ...ilc2021, untrackedCount: 1 }]),
    });
    const english = await screen.findByRole('article', { name: 'ILC-2021' });
    expect(await within(english).findByTestId('untracked')).toHaveTextContent(
      '1 not taken up yet (no lead organization)',
    );
  });

  it('shows the demo banner and the workspace name for a demo workspace', async () => {
    renderApp('/w/viet-nam', routes);
    expect(
      await screen.findByText('Dữ liệu minh họa — không phải số liệu chính thức'),
    ).toBeInTheDocument();
    expect(screen.getByText('Việt Nam')).toBeInTheDocument();
  });

  it('shows the API error message and retries', async () => {
    let calls = 0;
    const { user } = renderApp('/w/viet-nam', {
      ...routes,
      '/api/workspaces/viet-nam/frameworks': () => {
        calls += 1;
        return calls === 1
          ? {
              status: 500,
              body: {
                statusCode: 500,
                error: 'Internal Server Error',
                code: 'internal',
                message: 'Database unavailable',
              },
            }
          : page([nq42]);
      },
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không tải được dữ liệu');
    expect(alert).toHaveTextContent('Máy chủ gặp lỗi. Hãy thử lại sau.');
    expect(alert).not.toHaveTextContent('Database unavailable');

    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('article', { name: 'NQ-42' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the not-found page for an unknown workspace', async () => {
    renderApp('/w/nowhere', routes);
    expect(
      await screen.findByRole('heading', { name: 'Không tìm thấy trang' }),
    ).toBeInTheDocument();
  });

  it('shows the not-found page for an unknown route', async () => {
    renderApp('/this/does/not/exist', routes);
    expect(
      await screen.findByRole('heading', { name: 'Không tìm thấy trang' }),
    ).toBeInTheDocument();
  });
});
