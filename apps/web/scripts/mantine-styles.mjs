// Fails the build when the app's scripts use a Mantine class that its stylesheet does not style:
// src/mantine.css imports the styles of the components the app uses one by one, and a component
// used without its file would look broken. Mantine's components name their classes `m_<hash>`;
// each file of @mantine/core/styles holds the rules of one component.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const CLASS = /\bm_[0-9a-f]{7,8}\b/g;
const dist = path.resolve(import.meta.dirname, '..', 'dist', 'assets');
const stylesDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@mantine/core/styles.css')),
  'styles',
);

const classesOf = (files) =>
  new Set(files.flatMap((file) => readFileSync(path.join(dist, file), 'utf8').match(CLASS) ?? []));
const assets = readdirSync(dist);
const used = classesOf(assets.filter((file) => file.endsWith('.js')));
const styled = classesOf(assets.filter((file) => file.endsWith('.css')));

const missing = [...used].filter((name) => !styled.has(name));
if (missing.length > 0) {
  const files = new Set();
  for (const file of readdirSync(stylesDir).filter((name) => !name.includes('.layer.'))) {
    const rules = readFileSync(path.join(stylesDir, file), 'utf8');
    if (missing.some((name) => rules.includes(name))) files.add(file);
  }
  console.error(
    `Mantine classes used by the app but not in its stylesheet: ${missing.join(', ')}.\n` +
      `Import their styles in src/mantine.css: ${[...files].map((file) => `@mantine/core/styles/${file}`).join(', ') || '(no file of @mantine/core has them)'}`,
  );
  process.exitCode = 1;
} else {
  console.log(`Mantine styles: the ${used.size} classes the app uses are all in its stylesheet.`);
}
