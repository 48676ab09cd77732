import { renderDeputyLetter, type DeputyLetter } from './deputy-letter';
import { objectOf, pagesOf, parsePdf, refOf, textRunsOf, type ParsedPdf, type TextRun } from './pdf/pdf-inspect';
import { mm } from './pdf/page';
import { measure } from './pdf/text';

const NOW = new Date('2026-11-22T02:00:00Z');

const LETTER: DeputyLetter = {
  letterNo: '福人代联函〔2026〕12号',
  district: '福田区',
  stationName: '华富街道人大代表联络站',
  deputyName: '李华',
  receivingBody: '福田区住房和建设局',
  receiptNo: 'FT-2026-000123',
  title: '莲花北社区道路反复开挖',
  request: '莲花北社区门前道路自三月起多次开挖回填，至今未恢复，雨天积水严重。\n居民希望尽快修复并公布施工单位和工期。',
  submittedAt: '2026-11-02',
  deadline: '2026-12-02',
  issuedOn: '2026-11-22',
  officerName: '王敏',
  stationPhone: '0755-83212345',
};

const PAGE_NUMBER = /^第 (\d+) 页 共 (\d+) 页$/;

function runsByPage(pdf: ParsedPdf): TextRun[][] {
  return pagesOf(pdf).map((page) => textRunsOf(pdf, page));
}

function bodyText(pages: TextRun[][]): string {
  return pages
    .flat()
    .filter((run) => !PAGE_NUMBER.test(run.text))
    .map((run) => run.text)
    .join('')
    .replace(/\s/g, '');
}

