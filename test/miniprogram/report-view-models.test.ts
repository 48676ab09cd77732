/**
 * 述职报告 as the pages show it: the rate only from the sample the server names (always with the
 * count), the rating window, the period a publisher starts from, and the form's checks in Chinese.
 * Expectations are written out by hand from the rules, not derived from the code.
 */
import type { ReportRatings, ReportSummary } from '../../typings/report';
import { periodText, ratingOpen, ratingsFigure, ratingsText, ratingWindowText, reportPageUrl } from '../../miniprogram/utils/report-view';
import { toReportRow } from '../../miniprogram/packages/station/detail/reports';
import { ratingProblem, ratingState, shareOf, toReportView } from '../../miniprogram/packages/station/report/view-model';
import { defaultTitle, deputyOptions, fieldOf, formErrors, presetPeriod, toPublishInput } from '../../miniprogram/packages/work/report/view-model';
import type { ReportForm } from '../../miniprogram/packages/work/report/view-model';
import { REPORT_FOR_HANDLER, REPORT_FOR_RESIDENT, REPORT_RATED } from './support/report-demo';

/** Saturday 21 November 2026, 14:30 in Beijing. */
const NOW = new Date('2026-11-21T06:30:00.000Z');

const ratings = (satisfied: number, basically: number, unsatisfied: number, rate: number | null): ReportRatings => ({
  satisfied,
  basicallySatisfied: basically,
  unsatisfied,
  total: satisfied + basically + unsatisfied,
  rate,
  minimum: 10,
});

describe('a report’s ratings, as text', () => {
  it.each([
    ['no rating yet', ratings(0, 0, 0, null), '暂无评价', '暂无评价'],
    ['one rating', ratings(1, 0, 0, null), '已有 1 人评价', '已有 1 人评价'],
    ['seven ratings, all 满意: still no rate', ratings(7, 0, 0, null), '已有 7 人评价', '已有 7 人评价'],
    ['nine ratings', ratings(5, 2, 2, null), '已有 9 人评价', '已有 9 人评价'],
    ['ten ratings, 8 满意 or 基本满意', ratings(6, 2, 2, 0.8), '满意率 80%（10人评价）', '80%（10人评价）'],
    ['36 ratings, 33 content', ratings(25, 8, 3, 33 / 36), '满意率 92%（36人评价）', '92%（36人评价）'],
    ['199 of 200 content is not 100%', ratings(199, 0, 1, 199 / 200), '满意率 99%（200人评价）', '99%（200人评价）'],
    ['all 12 content', ratings(10, 2, 0, 1), '满意率 100%（12人评价）', '100%（12人评价）'],
    ['none of 10 content', ratings(0, 0, 10, 0), '满意率 0%（10人评价）', '0%（10人评价）'],
  ])('%s', (_what, r, text, figure) => {
    expect(ratingsText(r)).toBe(text);
    expect(ratingsFigure(r)).toBe(figure);
  });

  it('never shows a rate the sample does not carry, even if one were sent', () => {
    expect(ratingsText({ ...ratings(5, 2, 2, null), rate: 7 / 9 })).toBe('已有 9 人评价');
  });
});

describe('the rating window', () => {
  const report = (ratingOpenFlag: boolean, closesAt: string) => ({ ratingOpen: ratingOpenFlag, ratingClosesAt: closesAt });
  it.each([
    ['open, closing in 21 days (Beijing date)', report(true, '2026-12-12T06:30:00.000Z'), true, '评价中 · 12月12日截止'],
    ['open, closing at 00:30 Beijing on 1 January next year', report(true, '2026-12-31T16:30:00.000Z'), true, '评价中 · 2027年1月1日截止'],
    ['the server says closed', report(false, '2026-12-12T06:30:00.000Z'), false, '评价已结束'],
    ['the closing instant passed since the answer came', report(true, '2026-11-21T06:29:59.000Z'), false, '评价已结束'],
  ])('%s', (_what, r, open, text) => {
    expect(ratingOpen(r, NOW)).toBe(open);
    expect(ratingWindowText(r, NOW)).toBe(text);
  });
});

describe('a report’s period', () => {
  it.each([
    [{ from: '2025-01-01', to: '2025-12-31' }, '2025年度'],
    [{ from: '2026-01-01', to: '2026-11-12' }, '2026.01.01—2026.11.12'],
    [{ from: '2025-07-01', to: '2026-06-30' }, '2025.07.01—2026.06.30'],
  ])('%j reads %s', (period, text) => expect(periodText(period)).toBe(text));
});

