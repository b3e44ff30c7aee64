import { useProductInBrowser } from './browser-fixture';
import { signInThroughPage } from './session';

describe('the product in a browser', () => {
  const product = useProductInBrowser();

  it('opens the home page, searches without accents and opens a seeded commitment', async () => {
    const page = await product.newPage();
    await page.goto(product.url);
    // Nothing is shown without a session: the home page asks to sign in first.
    await page.waitForURL(/\/sign-in/);
    await signInThroughPage(page, 'viewer@demo.test');

    // The home page is the demo workspace's dashboard, in Vietnamese, marked as demo data; the
    // frameworks are one link away.
    await page.waitForURL(/\/w\/viet-nam\/dashboard$/);
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Khung cam kết', exact: true })
      .click();
    await page.waitForURL(/\/w\/viet-nam$/);
    await page.getByRole('heading', { name: 'Khung cam kết', level: 1 }).waitFor();
    await page.getByText('Dữ liệu minh họa', { exact: false }).first().waitFor();
    await page.getByText('NQ-42', { exact: true }).first().waitFor();

    await page.getByRole('link', { name: 'Cam kết', exact: true }).click();
    await page.waitForURL(/\/w\/viet-nam\/commitments/);
    await page.getByLabel('Tìm kiếm').fill('san an sinh xa hoi');
    // The search lands in the URL and finds the accented text.
    await page.waitForURL(/q=san/);
    const result = page.getByRole('link', { name: 'Phát triển sàn an sinh xã hội' });
    await result.waitFor();

    await result.click();
    await page.waitForURL(/\/w\/viet-nam\/commitments\/[0-9a-f-]{36}/);
    await page
      .getByRole('heading', { name: /Phát triển sàn an sinh xã hội/ })
      .first()
      .waitFor();
    await page.getByText('NQ-42').first().waitFor();
  });
});
