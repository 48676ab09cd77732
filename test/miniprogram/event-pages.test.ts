/**
 * @jest-environment jsdom
 *
 * 代表论坛 / 约见 in the mini-program, against canned answers of the `reception` function: the
 * view-model's table, the event page (我会参加 and undo, a question checked before it goes and
 * refused by the server, the 活动回顾 afterwards, not found, sharing) and the station page's card
 * and 活动回顾 list leading to it. Expectations are written by hand.
 */
import type { StationDetail } from '../../typings/api';
import type { EventView } from '../../typings/event';
import { questionProblem, shareOf, toEventPageView } from '../../miniprogram/packages/station/event/view-model';
import { toRecapView, toReceptionView } from '../../miniprogram/packages/station/detail/view-model';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, type as typeInto } from './support/page-harness';
import { DEMO_ANSWERS, DEMO_NOW } from './support/demo-answers';

const FORUM: EventView = {
  id: 'rc-ft-hf-20261220',
  kind: 'forum',
  kindLabel: '代表论坛',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  topic: '老旧小区加装电梯',
  departments: ['区住房和建设局', '华富街道办事处'],
  place: '华富街道联络站二楼会议室',
  date: '2026-12-20',
  start: '14:30',
  end: '16:30',
  deputies: [{ id: 'dp-001', name: '李明' }],
  attending: false,
  open: true,
};
const SUMMARISED: EventView = {
  ...FORUM,
  open: false,
  attending: undefined,
  summary: {
    text: '区住建局到会答复了补贴政策。\n三个小区表示将启动加装。',
    photos: [{ fileId: 'cloud://x/p1.jpg', url: 'https://tmp/p1.jpg' }],
    at: '2026-12-20T10:00:00.000Z',
  },
};
const STATION = DEMO_ANSWERS.station!.get! as StationDetail;
const callsOf = (host: FunctionHostStub, fn: string, action: string) => host.calls.filter((c) => c.fn === fn && c.body.action === action).map((c) => c.body);
const tapButton = (node: RenderedComponent | undefined) => node!.querySelector('.van-button')!.dispatchEvent('tap');

describe('the event view-model', () => {
  it.each<[string, EventView, Partial<ReturnType<typeof toEventPageView>>]>([
    [
      'before the start, to a resident',
      FORUM,
      { stage: 'open', attending: false, attendanceText: '', whenText: '12月20日 周日 14:30-16:30', departmentsText: '区住房和建设局、华富街道办事处', deputiesText: '李明' },
    ],
    ['to an officer, with the count', { ...FORUM, attending: undefined, attendance: 12 }, { stage: 'open', attending: null, attendanceText: '已有 12 人报名参加' }],
    ['started, no summary yet', { ...FORUM, open: false }, { stage: 'started' }],
    [
      'with its summary',
      SUMMARISED,
      {
        stage: 'summarised',
        summary: { paragraphs: ['区住建局到会答复了补贴政策。', '三个小区表示将启动加装。'], photos: ['https://tmp/p1.jpg'], postedText: '12月20日 周日 发布' },
      },
    ],
    ['no department invited', { ...FORUM, departments: [] }, { departmentsText: '' }],
  ])('%s', (_name, event, expected) => {
    expect(toEventPageView(event)).toMatchObject(expected);
  });

  it.each<[string, string, string]>([
    ['nothing', '', '请先写下您想问的问题'],
    ['only spaces', '   ', '请先写下您想问的问题'],
    ['300 characters', '问'.repeat(300), ''],
    ['301 characters', '问'.repeat(301), '问题最多 300 个字'],
  ])('a question of %s → %j', (_name, question, problem) => {
    expect(questionProblem(question)).toBe(problem);
  });

  it('leads only those the server counts attendance for (the station’s officers, the event’s deputies) to the questions', () => {
    expect(toEventPageView(FORUM).questionsUrl).toBe('');
    expect(toEventPageView(SUMMARISED).questionsUrl).toBe('');
    expect(toEventPageView({ ...FORUM, attending: undefined, attendance: 0 }).questionsUrl).toBe('/packages/work/event/index?id=rc-ft-hf-20261220');
  });

  it('shares the event’s own page with its kind and topic', () => {
    expect(shareOf(FORUM)).toEqual({ title: '代表论坛：老旧小区加装电梯', path: '/packages/station/event/index?id=rc-ft-hf-20261220' });
  });

  it('marks an event on the station’s schedule and lists its 活动回顾', () => {
    const card = toReceptionView({ id: FORUM.id, kind: 'meeting', topic: '学校周边交通', date: '2026-12-20', start: '14:30', end: '16:30', deputies: [] }, '2026-12-01');
    expect(card.event).toEqual({ label: '约见一府两院', topic: '学校周边交通' });
    expect(toReceptionView({ id: 'r', kind: 'reception', date: '2026-12-20', start: '09:00', end: '11:00', deputies: [] }, '2026-12-01').event).toBeNull();
    expect(toRecapView({ id: 'r', kind: 'forum', kindLabel: '代表论坛', topic: '电梯', date: '2026-12-20', summary: '记'.repeat(61), photoCount: 2 })).toEqual({
      id: 'r',
      label: '代表论坛',
      topic: '电梯',
      dayText: '12月20日 周日',
      excerpt: `${'记'.repeat(60)}…`,
      photosText: '2 张照片',
    });
  });
});

