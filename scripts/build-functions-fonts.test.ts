/**
 * A function that draws PDFs deploys with its fonts: the bundle, run by a plain Node process
 * far from node_modules, makes a letter whose fonts are embedded and whose rare characters
 * read back; without the shipped fonts/ folder it cannot.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPdf } from '../test/support/pdf-reader';
import { buildFunctions } from './build-functions';

const projectRoot = path.resolve(__dirname, '..');
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const ENTRY = `
import { renderDeputyLetter } from ${JSON.stringify(path.join(projectRoot, 'backend/documents/deputy-letter'))};
export async function main(event: { deputyName: string }) {
  const pdf = await renderDeputyLetter({
    letterNo: '福人代联函〔2026〕12号', district: '福田区', stationName: '华富街道人大代表联络站',
    deputyName: event.deputyName, receivingBody: '福田区住房和建设局', receiptNo: 'FT-2026-000123',
    title: '道路反复开挖', request: '请尽快修复。', submittedAt: '2026-11-02', deadline: '2026-12-02', issuedOn: '2026-11-22',
  });
  return { ok: true, data: pdf.toString('base64') };
}
`;

/** Calls `main` of a built bundle in a plain Node process, from a folder with no node_modules. */
function invoke(dir: string, event: unknown): { ok: boolean; data: string } {
  const script = `require(${JSON.stringify(path.join(dir, 'index.js'))}).main(${JSON.stringify(event)}, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), encoding: 'utf8', env: { PATH: process.env.PATH }, stdio: 'pipe' }));
}

describe('a function that draws PDFs', () => {
  let dir: string;

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'build-functions-fonts-'));
    temporary.push(tmp);
    const source = path.join(tmp, 'functions/letter');
    fs.mkdirSync(source, { recursive: true });
    fs.writeFileSync(path.join(source, 'index.ts'), ENTRY);
    fs.writeFileSync(path.join(source, 'config.json'), '{ "timeout": 20 }\n');
    const [built] = await buildFunctions({ sourceRoot: path.join(tmp, 'functions'), outRoot: path.join(tmp, 'out'), quiet: true });
    dir = built.dir;
  });

  it('ships each font with its licence in fonts/ beside index.js', () => {
    expect(fs.readdirSync(path.join(dir, 'fonts')).sort()).toEqual([
      'NotoSerifJP_400Regular.LICENSE.txt',
      'NotoSerifJP_400Regular.ttf',
      'NotoSerifSC_400Regular.LICENSE.txt',
      'NotoSerifSC_400Regular.ttf',
      'NotoSerifTC_400Regular.LICENSE.txt',
      'NotoSerifTC_400Regular.ttf',
    ]);
    expect(fs.readFileSync(path.join(dir, 'fonts/NotoSerifSC_400Regular.LICENSE.txt'), 'utf8')).toContain('SIL Open Font License');
  });

  it('makes a letter with its fonts embedded and a rare name intact, from the bundle alone', async () => {
    const result = invoke(dir, { deputyName: '吉𠮷𡈼' });
    const reading = await readPdf(Buffer.from(result.data, 'base64'));
    const [page] = reading.pages;
    expect(page.fonts.length).toBeGreaterThan(0);
    expect(page.fonts.every((font) => font.embedded)).toBe(true);
    expect(page.lines.map((line) => line.text)).toContain('此件由人大代表吉𠮷𡈼转交。');
  });

  it('fails without the shipped fonts rather than printing without them', () => {
    fs.renameSync(path.join(dir, 'fonts'), path.join(dir, 'fonts-away'));
    try {
      expect(() => invoke(dir, { deputyName: '李华' })).toThrow(/NotoSerifSC_400Regular\.ttf/);
    } finally {
      fs.renameSync(path.join(dir, 'fonts-away'), path.join(dir, 'fonts'));
    }
  });
});
