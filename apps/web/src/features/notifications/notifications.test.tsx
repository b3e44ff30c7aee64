import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import {
  commitmentDetail,
  commitmentNq1,
  meAs,
  nq42,
  organizations,
  page,
} from '../../test/fixtures';
import type { Notification } from '../../api/types';

const WS = '/api/workspaces/viet-nam';
const returned: Notification = {
  id: 'n-1',
  kind: 'REPORT_RETURNED',
  commitment: {
    id: commitmentNq1.id,
    reference: commitmentNq1.reference,
    title: commitmentNq1.title,
  },
  actor: { id: 'u-manager', displayName: 'Trần Văn Minh' },
  data: { reportId: 'up-2', period: '2026-Q2', reason: 'Thiếu số liệu' },
  readAt: null,
  createdAt: '2026-06-21T02:00:00.000Z',
};
const approved: Notification = {
  ...returned,
  id: 'n-2',
  kind: 'REPORT_APPROVED',
  data: { reportId: 'up-1', period: '2026-Q1' },
  readAt: '2026-04-02T02:00:00.000Z',
  createdAt: '2026-04-01T02:00:00.000Z',
};

const routes = (unread: number) => ({
  '/api/auth/me': meAs('EDITOR'),
  [`${WS}/frameworks`]: page([nq42]),
  [`${WS}/organizations`]: page(organizations),
  [`${WS}/notifications`]: { items: [returned, approved], nextCursor: null, unread },
  [`POST ${WS}/notifications/n-1/read`]: { status: 204, body: null },
  [`POST ${WS}/notifications/read-all`]: { updated: 1 },
});

describe('notifications', () => {
  it('shows the unread count on the bell, and the inbox with the return reason and the item link', async () => {
    const { user, sent } = renderApp('/w/viet-nam', routes(1));
    const bell = await screen.findByRole('link', { name: 'Thông báo: 1 chưa đọc' });
    await user.click(bell);
    await screen.findByRole('heading', { name: 'Thông báo', level: 1 });
    const entries = screen.getAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('Trần Văn Minh đã trả lại báo cáo kỳ 2026-Q2');
    expect(entries[0]).toHaveTextContent('Lý do: Thiếu số liệu');
    expect(entries[1]).toHaveTextContent('Trần Văn Minh đã phê duyệt báo cáo kỳ 2026-Q1');
    expect(within(entries[1]!).queryByRole('button', { name: 'Đánh dấu đã đọc' })).toBeNull();
    await user.click(within(entries[0]!).getByRole('button', { name: 'Đánh dấu đã đọc' }));
    await waitFor(() =>
      expect(
        sent.some((r) => r.method === 'POST' && r.path === `${WS}/notifications/n-1/read`),
      ).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));
    await waitFor(() =>
      expect(sent.some((r) => r.path === `${WS}/notifications/read-all`)).toBe(true),
    );
    expect(within(entries[0]!).getByRole('link')).toHaveAttribute(
      'href',
      `/w/viet-nam/commitments/${commitmentNq1.id}?tab=updates`,
    );
  });

  it('says so when there is nothing', async () => {
    renderApp('/w/viet-nam/notifications', {
      ...routes(0),
      [`${WS}/notifications`]: { items: [], nextCursor: null, unread: 0 },
    });
    expect(await screen.findByText(/Chưa có gì mới/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Thông báo: 0 chưa đọc' })).toBeInTheDocument();
  });
});

describe('the Follow button', () => {
  it('follows and unfollows the commitment', async () => {
    const base = `${WS}/commitments/c-nq42-1`;
    const { user, sent } = renderApp('/w/viet-nam/commitments/c-nq42-1', {
      ...routes(0),
      [base]: commitmentDetail,
      [`${base}/follow`]: { following: false },
      [`PUT ${base}/follow`]: { following: true },
      [`DELETE ${base}/follow`]: { following: false },
    });
    await user.click(await screen.findByRole('button', { name: 'Theo dõi' }));
    const following = await screen.findByRole('button', { name: 'Đang theo dõi' });
    expect(following).toHaveAttribute('aria-pressed', 'true');
    expect(sent.some((r) => r.method === 'PUT' && r.path === `${base}/follow`)).toBe(true);
    await user.click(following);
    await screen.findByRole('button', { name: 'Theo dõi' });
    expect(sent.some((r) => r.method === 'DELETE' && r.path === `${base}/follow`)).toBe(true);
  });
});
