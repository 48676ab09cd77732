/**
 * @jest-environment jsdom
 *
 * 立法意见征集 for officers and the district office, against canned answers of the `consultation`
 * function: the merged list of an officer's stations and the office's with 发布征集; the publish
 * form (checks before any call, the article count hint, one requestId across retries); reviewing
 * comments (exactly the input each action sends, a reason before declining, adopting once
 * reported); recording a comment with its claim code; compiling and reading the report.
 */
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, tap, type as typeInto } from './support/page-harness';
import { DEMO_ANSWERS, DEMO_NOW, PROFILES } from './support/demo-answers';
import {
  CLOSED_DETAIL,
  DISTRICT_LIST,
  FORWARDED,
  HUAFU_LIST,
  LIANHUA_LIST,
  OPEN_DETAIL,
  RECORDED,
  REPORT,
  REPORTED_DETAIL,
  REPORTED_FORWARDED,
  SUBMITTED_PAGE,
} from './support/consultation-office-demo';

const ok = <T>(data: T) => ({ ok: true, data });
const callsOf = (host: FunctionHostStub, fn: string, action: string) => host.calls.filter((c) => c.fn === fn && c.body.action === action).map((c) => c.body);
const texts = (page: RenderedComponent, cls: string) => page.querySelectorAll(cls).map((n) => textOf(n));
const tapView = (page: RenderedComponent, cls: string, index = 0) => page.querySelectorAll(cls)[index].dispatchEvent('tap');

