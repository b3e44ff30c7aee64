import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import {
  adminMe,
  me,
  meAs,
  nq42,
  officialMember,
  organizations,
  page,
  stale412,
} from '../../test/fixtures';
import type { Member } from '../../api/types';

const lan = officialMember;
const admin: Member = {
  ...lan,
  id: 'm-admin',
  userId: 'u-admin',
  email: 'admin@demo.test',
  displayName: 'Quản trị viên',
  role: 'ADMIN',
  organization: organizations[3]!,
};

const base = {
  '/api/auth/me': adminMe,
  '/api/workspaces/viet-nam/frameworks': page([nq42]),
  '/api/workspaces/viet-nam/organizations': page(organizations),
};

describe('administration navigation', () => {
  it('shows the Administration link and the role to an admin', async () => {
    renderApp('/w/viet-nam', base);
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByRole('link', { name: 'Quản trị' })).toHaveAttribute(
      'href',
      '/w/viet-nam/admin/members',
    );
    expect(
      screen.getByRole('button', {
        name: 'Việt Nam Quản trị viên — không gian làm việc và vai trò của bạn',
      }),
    ).toBeInTheDocument();
  });

  it.each(['MANAGER', 'EDITOR', 'PARTNER', 'VIEWER'] as const)(
    'hides it from a %s, who sees their role in the switcher',
    async (role) => {
      renderApp('/w/viet-nam', { ...base, '/api/auth/me': meAs(role) });
      const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
      expect(within(nav).getByRole('link', { name: 'Cam kết' })).toBeInTheDocument();
      expect(within(nav).queryByRole('link', { name: 'Quản trị' })).toBeNull();
      expect(screen.getByTestId('current-role')).toHaveTextContent(
        { MANAGER: 'Quản lý', EDITOR: 'Biên tập viên', PARTNER: 'Đối tác', VIEWER: 'Người xem' }[
          role
        ],
      );
    },
  );

  it('shows a not-allowed page to a non-admin opening an admin URL, without asking the API', async () => {
    const { sent } = renderApp('/w/viet-nam/admin/members', {
      ...base,
      '/api/auth/me': meAs('VIEWER'),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' }),
    ).toBeInTheDocument();
    expect(sent.some((r) => r.path.endsWith('/members'))).toBe(false);
  });
});

