/**
 * Three projects: `unit` (pure functions, no services), `int` (real Postgres and the real HTTP host,
 * started once by tests/setup/globalSetup.ts), `e2e` (the admin panel in a real browser) and `chaos`
 * (faults injected into real services under load).
 * Payload 3 is ESM-only, so tests run as native ES modules (NODE_OPTIONS=--experimental-vm-modules,
 * set by scripts/test.ts) transformed by SWC.
 *
 * `forceExit`: @payloadcms/db-postgres keeps one pool client checked out for its reconnect logic and
 * `payload.destroy()` does not end the pool, so the process would otherwise never exit after the run.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@payload-config$': '<rootDir>/payload.config.ts' },
  testEnvironment: 'node',
}

/** @type {import('jest').Config} */
export default {
  forceExit: true,
  globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/closeDatabasePool.ts'],
      slowTestThreshold: 30,
    },
    // The admin panel in a real browser (Debian's Chromium, see tests/e2e/admin.test.ts).
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      slowTestThreshold: 60,
    },
    // Faults injected into real services under load (tests/chaos); also `npm run test:chaos`.
    {
      ...common,
      displayName: 'chaos',
      testMatch: ['<rootDir>/tests/chaos/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/closeDatabasePool.ts'],
      slowTestThreshold: 120,
    },
  ],
  // Generous: a busy machine must not fail a test (speed is measured in bench/, never asserted).
  testTimeout: 300_000,
}
