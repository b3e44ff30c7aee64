import { screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { adminMe, meAs, page } from '../../test/fixtures';

const FAILURES = '/api/workspaces/viet-nam/sign-in-failures';

const guessed = {
  userId: 'u-union',
  email: 'union@demo.test',
  displayName: 'Trần Văn Hùng',
  address: '203.0.113.7',
  failures: 12,
  lastFailedAt: '2026-11-20T03:15:00.000Z',
};

describe('administration: recent failed sign-ins', () => {
  it('lists each member’s failures per address, with the count and the latest time', async () => {
    renderApp('/w/viet-nam/admin/sign-ins', {
      '/api/auth/me': adminMe,
      [FAILURES]: page([guessed]),
    });
    const table = await screen.findByRole('table', { name: 'Đăng nhập thất bại gần đây' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(row).toHaveTextContent('Trần Văn Hùng');
    expect(row).toHaveTextContent('union@demo.test');
    expect(row).toHaveTextContent('203.0.113.7');
    expect(within(row!).getAllByRole('cell')[2]).toHaveTextContent(/^12$/);
    expect(screen.getByRole('link', { name: 'Đăng nhập thất bại' })).toBeInTheDocument();
  });

  it('says so when nobody failed to sign in', async () => {
    renderApp('/w/viet-nam/admin/sign-ins', { '/api/auth/me': adminMe, [FAILURES]: page([]) });
    expect(
      await screen.findByText('Không có lần đăng nhập thất bại nào trong 24 giờ qua.'),
    ).toBeInTheDocument();
  });

  it('is not offered to a manager, and the API is not asked', async () => {
    const { sent } = renderApp('/w/viet-nam/admin/sign-ins', { '/api/auth/me': meAs('MANAGER') });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' }),
    ).toBeInTheDocument();
    expect(sent.some((r) => r.path === FAILURES)).toBe(false);
  });
});
