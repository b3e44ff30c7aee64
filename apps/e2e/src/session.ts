import type { Page } from 'playwright-core';

/** The demo accounts' password (README; `DEMO_PASSWORD`, development default). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'tripartite-demo';

/** Fills the real sign-in page (in Vietnamese) with the keyboard and submits it. */
export async function signInThroughPage(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
  await page.getByLabel(/^Mật khẩu/).press('Enter');
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Opens the user menu and signs out; resolves on the sign-in page. */
export async function signOutThroughMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Tài khoản của / }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
}
