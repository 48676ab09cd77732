/** @type {import('jest').Config} */
// Unit tests sit next to their code (*.test.ts); integration suites live in test/.
// ts-jest only transpiles (isolatedModules): `npm run typecheck` does the type checking once.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/backend', '<rootDir>/emulator', '<rootDir>/scripts', '<rootDir>/miniprogram', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/miniprogram_npm/', '/test/automator/'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/sdk-env.ts'],
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: on CI's 2 cores, a single worker. The
  // suites spend much of their time waiting on a back end (the emulator, a child process, WeChat's
  // fakes), so a worker per core finishes the whole run in about half the time (780 s → 401 s,
  // measured on 2 cores) with every suite still passing.
  maxWorkers: '100%',
};
