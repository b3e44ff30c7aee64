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

  it('says what each kind of event is about, with its data, and links to the tab that shows it', async () => {
    const entry = (id: string, kind: Notification['kind'], data: Notification['data']) => ({
      ...approved,
      id,
      kind,
      data,
      actor: kind.startsWith('REPORT_') || kind === 'STATUS_ALERT' ? null : returned.actor,
    });
    const items: Notification[] = [
      entry('m', 'MENTION', { commentId: 'c-1' }),
      entry('r', 'COMMENT', { commentId: 'c-2', parentId: 'c-1' }),
      entry('p', 'POSITION', { positionId: 'p-1', organization: 'VCCI', position: 'RESERVATION' }),
      entry('s', 'STATUS_ALERT', { status: 'OFF_TRACK', previousStatus: 'ON_TRACK' }),
      entry('b', 'REPORT_REMINDER', { period: '2026-Q3', dueOn: '2026-10-15', daysOverdue: -7 }),
      entry('d', 'REPORT_REMINDER', { period: '2026-Q3', dueOn: '2026-10-15', daysOverdue: 0 }),
      entry('l', 'REPORT_REMINDER', { period: '2026-Q3', dueOn: '2026-10-15', daysOverdue: 14 }),
      entry('o', 'REPORT_OVERDUE', { period: '2026-Q3', dueOn: '2026-10-15', daysOverdue: 14 }),
    ];
    renderApp('/w/viet-nam/notifications', {
      ...routes(0),
      [`${WS}/notifications`]: { items, nextCursor: null, unread: 0 },
    });
    await screen.findByText('Trần Văn Minh đã nhắc đến bạn trong một bình luận');
    const entries = screen.getAllByRole('listitem');
    const expected: [string, string][] = [
      ['Trần Văn Minh đã nhắc đến bạn trong một bình luận', 'comments'],
      ['Trần Văn Minh đã trả lời một bình luận về mục bạn theo dõi', 'comments'],
      ['VCCI đã ghi nhận quan điểm về một mục bạn theo dõi: Bảo lưu ý kiến', 'positions'],
      ['Trạng thái của mục đã chuyển sang Chậm tiến độ (trước đó: Đúng tiến độ)', 'updates'],
      ['Báo cáo kỳ 2026-Q3 đến hạn vào 15 thg 10, 2026', 'updates'],
      ['Báo cáo kỳ 2026-Q3 đến hạn hôm nay, 15 thg 10, 2026', 'updates'],
      ['Báo cáo kỳ 2026-Q3 đã quá hạn 14 ngày (hạn nộp 15 thg 10, 2026)', 'updates'],
      ['Báo cáo kỳ 2026-Q3 vẫn chưa được nộp: hạn nộp là 15 thg 10, 2026', 'updates'],
    ];
    expected.forEach(([text, tab], i) => {
      expect(entries[i]).toHaveTextContent(text);
      expect(within(entries[i]!).getByRole('link')).toHaveAttribute(
        'href',
        `/w/viet-nam/commitments/${commitmentNq1.id}?tab=${tab}`,
      );
    });
  });

  it('formats the due date in the user’s language', async () => {
    const me = meAs('EDITOR');
    const late: Notification = {
      ...approved,
      actor: null,
      kind: 'REPORT_REMINDER',
      data: { period: '2026-Q3', dueOn: '2026-10-15', daysOverdue: 14 },
    };
    const alert: Notification = {
      ...late,
      id: 'n-3',
      kind: 'STATUS_ALERT',
      data: { status: 'AT_RISK', previousStatus: 'ON_TRACK' },
    };
    renderApp('/w/viet-nam/notifications', {
      ...routes(0),
      '/api/auth/me': { ...me, user: { ...me.user, locale: 'en' } },
      [`${WS}/notifications`]: { items: [late, alert], nextCursor: null, unread: 0 },
    });
    expect(
      await screen.findByText('The 2026-Q3 report is 14 days overdue: it was due on Oct 15, 2026'),
    ).toBeInTheDocument();
    expect(
      screen.getByText("The item's status turned At risk (it was On track)"),
    ).toBeInTheDocument();
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
