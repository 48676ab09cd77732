/** @type {import('jest').Config} */
// The render half of `npm run screenshots` (capture.shot.ts): same transform and setup as the tests.
const base = require('../../jest.config.js');
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/scripts/screenshots'],
  testMatch: ['**/*.shot.ts'],
  testTimeout: 300000,
};
