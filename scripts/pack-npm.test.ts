import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatBytes, npmRelations } from './pack-npm';

const projectRoot = path.resolve(__dirname, '..');

describe('pack-npm', () => {
  it('packs package.json dependencies into miniprogram/, as project.config.json tells DevTools', () => {
    expect(npmRelations()).toEqual([{ packageJsonPath: path.join(projectRoot, 'package.json'), miniprogramNpmDistDir: path.join(projectRoot, 'miniprogram') }]);
  });

  it('refuses a project that does not pack npm manually', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-npm-'));
    fs.writeFileSync(path.join(root, 'project.config.json'), JSON.stringify({ setting: { packNpmManually: false } }));
    expect(() => npmRelations(root)).toThrow('packNpmManually');
    fs.rmSync(root, { recursive: true });
  });

  it('prints sizes people can read', () => {
    expect(formatBytes(474_214)).toBe('463.1 KB');
    expect(formatBytes(2_176_918)).toBe('2.1 MB');
  });
});
