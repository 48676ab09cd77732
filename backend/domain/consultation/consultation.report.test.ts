/** The report compiler and the clock, with expectations written by hand. */
import { byline, compileReport, type ReportComment } from './consultation.report';
import { checkClosesOn, consultationStatus } from './consultation.clock';

const SOURCE = {
  consultationId: 'cs-1',
  title: '《物业管理条例（草案）》',
  askedBy: '市人大常委会法工委',
  closesOn: '2026-12-20',
  articles: [
    { no: 1, label: '第一条' },
    { no: 2, label: '第二条' },
    { no: 3, label: '第三条' },
  ],
  stations: [
    { id: 'st-a', name: '华富街道联络站' },
    { id: 'st-b', name: '莲花北社区联络站' },
    { id: 'st-c', name: '香蜜湖联络站' },
  ],
};

const comment = (id: string, over: Partial<ReportComment>): ReportComment => ({
  id,
  status: 'forwarded',
  ownerOpenid: `o-${id}`,
  stationId: 'st-a',
  stationName: '华富街道联络站',
  articleNo: 1,
  text: `意见 ${id}`,
  ...over,
});

describe('the report compiler', () => {
  const comments: ReportComment[] = [
    comment('c1', { articleNo: 3, printedName: '王建国', occupation: '退休教师' }),
    comment('c2', { articleNo: 3, status: 'duplicate', duplicateOf: 'c1', stationId: 'st-b', stationName: '莲花北社区联络站' }),
    // A duplicate of a duplicate is merged into the comment the chain ends at.
    comment('c3', { articleNo: 1, status: 'duplicate', duplicateOf: 'c2' }),
    comment('c4', { articleNo: 0, printedName: '李娜', stationId: 'st-b', stationName: '莲花北社区联络站' }),
    comment('c5', { articleNo: 1, editedText: '改后的意见', occupation: '律师' }),
    comment('c6', { articleNo: 2, status: 'declined' }),
    comment('c7', { articleNo: 2, status: 'withdrawn' }),
    comment('c8', { articleNo: 2, status: 'pending', ownerOpenid: '' }),
    comment('c9', { articleNo: 1, status: 'submitted', ownerOpenid: 'o-c1' }),
    // A duplicate of a declined comment is counted as received, merged nowhere.
    comment('c10', { articleNo: 2, status: 'duplicate', duplicateOf: 'c6' }),
  ];

  it('groups forwarded comments per article, 总体意见 first, with duplicates merged and edits beside the original', () => {
    expect(compileReport(SOURCE, comments, new Date('2026-12-21T02:00:00Z'))).toEqual({
      consultationId: 'cs-1',
      title: '《物业管理条例（草案）》',
      askedBy: '市人大常委会法工委',
      closesOn: '2026-12-20',
      compiledAt: '2026-12-21T02:00:00.000Z',
      stations: [
        { id: 'st-a', name: '华富街道联络站', forwarded: 2 },
        { id: 'st-b', name: '莲花北社区联络站', forwarded: 1 },
        { id: 'st-c', name: '香蜜湖联络站', forwarded: 0 },
      ],
      // c1 (twice: c1 and c9), c2, c3, c4, c5, c6, c10: pending and withdrawn are not counted.
      participants: 7,
      received: 8,
      forwarded: 3,
      articles: [
        { articleNo: 0, label: '总体意见', count: 1, comments: [{ id: 'c4', station: '莲花北社区联络站', text: '意见 c4', byline: '李娜', merged: 0 }] },
        {
          articleNo: 1,
          label: '第一条',
          count: 1,
          comments: [{ id: 'c5', station: '华富街道联络站', text: '改后的意见', originalText: '意见 c5', byline: '律师', merged: 0 }],
        },
        { articleNo: 3, label: '第三条', count: 3, comments: [{ id: 'c1', station: '华富街道联络站', text: '意见 c1', byline: '王建国，退休教师', merged: 2 }] },
      ],
    });
  });

  it('is empty but complete with nothing forwarded', () => {
    expect(compileReport(SOURCE, [], new Date('2026-12-21T02:00:00Z'))).toMatchObject({ participants: 0, received: 0, forwarded: 0, articles: [] });
  });

  it.each([
    [{}, '匿名'],
    [{ printedName: '张三' }, '张三'],
    [{ occupation: '医生' }, '医生'],
    [{ printedName: '张三', occupation: '医生' }, '张三，医生'],
  ])('bylines %j as %s', (given, expected) => {
    expect(byline(given)).toBe(expected);
  });
});

describe('the clock', () => {
  it('is open until the end of the closing day in Shanghai, then closed, and reported once compiled', () => {
    expect(consultationStatus({ closesOn: '2026-12-20' }, new Date('2026-12-20T15:59:59Z'))).toBe('open');
    expect(consultationStatus({ closesOn: '2026-12-20' }, new Date('2026-12-20T16:00:00Z'))).toBe('closed');
    expect(consultationStatus({ closesOn: '2026-12-20', reportedAt: new Date('2026-12-21T00:00:00Z') }, new Date('2026-12-21T01:00:00Z'))).toBe('reported');
  });

  it('wants the closing date at least 7 days after today in Shanghai', () => {
    // 2026-12-07 23:30 in Shanghai: today is the 7th there.
    const now = new Date('2026-12-07T15:30:00Z');
    expect(checkClosesOn('2026-12-14', now)).toEqual({ ok: true, value: '2026-12-14' });
    expect(checkClosesOn('2026-12-13', now)).toEqual({
      ok: false,
      failure: { code: 'INVALID_INPUT', detail: '截止日期至少在 7 天之后（不早于 2026-12-14）', field: 'closesOn' },
    });
  });
});
