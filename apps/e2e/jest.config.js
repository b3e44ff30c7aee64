// Browser tests: the built product (API + web on one port, embedded PostgreSQL) driven in real
// Chromium through playwright-core. `npm test` builds first (turbo: @spct/e2e#test dependsOn builds).
// Each test file starts its own product, on a copy of the data the global set-up's first start
// initialised, migrated and seeded.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/global-setup.ts',
  globalTeardown: '<rootDir>/src/global-teardown.ts',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 120_000,
};
