/**
 * @jest-environment jsdom
 *
 * 述职报告 in the mini-program, against canned answers of the `report` function: the station's
 * tab (list, empty, error), the report page (rating, rated, closed, the handlers' comments, not
 * found, sharing) and the publish page (an officer choosing a deputy, a deputy on themselves,
 * one requestId across retries).
 */
import type { StationDetail } from '../../typings/api';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, renderPage, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, type as typeInto } from './support/page-harness';
import { DEMO_ANSWERS, DEMO_NOW, PROFILES } from './support/demo-answers';
import { CLOSED_REPORT, OPEN_REPORT, REPORT_CLOSED, REPORT_FOR_HANDLER, REPORT_FOR_RESIDENT, REPORT_RATED, ratingsOf } from './support/report-demo';

const STATION = DEMO_ANSWERS.station!.get! as StationDetail;
const callsOf = (host: FunctionHostStub, fn: string, action: string) => host.calls.filter((c) => c.fn === fn && c.body.action === action).map((c) => c.body);
const tapButton = (node: RenderedComponent | undefined) => node!.querySelector('.van-button')!.dispatchEvent('tap');
const texts = (page: RenderedComponent, cls: string) => page.querySelectorAll(cls).map((n) => textOf(n).replace(/\s+/g, ' ').trim());
const FAILURE = { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } };

