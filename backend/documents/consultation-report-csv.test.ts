/**
 * The 征集意见汇总 CSV as a spreadsheet gets it: the bytes are read back by a small RFC 4180
 * reader written here from the RFC (no CSV parser is among the dependencies), which shares
 * nothing with the writer; the rows expected are written out by hand.
 */
import type { ConsultationReportContent } from './consultation-report-content';
import { consultationReportCsv } from './consultation-report-csv';
import { SAMPLE_CONSULTATION_REPORT } from './pdf/samples';

/**
 * RFC 4180 §2: records end in CRLF; a field is either bare (no comma, quote, CR or LF) or
 * wrapped in quotes, with a quote inside written twice. Throws on anything else, so a writer's
 * slip shows up as a failure, not as a quietly different row.
 */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('a quoted field never closes');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && !',\r\n'.includes(text[i])) {
        if (text[i] === '"') throw new Error(`a bare quote in a bare field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`a record must end in CRLF, found ${JSON.stringify(text.slice(i, i + 2))} at ${i}`);
    records.push(record);
    record = [];
    i += 2;
    if (i === text.length) return records;
  }
}

const HEADER = ['条款', '条款序号', '意见序号', '意见内容', '原文', '署名', '联络站', '合并相同意见数'];

describe('the 征集意见汇总 CSV', () => {
  it('opens with a UTF-8 byte order mark and ends in CRLF (the reader checks every record does)', () => {
    const bytes = Buffer.from(consultationReportCsv(SAMPLE_CONSULTATION_REPORT), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.startsWith('条款,')).toBe(true);
  });

  it('has one row per forwarded comment, 总体意见 first, then the articles in order, numbered within each', () => {
    const rows = readCsv(consultationReportCsv(SAMPLE_CONSULTATION_REPORT).slice(1));
    expect(rows).toEqual([
      HEADER,
      ['总体意见', '0', '1', '草案总体可行，建议增加对困难群众的主动发现机制。', '', '李明（社区工作者）', '华富街道人大代表联络站', '2'],
      [
        '第三条',
        '3',
        '1',
        '建议明确救助申请的办理时限，不超过十五个工作日。',
        '办理时间太长了，希望快一点，最好半个月内办完。',
        '王芳（退休教师）',
        '华富街道人大代表联络站',
        '0',
      ],
      ['第三条', '3', '2', '临时救助应当简化手续。\n对急难情形可以先救助后审核。', '', '匿名', '华富街道人大代表联络站', '0'],
      ['第十二条', '12', '1', '建议将“低收入家庭”的认定标准写入法律，避免各地标准不一。', '', '匿名', '莲花街道人大代表联络站', '0'],
    ]);
  });

  it('quotes exactly the fields with a comma, a quote or a line break, and reads them back unchanged', () => {
    const content: ConsultationReportContent = {
      ...SAMPLE_CONSULTATION_REPORT,
      articles: [
        {
          articleNo: 7,
          label: '第七条',
          count: 3,
          comments: [
            { id: 'a', station: '华富街道人大代表联络站', text: 'Use "shall", not "may", in 7(2)', byline: 'Li, Ming', merged: 3 },
            { id: 'b', station: '莲花街道人大代表联络站', text: '第一段\r\n第二段\n第三段', originalText: '原来写的是：一,二,三', byline: '匿名', merged: 0 },
            { id: 'c', station: '华富街道人大代表联络站', text: '"', byline: '匿名', merged: 0 },
          ],
        },
      ],
    };
    const csv = consultationReportCsv(content);
    expect(csv.split('\r\n')[1]).toBe('第七条,7,1,"Use ""shall"", not ""may"", in 7(2)",,"Li, Ming",华富街道人大代表联络站,3');
    expect(readCsv(csv.slice(1))).toEqual([
      HEADER,
      ['第七条', '7', '1', 'Use "shall", not "may", in 7(2)', '', 'Li, Ming', '华富街道人大代表联络站', '3'],
      ['第七条', '7', '2', '第一段\r\n第二段\n第三段', '原来写的是：一,二,三', '匿名', '莲花街道人大代表联络站', '0'],
      ['第七条', '7', '3', '"', '', '匿名', '华富街道人大代表联络站', '0'],
    ]);
  });

  it('keeps a spreadsheet from taking a resident’s text for a formula', () => {
    const content: ConsultationReportContent = {
      ...SAMPLE_CONSULTATION_REPORT,
      articles: [
        {
          articleNo: 1,
          label: '第一条',
          count: 2,
          comments: [
            { id: 'a', station: '华富街道人大代表联络站', text: '=HYPERLINK("http://example.invalid","点此")', byline: '@张三', merged: 0 },
            { id: 'b', station: '华富街道人大代表联络站', text: '-1 建议删去本条', originalText: '+1', byline: '匿名', merged: 0 },
          ],
        },
      ],
    };
    expect(readCsv(consultationReportCsv(content).slice(1)).slice(1)).toEqual([
      ['第一条', '1', '1', `'=HYPERLINK("http://example.invalid","点此")`, '', `'@张三`, '华富街道人大代表联络站', '0'],
      ['第一条', '1', '2', `'-1 建议删去本条`, `'+1`, '匿名', '华富街道人大代表联络站', '0'],
    ]);
  });

  it('is the header alone when nothing was forwarded', () => {
    expect(consultationReportCsv({ ...SAMPLE_CONSULTATION_REPORT, articles: [] })).toBe('\uFEFF条款,条款序号,意见序号,意见内容,原文,署名,联络站,合并相同意见数\r\n');
  });
});
