/** @type {import('jest').Config} */
// `npm run test:devtools`: the miniprogram-automator specs, which drive WeChat DevTools (see
// README.md here). Never part of `npm test`: the root jest.config.js ignores /test/automator/.
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/automator'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // One DevTools, one simulator: specs run one after another, each step may wait on animations.
  maxWorkers: 1,
  testTimeout: 120000,
  // Launching DevTools and compiling the project can take a minute or two on a cold start.
  slowTestThreshold: 60,
};