describe('the 代表函', () => {
  const pdf = parsePdf(renderDeputyLetter(LETTER, { now: NOW }));
  const pages = runsByPage(pdf);
  const texts = pages.flat().map((run) => run.text);

  it('fits a short request on one page numbered 第 1 页 共 1 页', () => {
    expect(pages).toHaveLength(1);
    expect(texts).toContain('第 1 页 共 1 页');
  });

  it('carries a red letterhead and the letter number', () => {
    const heading = pages[0][0];
    expect(heading.text).toBe('福田区人大代表联络站代表函');
    expect(heading.color).toEqual([0.8, 0, 0]);
    expect(texts).toContain('福人代联函〔2026〕12号');
  });

  it('shrinks a long heading to the measure rather than wrapping it', () => {
    const long = parsePdf(renderDeputyLetter({ ...LETTER, district: '广东省深圳市福田区华富街道办事处辖区' }, { now: NOW }));
    const heading = textRunsOf(long, pagesOf(long)[0])[0];
    expect(heading.text).toBe('广东省深圳市福田区华富街道办事处辖区人大代表联络站代表函');
    expect(heading.size).toBeLessThan(26);
    expect(heading.x).toBeGreaterThanOrEqual(mm(28) - 0.01);
    expect(heading.x + measure(heading.text, heading.size)).toBeLessThanOrEqual(mm(28 + 156) + 0.01);
  });

  it('says who sends what to whom, by when, in the words of the request', () => {
    const body = bodyText(pages);
    expect(texts).toContain('福田区住房和建设局：');
    expect(body).toContain('2026年11月2日，华富街道人大代表联络站收到群众反映的问题（受理编号：FT-2026-000123）');
    expect(body).toContain('标题：莲花北社区道路反复开挖');
    expect(body).toContain(`反映内容：${LETTER.request.replace(/\s/g, '')}`);
    expect(body).toContain('此件由人大代表李华转交。');
    expect(body).toContain('请于2026年12月2日前将办理情况书面答复华富街道人大代表联络站。');
  });

  it('ends with the station, its officer and phone, and the date in Chinese, right-aligned together', () => {
    const signature = ['华富街道人大代表联络站', '联络员：王敏', '电话：0755-83212345', '2026年11月22日'];
    const runs = signature.map((line) => pages[0].find((run) => run.text === line)!);
    expect(runs.every(Boolean)).toBe(true);
    const rightEdges = runs.map((run) => run.x + measure(run.text, run.size));
    for (const edge of rightEdges) expect(edge).toBeCloseTo(rightEdges[0], 1);
    const ys = runs.map((run) => run.y);
    expect(ys).toEqual([...ys].sort((a, b) => b - a)); // read top to bottom
  });

  it('leaves out the deputy, officer and phone lines when there are none', () => {
    const { deputyName: _d, officerName: _o, stationPhone: _p, ...bare } = LETTER;
    const bareTexts = runsByPage(parsePdf(renderDeputyLetter(bare, { now: NOW }))).flat().map((run) => run.text).join('');
    expect(bareTexts).not.toContain('转交');
    expect(bareTexts).not.toContain('联络员');
    expect(bareTexts).not.toContain('电话');
    expect(bareTexts).toContain('2026年11月22日');
  });

  it('keeps all text inside the margins', () => {
    for (const run of pages.flat()) {
      expect(run.x).toBeGreaterThanOrEqual(mm(28) - 0.01);
      expect(run.x + measure(run.text, run.size)).toBeLessThanOrEqual(mm(28 + 156) + 0.01);
      expect(run.y).toBeGreaterThan(mm(20));
    }
  });

  it('declares STSong-Light as a Type0 font over Adobe-GB1 with the UniGB-UCS2-H CMap', () => {
    const fontId = Number(/\/Font << \/F1 (\d+) 0 R >>/.exec(pagesOf(pdf)[0].dict)![1]);
    const type0 = objectOf(pdf, fontId).dict;
    expect(type0).toContain('/Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    const cidFont = objectOf(pdf, Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(type0)![1])).dict;
    expect(cidFont).toContain('/Subtype /CIDFontType0 /BaseFont /STSong-Light');
    expect(cidFont).toContain('/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>');
    expect(cidFont).toContain('/W [1 95 500]');
    expect(objectOf(pdf, refOf(cidFont, 'FontDescriptor')).dict).toContain('/FontName /STSong-Light');
    const toUnicode = objectOf(pdf, refOf(type0, 'ToUnicode')).stream!.toString('latin1');
    expect(toUnicode).toContain('<4E00> <4EFF> <4E00>');
    expect(toUnicode).not.toContain('<D800>');
  });

  it('is reproducible for a given instant', () => {
    expect(renderDeputyLetter(LETTER, { now: NOW }).equals(renderDeputyLetter(LETTER, { now: NOW }))).toBe(true);
  });
});

describe('a long request', () => {
  const sentence = '小区电梯长期故障，物业多次维修未果，业主多次反映无人回应，老人上下楼十分困难。';
  const request = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${sentence.repeat(5)}`).join('\n');
  const pdf = parsePdf(renderDeputyLetter({ ...LETTER, request }, { now: NOW }));
  const pages = runsByPage(pdf);

  it('runs over several pages, each numbered 第 i 页 共 n 页', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((runs, index) => {
      const numbers = runs.filter((run) => PAGE_NUMBER.test(run.text)).map((run) => run.text);
      expect(numbers).toEqual([`第 ${index + 1} 页 共 ${pages.length} 页`]);
    });
  });

  it('loses nothing of the request across the page breaks', () => {
    expect(bodyText(pages)).toContain(`反映内容：${request.replace(/\s/g, '')}`);
  });

  it('keeps the text block above the page number on every page', () => {
    for (const runs of pages) {
      const pageNumber = runs.find((run) => PAGE_NUMBER.test(run.text))!;
      for (const run of runs) if (run !== pageNumber) expect(run.y).toBeGreaterThan(mm(35) - 1);
    }
  });

  it('keeps the signature block together on the last page, never without body text above it', () => {
    const last = pages[pages.length - 1].map((run) => run.text);
    expect(last).toEqual(
      expect.arrayContaining(['特此函告。', '华富街道人大代表联络站', '联络员：王敏', '电话：0755-83212345', '2026年11月22日']),
    );
    expect(last.join('')).toContain('请于2026年12月2日前');
  });
});
