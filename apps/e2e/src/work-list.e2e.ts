import { useProductInBrowser } from './browser-fixture';
import { signInThroughPage } from './session';

describe('the commitments list as a work tool', () => {
  const product = useProductInBrowser();

  it('keeps its filters and sort in a readable URL that survives a reload', async () => {
    const page = await product.newPage();
    await page.goto(`${product.url}/w/viet-nam/commitments`);
    await page.waitForURL(/\/sign-in/);
    await signInThroughPage(page, 'official@demo.test');
    await page.waitForURL(/\/w\/viet-nam\/commitments$/);
    await page.getByRole('heading', { name: 'Cam kết', level: 1 }).waitFor();

    // "Needs an update", then sort by progress from the column header (highest first).
    await page.getByRole('switch', { name: /Cần cập nhật/ }).check();
    await page.waitForURL(/needsUpdate=true/);
    const progress = page.getByRole('columnheader', { name: /Tiến độ/ });
    await progress.getByRole('button').click();
    await page.waitForURL(/sort=-progress/);
    await page.getByRole('status').filter({ hasText: 'Đang hiển thị' }).waitFor();
    const before = await page.getByRole('row').allTextContents();
    expect(before.length).toBeGreaterThan(1);

    await page.reload();
    await page.getByRole('heading', { name: 'Cam kết', level: 1 }).waitFor();
    const search = new URL(page.url()).searchParams;
    expect(search.get('needsUpdate')).toBe('true');
    expect(search.get('sort')).toBe('-progress');
    expect(await page.getByRole('switch', { name: /Cần cập nhật/ }).isChecked()).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Đang hiển thị' }).waitFor();
    expect(
      await page.getByRole('columnheader', { name: /Tiến độ/ }).getAttribute('aria-sort'),
    ).toBe('descending');
    expect(await page.getByRole('row').allTextContents()).toEqual(before);
  });
});
