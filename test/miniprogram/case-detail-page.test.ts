/** @jest-environment jsdom */
import type { CaseDetail } from '../../typings/case';
// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { useNoticeTemplates } = require('../../miniprogram/services/subscribe') as {
  useNoticeTemplates(ids: Partial<Record<'caseStatusChanged' | 'caseReplied' | 'receptionReminder', string>>): void;
};
import { setClock } from '../../miniprogram/utils/time';
import type { WxPlatform } from '../support/wx-platform';
import { caseDetail, daysAgo, event, longTimeline, minutesAgo, NOW } from './support/case-fixtures';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, textOf, until } from './support/load-page';
import { installWx, largestSetDataOnOpening, openedPage, startLocalHost, stopLocalHost, tap, type } from './support/page-harness';
import type { RenderedComponent, RenderedNode } from './support/load-page';

// The page's business is what it does with an upload's outcome; how a file travels (and where its path comes from) is storage.ts's.
jest.mock('../../miniprogram/services/storage', () => {
  const upload = async (path: string) => ({ ok: true, data: { fileId: `cloud://local-dev/cases/${path.split('/').pop()}` } });
  return { uploadPhoto: upload, uploadPhotos: (paths: string[]) => paths.map(upload) };
});

const ok = (data: CaseDetail) => ({ ok: true, data });

/** What the server answers after 不满意: still replied, rated, one event more, a new version. */
const ratedUnsatisfied = () => {
  const before = caseDetail();
  return caseDetail({
    version: 4,
    rating: { value: 'unsatisfied', comment: '灯只亮了一天', at: minutesAgo(0) },
    availableCommands: ['supplement', 'rate', 'request_reopen'],
    timeline: [
      ...before.timeline,
      event(5, 'rated', {
        actorRole: 'resident',
        actorName: '我',
        at: minutesAgo(0),
        fromStatus: 'replied',
        toStatus: 'replied',
        note: '灯只亮了一天',
        data: { rating: 'unsatisfied' },
      }),
    ],
  });
};

const actions = (host: FunctionHostStub) => host.calls.map((c) => `${c.fn}.${String(c.body.action)}`);

const read = (node: RenderedNode, cls: string) => node.querySelector(`.main--${cls}`)?.textContent?.trim() ?? '';
const STEP_STATES = ['done', 'current', 'todo', 'skipped', 'ended'];
/** The step bar as read on screen: label, state (its class), date and note of each step. */
const stepsOf = (page: RenderedComponent) => {
  const stateOf = (step: RenderedNode) => STEP_STATES.find((state) => Array.from(page.dom.querySelectorAll(`.main--step--${state}`)).includes(step));
  return Array.from(page.dom.querySelectorAll('.main--step')).map((step) =>
    [read(step, 'step__label'), stateOf(step), read(step, 'step__date'), read(step, 'step__note')].filter(Boolean).join(' '),
  );
};
/** Whether the page leaves room at its foot for the fixed bar. */
const roomForBar = (page: RenderedComponent) => page.dom.querySelector('.main--case--with-bar') !== null;
const nextOf = (page: RenderedComponent) => read(page.dom, 'progress__next');
/** The buttons of the bar fixed at the bottom, in order. */
const barOf = (page: RenderedComponent) => Array.from(page.dom.querySelectorAll('.main--action-bar .main--action')).map((b) => b.textContent?.trim());

