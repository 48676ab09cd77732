/**
 * Opt-in check of the PDFs with poppler (poppler-utils: pdffonts, pdftoppm), which CI does not
 * have; `npm test` checks the same with pdf.js. Makes a 代表函 (a rare name, three pages), a
 * station poster, a 代表建议 (a rare co-signer's name, several pages), a 交办单 and a 征集意见汇总
 * (a rare name in a byline, several pages), then
 *   - every font pdffonts lists must be embedded;
 *   - pdftotext must read the 征集意见汇总 in order: title, summary, stations, then each article;
 *   - pdftoppm must draw each page pixel for pixel the same with the machine's fonts and with
 *     none at all (a fontconfig with no font folders), without a missing-font complaint;
 * and prints how long the first (cold: fontkit, pdfkit and the font loaded) and later letters
 * take, and the peak memory. Usage: `npm run check:pdfs [-- --keep]` (--keep leaves the files).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { renderAssignmentSheet } from '../backend/documents/assignment-sheet';
import { renderConsultationReport } from '../backend/documents/consultation-report';
import { renderDeputyLetter, type DeputyLetter } from '../backend/documents/deputy-letter';
import { renderDeputySuggestion } from '../backend/documents/deputy-suggestion';
import { SAMPLE_ASSIGNMENT, SAMPLE_CONSULTATION_REPORT, SAMPLE_LETTER, SAMPLE_POSTER, SAMPLE_SUGGESTION } from '../backend/documents/pdf/samples';
import { renderStationPoster } from '../backend/documents/station-poster';

/** The sample letter with a rare name and three pages of text: every font and fallback in use. */
const LETTER: DeputyLetter = {
  ...SAMPLE_LETTER,
  deputyName: '吉𠮷𡈼',
  request: Array.from({ length: 10 }, (_, i) => `${i + 1}. 小区电梯长期故障，物业多次维修未果，老人上下楼十分困难（联系人：张𪚥）。`.repeat(4)).join('\n'),
};

/** The sample 征集意见汇总 with a rare name in a byline and a comment long enough to turn pages. */
const CONSULTATION_REPORT = {
  ...SAMPLE_CONSULTATION_REPORT,
  articles: SAMPLE_CONSULTATION_REPORT.articles.map((article) =>
    article.articleNo === 3
      ? {
          ...article,
          comments: article.comments.map((c, i) => (i === 1 ? { ...c, byline: '吉𠮷𡈼（居民）', text: '临时救助应当简化手续，对急难情形可以先救助后审核。'.repeat(60) } : c)),
        }
      : article,
  ),
};

/** What pdftotext must find in the 征集意见汇总, in this order (written by hand from the sample). */
const REPORT_IN_ORDER = [
  '《中华人民共和国社会救助法（草案）》',
  '征集意见汇总',
  '征求意见机关：全国人大常委会法制工作委员会',
  '本次征集意见，参与联络站2个，参与群众5人，收到意见6条，报送4条。',
  '1.华富街道人大代表联络站3',
  '2.莲花街道人大代表联络站1',
  '总体意见（1条意见）',
  '（合并相同意见2条）',
  '第三条（2条意见）',
  '原文：办理时间太长了，希望快一点，最好半个月内办完。',
  '——吉𠮷𡈼（居民），华富街道人大代表联络站',
  '第十二条（1条意见）',
  '——匿名，莲花街道人大代表联络站',
];