describe('立法意见征集: the officers’ and the office’s pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: Record<'list' | 'publish' | 'review' | 'record' | 'report', string>;

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pages = loadPages({
      list: 'packages/consultation/list/index',
      publish: 'packages/consultation/publish/index',
      review: 'packages/consultation/review/index',
      record: 'packages/consultation/record/index',
      report: 'packages/consultation/report/index',
    }) as typeof pages;
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('user.profile', ok(PROFILES.officer));
    host.answer('consultation.list', ok(HUAFU_LIST));
    host.answer('consultation.get', ok(OPEN_DETAIL));
    host.answer('consultation.comments', ok(SUBMITTED_PAGE));
    host.answer('admin.stations', ok(DEMO_ANSWERS.admin!.stations));
    wx = installWx();
    fakeClockAt(DEMO_NOW);
  });
  afterEach(() => jest.useRealTimers());

  describe('the list', () => {
    it("merges an officer's stations, each consultation once, and opens its review or its public page", async () => {
      host.answerOnce('consultation.list', ok(HUAFU_LIST));
      host.answerOnce('consultation.list', ok(LIANHUA_LIST));
      const page = await openedPage(pages.list);
      expect(callsOf(host, 'consultation', 'list')).toEqual([
        { action: 'list', stationId: 'st-ft-hf', page: 0 },
        { action: 'list', stationId: 'st-ft-hf-01', page: 0 },
      ]);
      expect(texts(page, '.row__title')).toEqual(['《中华人民共和国社会救助法（草案）》', '《深圳经济特区养老服务条例（修订草案）》', '《广东省物业管理条例（修订草案）》']);
      expect(texts(page, '.row__status')).toEqual(['征集中', '已截止', '已汇总']);
      expect(textOf(page.querySelector('.row-cs-1')!)).toContain('2026年12月5日截止');
      expect(textOf(page.querySelector('.row-cs-1')!)).toContain('意见 12 条 · 10 人参与');
      expect(page.querySelector('.publish')).toBeUndefined();
      tapView(page, '.row__open', 0);
      tapView(page, '.row__public', 2);
      await until(() => wx.navigations.length === 2, 'both navigations');
      expect(wx.navigations.map((n) => n.url)).toEqual([
        '/packages/consultation/review/index?id=cs-1&stationId=st-ft-hf',
        '/packages/consultation/detail/index?id=cs-3&stationId=st-ft-hf-01',
      ]);
    });

    it('gives the office its district with 发布征集, and a closed one opens its report', async () => {
      host.answer('user.profile', ok(PROFILES.admin));
      host.answer('consultation.list', ok(DISTRICT_LIST));
      const page = await openedPage(pages.list);
      expect(callsOf(host, 'consultation', 'list')).toEqual([{ action: 'list', page: 0 }]);
      expect(texts(page, '.row__open')).toEqual(['处理意见', '生成汇总', '查看汇总']);
      tap(page, '.publish');
      tapView(page, '.row__open', 1);
      await until(() => wx.navigations.length === 2, 'both navigations');
      expect(wx.navigations.map((n) => n.url)).toEqual(['/packages/consultation/publish/index', '/packages/consultation/report/index?id=cs-2']);
    });

    it('tells a resident this is not their page, without a retry that cannot help', async () => {
      host.answer('user.profile', ok(PROFILES.resident));
      const page = await openedPage(pages.list);
      expect(textOf(page)).toContain('这里是联络员和区人大常委会处理立法意见的地方');
      expect(page.querySelector('.page-error')!.querySelector('.retry')).toBeUndefined();
    });
  });

  describe('the publish form', () => {
    beforeEach(() => host.answer('user.profile', ok(PROFILES.admin)));

    it('says what is missing before any call', async () => {
      const page = await openedPage(pages.publish);
      tap(page, '.submit');
      await until(() => page.data.formError !== '', 'the check');
      expect(textOf(page.querySelector('.form-error')!)).toBe('请填写草案名称');
      for (const shown of ['请填写征求意见机关', '请粘贴草案全文', '请选择截止日期']) expect(textOf(page)).toContain(shown);
      expect(callsOf(host, 'consultation', 'publish')).toEqual([]);
    });

    it('counts the articles as the text is pasted, and publishes with one requestId across a retry', async () => {
      const page = await openedPage(pages.publish);
      expect(textOf(page)).toContain('以“第X条”开头的行作为一条');
      typeInto(page, '.field-title', '《中华人民共和国社会救助法（草案）》');
      typeInto(page, '.field-asked-by', '全国人大常委会法制工作委员会');
      const text = '第一章 总则\n第一条 为了规范社会救助工作，制定本法。\n第二条 社会救助坚持托底线、救急难。\n第二章 救助对象\n第三条 国家对困难群众给予救助。';
      typeInto(page, '.field-text', text);
      await until(() => page.data.hint !== '', 'the hint');
      expect(textOf(page.querySelector('.article-hint')!)).toBe('识别到 3 条（分 2 章），以发布后的条文为准');
      page.querySelector('.closes-picker')!.dispatchEvent('change', { detail: { value: '2026-12-05' } });
      await until(() => page.data.form.closesOn === '2026-12-05', 'the date');

      host.answerOnce('consultation.publish', { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } });
      host.answer('consultation.publish', ok(OPEN_DETAIL));
      tap(page, '.submit');
      await until(() => page.data.formError === '服务暂时不可用，请稍后重试', 'the failure');
      tap(page, '.submit');
      await until(() => wx.navigations.length === 1, 'the consultation page');
      const [first, second] = callsOf(host, 'consultation', 'publish');
      expect(second).toEqual(first);
      expect(first).toEqual({
        action: 'publish',
        requestId: first.requestId,
        title: '《中华人民共和国社会救助法（草案）》',
        askedBy: '全国人大常委会法制工作委员会',
        summary: '',
        text,
        closesOn: '2026-12-05',
      });
      expect(String(first.requestId)).toMatch(/^[0-9a-z]{24}$/);
      expect(wx.navigations).toEqual([{ method: 'redirectTo', url: '/packages/consultation/detail/index?id=cs-1' }]);
    });

    it('sends only the stations picked', async () => {
      host.answer('consultation.publish', ok(OPEN_DETAIL));
      const page = await openedPage(pages.publish);
      typeInto(page, '.field-title', '《社会救助法（草案）》');
      typeInto(page, '.field-asked-by', '全国人大常委会法工委');
      typeInto(page, '.field-text', '第一条 为了规范社会救助工作，制定本法。');
      page.querySelector('.closes-picker')!.dispatchEvent('change', { detail: { value: '2026-12-05' } });
      tapView(page, '.choice-some');
      await until(() => !page.data.form.allStations, 'the station list');
      tap(page, '.submit');
      await until(() => page.data.formError !== '', 'the check');
      expect(page.data.formError).toBe('请至少选择一个联络站，或选择全部联络站');
      page.querySelector('.station-st-ft-hf-01')!.dispatchEvent('tap');
      await until(() => page.data.chosenCount === 1, 'the choice');
      tap(page, '.submit');
      await until(() => wx.navigations.length === 1, 'the consultation page');
      expect(callsOf(host, 'consultation', 'publish')[0]).toMatchObject({ stationIds: ['st-ft-hf-01'] });
    });
  });

  describe('reviewing comments', () => {
    const openReview = () => openedPage(pages.review, { id: 'cs-1', stationId: 'st-ft-hf' });

    it('shows the tabs with counts and each comment with its article, byline, contact and station', async () => {
      const page = await openReview();
      expect(callsOf(host, 'consultation', 'comments')).toEqual([{ action: 'comments', consultationId: 'cs-1', stationId: 'st-ft-hf', status: 'submitted', page: 0 }]);
      expect(texts(page, '.tab')).toEqual(['待处理 2', '已报送 1', '重复 1', '未报送 1', '待确认 1', '已撤回 0']);
      const first = textOf(page.querySelector('.item-cm-1')!);
      for (const shown of ['第一条', '陈建华 · 退休教师 · 福田区华富街道人大代表联络站', '联系方式：陈建华 13800138000', '报送', '标为重复', '不报送'])
        expect(first).toContain(shown);
      expect(textOf(page.querySelector('.item-cm-2')!)).toContain('总体意见');
      expect(textOf(page.querySelector('.item-cm-2')!)).toContain('匿名');
      expect(page.querySelector('.record')).toBeTruthy();
    });

    it('报送 sends the forward and reloads the tab', async () => {
      host.answer('consultation.review', ok({ ...SUBMITTED_PAGE.comments[0], status: 'forwarded' }));
      const page = await openReview();
      page.querySelectorAll('.forward')[0].querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => callsOf(host, 'consultation', 'comments').length === 2, 'the reload');
      expect(callsOf(host, 'consultation', 'review')).toEqual([{ action: 'review', commentId: 'cm-1', review: 'forward' }]);
      expect(wx.toasts.at(-1)?.title).toBe('已报送');
    });

    it('不报送 needs a reason of at least 2 characters before anything is sent', async () => {
      host.answer('consultation.review', ok({ ...SUBMITTED_PAGE.comments[1], status: 'declined' }));
      const page = await openReview();
      page.querySelectorAll('.decline')[1].querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => page.data.popup === 'decline', 'the sheet');
      tap(page, '.send-sheet');
      await until(() => page.data.sheetProblem !== '', 'the check');
      expect(textOf(page.querySelector('.sheet-problem')!)).toBe('请写明不报送的理由（至少 2 个字）');
      expect(callsOf(host, 'consultation', 'review')).toEqual([]);
      typeInto(page, '.sheet-text', '与本草案无关');
      await until(() => page.data.sheet.text !== '', 'the reason');
      tap(page, '.send-sheet');
      await until(() => page.data.popup === '' && callsOf(host, 'consultation', 'comments').length === 2, 'the sheet to close and the tab to reload');
      expect(callsOf(host, 'consultation', 'review')).toEqual([{ action: 'review', commentId: 'cm-2', review: 'decline', reason: '与本草案无关' }]);
    });

    it('标为重复 picks the comment it repeats from those loaded', async () => {
      host.answer('consultation.review', ok({ ...SUBMITTED_PAGE.comments[1], status: 'duplicate', duplicateOf: 'cm-1' }));
      const page = await openReview();
      page.querySelectorAll('.duplicate')[1].querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => page.data.popup === 'duplicate', 'the sheet');
      expect(texts(page, '.choice')).toEqual(['第一条 · 建议在立法目的中写明“保障困难群众基本生活”，更…']);
      page.querySelector('.choice-cm-1')!.dispatchEvent('tap');
      await until(() => page.data.sheet.duplicateOf === 'cm-1', 'the pick');
      tap(page, '.send-sheet');
      await until(() => page.data.popup === '' && callsOf(host, 'consultation', 'comments').length === 2, 'the sheet to close and the tab to reload');
      expect(callsOf(host, 'consultation', 'review')).toEqual([{ action: 'review', commentId: 'cm-2', review: 'duplicate', duplicateOf: 'cm-1' }]);
    });

    it('switches tab and article, asking for exactly that', async () => {
      const page = await openReview();
      page.querySelector('.tab-forwarded')!.dispatchEvent('tap');
      await until(() => callsOf(host, 'consultation', 'comments').length === 2, 'the tab');
      page.querySelector('.article-picker')!.dispatchEvent('change', { detail: { value: 6 } });
      await until(() => callsOf(host, 'consultation', 'comments').length === 3, 'the article');
      expect(callsOf(host, 'consultation', 'comments').slice(1)).toEqual([
        { action: 'comments', consultationId: 'cs-1', stationId: 'st-ft-hf', status: 'forwarded', page: 0 },
        { action: 'comments', consultationId: 'cs-1', stationId: 'st-ft-hf', status: 'forwarded', articleNo: 5, page: 0 },
      ]);
    });

    it('lets the office mark a forwarded comment adopted once reported, with a note', async () => {
      host.answer('user.profile', ok(PROFILES.admin));
      host.answer('consultation.get', ok(REPORTED_DETAIL));
      host.answer('consultation.comments', ok(REPORTED_FORWARDED));
      host.answer('consultation.adopt', ok({ ...REPORTED_FORWARDED.comments[0], adoption: { note: '第十二条降低了表决门槛', at: DEMO_NOW.toISOString() } }));
      const page = await openedPage(pages.review, { id: 'cs-3', status: 'forwarded' });
      expect(callsOf(host, 'consultation', 'comments')[0]).toEqual({ action: 'comments', consultationId: 'cs-3', status: 'forwarded', page: 0 });
      expect(page.querySelectorAll('.adopt')).toHaveLength(1);
      expect(textOf(page.querySelector('.item-cm-32')!)).toContain('已采纳：第三十条增加了公示期限的规定');
      expect(textOf(page.querySelector('.item-cm-32')!)).toContain('汇总用文字：建议物业服务收费调整前公示不少于三十日。');
      expect(page.querySelector('.forward')).toBeUndefined();
      expect(page.querySelector('.record')).toBeUndefined();
      tap(page, '.adopt');
      await until(() => page.data.popup === 'adopt', 'the sheet');
      typeInto(page, '.sheet-text', '第十二条降低了表决门槛');
      await until(() => page.data.sheet.text !== '', 'the note');
      tap(page, '.send-sheet');
      await until(() => page.data.popup === '' && callsOf(host, 'consultation', 'comments').length === 2, 'the sheet to close and the tab to reload');
      expect(callsOf(host, 'consultation', 'adopt')).toEqual([{ action: 'adopt', commentId: 'cm-31', note: '第十二条降低了表决门槛' }]);
    });

    it('lets the office edit a forwarded comment once closed, showing the original', async () => {
      host.answer('user.profile', ok(PROFILES.admin));
      host.answer('consultation.get', ok(CLOSED_DETAIL));
      host.answer('consultation.comments', ok({ ...SUBMITTED_PAGE, comments: [FORWARDED] }));
      host.answer('consultation.edit', ok({ ...FORWARDED, editedText: '建议明确共同生活的家庭成员的范围。' }));
      const page = await openedPage(pages.review, { id: 'cs-2', status: 'forwarded' });
      tap(page, '.edit');
      await until(() => page.data.popup === 'edit', 'the sheet');
      expect(textOf(page.querySelector('.original')!)).toBe('原文：第五条的“共同生活的家庭成员”范围要写清楚。');
      typeInto(page, '.sheet-text', '建议明确共同生活的家庭成员的范围。');
      await until(() => page.data.sheet.text === '建议明确共同生活的家庭成员的范围。', 'the edit');
      tap(page, '.send-sheet');
      await until(() => page.data.popup === '' && callsOf(host, 'consultation', 'comments').length === 2, 'the sheet to close and the tab to reload');
      expect(callsOf(host, 'consultation', 'edit')).toEqual([{ action: 'edit', commentId: 'cm-3', editedText: '建议明确共同生活的家庭成员的范围。' }]);
    });
  });

  describe('recording a comment heard in person', () => {
    it('records it on the article picked and shows the claim code in large type; 刷新二维码 asks again', async () => {
      host.answer('consultation.record', ok(RECORDED));
      const page = await openedPage(pages.record, { id: 'cs-1', stationId: 'st-ft-hf' });
      expect(textOf(page)).toContain('记录于 福田区华富街道人大代表联络站');
      page.querySelector('.article-picker')!.dispatchEvent('change', { detail: { value: 3 } });
      typeInto(page, '.field-text', '救助标准要随物价调整。');
      typeInto(page, '.field-contact-phone', '13800138000');
      await until(() => page.data.form.contactPhone !== '' && page.data.articleIndex === 3, 'the form');
      tap(page, '.submit');
      await until(() => !!page.data.claim, 'the claim code');
      const [sent] = callsOf(host, 'consultation', 'record');
      expect(sent).toEqual({
        action: 'record',
        requestId: sent.requestId,
        consultationId: 'cs-1',
        stationId: 'st-ft-hf',
        articleNo: 3,
        text: '救助标准要随物价调整。',
        contact: { phone: '13800138000' },
      });
      expect(textOf(page.querySelector('.claim__code')!)).toBe('H4N7 R2WX');
      expect(textOf(page.querySelector('.claim')!)).toContain('请群众用微信扫码确认，可收到采纳反馈');
      expect(textOf(page.querySelector('.claim')!)).toContain('确认码 15:00 前有效');

      host.answer('consultation.claimCode', ok({ ...RECORDED, claim: { ...RECORDED.claim, code: 'P3R8W2NZ' } }));
      tap(page, '.refresh-code');
      await until(() => page.data.claim?.code === 'P3R8W2NZ', 'the new code');
      expect(callsOf(host, 'consultation', 'claimCode')).toEqual([{ action: 'claimCode', commentId: 'cm-9' }]);
    });

    it('says what is missing before any call', async () => {
      const page = await openedPage(pages.record, { id: 'cs-1', stationId: 'st-ft-hf' });
      tap(page, '.submit');
      await until(() => page.data.formError !== '', 'the check');
      expect(page.data.formError).toBe('请写下您的意见');
      expect(callsOf(host, 'consultation', 'record')).toEqual([]);
    });
  });

  describe('the report', () => {
    beforeEach(() => host.answer('user.profile', ok(PROFILES.admin)));

    it('shows the figures, the stations and per article the comments folded; opens the PDF and copies the CSV link', async () => {
      host.answer('consultation.get', ok(REPORTED_DETAIL));
      host.answer('consultation.report', ok({ ...REPORT, pdf: { ...REPORT.pdf, url: `${host.url}/files/report.pdf` } }));
      const page = await openedPage(pages.report, { id: 'cs-3' });
      expect(texts(page, '.figure')).toEqual(['8 人参与群众', '9 条收到意见', '3 条报送意见']);
      expect(textOf(page)).toContain('华富街道莲花北社区人大代表联络站报送 1 条');
      expect(page.querySelector('.comment-cm-32')).toBeUndefined();
      tapView(page, '.article__head', 2);
      await until(() => page.data.report.articles[2].open, 'the article to unfold');
      expect(textOf(page.querySelector('.comment-cm-32')!)).toContain('原文：物业费调价应当公示三十日以上。');

      tap(page, '.open-pdf');
      await until(() => wx.documents.length === 1, 'the PDF');
      expect(wx.documents[0]).toMatchObject({ fileType: 'pdf', showMenu: true });
      tap(page, '.copy-csv');
      await until(() => wx.clipboard.length === 1, 'the link');
      expect(wx.clipboard).toEqual([REPORT.csv.url]);
    });

    it('offers 生成汇总 once closed, and shows the report it answers', async () => {
      host.answer('consultation.get', ok(CLOSED_DETAIL));
      host.answer('consultation.compile', ok(REPORT));
      const page = await openedPage(pages.report, { id: 'cs-2' });
      expect(callsOf(host, 'consultation', 'report')).toEqual([]);
      expect(textOf(page)).toContain('征集已截止。生成汇总会把各联络站报送的意见按条款整理成 PDF 和 CSV');
      tap(page, '.compile');
      await until(() => !!page.data.report, 'the report');
      expect(callsOf(host, 'consultation', 'compile')).toEqual([{ action: 'compile', consultationId: 'cs-2' }]);
      expect(textOf(page)).toContain('重新生成');
    });

    it('shows an officer no 生成汇总 while it is open', async () => {
      host.answer('user.profile', ok(PROFILES.officer));
      const page = await openedPage(pages.report, { id: 'cs-1' });
      expect(textOf(page)).toContain('征集还没有截止（2026年12月5日截止），截止后才能生成汇总');
      expect(page.querySelector('.compile')).toBeUndefined();
    });
  });
});
