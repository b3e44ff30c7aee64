import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { page } from '../../test/fixtures';
import type { ApiToken, CreatedApiToken } from '../../api/types';

const existing: ApiToken = {
  id: 't-1',
  name: 'Báo cáo tháng',
  prefix: 'spct_ab12',
  createdAt: '2026-10-01T02:00:00.000Z',
  lastUsedAt: null,
  expiresAt: '2027-10-01T02:00:00.000Z',
  revokedAt: null,
};

const created: CreatedApiToken = {
  id: 't-2',
  name: 'Power BI',
  prefix: 'spct_cd34',
  token: 'spct_cd34_THE-SECRET-VALUE',
  createdAt: '2026-11-25T02:00:00.000Z',
  lastUsedAt: null,
  expiresAt: '2027-02-23T02:00:00.000Z',
  revokedAt: null,
};

describe('API tokens page', () => {
  it('creates a token and shows its secret once, with a warning and a copy button', async () => {
    let tokens = [existing];
    const { user, sent } = renderApp('/account/tokens', {
      'GET /api/auth/tokens': () => page(tokens),
      'POST /api/auth/tokens': () => {
        const { token: _secret, ...listed } = created;
        tokens = [listed, existing];
        return { status: 201, body: created };
      },
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Khóa API' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Báo cáo tháng' })).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Tên/ }), 'Power BI');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Hết hạn sau' }), '90');
    await user.click(screen.getByRole('button', { name: 'Tạo khóa' }));

    const notice = await screen.findByRole('status', { name: /Đã tạo khóa “Power BI”/ });
    expect(within(notice).getByText('spct_cd34_THE-SECRET-VALUE')).toBeInTheDocument();
    expect(within(notice).getByText(/sẽ không được hiển thị lại/)).toBeInTheDocument();
    expect(within(notice).getByRole('button', { name: 'Sao chép khóa' })).toBeInTheDocument();
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Power BI',
      expiresInDays: 90,
    });
    expect(await screen.findByRole('cell', { name: 'Power BI' })).toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: 'Tôi đã sao chép' }));
    expect(screen.queryByText('spct_cd34_THE-SECRET-VALUE')).not.toBeInTheDocument();
    // The list only ever shows the prefix.
    expect(screen.getByText('spct_cd34…')).toBeInTheDocument();
  });

  it('revokes a token after confirmation', async () => {
    let tokens = [existing];
    const { user, sent } = renderApp('/account/tokens', {
      'GET /api/auth/tokens': () => page(tokens),
      'DELETE /api/auth/tokens/t-1': () => {
        tokens = [{ ...existing, revokedAt: '2026-11-25T03:00:00.000Z' }];
        return { status: 204, body: null };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Thu hồi khóa Báo cáo tháng' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thu hồi khóa?' });
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Thu hồi' }));

    expect(await screen.findByText('Đã thu hồi')).toBeInTheDocument();
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/api/auth/tokens/t-1',
    ]);
    expect(screen.queryByRole('button', { name: 'Thu hồi khóa Báo cáo tháng' })).toBeNull();
  });
});

describe('change password dialog', () => {
  it("shows the API's field errors next to the fields, then confirms the change", async () => {
    let attempts = 0;
    const { user, sent } = renderApp('/account/tokens', {
      'GET /api/auth/tokens': page([]),
      'POST /api/auth/password': () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 400,
              body: {
                statusCode: 400,
                error: 'Bad Request',
                message: 'Validation failed',
                details: [
                  { field: 'currentPassword', code: 'wrongPassword', message: 'wrong password' },
                ],
              },
            }
          : { status: 204, body: null };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Tài khoản của Nguyễn Thị Lan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đổi mật khẩu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Đổi mật khẩu' });

    // Too short and not repeated: refused here, nothing sent.
    await user.type(within(dialog).getByLabelText(/Mật khẩu hiện tại/), 'tripartite-demo');
    await user.type(within(dialog).getByLabelText(/^Mật khẩu mới/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await within(dialog).findByText('Mật khẩu cần ít nhất 12 ký tự.')).toBeInTheDocument();
    expect(sent.some((r) => r.path === '/api/auth/password')).toBe(false);

    await user.type(within(dialog).getByLabelText(/^Mật khẩu mới/), '-but-longer-now');
    await user.type(within(dialog).getByLabelText(/Nhập lại/), 'short-but-longer-now');
    await user.click(within(dialog).getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await within(dialog).findByText('Mật khẩu hiện tại không đúng.')).toBeInTheDocument();
    expect(sent.find((r) => r.path === '/api/auth/password')?.body).toEqual({
      currentPassword: 'tripartite-demo',
      newPassword: 'short-but-longer-now',
    });

    await user.click(within(dialog).getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Mật khẩu đã được đổi');
    await waitFor(() => expect(attempts).toBe(2));
  });
});
