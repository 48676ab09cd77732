/**
 * @jest-environment jsdom
 *
 * 代表论坛 / 约见 on the officer's side, against canned answers of the `reception` function:
 * publishing one (its own words, topic, departments one a line, place, no slots), the schedule's
 * counts and its way to the questions, and the 提问与活动回顾 page (questions without who asked,
 * no form before the end, the summary sent with its photos' ids). Expectations written by hand.
 */
import type { StationDetail } from '../../typings/api';
import type { EventQuestionsOutput, EventView } from '../../typings/event';
import type { Profile, ScheduledReception } from '../../typings/workspace';
import { departmentsOf, formErrors, toPublishInput, withEvent } from '../../miniprogram/packages/work/publish/view-model';
import { toReceptionItem } from '../../miniprogram/packages/work/schedule/view-model';
import { summaryProblem, toOfficerEventView } from '../../miniprogram/packages/work/event/view-model';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, renderPage, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost, type as typeInto } from './support/page-harness';

const FORUM_ROW: ScheduledReception = {
  id: 'rc-forum',
  kind: 'forum',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  date: '2026-03-20',
  start: '14:30',
  end: '16:30',
  deputies: [{ id: 'dp-001', name: '李明', checkedIn: false }],
  slots: [],
  bookings: 0,
  event: { topic: '老旧小区加装电梯', attendance: 12, questions: 2, summarised: false },
};
const EVENT: EventView = {
  id: 'rc-forum',
  kind: 'forum',
  kindLabel: '代表论坛',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  topic: '老旧小区加装电梯',
  departments: ['区住房和建设局'],
  place: '联络站二楼会议室',
  date: '2026-03-09',
  start: '14:30',
  end: '16:30',
  deputies: [{ id: 'dp-001', name: '李明' }],
  attendance: 12,
  open: false,
};
const QUESTIONS: EventQuestionsOutput = {
  receptionId: 'rc-forum',
  attendance: 12,
  questions: [
    { question: '补贴怎么申请？', at: '2026-03-05T02:00:00.000Z' },
    { question: '低楼层住户怎么协调？', at: '2026-03-04T02:00:00.000Z', unchecked: true },
  ],
};
const PROFILE: Profile = { openid: 'odemo-officer', role: 'officer', name: '王芳', stations: [{ id: 'st-ft-hf', name: '华富街道人大代表联络站' }] };
const DEPUTY: Profile = { openid: 'odemo-deputy', role: 'deputy', name: '李明', deputyId: 'dp-001', stations: [{ id: 'st-ft-hf', name: '华富街道人大代表联络站' }] };
const STATION = {
  id: 'st-ft-hf',
  name: 'st-ft-hf',
  deputies: [{ id: 'dp-001', name: '李明', level: 'district', delegation: '福田区代表团', occupation: '' }],
} as unknown as StationDetail;
// 10:00 on Tuesday 10 March 2026 in Beijing.
const NOW = Date.parse('2026-03-10T02:00:00Z');

const callsOf = (host: FunctionHostStub, action: string) => host.calls.filter((c) => c.fn === 'reception' && c.body.action === action).map((c) => c.body);
const tapButton = (page: RenderedComponent, cls: string) => page.querySelector(cls)!.querySelector('.van-button')!.dispatchEvent('tap');