describe('the station’s 述职报告 tab', () => {
  it('lists deputy, title, period, the rate with its count and the window', () => {
    const summary: ReportSummary = {
      id: 'rp-9',
      deputy: { id: 'dp-1', name: '王丽华' },
      title: '王丽华代表2025年度履职情况报告',
      period: { from: '2025-01-01', to: '2025-12-31' },
      publishedAt: '2026-11-01T02:00:00.000Z',
      ratingClosesAt: '2026-12-01T02:00:00.000Z',
      ratingOpen: true,
      ratings: ratings(25, 8, 3, 33 / 36),
    };
    expect(toReportRow(summary, NOW)).toEqual({
      id: 'rp-9',
      title: '王丽华代表2025年度履职情况报告',
      byline: '王丽华代表 · 2025年度',
      ratingsText: '满意率 92%（36人评价）',
      ratingOpen: true,
      windowText: '评价中 · 12月1日截止',
      coverUrl: '',
    });
  });
});

describe('the report page', () => {
  it('offers the form only to a resident who has not rated, while the window is open', () => {
    const open = { ratingOpen: true, ratingClosesAt: '2026-12-12T06:30:00.000Z' };
    const closed = { ratingOpen: false, ratingClosesAt: '2026-11-01T06:30:00.000Z' };
    expect(ratingState({ ...open, canRate: true }, NOW)).toBe('form');
    expect(ratingState({ ...open, canRate: false, myRating: 'satisfied' }, NOW)).toBe('rated');
    // A rating given stays shown after the window closed.
    expect(ratingState({ ...closed, canRate: false, myRating: 'unsatisfied' }, NOW)).toBe('rated');
    expect(ratingState({ ...closed, canRate: false }, NOW)).toBe('closed');
    // The server's canRate is stale once the window closed on the phone's clock.
    expect(ratingState({ ...open, ratingClosesAt: '2026-11-21T06:00:00.000Z', canRate: true }, NOW)).toBe('closed');
    // A deputy, an officer, the district office: the window, no form.
    expect(ratingState({ ...open, canRate: false }, NOW)).toBe('open');
  });

  it('shows the duty figures against their quota, the rating summary and who rated what, never who', () => {
    const view = toReportView(REPORT_FOR_HANDLER, NOW);
    expect(view.duty.map((d) => `${d.label} ${d.value}`)).toEqual(['进站接待 9 / 12 次', '联系群众 46 / 40 人次', '代表建议 2 / 2 件', '答复留言 18 件']);
    expect(view.ratingsText).toBe('满意率 92%（36人评价）');
    expect(view.ratingCounts).toEqual([
      { label: '满意', count: 25 },
      { label: '基本满意', count: 8 },
      { label: '不满意', count: 3 },
    ]);
    expect(view.publishedText).toBe('11月12日发布 · 联络员代为发布');
    expect(view.comments).toEqual([
      { rating: '满意', comment: '电梯的事跟进得很及时，谢谢李代表。', dateText: '11月19日' },
      { rating: '不满意', comment: '公交站遮阳棚还要等到明年，希望能快一点。', dateText: '11月16日' },
    ]);
    expect(view.paragraphs).toHaveLength(3);
  });

  it('says what the resident chose once rated, and has no comments for a resident', () => {
    expect(toReportView(REPORT_RATED, NOW)).toMatchObject({ ratingState: 'rated', myRatingText: '您已评价：满意', comments: null });
    expect(toReportView(REPORT_FOR_RESIDENT, NOW)).toMatchObject({ ratingState: 'form', myRatingText: '', comments: null });
  });

  it('checks the rating before sending, in Chinese', () => {
    expect(ratingProblem('', '')).toBe('请选择满意、基本满意或不满意');
    expect(ratingProblem('satisfied', '')).toBe('');
    expect(ratingProblem('unsatisfied', '字'.repeat(200))).toBe('');
    expect(ratingProblem('unsatisfied', '字'.repeat(201))).toBe('评价意见最多 200 字');
  });

  it('shares the report by its title, opening this page by id', () => {
    expect(shareOf({ id: 'rp 1', title: '李明代表2026年度履职情况报告' })).toEqual({
      title: '李明代表2026年度履职情况报告',
      path: '/packages/station/report/index?id=rp%201',
    });
    expect(reportPageUrl('rp-1')).toBe('/packages/station/report/index?id=rp-1');
  });
});

