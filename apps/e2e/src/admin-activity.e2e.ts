import { useProductInBrowser } from './browser-fixture';

describe('the activity log of the administration', () => {
  const product = useProductInBrowser();

  it('shows an administrator what they just changed, with its before and after', async () => {
    const page = await product.signIn('admin@demo.test');
    // Invite a member through the API, as the members page does.
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/workspaces/viet-nam/members', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'e2e' },
        body: JSON.stringify({
          email: 'activity-log@example.org',
          displayName: 'Người Được Mời',
          role: 'VIEWER',
        }),
      });
      return response.status;
    });
    expect(status).toBe(201);

    await page.goto(`${product.url}/w/viet-nam/admin/members`);
    await page
      .getByRole('navigation', { name: 'Các mục quản trị' })
      .getByRole('link', { name: 'Nhật ký hoạt động' })
      .click();
    await page.waitForURL(/\/w\/viet-nam\/admin\/activity$/);
    await page.getByLabel('Loại bản ghi').selectOption('administration');
    const table = page.getByRole('table', { name: 'Hoạt động của không gian làm việc' });
    const row = table.getByRole('row').filter({ hasText: 'activity-log@example.org' });
    await row.waitFor();
    expect(await row.textContent()).toContain('đã mời');
    expect(await row.textContent()).toContain('Vai trò: — → Người xem');
  });

  it('lets an administrator create a framework that then shows on the frameworks page', async () => {
    const page = await product.signIn('admin@demo.test');
    await page.goto(`${product.url}/w/viet-nam/admin/members`);
    await page
      .getByRole('navigation', { name: 'Các mục quản trị' })
      .getByRole('link', { name: 'Khung chính sách' })
      .click();
    await page.waitForURL(/\/w\/viet-nam\/admin\/frameworks$/);
    await page.getByRole('button', { name: 'Thêm khung chính sách' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm khung chính sách' });
    await dialog.getByRole('textbox', { name: /^Mã/ }).fill('E2E-FW-1');
    await dialog
      .getByRole('textbox', { name: /Tên \(tiếng Việt\)/ })
      .fill('Khung chính sách thử nghiệm E2E');
    await dialog.getByRole('textbox', { name: /Tên \(tiếng Anh\)/ }).fill('E2E test framework');
    await dialog
      .getByRole('textbox', { name: 'Cơ quan ban hành (tiếng Việt)' })
      .fill('Nhóm kiểm thử');
    await dialog.getByLabel('Ngày thông qua').fill('2026-11-20');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Các khung chính sách của không gian làm việc' });
    await table.getByRole('row').filter({ hasText: 'E2E-FW-1' }).waitFor();

    // The overview shows it, and offers the administrator its form.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', {
        name: 'Khung cam kết',
      })
      .click();
    const card = page.getByRole('article', { name: 'E2E-FW-1' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Khung chính sách thử nghiệm E2E');
    expect(await card.textContent()).toContain('Nhóm kiểm thử');
    await card.getByRole('link', { name: 'Sửa E2E-FW-1' }).click();
    await page.waitForURL(/\/w\/viet-nam\/admin\/frameworks\?edit=/);
    const edit = page.getByRole('dialog', { name: 'Sửa khung chính sách' });
    expect(await edit.getByRole('textbox', { name: /^Mã/ }).inputValue()).toBe('E2E-FW-1');
  });
});
