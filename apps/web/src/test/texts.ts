// Jest's stand-in for `virtual:spct-texts` (vite-texts-plugin.ts): every text is in the core, so a
// test renders any page without loading groups.
import en from '../i18n/locales/en.json';
import vi from '../i18n/locales/vi.json';

export const bundled = vi;

export function loadTexts(locale: string, part: string): Promise<object> {
  return Promise.resolve(part === 'core' && locale === 'en' ? en : {});
}
