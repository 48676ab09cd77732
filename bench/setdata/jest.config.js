/**
 * Item 6 only (`npm run bench`): the mini-program page suites run again with every rendered
 * page's setData wrapped (wrap-set-data.ts). Not part of `npm test`: the root config's roots
 * do not include bench/.
 */
const path = require('node:path');

const PAGE_SUITES = [
  'stations-page',
  'case-list-page',
  'case-detail-page',
  'work-inbox-page',
  'work-schedule-pages',
  'admin-lists-pages',
  'admin-people-pages',
  'admin-figures-page',
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/miniprogram'],
  testMatch: PAGE_SUITES.map((name) => `**/test/miniprogram/${name}.test.ts`),
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/sdk-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/bench/setdata/wrap-set-data.ts'],
  testTimeout: 30000,
};
