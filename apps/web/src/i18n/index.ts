import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@spct/contracts';
import { bundled, loadTexts } from 'virtual:spct-texts';
import { TEXT_GROUP_NAMES, type TextGroup } from './textGroups';

export const LOCALE_STORAGE_KEY = 'spct.locale';
export const DEFAULT_LOCALE: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language last written (localStorage and cookie), as read at start. */
let saved: string | null = null;

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    saved = value;
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Also a cookie: the server writes index.html's loading shell in this language (apps/api/src/web-app.ts). */
function applyLocale(locale: string): void {
  // Written every time, to renew it: Safari keeps a cookie set by script for 7 days only.
  document.cookie = `${LOCALE_STORAGE_KEY}=${locale}; path=/; max-age=31536000; samesite=lax`;
  // At start the language is usually the saved one and the server wrote the page in it (from the
  // cookie): writing the rest again would be a synchronous cost of every first load on a phone.
  if (locale === saved && document.documentElement.lang === locale) return;
  saved = locale;
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

i18n.on('languageChanged', applyLocale);

/**
 * Vietnamese, the default and the fallback, is part of the first download, without the texts of
 * the pages that are not needed at first (TEXT_GROUPS); English is loaded when chosen (a first
 * visit downloads one language, not both). Each group of page texts is a namespace: a page's
 * route loads it (`loadTextGroups`), and changing the language loads the new language's groups
 * before the page is drawn again. `fallbackNS` lets `t` find a group's keys there.
 */
const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    loadTexts(language, namespace === 'translation' ? 'core' : namespace).then(
      (texts) => callback(null, texts),
      (error: Error) => callback(error, null),
    );
  },
};

/** Loads the texts of these groups in the current language (and the fallback). */
export async function loadTextGroups(groups: readonly TextGroup[]): Promise<void> {
  if (groups.length > 0) await i18n.loadNamespaces([...groups]);
}

void i18n
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: bundled } },
    partialBundledLanguages: true,
    ns: ['translation'],
    defaultNS: 'translation',
    fallbackNS: TEXT_GROUP_NAMES,
    lng: storedLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });

export default i18n;