describe('the officer’s view-models', () => {
  it.each<[string, string, string[]]>([
    ['one a line', '区住房和建设局\n华富街道办事处\n', ['区住房和建设局', '华富街道办事处']],
    ['separated by 、 and commas, blanks dropped', '区教育局、 区交警大队,, 区城管局', ['区教育局', '区交警大队', '区城管局']],
    ['nothing', '  ', []],
  ])('departments typed %s', (_name, text, expected) => {
    expect(departmentsOf(text)).toEqual(expected);
  });

  const form = {
    stationId: 'st-ft-hf',
    kind: 'forum' as const,
    date: '2026-03-17',
    start: '14:30',
    end: '16:30',
    deputyIds: ['dp-001'],
    slots: [{ start: '14:30', end: '15:00', capacity: 2 }],
  };
  it.each<[string, { topic: string; departments: string; place: string }, string | undefined]>([
    ['complete', { topic: '加装电梯', departments: '区住建局', place: '会议室' }, undefined],
    ['no topic', { topic: ' ', departments: '', place: '会议室' }, '请填写活动主题'],
    ['a topic of 41 characters', { topic: '题'.repeat(41), departments: '', place: '会议室' }, '主题最多 40 个字'],
    ['no place', { topic: '加装电梯', departments: '', place: '' }, '请填写活动地点'],
    ['11 departments', { topic: '加装电梯', departments: Array.from({ length: 11 }, (_, i) => `单位${i}`).join('\n'), place: '会议室' }, '邀请单位最多 10 个'],
  ])('a forum %s', (_name, draft, error) => {
    expect(formErrors(withEvent(form, draft), '2026-03-17').event).toBe(error);
  });

  it('sends an event without slots, and a reception day without an event', () => {
    const sent = toPublishInput(withEvent(form, { topic: ' 加装电梯 ', departments: '区住建局\n街道办', place: '会议室' }));
    expect(sent).toEqual({ ...form, slots: [], event: { topic: '加装电梯', departments: ['区住建局', '街道办'], place: '会议室' } });
    expect(toPublishInput(withEvent({ ...form, kind: 'reception' }, { topic: 'x', departments: '', place: 'y' }))).not.toHaveProperty('event');
  });

  it('shows the counts on the schedule', () => {
    expect(toReceptionItem(FORUM_ROW).event).toEqual({ label: '代表论坛', topic: '老旧小区加装电梯', countsText: '报名 12 人 · 提问 2 条' });
    expect(toReceptionItem({ ...FORUM_ROW, event: { ...FORUM_ROW.event!, summarised: true } }).event?.countsText).toBe('报名 12 人 · 提问 2 条 · 已发布回顾');
  });

  it.each<[string, EventView, 'before' | 'form' | 'posted']>([
    ['before the start', { ...EVENT, date: '2026-03-20', open: true }, 'before'],
    ['started, not ended', { ...EVENT, date: '2026-03-10', start: '09:00', end: '11:00' }, 'before'],
    ['ended', EVENT, 'form'],
    ['summarised', { ...EVENT, summary: { text: '已答复', photos: [], at: '2026-03-09T10:00:00.000Z' } }, 'posted'],
  ])('the 提问与活动回顾 page %s → %s', (_name, event, stage) => {
    expect(toOfficerEventView(event, QUESTIONS, new Date(NOW)).stage).toBe(stage);
  });

  it('gives the event’s deputies the questions without the 活动回顾 form', () => {
    expect(toOfficerEventView(EVENT, QUESTIONS, new Date(NOW))).toMatchObject({ canSummarise: true, heading: '提问与活动回顾', stage: 'form' });
    const deputy = toOfficerEventView(EVENT, QUESTIONS, new Date(NOW), 'deputy');
    expect(deputy).toMatchObject({ canSummarise: false, heading: '群众提问', attendanceText: '已有 12 人报名参加 · 2 条提问' });
    expect(deputy.questions.map((q) => q.text)).toEqual(['补贴怎么申请？', '低楼层住户怎么协调？']);
  });

  it.each<[string, string, number, string]>([
    ['nothing written', '', 0, '请填写活动回顾'],
    ['2001 characters', '记'.repeat(2001), 0, '活动回顾最多 2000 个字'],
    ['a photo still uploading', '已答复', 1, '照片还在上传，请稍候'],
    ['ready', '已答复', 0, ''],
  ])('a summary with %s', (_name, summary, uploading, problem) => {
    expect(summaryProblem(summary, { photos: [], uploading, failed: 0 })).toBe(problem);
  });
});

