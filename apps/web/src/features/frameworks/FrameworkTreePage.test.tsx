import { screen } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { frameworkDetail, organizations, page } from '../../test/fixtures';

const routes = {
  '/api/workspaces/viet-nam/organizations': page(organizations),
  '/api/workspaces/viet-nam/frameworks/f-ilc': frameworkDetail,
};

describe('framework commitment tree', () => {
  it('expands and collapses sections and links to the detail', async () => {
    const { user } = renderApp('/w/viet-nam/frameworks/f-ilc', routes);

    const toggle = await screen.findByRole('button', { name: 'Thu gọn 11' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const child = screen.getByRole('link', { name: 'Phổ cập an sinh xã hội' });
    expect(child).toHaveAttribute('href', '/w/viet-nam/commitments/c-ilc-11c');
    expect(screen.getByRole('progressbar', { name: 'Tiến độ 11' })).toHaveAttribute(
      'aria-valuenow',
      '42.5',
    );
    expect(screen.getByText('Chậm tiến độ')).toBeInTheDocument();
    expect(screen.getByText('Quá hạn')).toBeInTheDocument();

    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Mở rộng 11' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(screen.queryByRole('link', { name: 'Phổ cập an sinh xã hội' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mở rộng tất cả' }));
    expect(screen.getByRole('link', { name: 'Phổ cập an sinh xã hội' })).toBeInTheDocument();
  });

  it('shows no stale status beside a parent\'s rolled-up progress, and "not tracked" for a clause nobody leads', async () => {
    renderApp('/w/viet-nam/frameworks/f-ilc', routes);

    await screen.findByRole('button', { name: 'Thu gọn 11' });
    // 11 is stored NOT_STARTED at 42.5 %; 11.A has no lead organization.
    expect(screen.queryByText('Chưa bắt đầu')).not.toBeInTheDocument();
    expect(screen.getByText('Tổng hợp').closest('[data-status]')).toHaveAttribute(
      'data-status',
      'ROLLED_UP',
    );
    expect(screen.getByText('Chưa theo dõi').closest('[data-status]')).toHaveAttribute(
      'data-status',
      'NOT_TRACKED',
    );
    expect(screen.getByText('Chậm tiến độ')).toBeInTheDocument();
  });
});