describe('case detail page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startLocalHost('odemo-resident');
    useNoticeTemplates({}); // no templates configured: commands go straight through
    pageId = loadPage('packages/case/detail/index');
    setClock(() => NOW);
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('case.get', ok(caseDetail()));
    wx = installWx();
  });

  const opened = (id = 'case-1'): Promise<RenderedComponent> => openedPage(pageId, { id }, 'the case to load');

  it('shows where the case stands and its whole timeline: who, what, when', async () => {
    const page = await opened();
    const text = textOf(page);
    expect(page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('已答复');
    expect(text).toContain('受理编号 FT20261121-0042');
    expect(text).toContain('华富街道人大代表联络站 · 承办代表：人大代表 李明');
    expect(text).toContain('12栋三单元楼道灯坏了两个星期');

    const entries = Array.from(page.dom.querySelectorAll('.case-timeline--timeline__entry'));
    const read = (entry: (typeof entries)[number], cls: string) => entry.querySelector(`.case-timeline--timeline__${cls}`)?.textContent?.trim();
    expect(entries.map((e) => [read(e, 'label'), read(e, 'actor'), read(e, 'time')])).toEqual([
      ['答复', '人大代表 李明', '3分钟前'],
      ['转办', '联络员 王芳', '2天前'],
      ['受理', '联络员 王芳', '11月12日 14:30'],
      ['提交留言', '我', '11月11日 14:30'],
    ]);
    expect(text).toContain('转交：区住建局，办理期限 12月5日');
    expect(text).toContain('以《代表函》报区人大常委会转交承办单位');
    expect(text).toContain('已联系物业更换灯管，今晚恢复照明。');
    expect(host.calls).toEqual([{ fn: 'case', body: { action: 'get', caseId: 'case-1' }, openid: 'odemo-resident' }]);
  });

  it('shows the steps done with their dates, the one underway, and when the next is due', async () => {
    const page = await opened();
    expect(read(page.dom, 'sr-only')).toBe('留言详情');
    expect(stepsOf(page)).toEqual(['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月21日', '评价 current 请您评价答复']);
    expect(nextOf(page)).toBe('请在 11月28日前评价');
    // 评价 is in the bar fixed at the bottom, not under the timeline.
    expect(barOf(page)).toEqual(['评价答复', '补充说明']);
    expect(roomForBar(page)).toBe(true);
  });

  it.each<[string, Partial<CaseDetail>, string[], string, (string | undefined)[]]>([
    [
      'just submitted',
      { status: 'submitted', dueAt: '2026-11-24T15:59:59.999Z', availableCommands: ['withdraw', 'supplement'], timeline: [event(1, 'submitted', { at: minutesAgo(3) })] },
      ['提交 done 11月21日', '受理 current 等待联络站受理', '办理 todo', '答复 todo', '评价 todo'],
      '预计 11月24日前受理',
      ['补充说明', '撤回留言'],
    ],
    [
      'in progress, past its deadline',
      {
        status: 'in_progress',
        dueAt: '2026-11-20T15:59:59.999Z',
        availableCommands: ['supplement'],
        timeline: [event(1, 'submitted', { at: daysAgo(10) }), event(2, 'accepted', { at: daysAgo(9) }), event(3, 'started', { at: daysAgo(8) })],
      },
      ['提交 done 11月11日', '受理 done 11月12日', '办理 current 11月13日 正在办理', '答复 todo', '评价 todo'],
      '应于 11月20日前答复，已逾期',
      ['补充说明'],
    ],
    [
      'closed without a rating, 重办 still possible',
      {
        status: 'closed',
        closure: { at: daysAgo(1), withoutRating: true },
        availableCommands: ['request_reopen'],
        timeline: [...caseDetail().timeline, event(5, 'closed', { at: daysAgo(1), data: { how: 'auto', withoutRating: true } })],
      },
      ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月21日', '评价 skipped 11月20日 未评价，已按期自动办结'],
      '',
      ['申请重办'],
    ],
    [
      'rated 满意 and closed: nothing left to do, no bar',
      { status: 'closed', rating: { value: 'satisfied', at: minutesAgo(1) }, closure: { at: minutesAgo(1), withoutRating: false }, availableCommands: [] },
      ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月21日', '评价 done 11月21日 满意'],
      '',
      [],
    ],
  ])('%s: the step bar and the bottom bar', async (_what, over, steps, next, bar) => {
    host.answer('case.get', ok(caseDetail(over)));
    const page = await opened();
    expect(stepsOf(page)).toEqual(steps);
    expect(nextOf(page)).toBe(next);
    expect(barOf(page)).toEqual(bar);
    expect(roomForBar(page)).toBe(bar.length > 0);
  });

  it('says why a case was not accepted and where to go instead', async () => {
    host.answer(
      'case.get',
      ok(
        caseDetail({
          status: 'rejected',
          availableCommands: [],
          timeline: [
            event(1, 'submitted', { actorRole: 'resident', actorName: '我' }),
            event(2, 'rejected', { actorRole: 'officer', actorName: '王芳', note: '属于正在诉讼中的案件', data: { referral: '区人民法院' } }),
          ],
        }),
      ),
    );
    const page = await opened();
    const text = textOf(page);
    expect(text).toContain('不予受理原因：属于正在诉讼中的案件');
    expect(text).toContain('建议向区人民法院反映');
    expect(page.querySelector('.rate')).toBeUndefined();
  });

  it('copies the receipt number with a button of its own, and previews photos', async () => {
    const page = await opened();
    expect(page.dom.querySelector('.main--case__copy')?.textContent).toBe('复制');
    page.querySelector('.case__copy')!.dispatchEvent('tap');
    await until(() => wx.clipboard.length > 0, 'the copy');
    expect(wx.clipboard).toEqual(['FT20261121-0042']);
    page.querySelector('.case__photo')!.dispatchEvent('tap');
    await until(() => wx.previews.length > 0, 'the preview');
    expect(wx.previews).toEqual([{ urls: ['https://tmp.example/a.jpg'], current: 'https://tmp.example/a.jpg' }]);
  });

  it('rates the answer with the version I saw, shows the answer without asking again, and offers 重办 after 不满意', async () => {
    const page = await opened();
    host.answer('case.rate', ok(ratedUnsatisfied()));
    tap(page, '.rate');
    await until(() => textOf(page).includes('您对答复满意吗？'), 'the rating sheet');

    // Sending without a choice is stopped on the phone.
    tap(page, '.send');
    await until(() => textOf(page).includes('请选择您对答复的评价'), 'the missing choice');

    // Each choice is a whole row: its words choose it, not only the circle.
    expect(['satisfied', 'basically_satisfied', 'unsatisfied'].map((v) => page.querySelector(`.rating-${v}`)!.dom.textContent?.trim())).toEqual([
      '满意',
      '基本满意',
      '不满意',
    ]);
    tap(page, '.rating-unsatisfied', '.van-radio__label');
    // The comment takes as much as the server does (500 characters).
    expect(textOf(page.querySelector('.field-comment')!)).toContain('0/500');
    type(page, '.field-comment', '灯只亮了一天');
    await until(() => page.data.form.rating === 'unsatisfied' && page.data.form.comment !== '', 'the rating form');
    tap(page, '.send');
    await until(() => textOf(page).includes('我的评价：不满意（灯只亮了一天）'), 'the rating to show');

    expect(host.calls[1].body).toEqual({ action: 'rate', caseId: 'case-1', version: 3, rating: 'unsatisfied', comment: '灯只亮了一天' });
    expect(actions(host)).toEqual(['case.get', 'case.rate']);
    // 不满意 leads straight to the 重办 sheet, with what is left.
    expect(page.data.popup).toBe('reopen');
    expect(textOf(page)).toContain('还可申请重办 2 次');
    expect(page.querySelector('.rate')).toBeUndefined();

    host.answer(
      'case.reopen',
      ok(caseDetail({ ...ratedUnsatisfied(), version: 5, status: 'in_progress', reopenCount: 1, rating: undefined, availableCommands: ['supplement'] })),
    );
    type(page, '.field-reason', '三楼的灯还是不亮');
    await until(() => page.data.form.reason !== '', 'the reason');
    tap(page, '.send');
    await until(() => page.data.view.status === 'in_progress', 'the reopened case');
    expect(host.calls[2].body).toEqual({ action: 'reopen', caseId: 'case-1', version: 4, reason: '三楼的灯还是不亮' });
    expect(page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('办理中');
  });

  it('when someone else changed the case first, reloads it and says so', async () => {
    const page = await opened();
    host.answer('case.rate', { ok: false, error: { code: 'CONFLICT', message: '留言已更新，请刷新后再试' } });
    host.answer('case.get', ok(caseDetail({ version: 4, status: 'closed', availableCommands: [], rating: { value: 'satisfied', at: minutesAgo(1) } })));
    tap(page, '.rate');
    await until(() => page.data.popup === 'rate', 'the rating sheet');
    tap(page, '.rating-satisfied', '.van-radio__icon-wrap');
    await until(() => page.data.form.rating === 'satisfied', 'the choice');
    tap(page, '.send');
    await until(() => textOf(page).includes('内容已更新，请查看最新进度'), 'the notice');
    await until(() => page.data.view.status === 'closed', 'the latest state');
    expect(actions(host)).toEqual(['case.get', 'case.rate', 'case.get']);
    expect(page.data.popup).toBe('');
    expect(textOf(page)).toContain('我的评价：满意');
  });

  it('withdraws a case not yet accepted, after asking', async () => {
    host.answer('case.get', ok(caseDetail({ status: 'submitted', availableCommands: ['withdraw', 'supplement'], assignedDeputy: undefined, version: 1 })));
    host.answer('case.withdraw', ok(caseDetail({ status: 'withdrawn', availableCommands: [], assignedDeputy: undefined, version: 2 })));
    const page = await opened();
    expect(textOf(page)).toContain('由联络员分派承办代表');
    tap(page, '.withdraw');
    await until(() => page.data.view.status === 'withdrawn', 'the withdrawal');
    expect(wx.modals).toEqual([{ title: '撤回留言', content: '撤回后联络员将不再处理这件留言，确定撤回吗？' }]);
    expect(host.calls[1].body).toEqual({ action: 'withdraw', caseId: 'case-1', version: 1 });
    expect(page.querySelector('.withdraw')).toBeUndefined();
  });

  it('adds a supplement with a photo, and shows the server’s refusal in the sheet', async () => {
    wx.media = ['wxfile://tmp/c.jpg'];
    const page = await opened();
    tap(page, '.supplement');
    await until(() => page.data.popup === 'supplement', 'the supplement sheet');
    tap(page, '.send');
    await until(() => textOf(page).includes('请填写补充说明'), 'the missing note');

    type(page, '.field-note', '晚上七点以后最暗');
    page.querySelector('.photo-picker')!.querySelector('.case-photos')!.querySelector('.van-uploader__upload')!.dispatchEvent('tap');
    await until(() => page.data.form.note !== '' && page.querySelector('.photo-picker')!.data.files[0]?.status === 'done', 'the note and photo');
    host.answer('case.supplement', { ok: false, error: { code: 'CONTENT_RISKY', message: '内容含有不适宜的信息，请修改后再提交' } });
    tap(page, '.send');
    await until(() => page.querySelector('.sheet__error')?.dom.textContent === '内容含有不适宜的信息，请修改后再提交', 'the refusal');
    expect(host.calls[1].body).toEqual({ action: 'supplement', caseId: 'case-1', version: 3, note: '晚上七点以后最暗', photoFileIds: ['cloud://local-dev/cases/c.jpg'] });
    expect(page.data.popup).toBe('supplement');
  });

  it('shows why the case cannot be read, with a retry', async () => {
    host.answer('case.get', { ok: false, error: { code: 'NOT_FOUND', message: '留言不存在' } });
    const page = await opened();
    expect(textOf(page)).toContain('留言不存在');
    host.answer('case.get', ok(caseDetail()));
    tap(page.querySelector('.page-error')!, '.retry');
    await until(() => textOf(page).includes('FT20261121-0042'), 'the retry');
  });

  it('sends at most 32 KB in one setData with a 30-event timeline', async () => {
    host.answer('case.get', ok(caseDetail({ timeline: longTimeline(30) })));
    const { page, largest } = await largestSetDataOnOpening(pageId, { id: 'case-1' });
    expect(page.dom.querySelectorAll('.case-timeline--timeline__entry')).toHaveLength(30);
    console.info(`[setData] case detail, 30 events: largest single setData ${largest.bytes} bytes (${Object.keys(largest.payload).join(', ')})`);
    expect(largest.bytes).toBeLessThanOrEqual(32 * 1024);
  });
});