describe('the officer’s pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { schedule: string; publish: string; event: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pages = loadPages({ schedule: 'packages/work/schedule/index', publish: 'packages/work/publish/index', event: 'packages/work/event/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('reception.schedule', { ok: true, data: { earliestDate: '2026-03-17', receptions: [FORUM_ROW] } });
    host.answer('user.profile', { ok: true, data: PROFILE });
    host.answer('station.get', { ok: true, data: STATION });
    host.answer('reception.publish', { ok: true, data: FORUM_ROW });
    host.answer('reception.event', { ok: true, data: EVENT });
    host.answer('reception.questions', { ok: true, data: QUESTIONS });
    wx = installWx();
    fakeClockAt(NOW);
  });
  afterEach(() => jest.useRealTimers());

  it('publishes a 代表论坛: its own words, topic, departments and place, no slots', async () => {
    const page = renderPage(pages.publish);
    await page.instance.onLoad({});
    await until(() => !page.data.loading && page.data.deputies.length > 0, 'the form');
    page.querySelector('.kind-forum')!.dispatchEvent('tap');
    await until(() => page.data.form.kind === 'forum', 'the kind');
    expect(textOf(page)).not.toContain('约访时段');
    expect(textOf(page.querySelector('.submit-publish')!)).toBe('发布代表论坛');
    page.querySelector('.deputy-dp-001')!.querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => page.data.form.deputyIds.length === 1, 'the deputy');

    tapButton(page, '.submit-publish');
    await until(() => !!page.data.errors.event, 'the missing topic');
    expect(textOf(page.querySelector('.error-event')!)).toBe('请填写活动主题');
    expect(callsOf(host, 'publish')).toEqual([]);

    typeInto(page, '.field-topic', '老旧小区加装电梯');
    typeInto(page, '.field-place', '联络站二楼会议室');
    typeInto(page, '.field-departments', '区住房和建设局\n华富街道办事处');
    tapButton(page, '.submit-publish');
    await until(() => wx.navigations.length > 0, 'going back');
    expect(callsOf(host, 'publish')).toEqual([
      {
        action: 'publish',
        stationId: 'st-ft-hf',
        kind: 'forum',
        date: '2026-03-17',
        start: '09:00',
        end: '11:00',
        deputyIds: ['dp-001'],
        slots: [],
        event: { topic: '老旧小区加装电梯', departments: ['区住房和建设局', '华富街道办事处'], place: '联络站二楼会议室' },
      },
    ]);
  });

  it('shows the counts on the schedule and opens the questions', async () => {
    const page = renderPage(pages.schedule);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'the schedule');
    expect(textOf(page.querySelector('.reception')!)).toContain('主题：老旧小区加装电梯报名 12 人 · 提问 2 条');
    tapButton(page, '.open-event');
    await until(() => wx.navigations.length > 0, 'the event');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/work/event/index?id=rc-forum' }]);
  });

  it('lists the questions without who asked, and posts the 活动回顾 after the end', async () => {
    host.answer('reception.summarise', { ok: true, data: { ...EVENT, summary: { text: '区住建局答复了补贴政策。', photos: [], at: '2026-03-10T02:00:00.000Z' } } });
    const page = renderPage(pages.event);
    await page.instance.onLoad({ id: 'rc-forum' });
    await until(() => !page.data.loading, 'the event');
    expect(page.querySelectorAll('.question__text').map((n) => textOf(n))).toEqual(['补贴怎么申请？', '低楼层住户怎么协调？']);
    expect(textOf(page.querySelectorAll('.question')[1])).toContain('待人工审核');
    expect(textOf(page)).toContain('已有 12 人报名参加 · 2 条提问');

    tapButton(page, '.submit-summary');
    await until(() => page.data.formError !== '', 'the hint');
    expect(page.data.formError).toBe('请填写活动回顾');
    typeInto(page, '.field-summary', '区住建局答复了补贴政策。');
    tapButton(page, '.submit-summary');
    await until(() => page.data.event.stage === 'posted', 'the summary');
    expect(callsOf(host, 'summarise')).toEqual([{ action: 'summarise', receptionId: 'rc-forum', summary: '区住建局答复了补贴政策。', photoFileIds: [] }]);
  });

  it('shows one of the event’s deputies its questions read-only: no 活动回顾 form, nothing to post', async () => {
    host.answer('user.profile', { ok: true, data: DEPUTY });
    const page = renderPage(pages.event);
    await page.instance.onLoad({ id: 'rc-forum' });
    await until(() => !page.data.loading, 'the event');
    expect(page.querySelectorAll('.question__text').map((n) => textOf(n))).toEqual(['补贴怎么申请？', '低楼层住户怎么协调？']);
    expect(textOf(page)).toContain('已有 12 人报名参加 · 2 条提问');
    expect(wx.titles).toEqual(['群众提问']);
    for (const officerOnly of ['.field-summary', '.photo-picker', '.submit-summary']) expect(page.querySelector(officerOnly)).toBeUndefined();
    expect(textOf(page)).toContain('活动结束后，联络员会发布活动回顾');
    // Even if called, nothing is sent: posting is the officer's.
    await page.instance.onSubmit();
    expect(callsOf(host, 'summarise')).toEqual([]);
  });

  it('shows a deputy the posted 活动回顾 as text', async () => {
    host.answer('user.profile', { ok: true, data: DEPUTY });
    host.answer('reception.event', { ok: true, data: { ...EVENT, summary: { text: '区住建局答复了补贴政策。', photos: [], at: '2026-03-10T02:00:00.000Z' } } });
    const page = renderPage(pages.event);
    await page.instance.onLoad({ id: 'rc-forum' });
    await until(() => !page.data.loading, 'the event');
    expect(textOf(page.querySelector('.recap-text')!)).toBe('区住建局答复了补贴政策。');
    expect(page.querySelector('.field-summary')).toBeUndefined();
  });

  it('offers no form before the end', async () => {
    host.answer('reception.event', { ok: true, data: { ...EVENT, date: '2026-03-20', open: true } });
    const page = renderPage(pages.event);
    await page.instance.onLoad({ id: 'rc-forum' });
    await until(() => !page.data.loading, 'the event');
    expect(page.querySelector('.submit-summary')).toBeUndefined();
    expect(textOf(page)).toContain('活动结束后可在这里发布活动回顾。');
  });
});
