import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vi from './locales/vi.json';
import { groupOf, TEXT_GROUP_NAMES, TEXT_GROUPS } from './textGroups';

// Pages find their texts: every text group (TEXT_GROUPS) a page's code uses — the page, what it
// imports, what it loads lazily — is loaded by its route in router.tsx (`withTexts`), and the
// first screen (main.tsx, App, the router, and what they import) uses only the core texts. The
// keys a file uses are read from its string literals (`'admin.title'`, `` `status.${value}` ``).

const SRC = path.resolve(__dirname, '..');
const ROUTER = path.join(SRC, 'router.tsx');
const SECTIONS = new Set(Object.keys(vi));

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((file) =>
    existsSync(file),
  );
}

function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const resolved = (pattern: RegExp) =>
    [...text.matchAll(pattern)]
      .map((match) => resolveImport(file, match[1]!))
      .filter((found): found is string => found !== undefined);
  return {
    static: resolved(/(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?'(\.[^']+)'/g),
    dynamic: resolved(/import\(\s*'(\.[^']+)'\s*\)/g),
  };
}

/** A file and everything it imports, statically or lazily; the router's pages are roots of their own. */
function closure(root: string): Set<string> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const imports = importsOf(file);
    stack.push(...imports.static, ...(file === ROUTER ? [] : imports.dynamic));
  }
  return seen;
}

/** The text groups a set of files uses, each with a file that uses it. */
function groupsUsed(files: Set<string>): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`]([A-Za-z]+)\.[A-Za-z$]/g)) {
      const section = match[1]!;
      if (!SECTIONS.has(section)) continue;
      const group = groupOf(section);
      if (group !== 'core' && !used.has(group)) {
        used.set(group, `${path.relative(SRC, file)} (${section}.…)`);
      }
    }
  }
  return used;
}

const routerSource = readFileSync(ROUTER, 'utf8');
const pages = [...routerSource.matchAll(/import\('(\.\/features\/[^']+)'\)/g)].map((match) => {
  const wrapped = new RegExp(
    `withTexts\\(\\s*\\(\\) => import\\('${match[1]!.replace(/[./]/g, '\\$&')}'\\)((?:\\s*,\\s*'\\w+')*)`,
  ).exec(routerSource);
  const groups = [...(wrapped?.[1] ?? '').matchAll(/'(\w+)'/g)].map((group) => group[1]!);
  return { page: match[1]!, file: resolveImport(ROUTER, match[1]!)!, groups };
});

describe('text groups', () => {
  it('finds the pages of the router', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.every((page) => page.file !== undefined)).toBe(true);
  });

  it.each(pages.map((page) => [page.page, page] as const))(
    '%s: its route loads every text group it uses',
    (_name, page) => {
      const used = groupsUsed(closure(page.file));
      const missing = [...used].filter(([group]) => !page.groups.includes(group));
      expect(missing).toEqual([]);
      for (const group of page.groups) expect(TEXT_GROUP_NAMES).toContain(group);
    },
  );

  it('leaves the first screen with the core texts only', () => {
    expect([...groupsUsed(closure(path.join(SRC, 'main.tsx')))]).toEqual([]);
  });

  it('names only sections of the locale files, each in one group', () => {
    const listed = Object.values(TEXT_GROUPS).flat();
    expect(listed.filter((section) => !SECTIONS.has(section))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
