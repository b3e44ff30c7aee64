import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { useProductInBrowser } from './browser-fixture';

/** Whether the page scrolls sideways at its current width (it must not at 390 px). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

describe('the period report in a browser', () => {
  const product = useProductInBrowser();
  // Chromium, axe and the report's job on a loaded 2-core machine.
  const SLOW = 240_000;

  it(
    'lets the demo manager generate the period report and download the PDF',
    async () => {
      const page = await product.signIn('manager@demo.test');
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Báo cáo kỳ' })
        .click();
      await page.waitForURL(/\/w\/viet-nam\/period-reports$/);
      await page.getByRole('heading', { name: 'Báo cáo kỳ', level: 1 }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Tạo báo cáo' }).click();
      const history = page.getByRole('region', { name: 'Các báo cáo đã tạo' });
      const link = history.getByRole('link', { name: /^Tải xuống bao-cao-ky-.*-viet-nam\.pdf$/ });
      await link.first().waitFor({ timeout: 120_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), link.first().click()]);
      expect(download.suggestedFilename()).toMatch(/^bao-cao-ky-\d{4}-Q\d-viet-nam\.pdf$/);
      const file = await readFile((await download.path())!);
      expect(file.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await seriousViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflowsSideways(page)).toBe(false);
    },
    SLOW,
  );
});
