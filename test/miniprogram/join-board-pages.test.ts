/**
 * @jest-environment jsdom
 *
 * 我也遇到 and 办理公开 as residents and handlers meet them, page by page, against canned
 * answers: the look-alikes offered while composing (and joining one), the public case page
 * (join, 补充情况, undo; one’s own case), the board (paging, empty), the share card of a resident's own case,
 * 我的留言's 我也遇到的, and 附议 on the handlers' pages.
 */
import type { BoardOutput } from '../../typings/board';
import type { StationDetail } from '../../typings/api';
import { setClock } from '../../miniprogram/utils/time';
import { SIMILAR_MIN_GAP_MS, SIMILAR_PAUSE_MS } from '../../miniprogram/packages/case/compose/similar';
import type { WxPlatform } from '../support/wx-platform';
import { BOARD, JOINED, OPEN_PUBLIC_CASE_JOINED, PUBLIC_CASE, PUBLIC_CASE_TO_OWNER, PUBLIC_CASE_TO_RESIDENT, SIMILAR } from './support/board-demo';
import { caseDetail, daysAgo, event, NOW } from './support/case-fixtures';
import { DEMO_ANSWERS, HANDLER_CASE } from './support/demo-answers';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPages, renderPage, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, tap, type } from './support/page-harness';
import { fakeTimeouts } from './support/settle';

const { useNoticeTemplates } = require('../../miniprogram/services/subscribe') as {
  useNoticeTemplates(ids: Partial<Record<'caseStatusChanged' | 'caseReplied', string>>): void;
};

