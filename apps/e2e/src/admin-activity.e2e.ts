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
});
