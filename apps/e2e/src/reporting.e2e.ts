import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { useProductInBrowser } from './browser-fixture';

/** The quarter before the current one in Viet Nam: open, not current, in the demo workspace. */
function previousQuarter(): string {
  const local = new Date(Date.now() + 7 * 60 * 60 * 1000);
  const quarter = Math.floor(local.getUTCMonth() / 3);
  const year = local.getUTCFullYear();
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

/** Whether the page scrolls sideways at its current width (it must not at 390 px). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

describe('reporting periods and compliance in a browser', () => {
  const product = useProductInBrowser();
  // Chromium and axe on a loaded 2-core machine.
  const SLOW = 240_000;

  it(
    'lets an administrator close a period and reopen it with a reason, in Vietnamese and English',
    async () => {
      const page = await product.signIn('admin@demo.test');
      await page.goto(`${product.url}/w/viet-nam/admin/members`);
      await page
        .getByRole('navigation', { name: 'Các mục quản trị' })
        .getByRole('link', { name: 'Báo cáo định kỳ' })
        .click();
      await page.waitForURL(/\/w\/viet-nam\/admin\/reporting$/);
      const key = previousQuarter();
      const table = page.getByRole('table', { name: /Các kỳ báo cáo của không gian làm việc/ });
      const row = table.getByRole('row').filter({ hasText: key });
      await row.getByRole('button', { name: `Đóng kỳ ${key}` }).click();
      const confirm = page.getByRole('dialog', { name: `Đóng kỳ ${key}?` });
      await confirm.getByRole('button', { name: 'Đóng kỳ' }).click();
      await row.getByText('Đã đóng').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await row.getByRole('button', { name: `Mở lại kỳ ${key}` }).click();
      const dialog = page.getByRole('dialog', { name: `Mở lại kỳ ${key}` });
      await dialog.getByLabel(/Lý do/).fill('Chấp nhận báo cáo muộn của Bộ');
      await dialog.getByRole('button', { name: 'Mở lại' }).click();
      await row.getByText(/mở lại: Chấp nhận báo cáo muộn của Bộ/).waitFor();

      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflowsSideways(page)).toBe(false);
      await page.getByRole('button', { name: /^Tài khoản của / }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Reporting calendar' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
    },
    SLOW,
  );

  it(
    'shows the compliance of the current period from the navigation, readable at 390 px',
    async () => {
      const page = await product.signIn('manager@demo.test');
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Tuân thủ báo cáo' })
        .click();
      await page.waitForURL(/\/w\/viet-nam\/compliance$/);
      const table = page.getByRole('table', {
        name: /Tuân thủ báo cáo kỳ .* theo cơ quan chủ trì/,
      });
      await table.getByRole('row').filter({ hasText: 'MOLISA' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflowsSideways(page)).toBe(false);
    },
    SLOW,
  );
});
