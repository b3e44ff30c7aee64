import { useProductInBrowser } from './browser-fixture';
import { DEMO_PASSWORD } from './session';

// The web app's promises, in Chromium: nothing typed is lost when the session ends, the list
// reads on a phone, and another workspace's URL is a not-found page inside the app's frame.
describe('the web app in a browser', () => {
  const product = useProductInBrowser();

  it('keeps a report being written when the session ends: sign in again over the page, then save', async () => {
    const page = await product.signIn('official@demo.test');
    await page.waitForURL(/\/w\/viet-nam\/my-work$/);
    // "Write a report" opens the form directly.
    await page
      .getByRole('link', { name: /^Viết báo cáo: / })
      .first()
      .click();
    const form = page.getByRole('form', { name: 'Báo cáo tiến độ' });
    await form.waitFor();
    const narrative =
      'Đã hoàn thành khảo sát tại 12 tỉnh; báo cáo tổng hợp gửi Bộ trong tháng tới.';
    await form.getByLabel(/Nội dung báo cáo/).fill(narrative);

    // The session ends (the cookie is gone), then the user saves.
    await page.context().clearCookies();
    await form.getByRole('button', { name: 'Lưu nháp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phiên làm việc đã kết thúc' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await dialog.waitFor({ state: 'hidden' });

    expect(await form.getByLabel(/Nội dung báo cáo/).inputValue()).toBe(narrative);
    await form.getByRole('button', { name: 'Lưu nháp' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('Đã lưu báo cáo dưới dạng bản nháp.').waitFor();
    await page.getByText(narrative).waitFor();
    await page.context().close();
  });

  it('shows the list as cards on a 390 px phone: status and progress without scrolling sideways', async () => {
    const page = await product.signIn('viewer@demo.test');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${product.url}/w/viet-nam/commitments`);
    const card = page.getByTestId('commitment-card').first();
    await card.waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    const status = card.locator('[data-status]');
    const progress = card.getByRole('progressbar');
    for (const element of [status, progress]) {
      const box = await element.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    // The header stays one line: the navigation is behind the menu button.
    const header = await page.locator('header').first().boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    await page.getByRole('button', { name: 'Trình đơn' }).click();
    await page.getByRole('link', { name: 'Khung cam kết' }).waitFor();
    await page.context().close();
  });

  it('answers a URL of another workspace, or a malformed id, with the not-found page in the frame', async () => {
    // A workspace the union representative does not belong to.
    const admin = await product.signIn('admin@demo.test');
    const created = await admin.evaluate(async () => {
      const response = await fetch('/api/workspaces', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'spct-web' },
        body: JSON.stringify({ slug: 'ho-chi-minh', name: 'TP. Hồ Chí Minh' }),
      });
      return response.status;
    });
    expect(created).toBe(201);
    await admin.context().close();

    const page = await product.signIn('union@demo.test');
    for (const path of [
      '/w/ho-chi-minh/commitments',
      '/w/no-such-workspace',
      '/w/viet-nam/commitments/not-a-uuid',
      '/w/viet-nam/commitments/00000000-0000-4000-8000-000000000000',
    ]) {
      await page.goto(`${product.url}${path}`);
      await page.getByRole('heading', { name: 'Không tìm thấy trang', level: 1 }).waitFor();
      // Inside the app: its header and the user's menu are there, no raw error.
      expect(await page.getByRole('button', { name: /^Tài khoản của / }).isVisible()).toBe(true);
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.title()).toMatch(/^Không tìm thấy trang — /);
    }
    await page.context().close();
  });
});
