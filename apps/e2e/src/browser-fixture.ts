import type { Browser, Page } from 'playwright-core';
import { launchChromium, type RunningProduct, startProduct } from './product';
import { signInThroughPage } from './session';

export interface ProductInBrowser {
  /** The product's base URL. */
  readonly url: string;
  readonly browser: Browser;
  /** A page in a context of its own: its own cookie jar, like another browser. */
  newPage(): Promise<Page>;
  /** A new page signed in as `email` through the real sign-in page. */
  signIn(email: string): Promise<Page>;
}

/**
 * Starts the built product and Chromium before the tests of the calling file and stops both
 * after them. Call it at the top of a `describe`.
 */
export function useProductInBrowser(): ProductInBrowser {
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });
  const running = () => {
    if (!product || !browser) throw new Error('The product is not running: use it inside a test');
    return { product, browser };
  };
  return {
    get url() {
      return running().product.url;
    },
    get browser() {
      return running().browser;
    },
    async newPage() {
      const context = await running().browser.newContext();
      return context.newPage();
    },
    async signIn(email: string) {
      const page = await this.newPage();
      await page.goto(`${this.url}/sign-in`);
      await signInThroughPage(page, email);
      return page;
    },
  };
}

/** A GET of the API from inside the page (its session cookie). */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as unknown;
  }, path) as Promise<T>;
}