describe('members administration', () => {
  it('invites a member and shows the one-time set-password link with a copy button', async () => {
    let members = [admin, lan];
    const invited: Member = {
      ...lan,
      id: 'm-new',
      userId: 'u-new',
      email: 'new@molisa.test',
      displayName: 'Lê Văn Minh',
      role: 'PARTNER',
      organization: organizations[1]!,
      passwordSet: false,
    };
    const { user, sent } = renderApp('/w/viet-nam/admin/members', {
      ...base,
      'GET /api/workspaces/viet-nam/members': () => page(members),
      'POST /api/workspaces/viet-nam/members': () => {
        members = [...members, invited];
        return {
          status: 201,
          body: {
            member: invited,
            setPasswordUrl: 'http://localhost:3000/set-password?token=one-time-token',
          },
        };
      },
    });

    expect(await screen.findByText('official@demo.test')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mời thành viên' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mời thành viên' });
    await user.type(within(dialog).getByRole('textbox', { name: /E-mail/ }), 'new@molisa.test');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tên hiển thị' }), 'Lê Văn Minh');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Vai trò' }), 'PARTNER');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Tổ chức' }), 'o-vgcl');
    await user.click(within(dialog).getByRole('button', { name: 'Mời' }));

    const linkDialog = await screen.findByRole('dialog', { name: 'Liên kết đặt mật khẩu' });
    expect(within(linkDialog).getByRole('textbox', { name: 'Liên kết dùng một lần' })).toHaveValue(
      'http://localhost:3000/set-password?token=one-time-token',
    );
    expect(
      within(linkDialog).getByRole('button', { name: 'Sao chép liên kết' }),
    ).toBeInTheDocument();
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      email: 'new@molisa.test',
      displayName: 'Lê Văn Minh',
      role: 'PARTNER',
      organizationId: 'o-vgcl',
    });
    expect(await screen.findByText('new@molisa.test')).toBeInTheDocument();
    expect(screen.getByText('Chưa đặt mật khẩu')).toBeInTheDocument();
  });

  it('issues a new link for a member', async () => {
    const { user } = renderApp('/w/viet-nam/admin/members', {
      ...base,
      'GET /api/workspaces/viet-nam/members': page([admin, { ...lan, passwordSet: false }]),
      'POST /api/workspaces/viet-nam/members/m-official/invitation': {
        member: lan,
        setPasswordUrl: 'http://localhost:3000/set-password?token=second',
      },
    });
    await user.click(
      await screen.findByRole('button', { name: 'Liên kết đặt mật khẩu mới cho Nguyễn Thị Lan' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Liên kết đặt mật khẩu' });
    expect(within(dialog).getByRole('textbox')).toHaveValue(
      'http://localhost:3000/set-password?token=second',
    );
  });

  it('changes a role inline and explains the refusal to demote the last admin', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/members', {
      ...base,
      'GET /api/workspaces/viet-nam/members': page([admin, lan]),
      'PATCH /api/workspaces/viet-nam/members/m-official': { ...lan, role: 'MANAGER' },
      'PATCH /api/workspaces/viet-nam/members/m-admin': {
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'Last admin' },
      },
    });
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Vai trò của Nguyễn Thị Lan' }),
      'MANAGER',
    );
    // A change of access is confirmed first, naming what changes.
    const confirm = await screen.findByRole('dialog', { name: 'Thay đổi quyền của thành viên?' });
    expect(confirm).toHaveTextContent(
      'Nguyễn Thị Lan: Vai trò đổi từ “Biên tập viên” sang “Quản lý”',
    );
    expect(sent.some((r) => r.method === 'PATCH')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Thay đổi' }));
    await waitFor(() =>
      expect(sent.find((r) => r.method === 'PATCH')?.body).toEqual({ role: 'MANAGER' }),
    );
    expect(await screen.findByText('Đã cập nhật thành viên.')).toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Vai trò của Quản trị viên' }),
      'VIEWER',
    );
    await user.click(
      within(
        await screen.findByRole('dialog', { name: 'Thay đổi quyền của thành viên?' }),
      ).getByRole('button', { name: 'Thay đổi' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Không gian làm việc phải còn ít nhất một quản trị viên',
    );
    // The select shows what the server holds, not the refused choice.
    expect(screen.getByRole('combobox', { name: 'Vai trò của Quản trị viên' })).toHaveValue(
      'ADMIN',
    );
  });

  it('deactivates a member only after confirmation', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/members', {
      ...base,
      'GET /api/workspaces/viet-nam/members': page([admin, lan]),
      'PATCH /api/workspaces/viet-nam/members/m-official': { ...lan, active: false },
    });
    await user.click(await screen.findByRole('button', { name: 'Vô hiệu hóa Nguyễn Thị Lan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vô hiệu hóa thành viên?' });
    expect(sent.some((r) => r.method === 'PATCH')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Vô hiệu hóa' }));
    await waitFor(() =>
      expect(sent.find((r) => r.method === 'PATCH')?.body).toEqual({ active: false }),
    );
  });

  it('sends If-Match with a change; on 412 shows what is stored and reapplies on the new version', async () => {
    const stored: Member = { ...lan, role: 'PARTNER', organization: organizations[1]!, version: 3 };
    let patches = 0;
    const { user, sent } = renderApp('/w/viet-nam/admin/members', {
      ...base,
      'GET /api/workspaces/viet-nam/members': page([admin, lan]),
      'PATCH /api/workspaces/viet-nam/members/m-official': () =>
        ++patches === 1 ? stale412(stored) : { ...stored, role: 'MANAGER', version: 4 },
    });
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Vai trò của Nguyễn Thị Lan' }),
      'MANAGER',
    );
    await user.click(
      within(
        await screen.findByRole('dialog', { name: 'Thay đổi quyền của thành viên?' }),
      ).getByRole('button', { name: 'Thay đổi' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Người khác đã thay đổi mục này');
    expect(alert).toHaveTextContent('phiên bản 3');
    const row = within(alert).getByRole('row', { name: /Vai trò/ });
    expect(row).toHaveTextContent('Quản lý');
    expect(row).toHaveTextContent('Đối tác');
    const first = sent.find((r) => r.method === 'PATCH')!;
    expect(first.headers.get('if-match')).toBe('"1"');

    await user.click(within(alert).getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    const second = sent.filter((r) => r.method === 'PATCH')[1]!;
    expect(second.headers.get('if-match')).toBe('"3"');
    expect(second.body).toEqual({ role: 'MANAGER' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('keeps the stored member when the user chooses theirs after a 412', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/members', {
      ...base,
      'GET /api/workspaces/viet-nam/members': page([admin, lan]),
      'PATCH /api/workspaces/viet-nam/members/m-official': stale412({
        ...lan,
        active: false,
        version: 2,
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Vô hiệu hóa Nguyễn Thị Lan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vô hiệu hóa thành viên?' });
    await user.click(within(dialog).getByRole('button', { name: 'Vô hiệu hóa' }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Giữ bản của họ' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });
});

describe('organizations administration', () => {
  it('creates an organization', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/organizations', {
      ...base,
      'POST /api/workspaces/viet-nam/organizations': {
        status: 201,
        body: { id: 'o-vca', shortName: 'VCA', name: { vi: 'Liên minh HTX', en: 'VCA' } },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Thêm tổ chức' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm tổ chức' });
    await user.type(within(dialog).getByRole('textbox', { name: /Tên viết tắt/ }), 'VCA');
    await user.type(
      within(dialog).getByRole('textbox', { name: /Tên \(tiếng Việt\)/ }),
      'Liên minh Hợp tác xã Việt Nam',
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: /Tên \(tiếng Anh\)/ }),
      'Vietnam Cooperative Alliance',
    );
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Nhóm đại diện' }),
      'EMPLOYERS',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      shortName: 'VCA',
      name: { vi: 'Liên minh Hợp tác xã Việt Nam', en: 'Vietnam Cooperative Alliance' },
      constituency: 'EMPLOYERS',
    });
  });

  it('explains a 409 when the organization is still in use', async () => {
    const { user } = renderApp('/w/viet-nam/admin/organizations', {
      ...base,
      'DELETE /api/workspaces/viet-nam/organizations/o-molisa': {
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'In use' },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Xóa MOLISA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa tổ chức?' });
    await user.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Không thể xóa tổ chức này');
  });

  it('edits with If-Match; a 412 keeps the input, shows the stored values and can take theirs', async () => {
    const molisa = organizations[0]!;
    const stored = {
      ...molisa,
      name: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' },
      version: 2,
    };
    let patches = 0;
    const { user, sent } = renderApp('/w/viet-nam/admin/organizations', {
      ...base,
      'PATCH /api/workspaces/viet-nam/organizations/o-molisa': () =>
        ++patches === 1 ? stale412(stored) : { ...stored, version: 3 },
    });
    await user.click(await screen.findByRole('button', { name: 'Sửa MOLISA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa tổ chức' });
    const english = within(dialog).getByRole('textbox', { name: /Tên \(tiếng Anh\)/ });
    await user.clear(english);
    await user.type(english, 'My English name');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('phiên bản 2');
    const row = within(alert).getByRole('row', { name: /Tên \(tiếng Anh\)/ });
    expect(row).toHaveTextContent('My English name');
    expect(row).toHaveTextContent('Ministry of Home Affairs');
    expect(within(alert).getByRole('row', { name: /Tên \(tiếng Việt\)/ })).toHaveTextContent(
      'Bộ Nội vụ',
    );
    // The user's input is kept.
    expect(english).toHaveValue('My English name');
    expect(sent.find((r) => r.method === 'PATCH')!.headers.get('if-match')).toBe(
      `"${molisa.version}"`,
    );

    await user.click(within(alert).getByRole('button', { name: 'Giữ bản của họ' }));
    expect(english).toHaveValue('Ministry of Home Affairs');
    expect(within(dialog).getByRole('textbox', { name: /Tên \(tiếng Việt\)/ })).toHaveValue(
      'Bộ Nội vụ',
    );
    await user.clear(english);
    await user.type(english, 'Ministry of Home Affairs (MOHA)');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const second = sent.filter((r) => r.method === 'PATCH')[1]!;
    expect(second.headers.get('if-match')).toBe('"2"');
    expect(second.body).toMatchObject({
      name: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs (MOHA)' },
    });
  });

  it('reapplies an edit over a newer version after a 412', async () => {
    let patches = 0;
    const { user, sent } = renderApp('/w/viet-nam/admin/organizations', {
      ...base,
      'PATCH /api/workspaces/viet-nam/organizations/o-molisa': () =>
        ++patches === 1
          ? stale412({ ...organizations[0]!, constituency: 'OTHER', version: 5 })
          : { ...organizations[0]!, shortName: 'MOLISA-2', version: 6 },
    });
    await user.click(await screen.findByRole('button', { name: 'Sửa MOLISA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa tổ chức' });
    await user.type(within(dialog).getByRole('textbox', { name: /Tên viết tắt/ }), '-2');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    const alert = await within(dialog).findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patchesSent = sent.filter((r) => r.method === 'PATCH');
    expect(patchesSent.map((r) => r.headers.get('if-match'))).toEqual(['"1"', '"5"']);
    expect(patchesSent[1]!.body).toMatchObject({
      shortName: 'MOLISA-2',
      constituency: 'GOVERNMENT',
    });
  });

  it('deletes with If-Match; after a 412 it shows what changed and can delete anyway', async () => {
    let deletes = 0;
    const { user, sent } = renderApp('/w/viet-nam/admin/organizations', {
      ...base,
      'DELETE /api/workspaces/viet-nam/organizations/o-molisa': () =>
        ++deletes === 1
          ? stale412({ ...organizations[0]!, shortName: 'MOHA', version: 2 })
          : { status: 204, body: null },
    });
    await user.click(await screen.findByRole('button', { name: 'Xóa MOLISA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa tổ chức?' });
    await user.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByRole('row', { name: /Tên viết tắt/ })).toHaveTextContent('MOHA');
    expect(within(dialog).getByRole('button', { name: 'Xóa' })).toBeDisabled();
    await user.click(within(alert).getByRole('button', { name: 'Vẫn xóa' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.headers.get('if-match'))).toEqual(
      ['"1"', '"2"'],
    );
  });
});

describe('workspace switcher', () => {
  it('creates a workspace and switches to it', async () => {
    let created = false;
    const fresh = { id: 'w-2', slug: 'lao-pdr', name: 'Lào', isDemo: false };
    const { user, history, sent } = renderApp('/w/viet-nam', {
      ...base,
      '/api/auth/me': () =>
        created
          ? {
              ...me,
              memberships: [
                ...me.memberships,
                { workspace: fresh, role: 'ADMIN', organization: null },
              ],
            }
          : me,
      'POST /api/workspaces': () => {
        created = true;
        return { status: 201, body: fresh };
      },
      '/api/workspaces/lao-pdr/frameworks': page([]),
      '/api/workspaces/lao-pdr/organizations': page([]),
    });
    await user.click(
      await screen.findByRole('button', { name: /^Việt Nam .* — không gian làm việc/ }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Tạo không gian làm việc' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tạo không gian làm việc' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Tên/ }), 'Lào PDR');
    expect(within(dialog).getByRole('textbox', { name: /Địa chỉ web/ })).toHaveValue('lao-pdr');
    await user.click(within(dialog).getByRole('button', { name: 'Tạo' }));

    await waitFor(() => expect(history.location.pathname).toBe('/w/lao-pdr'));
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Lào PDR',
      slug: 'lao-pdr',
    });
    expect(
      await screen.findByRole('button', {
        name: 'Lào Quản trị viên — không gian làm việc và vai trò của bạn',
      }),
    ).toBeInTheDocument();
  });
});
