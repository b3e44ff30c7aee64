import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { groupOf, TEXT_GROUP_NAMES } from './src/i18n/textGroups';

const MAIN = 'virtual:spct-texts';
const PART = /^virtual:spct-texts\/(\w+)\/(\w+)$/;

interface Options {
  /** The folder of `<locale>.json`. */
  dir: string;
  locales: readonly string[];
  /** The locale whose core texts are part of the app's entry. */
  bundled: string;
}

/**
 * `virtual:spct-texts`: the locale files split by top-level section at build time (the source
 * files keep their layout). It exports the bundled locale's core texts and `loadTexts(locale,
 * part)`, which imports one part — `core` or a group of `TEXT_GROUPS` — as a chunk of its own.
 */
export function textsPlugin({ dir, locales, bundled }: Options): Plugin {
  const fileOf = (locale: string) => path.join(dir, `${locale}.json`);

  function parts(locale: string): Record<string, Record<string, unknown>> {
    const texts = JSON.parse(readFileSync(fileOf(locale), 'utf8')) as Record<string, unknown>;
    const result: Record<string, Record<string, unknown>> = { core: {} };
    for (const [section, value] of Object.entries(texts)) {
      (result[groupOf(section)] ??= {})[section] = value;
    }
    return result;
  }

  // JSON.parse of a string literal is parsed faster than the same object as JavaScript.
  const literal = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

  return {
    name: 'spct-texts',
    resolveId(id) {
      return id === MAIN || PART.test(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:spct-texts')) return undefined;
      const name = id.slice(1);
      if (name === MAIN) {
        for (const locale of locales) this.addWatchFile(fileOf(locale));
        const loaders = locales.flatMap((locale) =>
          ['core', ...TEXT_GROUP_NAMES]
            .filter((part) => !(locale === bundled && part === 'core'))
            .map((part) => `  "${locale}/${part}": () => import("${MAIN}/${locale}/${part}"),`),
        );
        return [
          `export const bundled = ${literal(parts(bundled).core)};`,
          `const loaders = {\n${loaders.join('\n')}\n};`,
          'export function loadTexts(locale, part) {',
          '  const load = loaders[`${locale}/${part}`];',
          '  return load ? load().then((module) => module.default) : Promise.resolve({});',
          '}',
        ].join('\n');
      }
      const [, locale, part] = PART.exec(name)!;
      this.addWatchFile(fileOf(locale!));
      return `export default ${literal(parts(locale!)[part!] ?? {})};`;
    },
  };
}
