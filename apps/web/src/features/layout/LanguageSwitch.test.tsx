import { screen } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { ilc2021, nq42, organizations, page, workspace } from '../../test/fixtures';
import i18n, { LOCALE_STORAGE_KEY } from '../../i18n';

const routes = {
  '/api/workspaces': page([workspace]),
  '/api/workspaces/viet-nam/frameworks': page([nq42, ilc2021]),
  '/api/workspaces/viet-nam/organizations': page(organizations),
};

describe('language switch', () => {
  it('switches visible labels and API texts from Vietnamese to English and remembers it', async () => {
    const { user } = renderApp('/w/viet-nam', routes);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Khung cam kết' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Nghị quyết số 42-NQ\/TW/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('47,5%')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('vi');

    await user.click(screen.getByRole('radio', { name: 'English' }));

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
