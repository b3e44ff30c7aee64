import { screen, waitFor, within } from '@testing-library/react';
import { NOTIFICATION_KINDS } from '@spct/contracts';
import type { NotificationPreferences, OutboundEmail } from '../../api/types';
import { renderApp } from '../../test/render';
import { adminMe, meAs } from '../../test/fixtures';

const PREFERENCES = '/api/auth/me/notification-preferences';
const OUTBOX = '/api/workspaces/viet-nam/outbox';

const defaults: NotificationPreferences = {
  kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: true, email: true })),
  digest: { mode: 'DAILY', hour: 8, weekday: 1 },
};

const kept: OutboundEmail = {
  id: '0b7f6c1e-0000-4000-8000-000000000001',
  recipient: 'manager@demo.test',
  locale: 'en',
  subject: 'A progress report waits for your decision: 11.C.1 Extend social insurance',
  state: 'NOT_SENT',
  attempts: 0,
  lastError: null,
  sentAt: null,
  createdAt: '2026-12-04T03:00:00.000Z',
};

describe('notification settings', () => {
  it('saves a kind turned off by e-mail and a weekly digest at the chosen hour and day', async () => {
    const { user, sent } = renderApp('/account/notifications', {
      [`GET ${PREFERENCES}`]: defaults,
      [`PUT ${PREFERENCES}`]: (_url: URL, body: unknown) => ({ ...defaults, ...(body as object) }),
    });
    await user.click(
      await screen.findByRole('checkbox', {
        name: 'Qua e-mail: Báo cáo tiến độ của bạn được phê duyệt',
      }),
    );
    await user.selectOptions(screen.getByLabelText('Gửi'), 'WEEKLY');
    await user.selectOptions(screen.getByLabelText('Lúc'), '17');
    await user.selectOptions(screen.getByLabelText('Vào'), '5');
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));

    const put = await waitFor(() => {
      const request = sent.find((r) => r.method === 'PUT' && r.path === PREFERENCES);
      if (!request) throw new Error('not sent yet');
      return request;
    });
    const body = put.body as NotificationPreferences;
    expect(body.kinds.find((k) => k.kind === 'REPORT_APPROVED')).toEqual({
      kind: 'REPORT_APPROVED',
      inApp: true,
      email: false,
    });
    expect(body.digest).toEqual({ mode: 'WEEKLY', hour: 17, weekday: 5 });
  });

  it('is reached from the user menu', async () => {
    const { user, history } = renderApp('/w/viet-nam/notifications', {
      [`GET ${PREFERENCES}`]: defaults,
      '/api/workspaces/viet-nam/notifications': { items: [], nextCursor: null, unread: 0 },
    });
    await user.click(await screen.findByRole('button', { name: 'Tài khoản của Nguyễn Thị Lan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Cài đặt thông báo' }));
    await waitFor(() => expect(history.location.pathname).toBe('/account/notifications'));
  });
});

describe('administration: outgoing e-mail', () => {
  it('shows the kept messages plainly as not sent when no mail server is configured', async () => {
    renderApp('/w/viet-nam/admin/outbox', {
      '/api/auth/me': adminMe,
      [OUTBOX]: { items: [kept], nextCursor: null, mailServerConfigured: false },
    });
    expect(await screen.findByText('Chưa cấu hình máy chủ thư')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'E-mail gửi đi, mới nhất trước' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(row).toHaveTextContent('manager@demo.test');
    expect(row).toHaveTextContent(kept.subject);
    expect(row).toHaveTextContent('Chưa gửi: chưa cấu hình máy chủ thư');
  });

  it('is not offered to a manager, and the API is not asked', async () => {
    const { sent } = renderApp('/w/viet-nam/admin/outbox', { '/api/auth/me': meAs('MANAGER') });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' }),
    ).toBeInTheDocument();
    expect(sent.some((r) => r.path === OUTBOX)).toBe(false);
  });
});

describe('unsubscribe link', () => {
  it('says what it turns off and does it on confirmation', async () => {
    const { user, sent } = renderApp('/unsubscribe?token=abc.def', {
      'GET /api/unsubscribe': { kinds: ['REPORT_SUBMITTED'], locale: 'vi', unsubscribed: false },
      'POST /api/unsubscribe': { kinds: ['REPORT_SUBMITTED'], locale: 'vi', unsubscribed: true },
    });
    expect(
      await screen.findByText('Một báo cáo tiến độ đang chờ bạn quyết định'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hủy đăng ký' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Xong');
    const post = sent.find((r) => r.method === 'POST' && r.path === '/api/unsubscribe');
    expect(post?.url.searchParams.get('token')).toBe('abc.def');
  });

  it('says so when the link was altered', async () => {
    renderApp('/unsubscribe?token=abc.tampered', {
      'GET /api/unsubscribe': {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', code: 'validation', message: 'token' },
      },
    });
    expect(await screen.findByText(/^Liên kết hủy đăng ký này không hợp lệ/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hủy đăng ký' })).not.toBeInTheDocument();
  });
});
