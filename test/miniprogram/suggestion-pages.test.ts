/**
 * @jest-environment jsdom
 *
 * 代表建议 in the mini-program, against canned answers of the `suggestion` function: the list per
 * role (a deputy's, a unit's inbox, the office's filters and figures), the editor (checks before
 * any call, started from a case, a draft saved with its requestId), the suggestion page per party
 * (rating with 不满意's reason, a unit's answer, the office's review, the PDFs), and the entries
 * elsewhere (the resident's case, the board's tab, the deputy's case page).
 */
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, tap, type as typeInto } from './support/page-harness';
import { DEMO_ANSWERS, DEMO_NOW, HANDLER_CASE, PROFILES, RESIDENT_CASE } from './support/demo-answers';
import {
  ADMIN_LIST,
  ANSWERED_FOR_DEPUTY,
  ASSIGNED_FOR_UNIT,
  CASE_SUGGESTION,
  CLOSED,
  DEPUTY_LIST,
  DRAFT,
  FIGURES,
  PUBLISHED,
  SUBMITTED_FOR_OFFICE,
  UNIT_LIST,
  UNIT_PROFILE,
  UNITS,
} from './support/suggestion-demo';

const ok = <T>(data: T) => ({ ok: true, data });
const callsOf = (host: FunctionHostStub, fn: string, action: string) => host.calls.filter((c) => c.fn === fn && c.body.action === action).map((c) => c.body);
const texts = (page: RenderedComponent, cls: string) => page.querySelectorAll(cls).map((n) => textOf(n).replace(/\s+/g, ' ').trim());
const tapCell = (page: RenderedComponent, cls: string) => tap(page, cls, '.van-cell');