describe('the event page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { event: string; station: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-resident');
    pages = loadPages({ event: 'packages/station/event/index', station: 'packages/station/detail/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('reception.event', { ok: true, data: FORUM });
    wx = installWx();
    fakeClockAt(DEMO_NOW);
  });
  afterEach(() => jest.useRealTimers());

  it('shows when, where, who and the invited departments; 我会参加 and undo', async () => {
    const page = await openedPage(pages.event, { id: FORUM.id });
    expect(callsOf(host, 'reception', 'event')).toEqual([{ action: 'event', receptionId: FORUM.id }]);
    const text = textOf(page);
    for (const shown of ['代表论坛', '老旧小区加装电梯', '12月20日 周日 14:30-16:30', '华富街道联络站二楼会议室', '李明', '区住房和建设局、华富街道办事处'])
      expect(text).toContain(shown);

    host.answer('reception.attend', { ok: true, data: { ...FORUM, attending: true } });
    tapButton(page.querySelector('.attend-button'));
    await until(() => page.data.event?.attending === true, 'the attendance');
    expect(callsOf(host, 'reception', 'attend')).toEqual([{ action: 'attend', receptionId: FORUM.id, attending: true }]);
    expect(textOf(page.querySelector('.attend')!)).toContain('取消报名');

    host.answer('reception.attend', { ok: true, data: FORUM });
    tapButton(page.querySelector('.attend-button'));
    await until(() => page.data.event?.attending === false, 'the undo');
    expect(callsOf(host, 'reception', 'attend').map((c) => c.attending)).toEqual([true, false]);
  });

  it('sends a question only when there is one, and shows the server’s refusal', async () => {
    const page = await openedPage(pages.event, { id: FORUM.id });
    tapButton(page.querySelector('.submit-question'));
    await until(() => page.data.formError !== '', 'the hint');
    expect(textOf(page.querySelector('.form-error')!)).toBe('请先写下您想问的问题');
    expect(callsOf(host, 'reception', 'ask')).toEqual([]);

    host.answer('reception.ask', { ok: false, error: { code: 'RATE_LIMITED', message: '每场活动最多提交 3 个问题' } });
    typeInto(page, '.field-question', '补贴怎么申请？');
    tapButton(page.querySelector('.submit-question'));
    await until(() => page.data.formError === '每场活动最多提交 3 个问题', 'the refusal');

    host.answer('reception.ask', { ok: true, data: { asked: true } });
    tapButton(page.querySelector('.submit-question'));
    await until(() => page.data.asked, 'the question');
    expect(callsOf(host, 'reception', 'ask').at(-1)).toEqual({ action: 'ask', receptionId: FORUM.id, question: '补贴怎么申请？' });
    expect(page.data.question).toBe('');
  });

  it('afterwards shows the 活动回顾 and its photos instead of the forms', async () => {
    host.answer('reception.event', { ok: true, data: SUMMARISED });
    const page = await openedPage(pages.event, { id: FORUM.id });
    expect(textOf(page.querySelector('.recap')!)).toContain('三个小区表示将启动加装。');
    expect(page.querySelectorAll('.photo')).toHaveLength(1);
    expect(page.querySelector('.attend')).toBeUndefined();
    expect(page.querySelector('.ask')).toBeUndefined();
  });

  it('offers one of its deputies 查看群众提问, and a resident no such thing', async () => {
    const resident = await openedPage(pages.event, { id: FORUM.id });
    expect(resident.querySelector('.open-questions')).toBeUndefined();

    host.answer('reception.event', { ok: true, data: { ...FORUM, attending: undefined, attendance: 12 } });
    const deputy = await openedPage(pages.event, { id: FORUM.id });
    expect(deputy.querySelector('.attend')).toBeUndefined();
    expect(textOf(deputy.querySelector('.facts')!)).toContain('已有 12 人报名参加');
    tapButton(deputy.querySelector('.open-questions'));
    await until(() => wx.navigations.length === 1, 'the questions');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: `/packages/work/event/index?id=${FORUM.id}` }]);
  });

  it('says so for a missing event and offers the nearby stations', async () => {
    host.answer('reception.event', { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这场代表论坛或约见活动' } });
    const page = await openedPage(pages.event, { id: 'rc-none' });
    expect(textOf(page)).toContain('没有找到这场代表论坛或约见活动');
    tapButton(page.querySelector('.to-nearby'));
    await until(() => wx.navigations.length === 1, 'the nearby stations');
    expect(wx.navigations[0]).toMatchObject({ url: '/pages/stations/index' });
  });

  it('is reached from the station page’s card and its 活动回顾', async () => {
    host.answer('station.get', {
      ok: true,
      data: {
        ...STATION,
        receptions: [
          ...STATION.receptions,
          { id: FORUM.id, kind: 'forum', topic: '老旧小区加装电梯', date: '2026-12-20', start: '14:30', end: '16:30', deputies: [{ id: 'dp-001', name: '李明' }] },
        ],
        recaps: [{ id: 'rc-old', kind: 'meeting', kindLabel: '约见一府两院', topic: '学校周边交通', date: '2026-10-10', summary: '区交警大队答复了。', photoCount: 0 }],
      },
    });
    host.answer('reception.following', { ok: true, data: { stationId: STATION.id, following: false } });
    const page = await openedPage(pages.station, { id: STATION.id });
    expect(textOf(page.querySelector('.recaps')!)).toContain('学校周边交通');
    tapButton(page.querySelector('.open-event'));
    page.querySelector('.recap')!.dispatchEvent('tap');
    await until(() => wx.navigations.length === 2, 'the event pages');
    expect(wx.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/station/event/index?id=${FORUM.id}` },
      { method: 'navigateTo', url: '/packages/station/event/index?id=rc-old' },
    ]);
  });
});
