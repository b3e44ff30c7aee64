// Writes the SQL that brings the committed migrations up to prisma/schema.prisma into a new
// migration folder: `npm run db:migration -- <name>`. (`prisma migrate dev` cannot evaluate
// data loss with the WebAssembly engine here, while `migrate diff` works.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name_in_snake_case>');
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error(
    'DATABASE_URL must point at a PostgreSQL server (a shadow database is created there)',
  );
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const sql = execFileSync(
  'npx',
  [
    'prisma',
    'migrate',
    'diff',
    '--from-migrations',
    'prisma/migrations',
    '--to-schema-datamodel',
    'prisma/schema.prisma',
    '--script',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (/^-- This is an empty migration/m.test(sql)) {
  console.log('The schema and the migrations already agree: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
