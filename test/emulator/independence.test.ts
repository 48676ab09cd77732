/**
 * The emulator is an oracle of the platform: it may not borrow the back end's code or the
 * back end's configuration, or a back-end bug would pass as platform behaviour.
 */
import path from 'node:path';
import { isInside, referencesIn, sourceFilesUnder, type Reference } from './import-scan';

const repoRoot = path.resolve(__dirname, '../..');
const emulatorDir = path.join(repoRoot, 'emulator');
const BACK_END_OWNED = ['backend', 'config'].map((dir) => path.join(repoRoot, dir));

const reachesBackEnd = (reference: Reference): boolean =>
  reference.kind === 'path-string' || (reference.resolved !== null && BACK_END_OWNED.some((dir) => isInside(reference.resolved as string, dir)));

function violationsIn(file: string, source?: string): string[] {
  return referencesIn(file, source)
    .filter(reachesBackEnd)
    .map((reference) => `${path.relative(repoRoot, file)}:${reference.line} ${reference.kind === 'module' ? 'imports' : 'names'} ${reference.text}`);
}

describe('the emulator stands apart from the back end', () => {
  const files = sourceFilesUnder(emulatorDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain(path.join(emulatorDir, 'wx/subscribe-message.ts'));
  });

  it('imports nothing from backend/ or config/ and names no path into them', () => {
    expect(files.flatMap((file) => violationsIn(file))).toEqual([]);
  });
});

describe('the import scan cannot be talked around', () => {
  const file = path.join(emulatorDir, 'wx/example.ts');

  it.each([
    ["import { x } from '../../backend/platform/subscribe-fields';"],
    ["import { x } from '../..//backend/platform/subscribe-fields';"],
    ["import { x } from '../../emulator/../backend/platform/wx-openapi-wire';"],
    ["import {\n  x,\n} from // a comment\n  '../../backend';"],
    ["import type { X } from '../../backend/platform/wx-gateway';"],
    ["import '../../backend/platform/side-effect';"],
    ["export * from '../../backend/domain';"],
    ['export { a } from "../../backend/domain/case";'],
    ['import x = require("../../backend/x");'],
    ["const x = require('../../backend/x');"],
    ['const x = require(`../../backend/x`);'],
    ["const p = require.resolve('../../config/subscribe-templates.json');"],
    ["const x = await import('../../backend/x');"],
    ["let t: import('../../backend/x').T;"],
    ["jest.mock('../../backend/x');"],
    ["import templates from '../../config/subscribe-templates.json';"],
    ["const file = path.join(root, 'config/subscribe-templates.json');"],
    ["const file = path.join(root, 'config', 'subscribe-templates.json');"],
    ["const file = path.resolve(__dirname, '../../backend/platform');"],
    ['const file = `${root}/config/subscribe-templates.json`;'],
  ])('catches %s', (source) => {
    expect(violationsIn(file, source)).toHaveLength(1);
  });

  it.each([
    ["import { CloudBaseError } from '../types';"],
    ["import fs from 'node:fs';"],
    ["import { x } from './backend-like';"],
    ["const ops = require('mingo/operators/expression');"],
    ["const file = path.join(dir, 'config.json');"],
    ["throw new Error('call WeChat through backend/platform/wx-gateway');"],
    ["import pages from '../../miniprogram/app.json';"],
  ])('lets %s through', (source) => {
    expect(violationsIn(file, source)).toEqual([]);
  });
});
