import { getJson, useProductInBrowser } from './browser-fixture';

interface CommitmentJson {
  id: string;
  version: number;
  title: { vi: string; en: string };
  targetDate: string | null;
}

describe('editing a commitment in two pages at once', () => {
  const product = useProductInBrowser();

  it('shows the conflict to the second save, reapplies it, and the history lists both', async () => {
    const first = await product.signIn('admin@demo.test');
    const context = first.context();

    const list = await getJson<{ items: CommitmentJson[] }>(
      first,
      '/api/workspaces/viet-nam/commitments?q=san%20an%20sinh&limit=1',
    );
    const target = list.items[0]!;
    const api = `/api/workspaces/viet-nam/commitments/${target.id}`;
    const editUrl = `${product.url}/w/viet-nam/commitments/${target.id}/edit`;
    const detailPath = `/w/viet-nam/commitments/${target.id}`;

    const second = await context.newPage();
    await first.goto(editUrl);
    await second.goto(editUrl);
    for (const page of [first, second]) {
      await page.getByRole('heading', { name: /^Sửa cam kết/, level: 1 }).waitFor();
    }

    // The first page saves a new English title.
    const theirTitle = `${target.title.en} (revised)`;
    await first.getByLabel('Tiêu đề (tiếng Anh)').fill(theirTitle);
    await first.getByRole('button', { name: 'Lưu', exact: true }).click();
    await first.waitForURL((url) => url.pathname === detailPath);

    // The second page, still on the old version, changes the target date: 412.
    await second.getByLabel('Hạn hoàn thành').fill('2035-12-31');
    await second.getByRole('button', { name: 'Lưu', exact: true }).click();
    const conflict = second.getByRole('region', {
      name: 'Người khác đã thay đổi cam kết này trong lúc bạn đang sửa',
    });
    await conflict.waitFor();
    const titleRow = conflict.getByRole('row', { name: /^Tiêu đề/ });
    await titleRow.getByText(`EN: ${theirTitle}`).waitFor();
    await conflict
      .getByRole('row', { name: /^Hạn hoàn thành/ })
      .getByText('Bạn đã sửa')
      .waitFor();

    await conflict.getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }).click();
    await second
      .getByRole('dialog', { name: 'Áp dụng lại thay đổi của bạn?' })
      .getByRole('button', { name: 'Lưu thay đổi của tôi' })
      .click();
    await second.waitForURL((url) => url.pathname === detailPath);

    // Both changes are stored: nothing was overwritten.
    const stored = await getJson<CommitmentJson>(second, api);
    expect(stored.title.en).toBe(theirTitle);
    expect(stored.targetDate).toBe('2035-12-31');
    expect(stored.version).toBe(target.version + 2);

    await second.getByRole('tab', { name: 'Lịch sử' }).click();
    const history = second.getByRole('list', { name: 'Lịch sử thay đổi' });
    await history.waitFor();
    const updates = history.getByRole('article').filter({ hasText: 'đã cập nhật' });
    await updates.nth(1).waitFor();
    // Newest first: the reapplied target date, then the other page's title.
    await updates
      .nth(0)
      .getByRole('row', { name: /^Hạn hoàn thành/ })
      .waitFor();
    expect(
      await updates
        .nth(0)
        .getByRole('row', { name: /^Tiêu đề/ })
        .count(),
    ).toBe(0);
    await updates
      .nth(1)
      .getByRole('row', { name: /^Tiêu đề/ })
      .getByText(`EN: ${theirTitle}`)
      .waitFor();
    await context.close();
  });
});
