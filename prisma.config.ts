import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { cliAdapterFactory } from './prisma/cli-adapter';

// The Prisma CLI runs its schema engine as WebAssembly through this adapter, so no native
// engine is downloaded. DATABASE_URL must be set for every CLI command (any URL for `generate`).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL must be set to run the Prisma CLI');
    return cliAdapterFactory(url);
  },
});
