import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { useProductInBrowser } from './browser-fixture';
import { signOutThroughMenu } from './session';

// A MOLISA commitment of the demo data with no report yet: NQ-42 message 7, NOT_STARTED, 0 %.
const SEARCH = 'du dia tai chinh';
const TITLE = /^Dư địa tài chính cho chính sách xã hội/;
/** The current quarter in Viet Nam: the reporting period the form offers first. */
const PERIOD = (() => {
  const local = new Date(Date.now() + 7 * 60 * 60 * 1000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
})();

/** A small but real PDF document (header, one empty page, cross-reference table, trailer). */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function progressOf(bar: Locator): Promise<number> {
  return Number(await bar.getAttribute('aria-valuenow'));
}

/** Waits (up to 10 s) until the progress bar shows `value`. */
async function untilProgress(bar: Locator, value: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  let current = await progressOf(bar);
  while (current !== value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = await progressOf(bar);
  }
  return current;
}

describe('a progress report from writing to approval, in a browser', () => {
  const product = useProductInBrowser();
  let tmp: string;
  let pdfPath: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'spct-report-'));
    pdfPath = path.join(tmp, 'bao-cao-quy-3.pdf');
    await writeFile(pdfPath, minimalPdf());
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  async function signInAs(email: string): Promise<Page> {
    const page = await product.signIn(email);
    // Editors land on "My work", managers on the dashboard; the journey starts from the frameworks.
    await page.waitForURL(/\/w\/viet-nam\/(my-work|dashboard)$/);
    await page.goto(`${product.url}/w/viet-nam`);
    return page;
  }

  async function signOut(page: Page): Promise<void> {
    await signOutThroughMenu(page);
    await page.context().close();
  }

  /** The report card of the journey's period on the commitment page. */
  const reportCard = (page: Page) =>
    page.getByRole('article').filter({
      has: page.getByRole('heading', { name: `Kỳ báo cáo ${PERIOD}` }),
    });

  it('official writes and submits, manager returns, official resubmits, manager approves', async () => {
    // --- The official finds the commitment; the framework's progress before anything happens.
    let page = await signInAs('official@demo.test');
    const frameworkBar = page.getByRole('progressbar', { name: 'Tiến độ NQ-42', exact: true });
    const frameworkBefore = await progressOf(frameworkBar);

    await page.getByRole('link', { name: 'Cam kết', exact: true }).click();
    await page.getByLabel('Tìm kiếm').fill(SEARCH);
    await page.waitForURL(/q=du/);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(/\/w\/viet-nam\/commitments\/[0-9a-f-]{36}/);
    // The page opens on its overview; reports have their own tab.
    const commitmentUrl = `${page.url().split('?')[0]}?tab=updates`;
    const commitmentBar = page.getByRole('progressbar', { name: 'Tiến độ NQ-42 7' });
    expect(await progressOf(commitmentBar)).toBe(0);
    const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });
    await header.getByText('Chưa bắt đầu').first().waitFor();
    await page.getByRole('tab', { name: 'Báo cáo tiến độ' }).click();

    // --- Writes the report with a real PDF, and submits it.
    await page.getByRole('button', { name: 'Báo cáo mới' }).click();
    const form = page.getByRole('form', { name: 'Báo cáo tiến độ' });
    await form.getByLabel('Kỳ báo cáo').selectOption(PERIOD);
    await form.getByLabel('Trạng thái đề xuất').selectOption('ON_TRACK');
    await form.getByRole('textbox', { name: 'Tiến độ đề xuất (%)' }).fill('80');
    await form.getByLabel('Nội dung báo cáo').fill('Đã xây dựng đề án huy động nguồn lực.');
    await form.getByLabel('Tệp minh chứng').setInputFiles(pdfPath);
    await form.getByText(/bao-cao-quy-3\.pdf/).waitFor();
    await form.getByRole('button', { name: 'Lưu và gửi phê duyệt' }).click();
    await form.waitFor({ state: 'detached' });
    const card = reportCard(page);
    await card.getByText('Chờ phê duyệt').waitFor();
    // The file is attached to the report and downloads as what was sent.
    const download = card.getByRole('link', { name: 'bao-cao-quy-3.pdf' });
    const href = await download.getAttribute('href');
    const fetched = await page.evaluate(async (url) => {
      const response = await fetch(url!);
      return {
        status: response.status,
        disposition: response.headers.get('content-disposition'),
        size: (await response.arrayBuffer()).byteLength,
      };
    }, href);
    expect(fetched.status).toBe(200);
    expect(fetched.disposition).toMatch(/^attachment/);
    expect(fetched.size).toBe(minimalPdf().length);
    await signOut(page);

    // --- The manager's bell counts the submitted report; the inbox opens it; the manager returns it.
    page = await signInAs('manager@demo.test');
    await page.getByRole('link', { name: /^Thông báo: [1-9]\d* chưa đọc$/ }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: `báo cáo kỳ ${PERIOD} chờ bạn phê duyệt` })
      .first()
      .getByRole('link')
      .click();
    await page.waitForURL(/tab=updates/);
    await reportCard(page).getByRole('button', { name: 'Trả lại' }).click();
    const returnDialog = page.getByRole('dialog', { name: `Trả lại báo cáo kỳ ${PERIOD}` });
    await returnDialog
      .getByLabel('Lý do trả lại')
      .fill('Đề nghị nêu rõ nguồn kinh phí đã huy động.');
    await returnDialog.getByRole('button', { name: 'Trả lại' }).click();
    await reportCard(page).getByText('Bị trả lại').waitFor();
    await signOut(page);

    // --- The official's bell tells of the return and its reason; they edit and resubmit.
    page = await signInAs('official@demo.test');
    await page.getByRole('link', { name: /^Thông báo: [1-9]\d* chưa đọc$/ }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: `đã trả lại báo cáo kỳ ${PERIOD}` })
      .first()
      .getByText('Lý do: Đề nghị nêu rõ nguồn kinh phí đã huy động.')
      .waitFor();
    await page.goto(commitmentUrl);
    await reportCard(page)
      .getByRole('alert')
      .filter({ hasText: 'Đề nghị nêu rõ nguồn kinh phí đã huy động.' })
      .waitFor();
    await reportCard(page).getByRole('button', { name: 'Sửa' }).click();
    const editForm = page.getByRole('form', { name: 'Báo cáo tiến độ' });
    await editForm
      .getByLabel('Nội dung báo cáo')
      .fill('Đã xây dựng đề án; huy động 120 tỷ đồng từ ngân sách trung ương.');
    await editForm.getByRole('button', { name: 'Lưu và gửi phê duyệt' }).click();
    await editForm.waitFor({ state: 'detached' });
    await reportCard(page).getByText('Chờ phê duyệt').waitFor();
    await signOut(page);

    // --- The manager approves: the commitment's official status and progress change on screen.
    page = await signInAs('manager@demo.test');
    await page.goto(commitmentUrl);
    await reportCard(page)
      .getByText(/huy động 120 tỷ đồng/)
      .waitFor();
    await reportCard(page).getByRole('button', { name: 'Phê duyệt' }).click();
    const approveDialog = page.getByRole('dialog', { name: 'Phê duyệt báo cáo' });
    await approveDialog.getByRole('button', { name: 'Phê duyệt' }).click();
    await reportCard(page).getByText('Đã phê duyệt').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Tiến độ NQ-42 7' });
    expect(await untilProgress(bar, 80)).toBe(80);
    const pageHeader = page
      .locator('header')
      .filter({ has: page.getByRole('heading', { level: 1 }) });
    await pageHeader.getByText('Đúng tiến độ').first().waitFor();
    expect(await pageHeader.getByText('Chưa bắt đầu').count()).toBe(0);

    // --- And the framework's weighted progress follows.
    await page.getByRole('link', { name: 'Khung cam kết', exact: true }).click();
    await page.waitForURL(/\/w\/viet-nam$/);
    const frameworkAfter = await progressOf(
      page.getByRole('progressbar', { name: 'Tiến độ NQ-42', exact: true }),
    );
    expect(frameworkAfter).toBeGreaterThan(frameworkBefore);
    await signOut(page);
  });
});