const ok = <T>(data: T) => ({ ok: true, data });
const actions = (host: FunctionHostStub) => host.calls.map((c) => `${c.fn}.${String(c.body.action)}`);
const bodies = (host: FunctionHostStub, key: string) => host.calls.filter((c) => `${c.fn}.${String(c.body.action)}` === key).map((c) => c.body);
/** Types, and waits until the page took it (Vant hands the change on asynchronously): then the clock may move. */
async function typed(page: RenderedComponent, field: 'title' | 'content', value: string): Promise<void> {
  type(page, `.field-${field}`, value);
  await until(() => page.data.form[field] === value, `the ${field} to be taken`);
}
const texts = (page: RenderedComponent, selector: string) => Array.from(page.dom.querySelectorAll(selector)).map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('我也遇到 and 办理公开 pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let ids: Record<'compose' | 'publicCase' | 'board' | 'detail' | 'cases' | 'inbox' | 'workCase' | 'station', string>;

  beforeAll(async () => {
    host = await startLocalHost('odemo-resident');
    useNoticeTemplates({ caseStatusChanged: 'tmpl-status', caseReplied: 'tmpl-replied' });
    ids = loadPages({
      compose: 'packages/case/compose/index',
      publicCase: 'packages/station/case/index',
      board: 'packages/station/board/index',
      detail: 'packages/case/detail/index',
      cases: 'pages/cases/index',
      inbox: 'packages/work/inbox/index',
      workCase: 'packages/work/case/index',
      station: 'packages/station/detail/index',
    });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    setClock(() => NOW);
    host.calls.length = 0;
    host.answer('subscription.record', ok({ remaining: {} }));
    wx = installWx();
  });

  describe('给代表留言: 附近居民也反映过', () => {
    beforeEach(() => {
      host.answer('station.get', ok(DEMO_ANSWERS.station!.get as StationDetail));
      host.answer('case.similar', ok(SIMILAR));
      host.answer('case.join', ok({ caseId: 'case-8', joined: true, joinCount: 3 }));
      host.answer('case.submit', ok({ caseId: 'case-42', receiptNo: 'FT20261121-0042' }));
      fakeTimeouts(NOW);
    });
    afterEach(() => jest.useRealTimers());

    it('asks after a pause in typing, at most once in a few seconds, and shows the look-alikes', async () => {
      const page = await openedPage(ids.compose, { stationId: 'st-ft-hf' });
      expect(textOf(page)).not.toContain('附近居民也反映过');
      await typed(page, 'content', '公交站座椅');
      jest.advanceTimersByTime(SIMILAR_PAUSE_MS * 2);
      expect(actions(host)).toEqual(['station.get']); // too little said to compare

      await typed(page, 'content', '华富路公交站的座椅坏了');
      jest.advanceTimersByTime(SIMILAR_PAUSE_MS - 1);
      expect(actions(host)).toEqual(['station.get']);
      jest.advanceTimersByTime(1);
      await until(() => textOf(page).includes('附近居民也反映过'), 'the look-alikes');
      expect(bodies(host, 'case.similar')).toEqual([{ action: 'similar', stationId: 'st-ft-hf', content: '华富路公交站的座椅坏了' }]);
      expect(texts(page, '.similar-cases--similar-card__title')).toEqual(['华富路公交站座椅损坏', '公交站旁的路灯晚上不亮']);
      const first = textOf(page.querySelector('.similar-cases')!);
      expect(first).toContain('2 人也遇到');
      expect(first).toContain('3天前');
      expect(first).toContain('求助');
      expect(first).toContain('120米');

      // Typing on: the next question waits for the gap since the last one, whatever the pauses.
      await typed(page, 'content', '华富路公交站的座椅坏了好几张');
      jest.advanceTimersByTime(SIMILAR_PAUSE_MS);
      expect(bodies(host, 'case.similar')).toHaveLength(1);
      jest.advanceTimersByTime(SIMILAR_MIN_GAP_MS - SIMILAR_PAUSE_MS - 1);
      expect(bodies(host, 'case.similar')).toHaveLength(1);
      jest.advanceTimersByTime(1);
      await until(() => bodies(host, 'case.similar').length === 2, 'the second look-up');
      expect(bodies(host, 'case.similar')[1]).toMatchObject({ content: '华富路公交站的座椅坏了好几张' });
    });

    it('我也遇到 asks for the notices, joins, says so — and my own message can still be sent, public by default', async () => {
      const page = await openedPage(ids.compose, { stationId: 'st-ft-hf' });
      await typed(page, 'title', '公交站座椅坏了');
      jest.advanceTimersByTime(SIMILAR_PAUSE_MS);
      await until(() => textOf(page).includes('附近居民也反映过'), 'the look-alikes');

      const card = page.querySelector('.similar-cases')!.querySelectorAll('.join')[0];
      card.querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => textOf(page).includes('已加入，有进展会通知您'), 'the join to be confirmed');
      expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([['tmpl-status', 'tmpl-replied']]);
      expect(bodies(host, 'case.join')).toEqual([{ action: 'join', caseId: 'case-8' }]);
      expect(textOf(page.querySelector('.similar-cases')!)).toContain('3 人也遇到');

      await typed(page, 'content', '华富路公交站的座椅坏了好几张，老人等车只能站着');
      tap(page, '.submit-case');
      await until(() => textOf(page).includes('留言已提交'), 'the receipt');
      expect(bodies(host, 'case.submit')[0]).toMatchObject({ stationId: 'st-ft-hf', title: '公交站座椅坏了', anonymous: false, public: true });
    });

    it('允许公开 turns off and locks while 匿名 is on, and the case goes as not public', async () => {
      const page = await openedPage(ids.compose, { stationId: 'st-ft-hf' });
      expect(textOf(page)).toContain('允许公开，隐去个人信息');
      tap(page, '.anonymous-switch', '.van-switch');
      await until(() => page.data.consent.disabled === true, 'the consent to lock');
      expect(textOf(page)).toContain('匿名留言不会公开给其他居民');
      expect(page.querySelector('.public-switch')!.data.checked).toBe(false);
      await typed(page, 'content', '华富路公交站的座椅坏了好几张');
      tap(page, '.submit-case');
      await until(() => textOf(page).includes('留言已提交'), 'the receipt');
      expect(bodies(host, 'case.submit')[0]).toMatchObject({ anonymous: true, public: false });
    });
  });

  describe('办理公开 of one case', () => {
    beforeEach(() => {
      host.answer('station.publicCase', ok(PUBLIC_CASE_TO_RESIDENT));
      host.answer('case.join', ok({ caseId: 'case-7', joined: true, joinCount: 4 }));
      host.answer('case.unjoin', ok({ caseId: 'case-7', joined: false, joinCount: 3 }));
    });

    it('shows the case without its resident: steps with dates, the reply, how it closed, 附议', async () => {
      const page = await openedPage(ids.publicCase, { id: 'case-7' });
      const text = textOf(page);
      for (const shown of [
        '莲花北村12栋楼道灯坏了两周',
        '求助',
        '福田区华富街道人大代表联络站',
        '附议 3 人',
        '提交',
        '受理',
        '答复',
        '办结',
        '经与物业公司协调',
        '留言人评价后办结',
        '留言人评价：满意',
      ]) {
        expect(text).toContain(shown);
      }
      expect(texts(page, '.main--step__date')).toEqual(['11月1日', '11月2日', '11月9日', '11月12日']);
      // One call: the case answers whether I joined it (not yet) and that it is not mine.
      expect(bodies(host, 'station.publicCase')).toEqual([{ action: 'publicCase', caseId: 'case-7' }]);
      expect(actions(host)).toEqual(['station.publicCase']);
      expect(texts(page, '.main--action')).toEqual(['我也遇到']);
      expect(text).not.toContain('这是您本人的留言');
      expect(page.instance.onShareAppMessage()).toEqual({ title: '办理公开：莲花北村12栋楼道灯坏了两周', path: '/packages/station/case/index?id=case-7' });
    });

    it('我也遇到 joins (asking for notices first), then offers 补充情况 and 取消我也遇到', async () => {
      const page = await openedPage(ids.publicCase, { id: 'case-7' });
      tap(page, '.join');
      await until(() => page.data.joined === true, 'the join');
      expect(wx.subscriptionPrompts).toHaveLength(1);
      expect(bodies(host, 'case.join')).toEqual([{ action: 'join', caseId: 'case-7' }]);
      expect(textOf(page)).toContain('附议 4 人');
      expect(textOf(page)).toContain('已加入，有进展会通知您');
      expect(wx.toasts.at(-1)?.title).toBe('已加入，有进展会通知您');

      tap(page, '.unjoin');
      await until(() => page.data.joined === false, 'the undo');
      expect(bodies(host, 'case.unjoin')).toEqual([{ action: 'unjoin', caseId: 'case-7' }]);
      expect(textOf(page)).toContain('附议 3 人');
      expect(textOf(page)).not.toContain('补充情况');
      expect(texts(page, '.main--action')).toEqual(['我也遇到']);
    });

    it('补充情况 is a second join with the note, seen only by the handlers', async () => {
      host.answer('station.publicCase', ok(OPEN_PUBLIC_CASE_JOINED));
      host.answer('case.join', ok({ caseId: 'case-8', joined: true, joinCount: 2 }));
      const page = await openedPage(ids.publicCase, { id: 'case-8' });
      expect(page.data.joined).toBe(true); // the answer says I joined it
      expect(texts(page, '.main--action')).toEqual(['补充情况', '取消我也遇到']);
      expect(textOf(page)).toContain('已加入，有进展会通知您');
      tap(page, '.add-note');
      await until(() => page.data.sheet === true, 'the sheet');
      tap(page, '.send-note');
      await until(() => page.data.noteError !== '', 'the empty note refused');
      expect(page.data.noteError).toBe('请写下补充的情况，或添加照片');
      type(page, '.field-note', '  二楼到四楼的灯也不亮 ');
      tap(page, '.send-note');
      await until(() => page.data.sheet === false, 'the note sent');
      expect(bodies(host, 'case.join')).toEqual([{ action: 'join', caseId: 'case-8', note: '二楼到四楼的灯也不亮' }]);
      expect(wx.toasts.at(-1)?.title).toBe('已补充，办理人员会看到');
    });

    it('on my own case: no 我也遇到, the way to my own page instead', async () => {
      host.answer('station.publicCase', ok(PUBLIC_CASE_TO_OWNER));
      const page = await openedPage(ids.publicCase, { id: 'case-7' });
      expect(actions(host)).toEqual(['station.publicCase']);
      expect(page.data).toMatchObject({ own: true, joined: null });
      expect(page.dom.querySelectorAll('.main--action')).toHaveLength(0);
      expect(page.dom.querySelector('.main--action-bar')).toBeNull();
      expect(textOf(page)).not.toContain('我也遇到');
      expect(textOf(page)).toContain('这是您本人的留言');
      expect(textOf(page)).toContain('莲花北村12栋楼道灯坏了两周');
      tap(page, '.to-mine');
      await until(() => wx.navigations.length > 0, 'my page to open');
      expect(wx.navigations.at(-1)).toEqual({ method: 'navigateTo', url: '/packages/case/detail/index?id=case-7' });
    });

    it('offers nothing to a caller WeChat did not identify (no viewer), and says when a case is not public', async () => {
      host.answer('station.publicCase', ok(PUBLIC_CASE));
      const page = await openedPage(ids.publicCase, { id: 'case-7' });
      expect(page.data).toMatchObject({ own: false, joined: null });
      expect(page.dom.querySelector('.main--action-bar')).toBeNull();
      expect(textOf(page)).not.toContain('我也遇到');
      expect(textOf(page)).not.toContain('这是您本人的留言');

      host.answer('station.publicCase', { ok: false, error: { code: 'NOT_FOUND', message: '留言不存在' } });
      const missing = await openedPage(ids.publicCase, { id: 'case-1' });
      expect(textOf(missing)).toContain('该留言未公开或不存在');
      expect(textOf(missing)).not.toContain('重试');
    });
  });

  describe('办理公开 of a station', () => {
    const page2: BoardOutput = { ...BOARD, cases: [{ ...PUBLIC_CASE, id: 'case-20', title: '第二页的留言' }], hasMore: false, months: [] };

    it('shows the months’ figures with their counts and the cases, and pages by 20 at the bottom', async () => {
      host.answer('station.board', ok({ ...BOARD, hasMore: true }));
      const page = await openedPage(ids.board, { stationId: 'st-ft-hf' });
      expect(bodies(host, 'station.board')).toEqual([{ action: 'board', stationId: 'st-ft-hf', page: 0 }]);
      expect(wx.titles.at(-1)).toBe('福田区华富街道人大代表联络站办理公开');
      // The last three months first; all twelve on asking.
      expect(texts(page, '.main--month-row__label')).toEqual(['2026年11月', '2026年10月', '2026年9月']);
      page.querySelector('.figures__more')!.dispatchEvent('tap');
      await until(() => texts(page, '.main--month-row__label').length === 12, 'all twelve months');
      expect(texts(page, '.main--month-row__label').at(-1)).toBe('2025年12月');
      // November has 6 ratings: below the sample, no rate, its counts all the same.
      const november = texts(page, '.main--month-row')[0];
      expect(november).toContain('收到 9 件 · 办结 7 件');
      expect(november).toContain('响应率89%（8/9）');
      expect(november).toContain('满意率样本不足（5/6）');
      expect(texts(page, '.main--board-card__title')).toEqual(['莲花北村12栋楼道灯坏了两周', '建议在莲花北公交站增设遮阳棚', '华富路夜间施工噪音扰民']);
      expect(textOf(page)).toContain('上拉加载更多');

      host.answer('station.board', ok(page2));
      await page.instance.onReachBottom();
      expect(bodies(host, 'station.board')[1]).toEqual({ action: 'board', stationId: 'st-ft-hf', page: 1 });
      expect(texts(page, '.main--board-card__title')).toHaveLength(4);
      expect(textOf(page)).toContain('没有更多了');
      await page.instance.onReachBottom();
      expect(bodies(host, 'station.board')).toHaveLength(2);

      page.querySelectorAll('.board-card')[0].dispatchEvent('tap');
      await until(() => wx.navigations.length > 0, 'the case to open');
      expect(wx.navigations.at(-1)).toEqual({ method: 'navigateTo', url: '/packages/station/case/index?id=case-7' });
      expect(page.instance.onShareAppMessage()).toEqual({ title: '福田区华富街道人大代表联络站办理公开', path: '/packages/station/board/index?stationId=st-ft-hf' });
    });

    it('is reached from the station page’s 办理公开', async () => {
      host.answer('station.get', ok(DEMO_ANSWERS.station!.get as StationDetail));
      host.answer('reception.following', ok({ stationId: 'st-ft-hf', following: false }));
      const page = await openedPage(ids.station, { id: 'st-ft-hf' });
      tap(page, '.board-link', '.van-cell');
      await until(() => wx.navigations.length > 0, 'the board to open');
      expect(wx.navigations.at(-1)).toEqual({ method: 'navigateTo', url: '/packages/station/board/index?stationId=st-ft-hf' });
    });

    it('asks for one month when one is chosen, and says when nothing was closed', async () => {
      host.answer('station.board', ok({ ...BOARD, cases: [] }));
      const page = await openedPage(ids.board, { district: '福田区' });
      expect(bodies(host, 'station.board')[0]).toEqual({ action: 'board', district: '福田区', page: 0 });
      expect(textOf(page)).toContain('这段时间还没有公开的办结留言');
      await page.instance.onMonth({ detail: { value: '2' } });
      expect(bodies(host, 'station.board')[1]).toEqual({ action: 'board', district: '福田区', month: '2026-10', page: 0 });
      expect(texts(page, '.main--month-row__label')).toEqual(['2026年10月']);
    });
  });

  describe('my own case, 我的留言 and the handlers', () => {
    it('分享给家人 shares the public page, only for a case allowed public and accepted; 附议 N shows', async () => {
      const accepted = caseDetail({ id: 'case-1', publicConsent: true, joinCount: 2 });
      host.answer('case.get', ok(accepted));
      const page = await openedPage(ids.detail, { id: 'case-1' });
      expect(textOf(page)).toContain('附议 2 人');
      expect(textOf(page)).toContain('分享给家人');
      expect(page.instance.onShareAppMessage().path).toBe('/packages/station/case/index?id=case-1');

      host.answer('case.get', ok(caseDetail({ id: 'case-2', publicConsent: false })));
      const privateCase = await openedPage(ids.detail, { id: 'case-2' });
      expect(textOf(privateCase)).not.toContain('分享给家人');
      expect(privateCase.instance.onShareAppMessage().path).not.toContain('case-2');

      const notYet = caseDetail({ id: 'case-3', status: 'submitted', publicConsent: true, timeline: [event(1, 'submitted', { at: daysAgo(1) })] });
      host.answer('case.get', ok(notYet));
      const submitted = await openedPage(ids.detail, { id: 'case-3' });
      expect(textOf(submitted)).not.toContain('分享给家人');
      expect(submitted.instance.onShareAppMessage().path).not.toContain('packages/case');
    });

    it('我的留言 lists 我也遇到的, each opening the public page', async () => {
      host.answer('case.mine', ok({ cases: [], hasMore: false, unreadTotal: 0 }));
      host.answer('case.joined', ok(JOINED));
      const page = renderPage(ids.cases);
      await page.instance.onShow();
      await until(() => textOf(page).includes('我也遇到的'), 'the joined section');
      expect(textOf(page)).toContain('华富路公交站座椅损坏');
      expect(textOf(page)).toContain('2 人也遇到');
      expect(textOf(page)).not.toContain('还没有留言');
      page.querySelector('.joined')!.querySelector('.van-cell')!.dispatchEvent('tap');
      await until(() => wx.navigations.length > 0, 'the case to open');
      expect(wx.navigations.at(-1)).toEqual({ method: 'navigateTo', url: '/packages/station/case/index?id=case-8' });
    });

    it('the queue marks 附议 N, and the handler’s page lists what joiners added, never who', async () => {
      host.answer('user.profile', ok(DEMO_ANSWERS.user!.profile!));
      host.answer('case.inbox', ok(DEMO_ANSWERS.case!.inbox!));
      host.answer('case.inbox', ok({ ...DEMO_ANSWERS.case!.inbox!, cases: [{ ...DEMO_ANSWERS.case!.inbox!.cases[0], joinCount: 3 }, DEMO_ANSWERS.case!.inbox!.cases[1]] }));
      const inbox = await openedPage(ids.inbox, {});
      expect(texts(inbox, '.main--case__joins')).toEqual(['附议 3']);

      host.answer('case.get', ok(HANDLER_CASE));
      const work = await openedPage(ids.workCase, { id: 'case-1' });
      const text = textOf(work);
      expect(text).toContain('附议 3');
      expect(text).toContain('附议居民补充的情况');
      expect(text).toContain('我家住12栋二单元，二楼到四楼的灯也不亮，晚上只能打手电。');
      expect(text).toContain('11月20日 14:30');
      expect(work.dom.querySelectorAll('.main--join-note')).toHaveLength(2);
    });
  });
});
