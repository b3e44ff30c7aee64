import { screen, within } from '@testing-library/react';
import type { CommitmentDetail, Me } from '../../../api/types';
import { renderApp } from '../../../test/render';
import {
  adminMe,
  commitmentDetail,
  me,
  meAs,
  officialMember,
  organizations,
  page,
} from '../../../test/fixtures';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const members = [officialMember];

/** A VGCL-led item, in which MOLISA has no part. */
const vgclItem: CommitmentDetail = {
  ...commitmentDetail,
  leadOrgId: 'o-vgcl',
  coOrgIds: ['o-vcci'],
};

function open(persona: Me, commitment: CommitmentDetail = commitmentDetail, extra = {}) {
  return renderApp('/w/viet-nam/commitments/c-nq42-1', {
    '/api/auth/me': persona,
    '/api/workspaces/viet-nam/organizations': page(organizations),
    '/api/workspaces/viet-nam/members': page(members),
    [BASE]: commitment,
    ...extra,
  });
}

describe('commitment actions', () => {
  it('offers Edit and Archive to an official on their organization’s item', async () => {
    open(me);
    const edit = await screen.findByRole('link', { name: 'Sửa' });
    expect(edit).toHaveAttribute('href', '/w/viet-nam/commitments/c-nq42-1/edit');
    expect(screen.getByRole('button', { name: 'Lưu trữ' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Thêm cam kết cấp dưới' })).toHaveAttribute(
      'href',
      '/w/viet-nam/commitments/new?frameworkId=f-nq42&parentId=c-nq42-1',
    );
  });

  it('offers nothing to the same official on another organization’s item', async () => {
    open(me, vgclItem);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('link', { name: 'Sửa' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu trữ' })).not.toBeInTheDocument();
  });

  it('offers the administrator the actions on any item, and a viewer none', async () => {
    const { unmount } = open(adminMe, vgclItem);
    expect(await screen.findByRole('link', { name: 'Sửa' })).toBeInTheDocument();
    unmount();

    open(meAs('VIEWER'));
    await screen.findByRole('heading', { level: 1 });
    // The overview is there, the actions are not.
    expect(
      screen.getByText(/chỉ thay đổi qua các báo cáo tiến độ đã được phê duyệt/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sửa' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu trữ' })).not.toBeInTheDocument();
  });

  it('archives only after confirmation, with If-Match, then offers Restore', async () => {
    // The API's state: each write answers, and later reads return, the new version.
    let stored: CommitmentDetail = commitmentDetail;
    const write = (next: CommitmentDetail) => () => (stored = next);
    const { user, sent } = open(me, commitmentDetail, {
      [`GET ${BASE}`]: () => stored,
      [`DELETE ${BASE}`]: write({ ...commitmentDetail, archived: true, version: 4 }),
      [`POST ${BASE}/restore`]: write({ ...commitmentDetail, version: 5 }),
    });

    await user.click(await screen.findByRole('button', { name: 'Lưu trữ' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lưu trữ cam kết' });
    expect(dialog).toHaveTextContent('Lưu trữ NQ-42 1?');
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Lưu trữ' }));
    const again = await screen.findByRole('dialog', { name: 'Lưu trữ cam kết' });
    await user.click(within(again).getByRole('button', { name: 'Lưu trữ' }));

    expect(await screen.findByText('Cam kết đã được lưu trữ')).toBeInTheDocument();
    const deletes = sent.filter((request) => request.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.headers.get('If-Match')).toBe('"3"');
    expect(screen.queryByRole('link', { name: 'Sửa' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Khôi phục' }));
    const restore = sent.find((request) => request.path === `${BASE}/restore`);
    expect(restore?.headers.get('If-Match')).toBe('"4"');
    expect(await screen.findByRole('link', { name: 'Sửa' })).toBeInTheDocument();
  });
});
