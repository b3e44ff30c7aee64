/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/jest.environment.mjs',
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@spct/contracts$': '<rootDir>/../../packages/contracts/src/index.ts',
    '\\.(css)$': 'identity-obj-proxy',
    '^virtual:spct-texts$': '<rootDir>/src/test/texts.ts',
  },
  // Whole-app renders with user-event typing take several seconds on a loaded 2-core machine.
  testTimeout: 30000,
  // One worker per core: Jest's default leaves one core idle (on 2 cores it runs in band), and
  // these files are CPU-bound and independent (no server, no shared state).
  maxWorkers: '100%',
};
