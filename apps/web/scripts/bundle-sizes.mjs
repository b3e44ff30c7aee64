// Reports the JavaScript a first visit of each main page downloads (gzip), from the build's
// manifest: the entry chunk, the chunks of the page's routes, and everything they import
// statically. Fails when a page is over its budget (issue 11: sign-in 200 KB, the list 250 KB).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));

/** The page components each first screen needs, as the router loads them. */
const PAGES = [
  { name: 'sign-in', routes: ['src/features/auth/SignInPage.tsx'], budgetKb: 200 },
  {
    name: 'commitments list',
    routes: ['src/features/layout/AppLayout.tsx', 'src/features/commitments/CommitmentsPage.tsx'],
    // Texts only some pages use are not part of it (src/i18n/textGroups.ts).
    budgetKb: 250,
  },
  {
    name: 'commitment detail',
    routes: [
      'src/features/layout/AppLayout.tsx',
      'src/features/commitments/CommitmentDetailPage.tsx',
    ],
  },
  {
    name: 'dashboard',
    routes: ['src/features/layout/AppLayout.tsx', 'src/features/dashboard/DashboardPage.tsx'],
  },
  {
    name: 'frameworks',
    routes: ['src/features/layout/AppLayout.tsx', 'src/features/frameworks/FrameworksPage.tsx'],
  },
];

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);

/** A chunk and every chunk it imports statically (what the browser must fetch before running it). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const child of manifest[key].imports ?? []) closure(child, seen);
  return seen;
}

const gzipSize = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

let over = false;
console.log('Initial JavaScript per page (gzip):');
for (const page of PAGES) {
  const chunks = new Set(closure(entry));
  for (const route of page.routes) {
    if (!manifest[route]) throw new Error(`${route} is not a chunk of the build`);
    for (const key of closure(route)) chunks.add(key);
  }
  const bytes = [...chunks].reduce((sum, key) => sum + gzipSize(manifest[key].file), 0);
  const budget = page.budgetKb ? ` (budget ${page.budgetKb} KB)` : '';
  const fail = page.budgetKb !== undefined && bytes / 1024 > page.budgetKb;
  over ||= fail;
  console.log(
    `  ${page.name.padEnd(20)} ${kb(bytes).padStart(7)} KB in ${chunks.size} files${budget}${fail ? '  OVER BUDGET' : ''}`,
  );
}
if (over) process.exitCode = 1;
