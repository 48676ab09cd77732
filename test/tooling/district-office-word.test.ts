/**
 * One word for the district office: 区人大常委会, as the seed texts name the body that builds the
 * stations and supports the deputies (a resident knows it; 代表工作机构 is its internal name, and
 * 工作人员 reads as any staff, a station's liaison officers included). The words it replaced must
 * not come back in what a person reads: the mini-program, the back end's sentences, the demo
 * accounts and the API docs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SCANNED = ['miniprogram', 'backend', 'typings', 'scripts/seed', 'docs/api.md', 'docs/permissions.md'];
const SKIPPED = new Set(['miniprogram_npm', 'node_modules']);
const TEXT = /\.(ts|wxml|json|md)$/;
const RETIRED = ['代表工作机构', '工作人员'];

function files(at: string): string[] {
  const stat = fs.statSync(at);
  if (stat.isFile()) return TEXT.test(at) ? [at] : [];
  return fs.readdirSync(at).flatMap((name) => (SKIPPED.has(name) ? [] : files(path.join(at, name))));
}

function retiredWordsIn(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => RETIRED.filter((word) => line.includes(word)).map((word) => `${path.relative(root, file)}:${i + 1} ${word}`));
}

describe('the district office has one name', () => {
  it('finds the retired words where they are', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'office-word-'));
    try {
      const file = path.join(dir, 'page.wxml');
      fs.writeFileSync(file, '<view>请联系代表工作机构</view>\n<view>其他工作人员</view>\n');
      expect(retiredWordsIn(file).map((hit) => hit.split(' ')[1])).toEqual(['代表工作机构', '工作人员']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls it 区人大常委会 everywhere a person reads', () => {
    const hits = SCANNED.flatMap((entry) => files(path.join(root, entry))).flatMap(retiredWordsIn);
    expect(hits).toEqual([]);
  });
});
