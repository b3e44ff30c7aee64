import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { getJson, useProductInBrowser } from './browser-fixture';

interface SummaryJson {
  total: number;
  statusCounts: Record<string, number>;
}

/** Waits until the figures, a chart and the first attention list are on the page. */
async function dashboardLoaded(page: Page, attention: string): Promise<void> {
  await page.getByTestId('tile-OFF_TRACK').waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  await page.getByRole('tab', { name: new RegExp(attention) }).waitFor();
  await page.getByRole('tabpanel').getByRole('listitem').first().waitFor();
}

describe('the dashboard in a browser', () => {
  const product = useProductInBrowser();

  // Two browsers and axe on a loaded 2-core machine: more than the default two minutes.
  const SLOW = 240_000;

  it(
    'lands the manager on it, and the off-track count opens a list of exactly that many',
    async () => {
      const page = await product.signIn('manager@demo.test');
      await page.waitForURL(/\/w\/viet-nam\/dashboard$/);
      await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();

      // The off-track tile shows the API's count of off-track trackable items...
      const tile = page.getByTestId('tile-OFF_TRACK');
      await tile.waitFor();
      const shown = Number(await tile.getByTestId('tile-value').textContent());
      const summary = await getJson<SummaryJson>(
        page,
        '/api/workspaces/viet-nam/dashboard/summary',
      );
      expect(shown).toBe(summary.statusCounts.OFF_TRACK);
      expect(shown).toBeGreaterThan(0);

      // ...and opens the list of exactly those items.
      await tile.click();
      await page.waitForURL(/\/w\/viet-nam\/commitments\?/);
      const search = new URL(page.url()).searchParams;
      expect(search.getAll('status')).toEqual(['OFF_TRACK']);
      expect(search.get('leaf')).toBe('true');
      await page.getByRole('heading', { name: 'Cam kết', level: 1 }).waitFor();
      const total = page.getByTestId('list-total');
      await total.waitFor();
      expect(await total.textContent()).toBe(`${shown} cam kết`);
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(shown);
      for (const status of await rows.locator('[data-status]').allTextContents()) {
        expect(status).toBe('Chậm tiến độ');
      }
      await page.context().close();
    },
    SLOW,
  );

  it(
    'has no serious accessibility problem in Vietnamese or English, and prints without navigation',
    async () => {
      const page = await product.signIn('manager@demo.test');
      await page.waitForURL(/\/w\/viet-nam\/dashboard$/);
      await dashboardLoaded(page, 'Chậm tiến độ hoặc có rủi ro');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: /^Tài khoản của / }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await dashboardLoaded(page, 'Off track or at risk');
      expect(await page.getByTestId('tile-OFF_TRACK').textContent()).toContain('Off track');
      expect(await seriousViolations(page)).toEqual([]);

      // On paper: no header, navigation or user menu; the filters are written at the top.
      const navigation = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await navigation.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await navigation.isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: /^Account menu of / }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await page.getByTestId('printed-filters').textContent()).toBe(
        'Filters — none: every trackable commitment of the workspace',
      );
      expect(await page.getByRole('heading', { name: 'Dashboard', level: 1 }).isVisible()).toBe(
        true,
      );
      await page.context().close();
    },
    SLOW,
  );
});
