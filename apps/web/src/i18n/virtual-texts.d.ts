/** Built by vite-texts-plugin.ts from locales/*.json (in Jest: src/test/texts.ts). */
declare module 'virtual:spct-texts' {
  import type { ResourceKey } from 'i18next';

  /** The core texts of the default locale, part of the app's entry. */
  export const bundled: ResourceKey;
  /** One part of a locale's texts (`core` or a group of TEXT_GROUPS), as its own chunk. */
  export function loadTexts(locale: string, part: string): Promise<ResourceKey>;
}