describe('the 发布述职报告 form', () => {
  it('starts from the whole of last year; 今年以来 runs to today (Beijing)', () => {
    expect(presetPeriod('lastYear', '2026-11-21')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('lastYear', '2027-01-05')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('thisYear', '2026-11-21')).toEqual({ from: '2026-01-01', to: '2026-11-21' });
  });

  it('shows the title the server will give when none is typed', () => {
    expect(defaultTitle('李明', { from: '2025-01-01', to: '2025-12-31' })).toBe('李明代表2025年度履职情况报告');
    // The year of the period's end; before a deputy is chosen, a stand-in for the name.
    expect(defaultTitle('', { from: '2026-01-01', to: '2026-11-21' })).toBe('（姓名）代表2026年度履职情况报告');
  });

  it("lists each of the officer's deputies once, in the stations' order", () => {
    const d = (id: string, name: string) => ({ id, name, level: 'district' as const, delegation: '', occupation: '' });
    expect(
      deputyOptions([
        [d('dp-001', '李明'), d('dp-002', '张丽华')],
        [d('dp-003', '周建国'), d('dp-001', '李明')],
      ]),
    ).toEqual([
      { id: 'dp-001', name: '李明' },
      { id: 'dp-002', name: '张丽华' },
      { id: 'dp-003', name: '周建国' },
    ]);
  });

  const form = (over: Partial<ReportForm> = {}): ReportForm => ({
    deputyId: 'dp-001',
    from: '2025-01-01',
    to: '2025-12-31',
    title: '',
    content: '一年来的履职情况。',
    ...over,
  });
  const noPhotos = { photos: [], uploading: 0, failed: 0 };
  const TODAY = '2026-11-21';

  it.each([
    ['nothing wrong', form(), noPhotos, {}],
    ['no deputy chosen', form({ deputyId: '' }), noPhotos, { deputy: '请选择代表' }],
    ['no text', form({ content: '  \n ' }), noPhotos, { content: '请填写述职报告内容' }],
    ['5,000 characters', form({ content: '述'.repeat(5000) }), noPhotos, {}],
    ['5,001 characters', form({ content: '述'.repeat(5001) }), noPhotos, { content: '报告内容最多 5000 字' }],
    ['a 41-character title', form({ title: '题'.repeat(41) }), noPhotos, { title: '标题最多 40 字' }],
    ['the period reversed', form({ from: '2025-12-31', to: '2025-01-01' }), noPhotos, { period: '开始日期不能晚于结束日期' }],
    ['ending after today', form({ from: '2026-01-01', to: '2026-11-22' }), noPhotos, { period: '结束日期不能晚于今天' }],
    ['a leap year, 366 days', form({ from: '2024-01-01', to: '2024-12-31' }), noPhotos, {}],
    ['367 days', form({ from: '2024-01-01', to: '2025-01-01' }), noPhotos, { period: '述职期间最长 366 天' }],
    ['a photo still uploading', form(), { photos: [], uploading: 1, failed: 0 }, { photos: '照片还在上传，请稍候' }],
    ['a photo failed', form(), { photos: [], uploading: 0, failed: 1 }, { photos: '有照片上传失败，请点击重试或删除' }],
  ])('%s', (_what, f, photos, errors) => {
    expect(formErrors(f, photos, TODAY)).toEqual(errors);
  });

  it('sends the requestId, the trimmed text, and no title when none was typed', () => {
    const photos = [{ fileId: 'cloud://env/cases/2026/11/a.jpg', url: 'wxfile://a.jpg' }];
    expect(toPublishInput(form({ content: ' 内容 \n' }), 'req-1234567890', photos)).toEqual({
      requestId: 'req-1234567890',
      deputyId: 'dp-001',
      period: { from: '2025-01-01', to: '2025-12-31' },
      content: '内容',
      photoFileIds: ['cloud://env/cases/2026/11/a.jpg'],
    });
    expect(toPublishInput(form({ title: ' 年度报告 ' }), 'r', [])).toEqual({
      requestId: 'r',
      deputyId: 'dp-001',
      title: '年度报告',
      period: { from: '2025-01-01', to: '2025-12-31' },
      content: '一年来的履职情况。',
    });
  });

  it("puts the server's refusal next to its field", () => {
    expect(fieldOf('period.to')).toBe('period');
    expect(fieldOf('photoFileIds.3')).toBe('photos');
    expect(fieldOf('deputyId')).toBe('deputy');
    expect(fieldOf(undefined)).toBeUndefined();
  });
});
