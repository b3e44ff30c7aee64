import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { ilc2021, me, nq42, organizations, page } from '../../test/fixtures';
import i18n, { LOCALE_STORAGE_KEY } from '../../i18n';

const routes = {
  '/api/workspaces/viet-nam/frameworks': page([nq42, ilc2021]),
  '/api/workspaces/viet-nam/organizations': page(organizations),
  'PATCH /api/auth/me': (_url: URL, body: unknown) => ({
    ...me,
    user: { ...me.user, ...(body as object) },
  }),
};

describe('language choice', () => {
  it('switches labels and API texts from Vietnamese to English from the user menu and saves it on the account', async () => {
    const { user, sent } = renderApp('/w/viet-nam', routes);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Khung cam kết' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Nghị quyết số 42-NQ\/TW/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('47,5%')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('vi');

    await user.click(screen.getByRole('button', { name: 'Tài khoản của Nguyễn Thị Lan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Frameworks' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Social Protection Commitments Tracker' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Resolution No\. 42-NQ\/TW/ })).toBeInTheDocument();
    expect(screen.getByText('Demo data — not official figures')).toBeInTheDocument();
    expect(screen.getAllByText('At risk')[0]).toBeInTheDocument();
    expect(screen.getByText('47.5%')).toBeInTheDocument();
    expect(screen.getByText('Nov 24, 2023')).toBeInTheDocument();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await waitFor(() =>
      expect(sent.filter((request) => request.method === 'PATCH')).toEqual([
        expect.objectContaining({ path: '/api/auth/me', body: { locale: 'en' } }),
      ]),
    );
    const patch = sent.find((request) => request.method === 'PATCH')!;
    expect(patch.headers.get('X-Requested-With')).toBe('spct-web');
  });

  it('applies the language saved on the account when the session loads', async () => {
    renderApp('/w/viet-nam', {
      ...routes,
      '/api/auth/me': { ...me, user: { ...me.user, locale: 'en' } },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Frameworks' }),
    ).toBeInTheDocument();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('goes back to the previous language when saving it fails', async () => {
    const { user } = renderApp('/w/viet-nam', {
      ...routes,
      'PATCH /api/auth/me': { status: 500, body: { statusCode: 500, error: 'x', message: 'x' } },
    });
    await screen.findByRole('heading', { level: 1, name: 'Khung cam kết' });
    await user.click(screen.getByRole('button', { name: 'Tài khoản của Nguyễn Thị Lan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));
    await waitFor(() => expect(i18n.language).toBe('vi'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Khung cam kết' }),
    ).toBeInTheDocument();
  });

  it('can be chosen on the sign-in page, where it is remembered by the browser only', async () => {
    const { user, sent } = renderApp('/sign-in', {});
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(sent).toEqual([]);
  });

  it('writes the language cookie again at start, to renew it, when the page is already in that language', async () => {
    // The server writes index.html in the cookie's language; Safari drops a cookie set by script
    // after 7 days: start, as after that, without it.
    const cookie = () =>
      document.cookie
        .split('; ')
        .find((pair) => pair.startsWith(`${LOCALE_STORAGE_KEY}=`))
        ?.split('=')[1];
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    document.documentElement.lang = 'en';
    document.cookie = `${LOCALE_STORAGE_KEY}=; path=/; max-age=0`;
    await jest.isolateModulesAsync(async () => {
      await import('../../i18n');
      await waitFor(() => expect(cookie()).toBe('en'));
    });
  });

  it('starts in the remembered language after a reload', async () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    // A reload re-runs the i18n module, which reads the stored choice.
    await jest.isolateModulesAsync(async () => {
      const reloaded = (await import('../../i18n')).default;
      expect(reloaded.language).toBe('en');
    });
    expect(i18n.language).toBe('vi');
  });
});