describe('代表建议 pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: Record<'list' | 'edit' | 'detail' | 'caseDetail' | 'board' | 'workCase', string>;

  beforeAll(async () => {
    host = await startLocalHost('odemo-deputy');
    pages = loadPages({
      list: 'packages/suggestion/list/index',
      edit: 'packages/suggestion/edit/index',
      detail: 'packages/suggestion/detail/index',
      caseDetail: 'packages/case/detail/index',
      board: 'packages/station/board/index',
      workCase: 'packages/work/case/index',
    }) as typeof pages;
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('user.profile', ok(PROFILES.deputy));
    host.answer('suggestion.list', ok({ suggestions: DEPUTY_LIST, hasMore: false }));
    host.answer('suggestion.get', ok(ANSWERED_FOR_DEPUTY));
    host.answer('admin.units', ok(UNITS));
    host.answer('admin.people', DEMO_ANSWERS.admin!.people ? ok(DEMO_ANSWERS.admin!.people) : ok({ people: [], hasMore: false }));
    host.answer('suggestion.figures', ok(FIGURES));
    wx = installWx();
    fakeClockAt(DEMO_NOW);
  });
  afterEach(() => jest.useRealTimers());

  describe('the list', () => {
    it('shows a deputy 我的建议 with 写代表建议, each row with its status, and opens one', async () => {
      const page = await openedPage(pages.list);
      expect(page.data.title).toBe('我的建议');
      expect(texts(page, '.row__title')).toEqual(DEPUTY_LIST.map((s) => s.title));
      expect(texts(page, '.row__status')).toEqual(['草稿', '已答复', '待审查']);
      expect(textOf(page.querySelector('.row-sg-1')!)).toContain('答复：B 正在解决或列入计划');
      tap(page, '.write');
      page.querySelector('.row-sg-1')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 2, 'both navigations');
      expect(wx.navigations.map((n) => n.url)).toEqual(['/packages/suggestion/edit/index', '/packages/suggestion/detail/index?id=sg-1']);
      expect(page.querySelector('.filters')).toBeUndefined();
    });

    it('gives a unit its inbox, overdue first with the days past in words', async () => {
      host.answer('user.profile', ok(UNIT_PROFILE));
      host.answer('suggestion.list', ok({ suggestions: UNIT_LIST, hasMore: false }));
      const page = await openedPage(pages.list);
      expect(texts(page, '.row__deadline')).toEqual(['已超期 3 天（2026年11月18日）', '还剩 10 天（2026年12月1日）', '还剩 92 天（2027年2月21日）']);
      expect(texts(page, '.row__deadline--overdue')).toEqual(['已超期 3 天（2026年11月18日）']);
      expect(texts(page, '.row__pending')).toEqual(['延期申请待审批']);
      expect(page.querySelector('.write')).toBeUndefined();
    });

    it('lets the office filter by status, unit, deputy and 超期, and read its figures with their samples', async () => {
      host.answer('user.profile', ok(PROFILES.admin));
      host.answer('suggestion.list', ok({ suggestions: ADMIN_LIST, hasMore: false }));
      const page = await openedPage(pages.list, {}, 'the list', (p) => p.data.unitChoices.length > 1);
      expect(callsOf(host, 'suggestion', 'list')).toEqual([{ action: 'list', page: 0 }]);

      page.querySelector('.filter-status')!.dispatchEvent('change', { detail: { value: 6 } });
      await until(() => callsOf(host, 'suggestion', 'list').length === 2 && !page.data.loading, 'the filtered list');
      page.querySelector('.filter-unit')!.dispatchEvent('change', { detail: { value: 1 } });
      await until(() => callsOf(host, 'suggestion', 'list').length === 3 && !page.data.loading, 'the unit filter');
      expect(callsOf(host, 'suggestion', 'list').at(-1)).toEqual({ action: 'list', page: 0, status: 'assigned', unitId: 'unit-ft-zjj' });
      expect(textOf(page.querySelector('.filters')!)).toContain('办理中');

      tap(page, '.clear-filters');
      await until(() => callsOf(host, 'suggestion', 'list').length === 4 && !page.data.loading, 'the cleared list');
      expect(callsOf(host, 'suggestion', 'list').at(-1)).toEqual({ action: 'list', page: 0 });

      page.querySelector('.tab-figures')!.dispatchEvent('tap');
      await until(() => page.data.figuresState === 'loaded', 'the figures');
      expect(callsOf(host, 'suggestion', 'figures')).toEqual([{ action: 'figures', year: 2026 }]);
      expect(texts(page, '.rate__head')).toEqual(['按时答复率89%（17/19）', '代表满意率92%（11/12）']);
      expect(texts(page, '.result')).toEqual(['A 已解决或采纳7 件', 'B 正在解决或列入计划8 件', 'C 因条件限制暂不能解决2 件', 'D 留作参考1 件']);
      expect(texts(page, '.unit')[0]).toBe('区住房和建设局交办 9 · 答复 7 · 按期 6 · 超期 1');
    });

    it('tells a resident the list is not theirs, without a retry that cannot help', async () => {
      host.answer('user.profile', ok(PROFILES.resident));
      const page = await openedPage(pages.list);
      expect(textOf(page)).toContain('代表建议只对人大代表、承办单位和区人大常委会开放');
      expect(page.querySelector('.page-error')!.querySelector('.retry')).toBeUndefined();
    });
  });

  describe('the editor', () => {
    it('says what is missing before any call', async () => {
      const page = await openedPage(pages.edit);
      tap(page, '.submit');
      await until(() => page.data.formError !== '', 'the check');
      expect(textOf(page.querySelector('.form-error')!)).toBe('请填写建议标题');
      expect(textOf(page)).toContain('请写明问题和情况');
      expect(textOf(page)).toContain('请写明具体建议');
      expect(callsOf(host, 'suggestion', 'save')).toEqual([]);
    });

    it('starts from a case (提为代表建议), links it, and saves a draft with one requestId', async () => {
      host.answer('case.get', ok(HANDLER_CASE));
      host.answer('suggestion.save', ok(DRAFT));
      const page = await openedPage(pages.edit, { fromCaseId: 'case-1' });
      expect(callsOf(host, 'case', 'get')).toEqual([{ action: 'get', caseId: 'case-1' }]);
      expect(page.data.form).toEqual({ title: HANDLER_CASE.title, problem: HANDLER_CASE.content, proposal: '' });
      expect(texts(page, '.linked-case')[0]).toContain('莲花北村12栋楼道灯坏了');

      typeInto(page, '.field-proposal', '建议纳入老旧小区改造');
      await until(() => page.data.form.proposal !== '', 'the proposal');
      tap(page, '.save-draft');
      await until(() => wx.navigations.length === 1, 'the draft page');
      const [save] = callsOf(host, 'suggestion', 'save');
      expect(save).toMatchObject({
        title: HANDLER_CASE.title,
        problem: HANDLER_CASE.content,
        proposal: '建议纳入老旧小区改造',
        caseIds: ['case-1'],
        cosignerIds: [],
        attachmentFileIds: [],
      });
      expect(String(save.requestId)).toMatch(/^[0-9a-z]{24}$/);
      expect(wx.navigations).toEqual([{ method: 'redirectTo', url: `/packages/suggestion/detail/index?id=${DRAFT.id}` }]);
    });

    it('submits a draft whose co-signers all answered; holds it while one has not', async () => {
      host.answer('suggestion.get', ok(DRAFT));
      host.answer('suggestion.save', ok(DRAFT));
      const page = await openedPage(pages.edit, { id: DRAFT.id });
      expect(texts(page, '.cosigner')).toEqual(['张丽华（已确认）移除', '周建国（待确认）移除']);
      tap(page, '.submit');
      await until(() => wx.navigations.length === 1, 'back to the draft');
      expect(callsOf(host, 'suggestion', 'save')[0]).toMatchObject({ suggestionId: DRAFT.id, cosignerIds: ['dp-002', 'dp-003'] });
      expect(callsOf(host, 'suggestion', 'save')[0]).not.toHaveProperty('requestId');
      expect(callsOf(host, 'suggestion', 'submit')).toEqual([]);
      expect(wx.toasts.at(-1)?.title).toBe('草稿已保存。还有 1 位联名代表未确认，全部确认后才能提交');
    });

    it('picks co-signers by name', async () => {
      host.answer('suggestion.cosignable', ok({ deputies: [{ id: 'dp-004', name: '黄晓燕', delegation: '福田区代表团' }] }));
      const page = await openedPage(pages.edit);
      tapCell(page, '.pick-cosigners');
      await until(() => page.data.rowsState === 'loaded', 'the deputies');
      page.querySelector('.pick-row-dp-004')!.dispatchEvent('tap');
      await until(() => page.data.cosigners.length === 1, 'the choice');
      expect(texts(page, '.cosigner')).toEqual(['黄晓燕移除']);
    });
  });

  describe('the suggestion page', () => {
    const openSheet = async (page: RenderedComponent, kind: string) => {
      tap(page, `.action-${kind}`);
      await until(() => page.data.popup !== '', 'the sheet');
    };

    it('lets the deputy rate 不满意 only with a reason, then shows the answer again', async () => {
      host.answer('suggestion.rate', ok(CLOSED));
      const page = await openedPage(pages.detail, { id: 'sg-1' });
      const text = textOf(page);
      for (const shown of [
        '关于加快莲花北村老旧楼道照明改造的建议',
        '福田〔2026〕第12号',
        '第1次答复 · 区住房和建设局',
        'B 正在解决或列入计划',
        '主办：区住房和建设局',
        '协办意见：街道已安排每周巡查楼道照明。',
      ])
        expect(text).toContain(shown);
      expect(texts(page, '.action')).toEqual(['评价答复']);
      expect(page.querySelector('.print-assignment')).toBeUndefined();

      await openSheet(page, 'rate');
      tapCell(page, '.rating-unsatisfied');
      await until(() => page.data.form.rating === 'unsatisfied', 'the choice');
      tap(page, '.send');
      await until(() => page.data.formError !== '', 'the check');
      expect(page.data.formError).toBe('请填写不满意的原因');
      expect(callsOf(host, 'suggestion', 'rate')).toEqual([]);

      typeInto(page, '.field-text', '临时维修没有落实');
      await until(() => page.data.form.text !== '', 'the reason');
      tap(page, '.send');
      await until(() => page.data.popup === '', 'the rating');
      expect(callsOf(host, 'suggestion', 'rate')).toEqual([{ action: 'rate', suggestionId: 'sg-1', rating: 'unsatisfied', comment: '临时维修没有落实' }]);
      expect(textOf(page)).toContain('第2次答复 · 区住房和建设局');
    });

    it('lets the lead unit answer with a class and the publish switch', async () => {
      host.answer('user.profile', ok(UNIT_PROFILE));
      host.answer('suggestion.get', ok(ASSIGNED_FOR_UNIT));
      host.answer('suggestion.answer', ok(ANSWERED_FOR_DEPUTY));
      const page = await openedPage(pages.detail, { id: 'sg-1' });
      expect(texts(page, '.action')).toEqual(['答复', '申请延期', '申请改办']);
      expect(textOf(page.querySelector('.deadline')!)).toBe('答复期限 2027年2月21日（还剩 92 天）');
      expect(page.querySelector('.print-assignment')).toBeDefined();

      await openSheet(page, 'answer');
      expect(texts(page, '.result')).toEqual(['A 已解决或采纳', 'B 正在解决或列入计划', 'C 因条件限制暂不能解决', 'D 留作参考']);
      typeInto(page, '.field-text', '已列入2027年改造计划');
      tapCell(page, '.result-B');
      tap(page, '.publish-switch', '.van-switch');
      await until(() => page.data.form.result === 'B' && page.data.form.publishable === false && page.data.form.text !== '', 'the answer');
      tap(page, '.send');
      await until(() => page.data.popup === '', 'the answer sent');
      expect(callsOf(host, 'suggestion', 'answer')).toEqual([{ action: 'answer', suggestionId: 'sg-1', text: '已列入2027年改造计划', result: 'B', publishable: false }]);
      expect(wx.toasts.at(-1)?.title).toBe('已答复');
    });

    it('lets the office return a submitted one with its reason', async () => {
      host.answer('user.profile', ok(PROFILES.admin));
      host.answer('suggestion.get', ok(SUBMITTED_FOR_OFFICE));
      host.answer(
        'suggestion.review',
        ok({
          ...SUBMITTED_FOR_OFFICE,
          status: 'returned',
          statusLabel: '退回修改',
          reviewNote: '请补充涉及户数',
          can: ANSWERED_FOR_DEPUTY.can && { ...SUBMITTED_FOR_OFFICE.can, review: false },
        }),
      );
      const page = await openedPage(pages.detail, { id: 'sg-2' });
      await openSheet(page, 'review');
      tapCell(page, '.choice-return');
      await until(() => page.data.text?.label === '退回理由', 'the reason field');
      typeInto(page, '.field-text', '请补充涉及户数');
      await until(() => page.data.form.text !== '', 'the reason');
      tap(page, '.send');
      await until(() => page.data.popup === '', 'the review');
      expect(callsOf(host, 'suggestion', 'review')).toEqual([{ action: 'review', suggestionId: 'sg-2', decision: 'return', reason: '请补充涉及户数' }]);
      expect(textOf(page.querySelector('.review-note')!)).toBe('退回理由：请补充涉及户数');
      expect(page.querySelector('.actions')).toBeUndefined();
    });

    it('opens the printable 代表建议 and, for the unit, the 交办单 in WeChat’s viewer; says when one cannot be had', async () => {
      const downloads: { url: string; status: number }[] = [];
      const documents: string[] = [];
      // WeChat's file APIs, answered here rather than over real HTTP by the shared test platform.
      Object.assign((globalThis as unknown as { wx: object }).wx, {
        downloadFile: (o: { url: string; success(res: unknown): void }) => {
          const status = o.url.includes('missing') ? 404 : 200;
          downloads.push({ url: o.url, status });
          setTimeout(() => o.success({ statusCode: status, tempFilePath: 'wxfile://tmp/doc.pdf' }), 0);
        },
        openDocument: (o: { filePath: string; success(): void }) => {
          documents.push(o.filePath);
          setTimeout(() => o.success(), 0);
        },
      });
      host.answer('user.profile', ok(UNIT_PROFILE));
      host.answer('suggestion.get', ok(ASSIGNED_FOR_UNIT));
      host.answer('suggestion.document', ok({ fileId: 'cloud://env/documents/sg-1.pdf', url: 'http://127.0.0.1/storage/files/sg-1.pdf?sign=x' }));
      const page = await openedPage(pages.detail, { id: 'sg-1' });
      tap(page, '.print-assignment');
      await until(() => documents.length === 1, 'the 交办单');
      expect(callsOf(host, 'suggestion', 'document')).toEqual([{ action: 'document', suggestionId: 'sg-1', kind: 'assignment' }]);
      expect(documents).toEqual(['wxfile://tmp/doc.pdf']);
      await until(() => !page.data.busy, 'the page to be free');

      host.answer('suggestion.document', ok({ fileId: 'cloud://env/documents/sg-1.pdf', url: 'http://127.0.0.1/storage/files/missing.pdf' }));
      tap(page, '.print-suggestion');
      await until(() => wx.toasts.length > 0, 'the failure');
      expect(callsOf(host, 'suggestion', 'document').at(-1)).toEqual({ action: 'document', suggestionId: 'sg-1', kind: 'suggestion' });
      expect(wx.toasts.at(-1)?.title).toBe('代表建议下载失败，请稍后重试');
    });
  });

  describe('entries elsewhere', () => {
    it('shows a resident 代表建议办理进度 on their case, with the published answer', async () => {
      host.answer('case.get', ok({ ...RESIDENT_CASE, suggestion: CASE_SUGGESTION }));
      const page = await openedPage(pages.caseDetail, { id: 'case-1' });
      expect(texts(page, '.suggestion__step')).toEqual(['提出11月6日', '立案11月11日', '交办11月12日', '答复11月20日']);
      expect(textOf(page.querySelector('.suggestion__answer')!)).toContain('办理结果：正在解决或列入计划');
    });

    it('shows no such block on a case not in a suggestion', async () => {
      host.answer('case.get', ok(RESIDENT_CASE));
      const page = await openedPage(pages.caseDetail, { id: 'case-1' });
      expect(page.querySelector('.suggestion')).toBeUndefined();
    });

    it('lists published answers on the board’s 代表建议 tab, for the station', async () => {
      host.answer('station.board', ok(DEMO_ANSWERS.station!.board!));
      host.answer('suggestion.published', ok({ suggestions: PUBLISHED, hasMore: false }));
      const page = await openedPage(pages.board, { stationId: 'st-ft-hf' });
      expect(callsOf(host, 'suggestion', 'published')).toEqual([]);
      page.querySelector('.tab-suggestions')!.dispatchEvent('tap');
      await until(() => page.data.suggestions.state === 'loaded', 'the tab');
      expect(callsOf(host, 'suggestion', 'published')).toEqual([{ action: 'published', stationId: 'st-ft-hf', page: 0 }]);
      expect(texts(page, '.suggestion-card')[0]).toContain('A 已解决或采纳');
    });

    it('opens the editor from the deputy’s case page (提为代表建议)', async () => {
      host.answer('case.get', ok({ ...HANDLER_CASE, availableCommands: ['reply', 'mark_suggestion'] }));
      const page = await openedPage(pages.workCase, { id: 'case-1' });
      tap(page, '.command-mark_suggestion');
      await until(() => wx.navigations.length === 1, 'the editor');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/suggestion/edit/index?fromCaseId=case-1' }]);
      expect(callsOf(host, 'case', 'markSuggestion')).toEqual([]);

      host.answer('case.get', ok({ ...HANDLER_CASE, availableCommands: ['reply', 'mark_suggestion'], suggestion: CASE_SUGGESTION }));
      const linked = await openedPage(pages.workCase, { id: 'case-1' });
      expect(linked.querySelector('.command-mark_suggestion')).toBeUndefined();
    });
  });
});
