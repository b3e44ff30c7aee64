import { screen, within } from '@testing-library/react';
import type { ActivityEvent } from '../../../api/types';
import { renderApp } from '../../../test/render';
import { commitmentDetail, officialMember, organizations, page } from '../../../test/fixtures';

const WS = '/api/workspaces/viet-nam';
const BASE = `${WS}/commitments/c-nq42-1`;
const members = [officialMember];
const actor = { id: 'u-official', displayName: 'Nguyễn Thị Lan' };
const longText = 'Mở rộng bao phủ bảo hiểm xã hội cho lao động phi chính thức. '.repeat(6);

const updated: ActivityEvent = {
  id: 'ev-2',
  at: '2026-05-02T03:15:00.000Z',
  actor,
  entityType: 'commitment',
  entityId: 'c-nq42-1',
  action: 'updated',
  changes: {
    targetDate: { before: '2030-12-31', after: '2029-12-31' },
    leadOrgId: { before: 'o-vgcl', after: 'o-molisa' },
    coOrgIds: { before: ['o-vss'], after: ['o-vss', '5e1f0c7a-0000-4000-8000-000000000000'] },
    targetGroups: { before: [], after: ['WOMEN', 'YOUTH'] },
    focalUserId: { before: null, after: 'u-official' },
    description: { before: null, after: { vi: longText, en: 'Extend coverage.' } },
  },
};
const approved: ActivityEvent = {
  id: 'ev-1',
  at: '2026-04-10T02:00:00.000Z',
  actor: { id: 'u-manager', displayName: 'Trần Văn Minh' },
  entityType: 'progressUpdate',
  entityId: 'up-1',
  action: 'approved',
  changes: { state: { before: 'SUBMITTED', after: 'APPROVED' } },
};
const created: ActivityEvent = {
  id: 'ev-0',
  at: '2024-01-01T02:00:00.000Z',
  actor: null,
  entityType: 'commitment',
  entityId: 'c-nq42-1',
  action: 'created',
  changes: { reference: { before: null, after: '1' } },
};

describe('history tab', () => {
  it('shows who did what and when, with readable diffs, and loads more', async () => {
    const { user, sent } = renderApp('/w/viet-nam/commitments/c-nq42-1?tab=history', {
      [`${WS}/organizations`]: page(organizations),
      [`${WS}/members`]: page(members),
      [`${WS}/frameworks/f-nq42`]: { tree: [] },
      [BASE]: commitmentDetail,
      [`${BASE}/history`]: (url: URL) =>
        url.searchParams.get('cursor') === 'next-1'
          ? page([created])
          : page([updated, approved], 'next-1'),
    });

    const list = await screen.findByRole('list', { name: 'Lịch sử thay đổi' });
    const events = within(list).getAllByRole('article');
    expect(events).toHaveLength(2);
    const first = events[0]!;
    expect(first).toHaveTextContent('Nguyễn Thị Lan');
    expect(first).toHaveTextContent('đã cập nhật');
    expect(first).toHaveTextContent('cam kết');
    expect(within(first).getByText(/2 thg 5, 2026/)).toHaveAttribute(
      'datetime',
      '2026-05-02T03:15:00.000Z',
    );

    const cells = (name: string) =>
      within(within(first).getByRole('row', { name: new RegExp(`^${name}`) }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells('Hạn hoàn thành')).toEqual(['31 thg 12, 2030', '31 thg 12, 2029']);
    expect(cells('Cơ quan chủ trì')).toEqual(['VGCL', 'MOLISA']);
    // An organization the data at hand cannot name is shown by a short id.
    expect(cells('Cơ quan phối hợp')).toEqual(['VSS', 'VSS, #5e1f0c7a']);
    expect(cells('Nhóm đối tượng')).toEqual(['—', 'Phụ nữ, Thanh niên']);
    expect(cells('Đầu mối')).toEqual(['—', 'Nguyễn Thị Lan']);
    // Long text is collapsed behind "show more".
    const description = within(first).getByRole('row', { name: /^Mô tả/ });
    expect(description).toHaveTextContent('EN: Extend coverage.');
    expect(description).not.toHaveTextContent(longText.trim());
    await user.click(within(description).getByRole('button', { name: 'Xem thêm' }));
    expect(description).toHaveTextContent(longText.trim());

    expect(events[1]).toHaveTextContent('Trần Văn Minh');
    expect(events[1]).toHaveTextContent('đã phê duyệt');
    expect(events[1]).toHaveTextContent('báo cáo tiến độ');
    expect(within(events[1]!).getByRole('row', { name: /^Tình trạng báo cáo/ })).toHaveTextContent(
      'Chờ phê duyệtĐã phê duyệt',
    );

    await user.click(screen.getByRole('button', { name: 'Tải thêm' }));
    expect(await within(list).findByText('Người dùng đã bị xóa')).toBeInTheDocument();
    expect(within(list).getAllByRole('article')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Tải thêm' })).not.toBeInTheDocument();
    const historyCalls = sent.filter((request) => request.path === `${BASE}/history`);
    expect(historyCalls.map((request) => request.url.searchParams.get('cursor'))).toEqual([
      null,
      'next-1',
    ]);
  });

  it('shows comment edits and moderation readably', async () => {
    const edited: ActivityEvent = {
      id: 'ev-c1',
      at: '2026-05-03T03:15:00.000Z',
      actor,
      entityType: 'comment',
      entityId: 'cm-1',
      action: 'edited',
      changes: {
        body: { before: 'Cần số liệu', after: 'Cần số liệu 2026' },
        stance: { before: 'CONCERN', after: 'QUESTION' },
      },
    };
    const moderated: ActivityEvent = {
      id: 'ev-c2',
      at: '2026-05-04T03:15:00.000Z',
      actor: { id: 'u-admin', displayName: 'Quản trị viên' },
      entityType: 'comment',
      entityId: 'cm-1',
      action: 'moderated',
      changes: { deletedAt: { before: null, after: '2026-05-04T03:15:00.000Z' } },
    };
    renderApp('/w/viet-nam/commitments/c-nq42-1?tab=history', {
      [`${WS}/organizations`]: page(organizations),
      [`${WS}/members`]: page(members),
      [`${WS}/frameworks/f-nq42`]: { tree: [] },
      [BASE]: commitmentDetail,
      [`${BASE}/history`]: page([moderated, edited]),
    });
    const list = await screen.findByRole('list', { name: 'Lịch sử thay đổi' });
    const [first, second] = within(list).getAllByRole('article');
    expect(first).toHaveTextContent('Quản trị viênđã xóa (kiểm duyệt)một bình luận');
    expect(within(first!).getByRole('rowheader', { name: 'Ngày xóa' })).toBeInTheDocument();
    expect(second).toHaveTextContent('đã sửamột bình luận');
    const edit = within(second!).getByRole('table');
    expect(within(edit).getByRole('row', { name: /Nội dung/ })).toHaveTextContent(
      'Nội dungCần số liệuCần số liệu 2026',
    );
    expect(within(edit).getByRole('row', { name: /Quan điểm/ })).toHaveTextContent(
      'Quan điểmQuan ngạiCâu hỏi',
    );
  });
});
