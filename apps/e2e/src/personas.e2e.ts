import { useProductInBrowser } from './browser-fixture';
import { signInThroughPage, signOutThroughMenu } from './session';

// The demo accounts of the README and the role label the workspace switcher shows (Vietnamese).
// Editors, who report, land on "My work"; the others on the dashboard.
const PERSONAS = [
  { email: 'admin@demo.test', role: 'Quản trị viên', admin: true, myWork: false },
  { email: 'manager@demo.test', role: 'Quản lý', admin: false, myWork: false },
  { email: 'official@demo.test', role: 'Biên tập viên', admin: false, myWork: true },
  { email: 'union@demo.test', role: 'Đối tác', admin: false, myWork: false },
  { email: 'employer@demo.test', role: 'Đối tác', admin: false, myWork: false },
  { email: 'viewer@demo.test', role: 'Người xem', admin: false, myWork: false },
] as const;

describe('each demo persona in a browser', () => {
  const product = useProductInBrowser();

  it.each(PERSONAS)(
    '$email signs in, sees only what the role allows, and signs out',
    async ({ email, role, admin, myWork }) => {
      const page = await product.newPage();
      await page.goto(product.url);
      await page.waitForURL(/\/sign-in/);
      await signInThroughPage(page, email);

      await page.waitForURL(myWork ? /\/w\/viet-nam\/my-work$/ : /\/w\/viet-nam\/dashboard$/);
      await page
        .getByRole('heading', { name: myWork ? 'Việc của tôi' : 'Tổng quan', level: 1 })
        .waitFor();
      expect((await page.getByTestId('current-role').textContent())?.trim()).toBe(role);

      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Cam kết', exact: true }).waitFor();
      const adminLink = nav.getByRole('link', { name: 'Quản trị', exact: true });
      expect(await adminLink.count()).toBe(admin ? 1 : 0);

      if (admin) {
        await adminLink.click();
        await page.waitForURL(/\/w\/viet-nam\/admin\/members$/);
        await page.getByRole('heading', { name: 'Quản trị', level: 1 }).waitFor();
        expect(await page.getByText('Không có quyền truy cập').count()).toBe(0);
      } else {
        await page.goto(`${product.url}/w/viet-nam/admin/members`);
        await page.getByRole('heading', { name: 'Không có quyền truy cập', level: 1 }).waitFor();
      }

      await signOutThroughMenu(page);
      await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
      // The session is over on the server too: a workspace page asks to sign in again.
      const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(status).toBe(401);
      await page.goto(`${product.url}/w/viet-nam`);
      await page.waitForURL(/\/sign-in\?next=/);
      await page.context().close();
    },
  );

  it('sends an anonymous deep link to sign-in and back to it after signing in', async () => {
    const page = await product.newPage();
    await page.goto(`${product.url}/w/viet-nam/commitments?q=san`);
    await page.waitForURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/w/viet-nam/commitments?q=san');

    await signInThroughPage(page, 'union@demo.test');
    await page.waitForURL(/\/w\/viet-nam\/commitments\?q=san$/);
    await page.getByRole('link', { name: 'Phát triển sàn an sinh xã hội' }).waitFor();
    await page.context().close();
  });

  it('refuses a wrong password with a clear message', async () => {
    const page = await product.newPage();
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('E-mail').fill('viewer@demo.test');
    await page.getByLabel(/^Mật khẩu/).fill('not-the-password');
    await page.getByLabel(/^Mật khẩu/).press('Enter');
    await page.getByRole('alert').filter({ hasText: 'E-mail hoặc mật khẩu không đúng.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.context().close();
  });
});
