import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { getJson, useProductInBrowser } from './browser-fixture';

// axe-core on every page and dialog of the app, in Vietnamese and in English: no critical or
// serious violation (WCAG 2.1 A and AA, colour contrast included). A new page or dialog is one
// more entry in SCREENS.

interface Screen {
  name: string;
  /** Who looks at it (a demo account), or nobody (signed out). */
  as: string | null;
  /** The path to open, `{id}` standing for a demo commitment with reports, indicators, dialogue. */
  path: string;
  /** Opens a dialog or form on the page, if that is what is checked. */
  open?: (page: Page) => Promise<void>;
}

const openButton = (name: RegExp) => async (page: Page) => {
  await page.getByRole('button', { name }).first().click();
  await page.getByRole('dialog').last().waitFor();
};

const DETAIL = '/w/viet-nam/commitments/{id}';
const TABS = ['overview', 'updates', 'indicators', 'evidence', 'comments', 'positions', 'history'];

const SCREENS: Screen[] = [
  { name: 'sign-in', as: null, path: '/sign-in' },
  { name: 'dashboard', as: 'admin@demo.test', path: '/w/viet-nam/dashboard' },
  { name: 'frameworks', as: 'admin@demo.test', path: '/w/viet-nam' },
  { name: 'framework tree', as: 'admin@demo.test', path: '/w/viet-nam/frameworks/{framework}' },
  { name: 'commitments list', as: 'admin@demo.test', path: '/w/viet-nam/commitments' },
  ...TABS.map((tab) => ({
    name: `detail › ${tab}`,
    as: 'admin@demo.test',
    path: `${DETAIL}?tab=${tab}`,
  })),
  { name: 'my work', as: 'official@demo.test', path: '/w/viet-nam/my-work' },
  {
    name: 'report form',
    as: 'official@demo.test',
    path: `${DETAIL}?tab=updates&report=new`,
    open: async (page) => {
      await page.getByRole('form', { name: /Báo cáo tiến độ|Progress report/ }).waitFor();
    },
  },
  { name: 'new commitment form', as: 'admin@demo.test', path: '/w/viet-nam/commitments/new' },
  { name: 'edit commitment form', as: 'admin@demo.test', path: `${DETAIL}/edit` },
  {
    name: 'archive dialog',
    as: 'admin@demo.test',
    path: DETAIL,
    open: openButton(/^(Lưu trữ|Archive)$/),
  },
  {
    name: 'return dialog',
    as: 'manager@demo.test',
    path: `${DETAIL}?tab=updates`,
    open: openButton(/^(Trả lại|Return)$/),
  },
  {
    name: 'position form',
    as: 'union@demo.test',
    path: `${DETAIL}?tab=positions`,
    open: async (page) => {
      await page.getByRole('button', { name: /(quan điểm của tổ chức|our position)$/ }).click();
      await page.getByRole('form').first().waitFor();
    },
  },
  { name: 'members', as: 'admin@demo.test', path: '/w/viet-nam/admin/members' },
  {
    name: 'invite dialog',
    as: 'admin@demo.test',
    path: '/w/viet-nam/admin/members',
    open: openButton(/^(Mời thành viên|Invite a member)$/),
  },
  { name: 'organizations', as: 'admin@demo.test', path: '/w/viet-nam/admin/organizations' },
  {
    name: 'organization form',
    as: 'admin@demo.test',
    path: '/w/viet-nam/admin/organizations',
    open: openButton(/^(Thêm tổ chức|Add an organization)$/),
  },
  { name: 'frameworks admin', as: 'admin@demo.test', path: '/w/viet-nam/admin/frameworks' },
  {
    name: 'framework form',
    as: 'admin@demo.test',
    path: '/w/viet-nam/admin/frameworks',
    open: openButton(/^(Thêm khung chính sách|New framework)$/),
  },
  { name: 'activity log', as: 'admin@demo.test', path: '/w/viet-nam/admin/activity' },
  { name: 'imports', as: 'admin@demo.test', path: '/w/viet-nam/imports' },
  { name: 'new import', as: 'admin@demo.test', path: '/w/viet-nam/imports/new' },
  { name: 'API tokens', as: 'admin@demo.test', path: '/account/tokens' },
  { name: 'notification settings', as: 'official@demo.test', path: '/account/notifications' },
  { name: 'outgoing e-mail', as: 'admin@demo.test', path: '/w/viet-nam/admin/outbox' },
  { name: 'unsubscribe (altered link)', as: null, path: '/unsubscribe?token=altered.link' },
  { name: 'not found', as: 'admin@demo.test', path: '/w/no-such-workspace' },
];

describe('accessibility (axe-core, WCAG 2.1 AA) of every page and dialog', () => {
  const product = useProductInBrowser();
  const pages = new Map<string | null, Page>();
  let ids: Record<string, string>;

  /** One signed-in page per persona, reused from screen to screen. */
  async function pageAs(email: string | null): Promise<Page> {
    const existing = pages.get(email);
    if (existing) return existing;
    const page = email ? await product.signIn(email) : await product.newPage();
    pages.set(email, page);
    return page;
  }

  async function setLanguage(page: Page, locale: 'vi' | 'en') {
    await page.evaluate(async (language) => {
      await fetch('/api/auth/me', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'spct-web' },
        body: JSON.stringify({ locale: language }),
      });
      window.localStorage.setItem('spct.locale', language);
    }, locale);
  }

  beforeAll(async () => {
    const admin = await pageAs('admin@demo.test');
    const list = await getJson<{ items: { id: string; frameworkId: string }[] }>(
      admin,
      '/api/workspaces/viet-nam/commitments?q=bao%20tro%20xa%20hoi%20da%20tang&limit=1',
    );
    ids = { id: list.items[0]!.id, framework: list.items[0]!.frameworkId };
  });

  for (const locale of ['vi', 'en'] as const) {
    describe(locale === 'vi' ? 'in Vietnamese' : 'in English', () => {
      beforeAll(async () => {
        for (const email of new Set(SCREENS.map((screen) => screen.as))) {
          const page = await pageAs(email);
          if (email) await setLanguage(page, locale);
          else await page.goto(`${product.url}/sign-in`);
          if (!email)
            await page.evaluate((l) => window.localStorage.setItem('spct.locale', l), locale);
        }
      });

      it.each(SCREENS.map((screen) => [screen.name, screen] as const))(
        '%s',
        async (_name, screen) => {
          const page = await pageAs(screen.as);
          const path = screen.path.replace('{id}', ids.id!).replace('{framework}', ids.framework!);
          await page.goto(`${product.url}${path}`);
          await page.locator('h1').first().waitFor();
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
          if (screen.open) await screen.open(page);
          expect(await seriousViolations(page)).toEqual([]);
        },
      );
    });
  }
});