function readingOrderProblems(file: string, expected: readonly string[]): string[] {
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
  let from = 0;
  for (const piece of expected) {
    const at = text.indexOf(piece, from);
    if (at < 0) return [`${file}: pdftotext does not read "${piece}" after what came before it`];
    from = at + piece.length;
  }
  return [];
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

function fontProblems(file: string): string[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  if (rows.length === 0) return [`${file}: pdffonts lists no font`];
  // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, ID.
  return rows.filter((row) => row.trim().split(/\s+/).slice(-5)[0] !== 'yes').map((row) => `${file}: not embedded: ${row}`);
}

function rasters(file: string, env: NodeJS.ProcessEnv, prefix: string): { pages: Buffer[]; complaints: string } {
  const run = spawnSync('pdftoppm', ['-r', '72', '-png', file, prefix], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftoppm failed on ${file}: ${run.stderr}`);
  const dir = path.dirname(prefix);
  const pages = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(path.basename(prefix)) && name.endsWith('.png'))
    .sort()
    .map((name) => PNG.sync.read(fs.readFileSync(path.join(dir, name))).data);
  return { pages, complaints: run.stderr.trim() };
}

function renderProblems(file: string, work: string): string[] {
  const bare = path.join(work, 'no-fonts.conf');
  fs.writeFileSync(bare, `<?xml version="1.0"?>\n<fontconfig><cachedir>${path.join(work, 'fc-cache')}</cachedir></fontconfig>\n`);
  const name = path.basename(file, '.pdf');
  const withFonts = rasters(file, process.env, path.join(work, `${name}-system`));
  const without = rasters(file, { ...process.env, FONTCONFIG_FILE: bare }, path.join(work, `${name}-bare`));
  const problems: string[] = [];
  if (without.complaints) problems.push(`${file}: poppler without fonts says: ${without.complaints}`);
  if (withFonts.pages.length !== without.pages.length) problems.push(`${file}: ${withFonts.pages.length} pages against ${without.pages.length}`);
  withFonts.pages.forEach((pixels, index) => {
    if (!without.pages[index]?.equals(pixels)) problems.push(`${file}: page ${index + 1} draws differently without system fonts`);
  });
  return problems;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'check-pdfs-'));
  const [letter, coldMs] = await timed(() => renderDeputyLetter(LETTER));
  const warm: number[] = [];
  for (let i = 0; i < 10; i += 1) warm.push((await timed(() => renderDeputyLetter(LETTER)))[1]);
  const poster = await renderStationPoster({ ...SAMPLE_POSTER, officers: ['王敏', '吉𠮷'] });
  const suggestion = await renderDeputySuggestion({
    ...SAMPLE_SUGGESTION,
    cosignerNames: ['王芳', '吉𠮷𡈼'],
    problem: Array.from({ length: 12 }, (_, i) => `${i + 1}. 老旧小区加装电梯涉及规划、消防、资金分摊等多个环节，审批时间长。`.repeat(4)).join('\n'),
  });
  const assignment = await renderAssignmentSheet(SAMPLE_ASSIGNMENT);
  const report = await renderConsultationReport(CONSULTATION_REPORT);
  const files = { 'letter.pdf': letter, 'poster.pdf': poster, 'suggestion.pdf': suggestion, 'assignment.pdf': assignment, 'consultation-report.pdf': report };
  const problems: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const file = path.join(work, name);
    fs.writeFileSync(file, bytes);
    problems.push(...fontProblems(file), ...renderProblems(file, work));
  }
  problems.push(...readingOrderProblems(path.join(work, 'consultation-report.pdf'), REPORT_IN_ORDER));
  warm.sort((a, b) => a - b);
  console.log(
    `[check-pdfs] letter ${(letter.length / 1024).toFixed(1)} KB, poster ${(poster.length / 1024).toFixed(1)} KB, ` +
      `suggestion ${(suggestion.length / 1024).toFixed(1)} KB, assignment sheet ${(assignment.length / 1024).toFixed(1)} KB, ` +
      `consultation report ${(report.length / 1024).toFixed(1)} KB; ` +
      `first letter ${coldMs.toFixed(0)} ms, later ones ${warm[5].toFixed(0)} ms (median of 10); ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  if (process.argv.includes('--keep')) console.log(`[check-pdfs] files kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
  if (problems.length) {
    console.error(`[check-pdfs] FAILED:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log('[check-pdfs] every font embedded; every page draws the same with no system fonts; the 征集意见汇总 reads in order');
}

main().catch((error: unknown) => {
  console.error(`[check-pdfs] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
