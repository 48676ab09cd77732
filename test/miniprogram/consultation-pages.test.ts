/**
 * @jest-environment jsdom
 *
 * The resident side of 立法意见征集 in the mini-program, against canned answers of the
 * `consultation` function: the consultation's page (articles folded and unfolded, paged by 20,
 * closed, an officer's links), the comment form (checks before any call, the subscription asked
 * from the tap, exactly the typed fields sent, one requestId across retries), 我的意见 (撤回 asks
 * first), confirming a recorded comment by its code, and the station page's block.
 */
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, tap, type as typeInto } from './support/page-harness';
import { DEMO_ANSWERS, DEMO_NOW } from './support/demo-answers';
import {
  ARTICLE_1_TEXT,
  ARTICLE_21_TEXT,
  CLAIMED_COMMENT,
  CLOSED_FOR_RESIDENT,
  JUST_COMMENTED,
  MY_COMMENTS,
  OFFICER_DETAIL,
  RESIDENT_DETAIL,
  RESIDENT_PAGE_1,
  STATION_CONSULTATIONS,
  WITHDRAWN,
} from './support/consultation-demo';

const ok = <T>(data: T) => ({ ok: true, data });
const callsOf = (host: FunctionHostStub, fn: string, action: string) => host.calls.filter((c) => c.fn === fn && c.body.action === action).map((c) => c.body);
const texts = (page: RenderedComponent, cls: string) => page.querySelectorAll(cls).map((n) => textOf(n).replace(/\s+/g, ' ').trim());