describe('述职报告 pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { station: string; report: string; publish: string; duty: string; figures: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-resident');
    pages = loadPages({
      station: 'packages/station/detail/index',
      report: 'packages/station/report/index',
      publish: 'packages/work/report/index',
      duty: 'packages/work/duty/index',
      figures: 'packages/admin/figures/index',
    });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('station.get', { ok: true, data: STATION });
    host.answer('reception.following', { ok: true, data: { stationId: STATION.id, following: false } });
    host.answer('report.list', { ok: true, data: { reports: [OPEN_REPORT, CLOSED_REPORT], hasMore: false } });
    host.answer('report.get', { ok: true, data: REPORT_FOR_RESIDENT });
    wx = installWx();
    fakeClockAt(DEMO_NOW);
  });
  afterEach(() => jest.useRealTimers());

  describe('the station’s 述职报告 tab', () => {
    const openTab = async (page: RenderedComponent) => {
      page.querySelector('.wall')!.querySelectorAll('.van-tab')[4].dispatchEvent('tap');
      await until(() => ['loaded', 'error'].includes(page.data.reports.state), 'the reports');
    };

    it('asks for the reports only when the tab is opened, then lists deputy, title, period, the rate with its count and the window', async () => {
      const page = await openedPage(pages.station, { id: STATION.id });
      expect(callsOf(host, 'report', 'list')).toEqual([]);
      await openTab(page);
      expect(callsOf(host, 'report', 'list')).toEqual([{ action: 'list', stationId: STATION.id, page: 0 }]);
      expect(texts(page, '.report')).toEqual([
        '李明代表2026年度履职情况报告李明代表 · 2026.01.01—2026.11.12满意率 92%（36人评价）评价中 · 12月12日截止',
        '张丽华代表2025年度履职情况报告张丽华代表 · 2025年度已有 7 人评价评价已结束',
      ]);
      // Seven ratings are no sample: no rate at all for the second one.
      expect(texts(page, '.report')[1]).not.toMatch(/%/);

      // Opening the tab again does not ask again.
      page.querySelector('.wall')!.querySelectorAll('.van-tab')[0].dispatchEvent('tap');
      await openTab(page);
      expect(callsOf(host, 'report', 'list')).toHaveLength(1);

      page.querySelectorAll('.report')[1].dispatchEvent('tap');
      await until(() => wx.navigations.length === 1, 'the report');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/station/report/index?id=rp-2' }]);
    });

    it('opens on the tab from a link (?tab=reports)', async () => {
      const page = await openedPage(pages.station, { id: STATION.id, tab: 'reports' }, 'the station', (p) => p.data.reports.state === 'loaded');
      expect(page.data.tab).toBe(4);
      expect(texts(page, '.report__title')).toEqual(['李明代表2026年度履职情况报告', '张丽华代表2025年度履职情况报告']);
    });

    it('says so when no report is published', async () => {
      host.answer('report.list', { ok: true, data: { reports: [], hasMore: false } });
      const page = await openedPage(pages.station, { id: STATION.id });
      await openTab(page);
      expect(textOf(page.querySelector('.reports')!)).toBe('暂未发布述职报告');
    });

    it('shows a failure in the tab with a retry, and the rest of the page stays', async () => {
      host.answer('report.list', FAILURE);
      const page = await openedPage(pages.station, { id: STATION.id });
      await openTab(page);
      expect(textOf(page.querySelector('.reports-error')!)).toContain('服务繁忙，请稍后再试');
      expect(page.data.error).toBeNull();
      expect(textOf(page)).toContain('代表名单');

      host.answer('report.list', { ok: true, data: { reports: [OPEN_REPORT], hasMore: false } });
      tapButton(page.querySelector('.reports-error')!.querySelector('.retry'));
      await until(() => page.data.reports.state === 'loaded', 'the retry');
      expect(texts(page, '.report__title')).toEqual(['李明代表2026年度履职情况报告']);
      expect(page.querySelector('.reports-error')).toBeUndefined();
    });

    it('pages by 20 with 加载更多', async () => {
      host.answer('report.list', { ok: true, data: { reports: [OPEN_REPORT], hasMore: true } });
      const page = await openedPage(pages.station, { id: STATION.id });
      await openTab(page);
      host.answer('report.list', { ok: true, data: { reports: [CLOSED_REPORT], hasMore: false } });
      tapButton(page.querySelector('.more-reports'));
      await until(() => page.data.reports.rows.length === 2, 'the next page');
      expect(callsOf(host, 'report', 'list').map((c) => c.page)).toEqual([0, 1]);
      expect(page.querySelector('.more-reports')).toBeUndefined();
    });

    it('marks a 述职会 among the reception days, with nothing to book', async () => {
      const page = await openedPage(pages.station, { id: STATION.id });
      const meeting = texts(page, '.reception').find((t) => t.includes('述职会'));
      expect(meeting).toBe('述职会12月18日 周五 19:00-21:00述职代表：李明代表向选民报告履职情况，无需预约，欢迎到场联络员：王芳 0755-83280001');
      expect(texts(page, '.reception').filter((t) => t.includes('述职会'))).toHaveLength(1);
    });
  });

  describe('the report page', () => {
    it('shows the report, its duty figures and the rating summary; a resident rates it once', async () => {
      host.answer('report.rate', { ok: true, data: REPORT_RATED });
      const page = await openedPage(pages.report, { id: 'rp-1' });
      expect(callsOf(host, 'report', 'get')).toEqual([{ action: 'get', reportId: 'rp-1' }]);
      const text = textOf(page);
      for (const shown of ['李明代表2026年度履职情况报告', '李明代表 · 2026.01.01—2026.11.12', '11月12日发布 · 联络员代为发布', '围绕莲花北村加装电梯'])
        expect(text).toContain(shown);
      expect(texts(page, '.duty__line')).toEqual(['进站接待9 / 12 次', '联系群众46 / 40 人次', '代表建议2 / 2 件', '答复留言18 件']);
      expect(textOf(page.querySelector('.ratings')!)).toContain('满意率 92%（36人评价）');
      expect(texts(page, '.rate__option')).toEqual(['满意', '基本满意', '不满意']);
      expect(page.querySelector('.comments')).toBeUndefined();

      // Nothing chosen: said, nothing sent.
      tapButton(page.querySelector('.submit-rating'));
      await until(() => page.data.formError !== '', 'the check');
      expect(textOf(page.querySelector('.form-error')!)).toBe('请选择满意、基本满意或不满意');
      expect(callsOf(host, 'report', 'rate')).toEqual([]);

      tapButton(page.querySelector('.rate-satisfied'));
      await until(() => page.data.rating === 'satisfied', 'the choice');
      typeInto(page, '.field-comment', ' 电梯的事办得好 ');
      await until(() => page.data.comment !== '', 'the comment');
      tapButton(page.querySelector('.submit-rating'));
      await until(() => page.data.report.ratingState === 'rated', 'the rating');
      expect(callsOf(host, 'report', 'rate')).toEqual([{ action: 'rate', reportId: 'rp-1', rating: 'satisfied', comment: '电梯的事办得好' }]);
      expect(textOf(page.querySelector('.rate')!)).toBe('您已评价：满意');
      expect(page.querySelector('.submit-rating')).toBeUndefined();
      expect(textOf(page.querySelector('.ratings')!)).toContain('满意率 92%（37人评价）');
    });

    it('shows a refusal of the rating in the server’s words, and keeps the choice', async () => {
      host.answer('report.rate', { ok: false, error: { code: 'CONFLICT', message: '您已经评价过这份述职报告' } });
      const page = await openedPage(pages.report, { id: 'rp-1' });
      tapButton(page.querySelector('.rate-unsatisfied'));
      await until(() => page.data.rating === 'unsatisfied', 'the choice');
      tapButton(page.querySelector('.submit-rating'));
      await until(() => page.data.formError !== '', 'the refusal');
      expect(textOf(page.querySelector('.form-error')!)).toBe('您已经评价过这份述职报告');
      expect(page.data.rating).toBe('unsatisfied');
    });

    it('says 评价已结束 once the window closed, with the count and no rate below 10', async () => {
      host.answer('report.get', { ok: true, data: REPORT_CLOSED });
      const page = await openedPage(pages.report, { id: 'rp-2' });
      expect(textOf(page.querySelector('.rate')!)).toBe('评价已结束');
      expect(textOf(page.querySelector('.ratings')!)).toContain('已有 7 人评价');
      expect(textOf(page.querySelector('.ratings')!)).not.toMatch(/%/);
      expect(page.querySelector('.submit-rating')).toBeUndefined();
    });

    it('shows the deputy the comments, never who wrote them, and no form', async () => {
      host.answer('report.get', { ok: true, data: REPORT_FOR_HANDLER });
      const page = await openedPage(pages.report, { id: 'rp-1' });
      expect(texts(page, '.comment')).toEqual(['满意 · 11月19日电梯的事跟进得很及时，谢谢李代表。', '不满意 · 11月16日公交站遮阳棚还要等到明年，希望能快一点。']);
      expect(textOf(page.querySelector('.rate')!)).toBe('评价中 · 12月12日截止');
      expect(page.querySelector('.submit-rating')).toBeUndefined();
    });

    it('previews the photos and shares itself by title and id', async () => {
      const page = await openedPage(pages.report, { id: 'rp-1' });
      page.querySelectorAll('.photo')[1].dispatchEvent('tap');
      await until(() => wx.previews.length === 1, 'the preview');
      expect(wx.previews[0]).toEqual({ urls: REPORT_FOR_RESIDENT.photos.map((p) => p.url), current: REPORT_FOR_RESIDENT.photos[1].url });
      expect(page.instance.onShareAppMessage()).toEqual({ title: '李明代表2026年度履职情况报告', path: '/packages/station/report/index?id=rp-1' });
    });

    it('says when there is no such report, without a useless retry; and asks nothing without an id', async () => {
      host.answer('report.get', { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这份述职报告' } });
      const missing = await openedPage(pages.report, { id: 'rp-404' });
      expect(textOf(missing)).toContain('没有找到这份述职报告');
      expect(missing.querySelector('.page-error')!.querySelector('.retry')).toBeUndefined();

      host.calls.length = 0;
      const bare = await openedPage(pages.report, {});
      expect(host.calls).toEqual([]);
      expect(textOf(bare)).toContain('没有找到这份述职报告');
    });

    it('shows a failure with a retry that asks again', async () => {
      host.answer('report.get', FAILURE);
      const page = await openedPage(pages.report, { id: 'rp-1' });
      expect(textOf(page)).toContain('服务繁忙，请稍后再试');
      host.answer('report.get', { ok: true, data: REPORT_FOR_RESIDENT });
      tapButton(page.querySelector('.page-error')!.querySelector('.retry'));
      await until(() => !!page.data.report, 'the retry');
      expect(callsOf(host, 'report', 'get')).toHaveLength(2);
    });
  });

  describe('发布述职报告', () => {
    const stationWith = (id: string, deputies: [string, string][]) => ({
      ...STATION,
      id,
      deputies: deputies.map(([dpId, name]) => ({ id: dpId, name, level: 'district', delegation: '', occupation: '' })),
    });
    const pick = (page: RenderedComponent, cls: string, value: string | number) => page.querySelector(cls)!.dispatchEvent('change', { detail: { value } });

    it("lets an officer choose one of their stations' deputies, and keeps one requestId across retries", async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.officer });
      host.answer('station.get', {
        ok: true,
        data: stationWith('st-ft-hf', [
          ['dp-001', '李明'],
          ['dp-002', '张丽华'],
        ]),
      });
      const page = await openedPage(pages.publish, {});
      // Both of the officer's stations asked; the same deputies answered twice are listed once.
      expect(callsOf(host, 'station', 'get')).toEqual([
        { action: 'get', id: 'st-ft-hf' },
        { action: 'get', id: 'st-ft-hf-01' },
      ]);
      expect(page.data.deputies).toEqual([
        { id: 'dp-001', name: '李明' },
        { id: 'dp-002', name: '张丽华' },
      ]);
      // The whole of last year, Beijing's calendar (DEMO_NOW is 21 November 2026).
      expect(page.data.form).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
      expect(textOf(page.querySelector('.deputy')!)).toContain('请选择');

      tapButton(page.querySelector('.submit-report'));
      await until(() => !!page.data.errors.deputy, 'the checks');
      expect(textOf(page.querySelector('.error-deputy')!)).toBe('请选择代表');
      expect(page.data.errors.content).toBe('请填写述职报告内容');
      expect(callsOf(host, 'report', 'publish')).toEqual([]);

      pick(page, '.picker-deputy', 1);
      await until(() => page.data.form.deputyId === 'dp-002', 'the deputy');
      expect(page.data.titlePlaceholder).toBe('张丽华代表2025年度履职情况报告');
      typeInto(page, '.field-content', '一年来，我坚持到联络站接待选民。');
      await until(() => page.data.form.content !== '', 'the text');

      host.answerOnce('report.publish', FAILURE);
      host.answer('report.publish', { ok: true, data: { ...REPORT_FOR_HANDLER, id: 'rp-new' } });
      tapButton(page.querySelector('.submit-report'));
      await until(() => !!page.data.errors.submit, 'the failure');
      expect(textOf(page.querySelector('.error-submit')!)).toBe('服务繁忙，请稍后再试');
      tapButton(page.querySelector('.submit-report'));
      await until(() => wx.navigations.length === 1, 'the report page');

      const sent = callsOf(host, 'report', 'publish');
      expect(sent).toHaveLength(2);
      expect(sent[0]).toEqual({
        action: 'publish',
        requestId: expect.stringMatching(/^[a-z0-9]{24}$/),
        deputyId: 'dp-002',
        period: { from: '2025-01-01', to: '2025-12-31' },
        content: '一年来，我坚持到联络站接待选民。',
      });
      expect(sent[1].requestId).toBe(sent[0].requestId);
      expect(wx.navigations).toEqual([{ method: 'redirectTo', url: '/packages/station/report/index?id=rp-new' }]);
    });

    it('takes 今年以来 to today, and a custom period from the date pickers', async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.officer });
      const page = await openedPage(pages.publish, {});
      page.querySelector('.preset-thisYear')!.dispatchEvent('tap');
      await until(() => page.data.preset === 'thisYear', 'the preset');
      expect(page.data.form).toMatchObject({ from: '2026-01-01', to: '2026-11-21' });
      pick(page, '.picker-from', '2026-03-01');
      await until(() => page.data.form.from === '2026-03-01', 'the date');
      expect(page.data.preset).toBe('custom');
    });

    it('has a deputy report on themselves: their name, no choice', async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.deputy });
      const page = await openedPage(pages.publish, {});
      expect(callsOf(host, 'station', 'get')).toEqual([]);
      expect(page.querySelector('.picker-deputy')).toBeUndefined();
      expect(textOf(page.querySelector('.deputy')!)).toBe('代表李明（本人）');
      expect(page.data.form.deputyId).toBe('dp-001');
    });

    it('turns a resident away in words', async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.resident });
      const page = renderPage(pages.publish);
      await page.instance.onLoad({});
      await until(() => !page.data.loading, 'the page');
      expect(textOf(page)).toContain('只有代表本人或联络员可以发布述职报告');
    });
  });

  describe('the ratings elsewhere', () => {
    it('履职档案 shows 述职满意率 with its count, and a published report opens from the recent list', async () => {
      host.answer('user.duty', { ok: true, data: DEMO_ANSWERS.user!.duty! });
      const page = await openedPage(pages.duty, {});
      expect(textOf(page.querySelector('.report-ratings')!)).toBe('92%（36人评价）');
      expect(textOf(page.querySelector('.item-reports')!)).toBe('述职报告1 份');
      const recent = page.querySelectorAll('.recent');
      const published = recent.find((r) => textOf(r).includes('发布「李明代表2026年度履职情况报告」'))!;
      published.querySelector('.van-cell')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 1, 'the report');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/station/report/index?id=rp-1' }]);

      host.answer('user.duty', { ok: true, data: { ...DEMO_ANSWERS.user!.duty!, reportRatings: ratingsOf(5, 2, 0) } });
      const few = await openedPage(pages.duty, {});
      expect(textOf(few.querySelector('.report-ratings')!)).toBe('已有 7 人评价');
    });

    it('the district’s figures by deputy carry a 述职满意率 line; by station none', async () => {
      const figures = DEMO_ANSWERS.admin!.figures!;
      host.answer('admin.figures', { ok: true, data: figures });
      const page = await openedPage(pages.figures, {});
      expect(page.querySelectorAll('.report-ratings')).toHaveLength(0);
      const byDeputy = {
        ...figures,
        by: 'deputy',
        rows: [
          { ...figures.rows[0], id: 'dp-001', name: '李明', reportRatings: ratingsOf(25, 8, 3) },
          { ...figures.rows[1], id: 'dp-002', name: '张丽华', reportRatings: ratingsOf(4, 2, 1) },
        ],
      };
      host.answer('admin.figures', { ok: true, data: byDeputy });
      page.querySelector('.by-deputy')!.dispatchEvent('tap');
      await until(() => page.querySelectorAll('.report-ratings').length === 2, 'the deputies');
      expect(texts(page, '.report-ratings')).toEqual(['92%（36人评价）', '已有 7 人评价']);
    });
  });
});
