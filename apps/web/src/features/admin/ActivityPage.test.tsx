import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import {
  adminMe,
  commitmentNq1,
  members,
  meAs,
  nq42,
  organizations,
  page,
} from '../../test/fixtures';
import type { WorkspaceActivityEvent } from '../../api/types';

const ACTIVITY = '/api/workspaces/viet-nam/activity';

const roleChange: WorkspaceActivityEvent = {
  id: 'e-1',
  at: '2026-11-20T03:15:00.000Z',
  actor: { id: 'u-admin', displayName: 'Quản trị viên' },
  entityType: 'member',
  entityId: 'm-union',
  commitmentId: null,
  commitment: null,
  action: 'updated',
  changes: {
    role: { before: 'VIEWER', after: 'PARTNER' },
    active: { before: false, after: true },
  },
};
const moderated: WorkspaceActivityEvent = {
  id: 'e-2',
  at: '2026-11-19T08:00:00.000Z',
  actor: { id: 'u-admin', displayName: 'Quản trị viên' },
  entityType: 'comment',
  entityId: 'cm-1',
  commitmentId: commitmentNq1.id,
  commitment: { id: commitmentNq1.id, reference: '1', title: commitmentNq1.title },
  action: 'moderated',
  changes: { deletedAt: { before: null, after: '2026-11-19T08:00:00.000Z' } },
};
const orgDeleted: WorkspaceActivityEvent = {
  id: 'e-3',
  at: '2026-11-18T08:00:00.000Z',
  actor: null,
  entityType: 'organization',
  entityId: 'o-gone',
  commitmentId: null,
  commitment: null,
  action: 'deleted',
  changes: { shortName: { before: 'OLD', after: null } },
};

const base = {
  '/api/auth/me': adminMe,
  '/api/workspaces/viet-nam/frameworks': page([nq42]),
  '/api/workspaces/viet-nam/organizations': page(organizations),
  '/api/workspaces/viet-nam/members': page(members),
};

