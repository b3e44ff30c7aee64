import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { me, nq42, organizations, page } from '../../test/fixtures';

const workspaceRoutes = {
  '/api/workspaces/viet-nam/frameworks': page([nq42]),
  '/api/workspaces/viet-nam/organizations': page(organizations),
};

const anonymous = {
  status: 401,
  body: { statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' },
};

async function signIn(user: ReturnType<typeof renderApp>['user'], password = 'tripartite-demo') {
  await user.type(await screen.findByLabelText(/E-mail/), 'official@demo.test');
  await user.type(screen.getByLabelText(/Mật khẩu/), password);
  await user.keyboard('{Enter}');
}

describe('sign-in page', () => {
  it('signs in with the keyboard, sends the CSRF header and goes to the requested page', async () => {
    const { user, history, sent } = renderApp('/sign-in?next=%2Fw%2Fviet-nam', {
      ...workspaceRoutes,
      '/api/auth/me': anonymous,
      'POST /api/auth/login': me,
    });

    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByLabelText(/E-mail/)).toHaveFocus();
    await signIn(user);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Khung cam kết' }),
    ).toBeInTheDocument();
    expect(history.location.pathname).toBe('/w/viet-nam');
    const login = sent.find((request) => request.path === '/api/auth/login')!;
    expect(login.method).toBe('POST');
    expect(login.body).toEqual({ email: 'official@demo.test', password: 'tripartite-demo' });
    expect(login.headers.get('X-Requested-With')).toBe('spct-web');
    // The session returned by the login is used as is: no 401 from /me sent us back.
    expect(
      screen.getByRole('button', { name: 'Tài khoản của Nguyễn Thị Lan' }),
    ).toBeInTheDocument();
  });

  it('says the e-mail or password is wrong on 401 and stays on the page', async () => {
    const { user, history } = renderApp('/sign-in', {
      'POST /api/auth/login': {
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'x' },
      },
    });
    await signIn(user, 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail hoặc mật khẩu không đúng.');
    expect(history.location.pathname).toBe('/sign-in');
    expect(history.location.search).toBe('');
  });

  it('says to wait the minutes of Retry-After on 429', async () => {
    const { user } = renderApp('/sign-in', {
      'POST /api/auth/login': {
        status: 429,
        body: { statusCode: 429, error: 'Too Many Requests', message: 'x' },
        headers: { 'Retry-After': '781' },
      },
    });
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Quá nhiều lần thử, vui lòng thử lại sau 14 phút.',
    );
  });

  it('never follows a next that leaves the app', async () => {
    const { user, history } = renderApp('/sign-in?next=%2F%2Fevil.test%2Fx', {
      ...workspaceRoutes,
      'POST /api/auth/login': me,
    });
    await signIn(user);
    // Home instead, where the official (an EDITOR) lands on "My work".
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/my-work'));
  });
});

describe('session', () => {
  it('sends an anonymous deep link to sign-in, then back to it', async () => {
    let signedIn = false;
    const { user, history } = renderApp('/w/viet-nam/frameworks/f-nq42?x=1', {
      '/api/auth/me': () => (signedIn ? me : anonymous),
      'POST /api/auth/login': () => {
        signedIn = true;
        return me;
      },
      '/api/workspaces/viet-nam/frameworks/f-nq42': { ...nq42, tree: [] },
      '/api/workspaces/viet-nam/organizations': page(organizations),
    });

    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(history.location.search).get('next')).toBe(
      '/w/viet-nam/frameworks/f-nq42?x=1',
    );

    await signIn(user);
    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/frameworks/f-nq42'));
    expect(history.location.search).toBe('?x=1');
    expect(await screen.findByRole('heading', { name: /Nghị quyết số 42/ })).toBeInTheDocument();
  });

  it('on a 401 while a page is open, asks to sign in again over the page and then reloads what failed', async () => {
    let expired = false;
    const { user, history, sent } = renderApp('/w/viet-nam', {
      '/api/auth/me': () => (expired ? anonymous : me),
      '/api/workspaces/viet-nam/frameworks': page([nq42]),
      '/api/workspaces/viet-nam/organizations': page(organizations),
      '/api/workspaces/viet-nam/commitments': () => (expired ? anonymous : page([])),
      'POST /api/auth/login': () => {
        expired = false;
        return me;
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Khung cam kết' });

    expired = true;
    await user.click(screen.getByRole('link', { name: 'Cam kết' }));

    const dialog = await screen.findByRole('dialog', { name: 'Phiên làm việc đã kết thúc' });
    expect(history.location.pathname).toBe('/w/viet-nam/commitments');
    // The e-mail of the session that ended is offered; the password is asked for.
    expect(within(dialog).getByLabelText(/E-mail/)).toHaveValue(me.user.email);
    await user.type(within(dialog).getByLabelText(/^Mật khẩu/), 'tripartite-demo');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng nhập lại' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Phiên làm việc đã kết thúc' })).toBeNull(),
    );
    expect(sent.find((r) => r.path === '/api/auth/login')?.body).toEqual({
      email: me.user.email,
      password: 'tripartite-demo',
    });
    // The page that could not load while signed out loads now.
    expect(await screen.findByRole('heading', { level: 1, name: 'Cam kết' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/w/viet-nam/commitments');
  });

  it('on a 401 with no page loaded yet, goes to the sign-in page and comes back after', async () => {
    const { history } = renderApp('/w/viet-nam/commitments', {
      '/api/auth/me': anonymous,
    });
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(new URLSearchParams(history.location.search).get('next')).toBe(
      '/w/viet-nam/commitments',
    );
  });

  it('signs out from the user menu: ends the session on the server and lands on sign-in', async () => {
    const { user, history, sent, queryClient } = renderApp('/w/viet-nam', {
      ...workspaceRoutes,
      'POST /api/auth/logout': { status: 204, body: null },
    });
    await screen.findByRole('heading', { level: 1, name: 'Khung cam kết' });
    await user.click(screen.getByRole('button', { name: 'Tài khoản của Nguyễn Thị Lan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đăng xuất' }));

    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/sign-in');
    expect(history.location.search).toBe('');
    expect(sent.some((r) => r.method === 'POST' && r.path === '/api/auth/logout')).toBe(true);
    await waitFor(() => expect(queryClient.getQueryData(['auth', 'me'])).toBeUndefined());
  });
});
