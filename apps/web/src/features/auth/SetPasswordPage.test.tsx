import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { me, nq42, organizations, page } from '../../test/fixtures';

describe('set-password page', () => {
  it('shows who the link is for, checks the password and signs in', async () => {
    const { user, history, sent } = renderApp('/set-password?token=abc123', {
      '/api/auth/password-tokens/abc123': {
        email: 'official@demo.test',
        displayName: 'Nguyễn Thị Lan',
        workspaceName: 'Việt Nam',
      },
      'POST /api/auth/set-password': me,
      '/api/workspaces/viet-nam/frameworks': page([nq42]),
      '/api/workspaces/viet-nam/organizations': page(organizations),
    });
    expect(await screen.findByText('official@demo.test')).toBeInTheDocument();
    expect(screen.getByText(/“Việt Nam”/)).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Mật khẩu mới/), 'a-long-password');
    await user.type(screen.getByLabelText(/Nhập lại/), 'a-long-passwor');
    await user.click(screen.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }));
    expect(await screen.findByText('Hai mật khẩu không giống nhau.')).toBeInTheDocument();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText(/Nhập lại/), 'd');
    await user.click(screen.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }));
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/my-work'));
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      token: 'abc123',
      password: 'a-long-password',
    });
  });

  it('says when the link is not valid', async () => {
    renderApp('/set-password?token=expired', {});
    expect(await screen.findByRole('alert')).toHaveTextContent('Liên kết này không hợp lệ');
  });
});