describe('administration: activity log', () => {
  it('lists who did what on which record, with readable changes and a link to the commitment', async () => {
    renderApp('/w/viet-nam/admin/activity', {
      ...base,
      [ACTIVITY]: page([roleChange, moderated, orgDeleted]),
    });
    const table = await screen.findByRole('table', { name: 'Hoạt động của không gian làm việc' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);

    expect(within(rows[0]!).getByText('Quản trị viên')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('đã cập nhật')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('một thành viên')).toBeInTheDocument();
    // The member is named from the members list, the role translated.
    expect(within(rows[0]!).getAllByRole('cell')[3]).toHaveTextContent(/^Trần Văn Hùng$/);
    expect(rows[0]).toHaveTextContent('Vai trò: Người xem → Đối tác');
    expect(rows[0]).toHaveTextContent('Đang hoạt động: Không → Có');

    expect(within(rows[1]!).getByText('đã xóa (kiểm duyệt)')).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('link', { name: /^1 — Phát triển/ })).toHaveAttribute(
      'href',
      `/w/viet-nam/commitments/${commitmentNq1.id}`,
    );

    // A deleted organization is named from the event; a deleted user is said to be so.
    expect(within(rows[2]!).getAllByRole('cell')[3]).toHaveTextContent(/^OLD$/);
    expect(within(rows[2]!).getByText('Người dùng đã bị xóa')).toBeInTheDocument();

    // The admin navigation links to the page.
    const nav = screen.getByRole('navigation', { name: 'Các mục quản trị' });
    expect(within(nav).getByRole('link', { name: 'Nhật ký hoạt động' })).toHaveAttribute(
      'href',
      '/w/viet-nam/admin/activity',
    );
  });

  it('sends the type and person filters in the request', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/activity', {
      ...base,
      [ACTIVITY]: (url: URL) =>
        page(url.searchParams.getAll('entityType').includes('member') ? [roleChange] : []),
    });
    await screen.findByText('Chưa có hoạt động nào được ghi lại trong không gian làm việc này.');

    await user.selectOptions(await screen.findByLabelText('Loại bản ghi'), 'administration');
    const table = await screen.findByRole('table', { name: 'Hoạt động của không gian làm việc' });
    expect(within(table).getByText('Trần Văn Hùng')).toBeInTheDocument();
    let last = sent.filter((r) => r.path === ACTIVITY).at(-1)!;
    expect(last.url.searchParams.getAll('entityType')).toEqual([
      'member',
      'organization',
      'framework',
      'workspace',
    ]);
    expect(last.url.searchParams.get('actorId')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Người thực hiện'), 'Phạm Thu Hà');
    last = sent.filter((r) => r.path === ACTIVITY).at(-1)!;
    expect(last.url.searchParams.get('actorId')).toBe('u-employer');
    expect(last.url.searchParams.getAll('entityType')).toHaveLength(4);
  });

  it('sends the from and to days in the request, with the other filters', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/activity', {
      ...base,
      [ACTIVITY]: (url: URL) =>
        page(url.searchParams.get('from') === '2026-11-19' ? [moderated] : [roleChange]),
    });
    const table = () => screen.findByRole('table', { name: 'Hoạt động của không gian làm việc' });
    await table();
    const last = () => sent.filter((r) => r.path === ACTIVITY).at(-1)!.url.searchParams;
    expect(last().get('from')).toBeNull();
    expect(last().get('to')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Loại bản ghi'), 'comment');
    await user.type(screen.getByLabelText('Từ ngày'), '2026-11-19');
    expect(await within(await table()).findByText('đã xóa (kiểm duyệt)')).toBeInTheDocument();
    expect(last().get('from')).toBe('2026-11-19');
    expect(last().get('to')).toBeNull();
    expect(last().getAll('entityType')).toEqual(['comment']);

    await user.type(screen.getByLabelText('Đến ngày'), '2026-11-20');
    await waitFor(() => expect(last().get('to')).toBe('2026-11-20'));
    expect(last().get('from')).toBe('2026-11-19');

    // Cleared: the whole log again.
    await user.clear(screen.getByLabelText('Từ ngày'));
    await waitFor(() => expect(last().get('from')).toBeNull());
    expect(last().get('to')).toBe('2026-11-20');
    await waitFor(async () =>
      expect(within(await table()).getByText('Trần Văn Hùng')).toBeInTheDocument(),
    );
  });

  it('does not send a range that ends before it starts, and says so', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/activity', {
      ...base,
      [ACTIVITY]: page([roleChange]),
    });
    await screen.findByRole('table', { name: 'Hoạt động của không gian làm việc' });
    await user.type(screen.getByLabelText('Từ ngày'), '2026-11-20');
    await user.type(screen.getByLabelText('Đến ngày'), '2026-11-01');
    expect(screen.getByLabelText('Đến ngày')).toHaveAccessibleDescription(
      'Ngày kết thúc không được trước ngày bắt đầu.',
    );
    expect(sent.filter((r) => r.path === ACTIVITY).some((r) => r.url.searchParams.has('to'))).toBe(
      false,
    );
  });

  it('says when nothing matches the filters', async () => {
    const { user } = renderApp('/w/viet-nam/admin/activity', { ...base, [ACTIVITY]: page([]) });
    await user.selectOptions(await screen.findByLabelText('Loại bản ghi'), 'comment');
    expect(await screen.findByText('Không có hoạt động nào khớp với bộ lọc.')).toBeInTheDocument();
  });

  it('loads more with the cursor of the previous page', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/activity', {
      ...base,
      [ACTIVITY]: (url: URL) =>
        url.searchParams.get('cursor') === 'next-1'
          ? page([orgDeleted])
          : page([roleChange, moderated], 'next-1'),
    });
    const table = await screen.findByRole('table', { name: 'Hoạt động của không gian làm việc' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Tải thêm' }));
    expect(await within(table).findByText('Người dùng đã bị xóa')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Tải thêm' })).toBeNull();
    expect(
      sent.filter((r) => r.path === ACTIVITY).map((r) => r.url.searchParams.get('cursor')),
    ).toEqual([null, 'next-1']);
  });

  it('shows an error with a retry', async () => {
    renderApp('/w/viet-nam/admin/activity', {
      ...base,
      [ACTIVITY]: { status: 500, body: { statusCode: 500, error: 'Internal', message: 'boom' } },
    });
    expect(await screen.findByRole('button', { name: /Thử lại/ })).toBeInTheDocument();
  });

  it('is not offered to a manager, and the API is not asked', async () => {
    const { sent } = renderApp('/w/viet-nam/admin/activity', {
      ...base,
      '/api/auth/me': meAs('MANAGER'),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' }),
    ).toBeInTheDocument();
    expect(sent.some((r) => r.path === ACTIVITY)).toBe(false);
  });
});
