// Integration tests boot the real app on a real PostgreSQL (embedded unless DATABASE_URL is set);
// each test file gets its own database, cloned from a migrated template (test/global-setup.ts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // file-type (ESM only) exports its code under `import`/`module-sync`, which Node 20.19+ honours
  // for require() but Jest's resolver does not: point at its Node entry (then transformed below).
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // NestJS 12 ships ES modules; they are compiled to CommonJS like our sources (and
  // @fastify/cookie's dynamic import('cookie') becomes a require, which jest can run).
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|file-type|strtok3|uint8array-extras|@borewit|token-types|peek-readable|@tokenizer|content-disposition|cookie|@fastify/cookie)/)',
  ],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
