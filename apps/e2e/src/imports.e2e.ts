import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { useProductInBrowser } from './browser-fixture';

const HEADERS = [
  'Framework',
  'Reference',
  'Title (Vietnamese)',
  'Title (English)',
  'Lead organization',
  'Target date',
];

/** An XLSX workbook of the template's columns, as a spreadsheet program would save it. */
async function workbook(rows: (string | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Commitments');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Chooses the file in the import page's file field (the same field takes dropped files). */
async function upload(page: Page, name: string, file: Buffer): Promise<void> {
  await page.getByLabel('Tệp cần nhập').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
}

/** Whether the page scrolls sideways at its current width (it must not at 390 px). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

describe('importing commitments in a browser', () => {
  const product = useProductInBrowser();
  // Chromium, axe and a background job on a loaded 2-core machine.
  const SLOW = 240_000;

  it(
    'lets the admin see a bad row in the preview, import the corrected file and watch it to the end',
    async () => {
      const page = await product.signIn('admin@demo.test');
      const stamp = Date.now().toString(36).toUpperCase();
      const references = [`E2E.${stamp}.1`, `E2E.${stamp}.2`];
      const rows = (lead: string) => [
        [
          'NQ-42',
          references[0]!,
          `Hỗ trợ đào tạo nghề ${stamp}`,
          `Vocational training support ${stamp}`,
          'MOLISA',
          new Date('2028-06-30'),
        ],
        [
          'NQ-42',
          references[1]!,
          `Mở rộng trợ cấp xã hội ${stamp}`,
          `Wider social allowances ${stamp}`,
          lead,
          new Date('2029-12-31'),
        ],
      ];

      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Nhập dữ liệu' })
        .click();
      await page.waitForURL(/\/w\/viet-nam\/imports$/);
      await page.getByRole('link', { name: 'Nhập tệp mới' }).click();
      await page.getByRole('heading', { name: 'Nhập cam kết từ tệp', level: 1 }).waitFor();

      await upload(page, 'cam-ket-loi.xlsx', await workbook(rows('BỘ-KHÔNG-CÓ')));
      await page.waitForURL(/\/w\/viet-nam\/imports\/[0-9a-f-]{36}$/);
      const preview = page.getByRole('table', {
        name: 'Kết quả kiểm tra từng dòng của cam-ket-loi.xlsx',
      });
      const bad = preview.getByRole('row').filter({ hasText: references[1]! });
      await bad
        .getByText('Cơ quan chủ trì: mã hoặc tên không có trong không gian làm việc')
        .waitFor();
      expect(await preview.getByRole('row').count()).toBe(2); // the header and the bad row
      await page.getByRole('alert').filter({ hasText: '1 dòng có lỗi' }).waitFor();
      expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      // Each sheet with what it holds, a choice the keyboard reaches; readable at 390 px.
      const kind = page.getByRole('combobox', { name: 'Trang tính “Commitments” chứa' });
      expect(await kind.inputValue()).toBe('commitment');
      await kind.focus();
      await page.keyboard.press('ArrowDown');
      expect(await kind.inputValue()).toBe('indicator');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflowsSideways(page)).toBe(false);
      await page.setViewportSize({ width: 1280, height: 800 });

      const firstUrl = page.url();
      await upload(page, 'cam-ket.xlsx', await workbook(rows('MOLISA')));
      await page.waitForURL(
        (url) => url.href !== firstUrl && /imports\/[0-9a-f-]{36}$/.test(url.href),
      );
      await page
        .getByRole('table', { name: 'Kết quả kiểm tra từng dòng của cam-ket.xlsx' })
        .waitFor();
      await page.getByText('Sẵn sàng: 2 cam kết mới, 0 cập nhật.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();

      const bar = page.getByRole('progressbar', { name: 'Tiến độ nhập dữ liệu' });
      await bar.waitFor();
      await page.waitForFunction(
        () =>
          document
            .querySelector('[role="progressbar"][aria-label="Tiến độ nhập dữ liệu"]')
            ?.getAttribute('aria-valuenow') === '100',
        undefined,
        { timeout: 60_000 },
      );
      await page.getByText('Đã nhập xong: 2 tạo mới, 0 cập nhật, 0 không đổi.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // The import has its own URL: a reload finds the same result.
      await page.reload();
      await page.getByText('Đã nhập xong: 2 tạo mới, 0 cập nhật, 0 không đổi.').waitFor();
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');

      await page.getByRole('link', { name: 'Mở danh sách cam kết' }).click();
      await page.waitForURL(/\/w\/viet-nam\/commitments/);
      await page.goto(`${product.url}/w/viet-nam/commitments?q=${encodeURIComponent(stamp)}`);
      for (const title of [`Hỗ trợ đào tạo nghề ${stamp}`, `Mở rộng trợ cấp xã hội ${stamp}`]) {
        await page.getByRole('link', { name: title }).first().waitFor();
      }

      await page.goto(`${product.url}/w/viet-nam/imports`);
      const history = page.getByRole('table', { name: 'Các lần nhập dữ liệu, mới nhất trước' });
      await history
        .getByRole('row')
        .filter({ hasText: 'cam-ket.xlsx' })
        .getByText('Hoàn tất')
        .waitFor();
      await history
        .getByRole('row')
        .filter({ hasText: 'cam-ket-loi.xlsx' })
        .getByText('Đã kiểm tra, chưa nhập')
        .waitFor();
    },
    SLOW,
  );
});
