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
};