describe('立法意见征集, the resident’s pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: Record<'detail' | 'comment' | 'mine' | 'claim' | 'station', string>;

  beforeAll(async () => {
    host = await startLocalHost('odemo-resident');
    pages = loadPages({
      detail: 'packages/consultation/detail/index',
      comment: 'packages/consultation/comment/index',
      mine: 'packages/consultation/mine/index',
      claim: 'packages/consultation/claim/index',
      station: 'packages/station/detail/index',
    }) as typeof pages;
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('consultation.get', ok(RESIDENT_DETAIL));
    host.answer('consultation.mine', ok({ comments: MY_COMMENTS }));
    host.answer('subscription.templates', ok(DEMO_ANSWERS.subscription!.templates!));
    host.answer('subscription.record', ok({ remaining: {} }));
    wx = installWx();
    fakeClockAt(DEMO_NOW);
  });
  afterEach(() => jest.useRealTimers());

  describe('the consultation', () => {
    it('shows the draft, its counts and its articles folded under their chapters', async () => {
      const page = await openedPage(pages.detail, { id: 'cs-1', stationId: 'st-ft-hf' });
      expect(callsOf(host, 'consultation', 'get')).toEqual([{ action: 'get', consultationId: 'cs-1', articlePage: 0 }]);
      expect(texts(page, '.header')[0]).toBe('征集中2026年12月5日截止《中华人民共和国社会救助法（草案）》征求意见机关：全国人大常委会法制工作委员会意见 12 条 · 10 人参与');
      expect(texts(page, '.general')).toEqual(['总体意见 3 条提总体意见']);
      expect(texts(page, '.chapter')).toEqual(['第一章 总则', '第二章 救助对象']);
      expect(page.querySelectorAll('.article')).toHaveLength(20);
      expect(texts(page, '.article-1')[0]).toBe('第一条意见 4 条为了规范社会救助工作，保障公民的基本生活，促进社会公平，维护社会和谐稳定，根据宪…');
      expect(page.querySelector('.article__text')).toBeUndefined();
      expect(page.querySelector('.open-review')).toBeUndefined();
    });

    it('unfolds an article to its whole text and 对本条提意见 by tapping its heading, and folds it again', async () => {
      const page = await openedPage(pages.detail, { id: 'cs-1', stationId: 'st-ft-hf' });
      page.querySelectorAll('.article__head')[0].dispatchEvent('tap');
      await until(() => page.data.articles[0].open, 'the article unfolded');
      expect(texts(page, '.article__text')).toEqual([ARTICLE_1_TEXT]);
      tap(page, '.comment-article');
      await until(() => wx.navigations.length === 1, 'the form');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/consultation/comment/index?id=cs-1&articleNo=1&stationId=st-ft-hf' }]);
      page.querySelectorAll('.article__head')[0].dispatchEvent('tap');
      await until(() => !page.data.articles[0].open, 'the article folded');
      expect(page.querySelector('.article__text')).toBeUndefined();
    });

    it('adds the next 20 articles under the first with 加载更多, continuing the chapter', async () => {
      const page = await openedPage(pages.detail, { id: 'cs-1' });
      host.answer('consultation.get', ok(RESIDENT_PAGE_1));
      tap(page, '.more');
      await until(() => page.data.articles.length === 40, 'the next page');
      expect(callsOf(host, 'consultation', 'get').at(-1)).toEqual({ action: 'get', consultationId: 'cs-1', articlePage: 1 });
      expect(texts(page, '.chapter')).toEqual(['第一章 总则', '第二章 救助对象', '第三章 救助方式']);
      expect(texts(page, '.article__label').slice(19, 21)).toEqual(['第二十条', '第二十一条']);
      expect(page.querySelector('.more')).toBeDefined();
    });

    it('asks for 总体意见 without a station when it was opened from none and two take part', async () => {
      const page = await openedPage(pages.detail, { id: 'cs-1' });
      tap(page, '.comment-general');
      await until(() => wx.navigations.length === 1, 'the form');
      expect(wx.navigations[0].url).toBe('/packages/consultation/comment/index?id=cs-1&articleNo=0');
    });

    it('replaces the comment buttons by 已截止 once closed', async () => {
      host.answer('consultation.get', ok(CLOSED_FOR_RESIDENT));
      const page = await openedPage(pages.detail, { id: 'cs-1' });
      expect(texts(page, '.status')).toEqual(['已截止']);
      expect(page.querySelector('.comment-general')).toBeUndefined();
      page.querySelectorAll('.article__head')[0].dispatchEvent('tap');
      await until(() => page.data.articles[0].open, 'the article unfolded');
      expect(page.querySelector('.comment-article')).toBeUndefined();
      expect(texts(page, '.article__closed')).toEqual(['已截止']);
    });

    it('links an officer to the review page', async () => {
      host.answer('consultation.get', ok(OFFICER_DETAIL));
      const page = await openedPage(pages.detail, { id: 'cs-1' });
      expect(page.querySelector('.open-report')).toBeUndefined();
      tap(page, '.open-review');
      await until(() => wx.navigations.length === 1, 'the review page');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/consultation/review/index?id=cs-1' }]);
    });

    it('says a link without an id leads nowhere, with no retry', async () => {
      const page = await openedPage(pages.detail, {});
      expect(textOf(page)).toContain('没有找到这次意见征集');
      expect(page.querySelector('.page-error')!.querySelector('.retry')).toBeUndefined();
    });
  });

  describe('the comment form', () => {
    const open = (query: Record<string, string>) => openedPage(pages.comment, query);

    it('shows the article, checks before any call, then asks for the notice from the tap and sends exactly what was typed', async () => {
      host.answer('consultation.get', ok(RESIDENT_PAGE_1));
      host.answer('consultation.comment', ok(JUST_COMMENTED));
      const page = await open({ id: 'cs-1', articleNo: '21', stationId: 'st-ft-hf' });
      expect(callsOf(host, 'consultation', 'get')).toEqual([{ action: 'get', consultationId: 'cs-1', articlePage: 1 }]);
      expect(textOf(page.querySelector('.target__label')!)).toBe('第二十一条');
      expect(textOf(page.querySelector('.target__text')!)).toBe(ARTICLE_21_TEXT);
      expect(textOf(page)).toContain('不填则匿名');
      expect(textOf(page)).toContain('仅联络员和区人大常委会可见，用于反馈');

      tap(page, '.submit');
      await until(() => page.data.formError !== '', 'the check');
      expect(page.data.formError).toBe('请写下您的意见');
      expect(callsOf(host, 'consultation', 'comment')).toEqual([]);

      typeInto(page, '.field-text', '核对家庭财产时要保护隐私。');
      typeInto(page, '.field-occupation', '社区医生');
      await until(() => page.data.form.text !== '' && page.data.form.occupation !== '', 'the typing');
      tap(page, '.submit');
      await until(() => page.data.sent !== null, 'the result');
      expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([['tmpl-status']]);
      const [sent] = callsOf(host, 'consultation', 'comment');
      expect(sent).toEqual({
        action: 'comment',
        requestId: sent.requestId,
        consultationId: 'cs-1',
        stationId: 'st-ft-hf',
        articleNo: 21,
        text: '核对家庭财产时要保护隐私。',
        occupation: '社区医生',
      });
      expect(String(sent.requestId)).toMatch(/^[0-9a-z]{24}$/);
      expect(textOf(page.querySelector('.result')!)).toContain('意见已提交');
      tap(page, '.open-mine');
      await until(() => wx.navigations.length === 1, '我的意见');
      expect(wx.navigations).toEqual([{ method: 'redirectTo', url: '/packages/consultation/mine/index' }]);
    });

    it('sends the same requestId again after a failure, and asks for the notice only once', async () => {
      host.answer('consultation.comment', { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } });
      const page = await open({ id: 'cs-1', articleNo: '0', stationId: 'st-ft-hf-01' });
      expect(textOf(page.querySelector('.target__label')!)).toBe('总体意见');
      typeInto(page, '.field-text', '希望多听听低保户的意见。');
      await until(() => page.data.form.text !== '', 'the typing');
      tap(page, '.submit');
      await until(() => page.data.formError !== '', 'the failure');
      expect(textOf(page.querySelector('.form-error')!)).toBe('服务暂时不可用，请稍后重试');
      host.answer('consultation.comment', ok(JUST_COMMENTED));
      tap(page, '.submit');
      await until(() => page.data.sent !== null, 'the result');
      const calls = callsOf(host, 'consultation', 'comment');
      expect(calls).toHaveLength(2);
      expect(calls[1].requestId).toBe(calls[0].requestId);
      expect(calls[1]).not.toHaveProperty('articleNo');
      expect(wx.subscriptionPrompts).toHaveLength(1);
    });

    it('asks which station when two take part and none was given', async () => {
      const page = await open({ id: 'cs-1', articleNo: '1' });
      expect(textOf(page.querySelector('.station')!)).toContain('请选择');
      typeInto(page, '.field-text', '好');
      await until(() => page.data.form.text !== '', 'the typing');
      tap(page, '.submit');
      await until(() => page.data.formError !== '', 'the check');
      expect(page.data.formError).toBe('请选择您在哪个联络站提意见');
      page.querySelector('.station-picker')!.dispatchEvent('change', { detail: { value: 1 } });
      await until(() => page.data.stationIndex === 1, 'the choice');
      expect(textOf(page.querySelector('.station')!)).toContain('华富街道莲花北社区人大代表联络站');
    });

    it('says a closed consultation takes no more comments, and one that closed meanwhile too', async () => {
      host.answer('consultation.get', ok(CLOSED_FOR_RESIDENT));
      const closed = await open({ id: 'cs-1', articleNo: '1', stationId: 'st-ft-hf' });
      expect(textOf(closed.querySelector('.closed')!)).toBe('本次意见征集已截止，不再接收意见');
      expect(closed.querySelector('.submit')).toBeUndefined();

      host.answer('consultation.get', ok(RESIDENT_DETAIL));
      host.answer('consultation.comment', { ok: false, error: { code: 'ILLEGAL_TRANSITION', message: '征集已截止' } });
      const page = await open({ id: 'cs-1', articleNo: '1', stationId: 'st-ft-hf' });
      typeInto(page, '.field-text', '好');
      await until(() => page.data.form.text !== '', 'the typing');
      tap(page, '.submit');
      await until(() => page.data.closed, 'the refusal');
      expect(textOf(page.querySelector('.closed')!)).toBe('本次意见征集已截止，不再接收意见');
      expect(page.querySelector('.form-error')).toBeUndefined();
      expect(page.querySelector('.submit')).toBeUndefined();
    });
  });

  describe('我的意见', () => {
    it('lists each comment with its draft, article, status, and 已采纳 with how', async () => {
      const page = await openedPage(pages.mine);
      expect(texts(page, '.comment__title')).toEqual(['《中华人民共和国社会救助法（草案）》', '《广东省物业管理条例（修订草案）》', '《中华人民共和国社会救助法（草案）》']);
      expect(texts(page, '.comment__marks')).toEqual(['第一条已提交', '第十二条已报送已采纳', '总体意见已撤回']);
      expect(texts(page, '.comment__adoption')).toEqual(['采纳情况：第十二条增加了“可以采用电子投票方式”。']);
      expect(page.querySelectorAll('.withdraw')).toHaveLength(1);
      page.querySelector('.claim-entry')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 1, 'the claim page');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/consultation/claim/index' }]);
    });

    it('撤回 asks first, then withdraws and shows it withdrawn', async () => {
      host.answer('consultation.withdraw', ok(WITHDRAWN));
      const page = await openedPage(pages.mine);
      tap(page, '.withdraw');
      await until(() => callsOf(host, 'consultation', 'withdraw').length === 1, 'the withdrawal');
      expect(wx.modals.map((m) => m.title)).toEqual(['撤回意见']);
      expect(callsOf(host, 'consultation', 'withdraw')).toEqual([{ action: 'withdraw', commentId: 'cm-11' }]);
      await until(() => page.querySelectorAll('.withdraw').length === 0, 'the row updated');
      expect(texts(page, '.comment__marks')[0]).toBe('第一条已撤回');
    });

    it('withdraws nothing when the person thinks better of it', async () => {
      wx = installWx({ modalConfirm: false });
      const page = await openedPage(pages.mine);
      tap(page, '.withdraw');
      await until(() => wx.modals.length === 1, 'the question');
      await new Promise((r) => setTimeout(r, 20));
      expect(callsOf(host, 'consultation', 'withdraw')).toEqual([]);
    });

    it('says when there is none yet', async () => {
      host.answer('consultation.mine', ok({ comments: [] }));
      const page = await openedPage(pages.mine);
      expect(textOf(page)).toContain('您还没有对法律草案提过意见');
    });
  });

  describe('confirming a recorded comment', () => {
    it('reads the scanned LLZ-OPINION code, claims it and shows the comment', async () => {
      wx = installWx({ scan: { result: 'LLZ-OPINION:k7m2q9xb' } });
      host.answer('consultation.claim', ok(CLAIMED_COMMENT));
      const page = await openedPage(pages.claim);
      tap(page, '.scan');
      await until(() => page.data.claimed !== null, 'the claim');
      expect(callsOf(host, 'consultation', 'claim')).toEqual([{ action: 'claim', code: 'K7M2Q9XB' }]);
      expect(textOf(page.querySelector('.claimed')!)).toContain('救助申请的材料要尽量少，老人跑不动。');
      // Confirming is for the feedback: the tap asked for the status notice once, before the camera opened.
      expect(wx.subscriptionPrompts).toHaveLength(1);
      expect(wx.subscriptionPrompts[0]!.tmplIds).toEqual([DEMO_ANSWERS.subscription!.templates!.caseStatusChanged]);
    });

    it('turns away a case claim code and a short typed code before any call', async () => {
      wx = installWx({ scan: { result: 'LLZ-CLAIM:K7M2Q9XB' } });
      const page = await openedPage(pages.claim);
      tap(page, '.scan');
      await until(() => page.data.problem !== '', 'the refusal');
      expect(page.data.problem).toBe('这不是意见确认码，请扫描联络员手机上显示的确认码');
      typeInto(page, '.field-code', 'k7m2');
      await until(() => page.data.typed === 'k7m2', 'the typing');
      tap(page, '.submit-code');
      await until(() => page.data.problem === '确认码是 8 位', 'the check');
      expect(callsOf(host, 'consultation', 'claim')).toEqual([]);
    });

    it('shows the server’s word on a code that no longer works', async () => {
      host.answer('consultation.claim', { ok: false, error: { code: 'NOT_FOUND', message: '确认码无效或已过期，请联络员重新出示' } });
      const page = await openedPage(pages.claim, { code: 'K7M2Q9XB' });
      tap(page, '.submit-code');
      await until(() => page.data.problem !== '', 'the refusal');
      expect(textOf(page.querySelector('.problem')!)).toBe('确认码无效或已过期，请联络员重新出示');
    });
  });

  describe('the station’s page', () => {
    it('lists its consultations once the station is shown, with its adoptions, and opens one for the station', async () => {
      host.answer('station.get', ok(DEMO_ANSWERS.station!.get!));
      host.answer('consultation.list', ok(STATION_CONSULTATIONS));
      const page = await openedPage(pages.station, { id: 'st-ft-hf' });
      await until(() => page.data.consultations.rows.length === 2, 'the block');
      expect(callsOf(host, 'consultation', 'list')).toEqual([{ action: 'list', stationId: 'st-ft-hf' }]);
      const order = host.calls.map((c) => `${c.fn}.${String(c.body.action)}`);
      expect(order.indexOf('station.get')).toBeLessThan(order.indexOf('consultation.list'));
      expect(texts(page, '.consultations__adopted')).toEqual(['本站群众意见已被立法机关采纳 2 条']);
      expect(texts(page, '.consultation')).toEqual([
        '征集中2026年12月5日截止《中华人民共和国社会救助法（草案）》意见 12 条 · 10 人参与',
        '已汇总2026年10月31日截止《广东省物业管理条例（修订草案）》意见 9 条 · 8 人参与 · 已采纳 2 条',
      ]);
      page.querySelector('.consultation-cs-1')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 1, 'the consultation');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/consultation/detail/index?id=cs-1&stationId=st-ft-hf' }]);
    });

    it('leaves the block out when the list cannot be had', async () => {
      host.answer('station.get', ok(DEMO_ANSWERS.station!.get!));
      host.answer('consultation.list', { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } });
      const page = await openedPage(pages.station, { id: 'st-ft-hf' });
      await until(() => callsOf(host, 'consultation', 'list').length === 1, 'the list asked');
      await new Promise((r) => setTimeout(r, 20));
      expect(page.querySelector('.consultations')).toBeUndefined();
      expect(textOf(page)).not.toContain('服务暂时不可用');
    });
  });
});
