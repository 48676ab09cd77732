/**
 * 代表论坛 / 约见 rules as tables, each expectation written by hand: what publishing one needs,
 * when residents may still come and ask, when the 活动回顾 may be posted, who reads questions,
 * what the followers' notice says, and what counts in 履职档案.
 */
import type { Reception } from '../../../typings/models';
import type { PublishReceptionInput } from '../../../typings/workspace';
import { countDuty } from '../duty/duty.count';
import { decidePublish, newReception, sameSchedule } from '../reception/reception.publish';
import { publishReceptionSchema } from '../reception/reception.input';
import { askEventSchema, summariseEventSchema } from './event.input';
import { eventHappened, eventOpen, eventOver, runsEvent } from './event.policy';
import { eventSettings } from './event.rules';
import { eventNoticeTip, toEventRecap, toEventView } from './event.view';

const TODAY = '2026-03-01';
const forum: PublishReceptionInput = {
  stationId: 'st-ft-hf',
  kind: 'forum',
  date: '2026-03-08',
  start: '14:30',
  end: '16:30',
  deputyIds: ['dp-001'],
  slots: [],
  event: { topic: '老旧小区加装电梯', departments: ['区住房和建设局', '华富街道办事处'], place: '华富街道联络站二楼会议室' },
};
const decide = (over: Partial<PublishReceptionInput>) => {
  const result = decidePublish({ input: { ...forum, ...over }, today: TODAY, stationDeputyIds: ['dp-001', 'dp-002'] });
  return result.ok ? 'ok' : [result.failure.code, result.failure.field, result.failure.detail].join(' ');
};

describe('publishing a 代表论坛 or a 约见', () => {
  it.each<[string, Partial<PublishReceptionInput>, string]>([
    ['a forum exactly 7 days ahead', {}, 'ok'],
    ['a meeting with the officials', { kind: 'meeting' }, 'ok'],
    ['no invited department (a forum of deputies and residents only)', { event: { ...forum.event!, departments: [] } }, 'ok'],
    ['6 days ahead', { date: '2026-03-07' }, 'INVALID_INPUT date 接待日须至少提前 7 天公布，最早可选 2026-03-08'],
    ['without its details', { event: undefined }, 'INVALID_INPUT event 代表论坛和约见须填写主题、邀请单位和地点'],
    ['details on a reception day', { kind: 'reception' }, 'INVALID_INPUT event 只有代表论坛和约见需要填写主题、邀请单位和地点'],
    ['details on a 述职会', { kind: 'report_meeting' }, 'INVALID_INPUT event 只有代表论坛和约见需要填写主题、邀请单位和地点'],
    ['a forum with a 约访 slot', { slots: [{ start: '14:30', end: '15:00', capacity: 2 }] }, 'INVALID_INPUT slots 代表论坛不设预约时段，请删除时段后再发布'],
    [
      'a meeting with a 约访 slot',
      { kind: 'meeting', slots: [{ start: '14:30', end: '15:00', capacity: 2 }] },
      'INVALID_INPUT slots 约见一府两院不设预约时段，请删除时段后再发布',
    ],
    ['a department twice', { event: { ...forum.event!, departments: ['区住房和建设局', '区住房和建设局'] } }, 'INVALID_INPUT event.departments.1 同一个邀请单位只需填写一次'],
    ['a deputy of another station', { deputyIds: ['dp-009'] }, 'INVALID_INPUT deputyIds.0 所选代表不是本联络站的驻站代表，请重新选择'],
  ])('%s → %s', (_name, over, expected) => {
    expect(decide(over)).toBe(expected);
  });

  it.each<[string, unknown, string | undefined]>([
    ['a topic of 40 characters', { topic: '题'.repeat(40), departments: [], place: '会议室' }, undefined],
    ['a topic of 41 characters', { topic: '题'.repeat(41), departments: [], place: '会议室' }, 'event.topic'],
    ['10 departments', { topic: '电梯', departments: Array.from({ length: 10 }, (_, i) => `单位${i}`), place: '会议室' }, undefined],
    ['11 departments', { topic: '电梯', departments: Array.from({ length: 11 }, (_, i) => `单位${i}`), place: '会议室' }, 'event.departments'],
    ['a department of 31 characters', { topic: '电梯', departments: ['局'.repeat(31)], place: '会议室' }, 'event.departments.0'],
    ['no place', { topic: '电梯', departments: [], place: ' ' }, 'event.place'],
    ['an unknown field', { topic: '电梯', departments: [], place: '会议室', budget: 1 }, 'event.budget'],
  ])('the event part: %s', (_name, event, field) => {
    const checked = publishReceptionSchema({ ...forum, event }, '');
    expect(checked.ok ? undefined : checked.field).toBe(field);
  });

  it('keeps the details, and a retry with other details is another schedule', () => {
    const stored = newReception(forum, [], 'sf-ft-hf', new Date('2026-03-01T02:00:00Z'));
    expect(stored).toMatchObject({ _id: 'rc-ft-hf-20260308', kind: 'forum', event: forum.event, slots: [] });
    expect(sameSchedule(stored, newReception(forum, [], 'sf-other', new Date()))).toBe(true);
    expect(sameSchedule(stored, newReception({ ...forum, event: { ...forum.event!, place: '社区活动室' } }, [], 'sf-ft-hf', new Date()))).toBe(false);
  });
});

// 2026-03-08 14:30–16:30 in Shanghai is 06:30–08:30 UTC.
const stored: Reception = {
  _id: 'rc-ft-hf-20260308',
  kind: 'forum',
  stationId: 'st-ft-hf',
  date: '2026-03-08',
  start: '14:30',
  end: '16:30',
  deputyIds: ['dp-001'],
  officerId: 'sf-ft-hf',
  slots: [],
  publishedAt: new Date('2026-03-01T02:00:00Z'),
  event: forum.event,
};

describe('when residents may come and ask, and when the 活动回顾 may be posted', () => {
  it.each<[string, boolean, boolean]>([
    ['2026-03-08T06:29:59Z', true, false],
    ['2026-03-08T06:30:00Z', false, false],
    ['2026-03-08T08:29:59Z', false, false],
    ['2026-03-08T08:30:00Z', false, true],
  ])('at %s: open %s, over %s', (at, open, over) => {
    expect(eventOpen(stored, new Date(at))).toBe(open);
    expect(eventOver(stored, new Date(at))).toBe(over);
  });
});

describe('who reads the questions', () => {
  it.each<[string, Parameters<typeof runsEvent>[0], boolean]>([
    ['an officer of the station', { role: 'officer', id: 'sf-ft-hf', stationIds: ['st-ft-hf'] }, true],
    ['an officer of another station', { role: 'officer', id: 'sf-x', stationIds: ['st-ft-x'] }, false],
    ['a deputy on the event', { role: 'deputy', id: 'u1', deputyId: 'dp-001' }, true],
    ['a deputy of the station not on it', { role: 'deputy', id: 'u2', deputyId: 'dp-002' }, false],
    ['a resident', { role: 'resident', id: 'u3', openid: 'o-1' }, false],
    ['the district office', { role: 'admin', id: 'ad', district: '福田区' }, false],
  ])('%s → %s', (_name, actor, expected) => {
    expect(runsEvent(actor, stored)).toBe(expected);
  });
});

describe('the followers’ notice fits WeChat’s thing field (20 characters)', () => {
  it.each<[Parameters<typeof eventNoticeTip>[0], string, string]>([
    ['forum', '老旧小区加装电梯', '代表论坛：老旧小区加装电梯'],
    ['meeting', '学校周边交通安全', '约见：学校周边交通安全'],
    ['forum', '一二三四五六七八九十一二三四五六', '代表论坛：一二三四五六七八九十一二三四…'],
  ])('%s「%s」→ %s', (kind, topic, tip) => {
    expect(eventNoticeTip(kind, topic)).toBe(tip);
    expect(Array.from(tip).length).toBeLessThanOrEqual(20);
  });
});

describe('questions and summaries as sent', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a question of 300 characters', { receptionId: 'rc-1', question: '问'.repeat(300) }, undefined],
    ['a question of 301 characters', { receptionId: 'rc-1', question: '问'.repeat(301) }, 'question'],
    ['an empty question', { receptionId: 'rc-1', question: '  ' }, 'question'],
    ['an openid sent along', { receptionId: 'rc-1', question: '问', openid: 'o-x' }, 'openid'],
  ])('%s', (_name, input, field) => {
    const checked = askEventSchema(input, '');
    expect(checked.ok ? undefined : checked.field).toBe(field);
  });

  const photo = (i: number) => `cloud://env-1/cases/2026/03/${String(i).padStart(32, 'a')}.jpg`;
  it.each<[string, unknown, string | undefined]>([
    ['2000 characters and 9 photos', { receptionId: 'rc-1', summary: '记'.repeat(2000), photoFileIds: Array.from({ length: 9 }, (_, i) => photo(i)) }, undefined],
    ['2001 characters', { receptionId: 'rc-1', summary: '记'.repeat(2001), photoFileIds: [] }, 'summary'],
    ['10 photos', { receptionId: 'rc-1', summary: '记', photoFileIds: Array.from({ length: 10 }, (_, i) => photo(i)) }, 'photoFileIds'],
    ['a web address for a photo', { receptionId: 'rc-1', summary: '记', photoFileIds: ['https://example.com/a.jpg'] }, 'photoFileIds.0'],
  ])('a summary of %s', (_name, input, field) => {
    const checked = summariseEventSchema(input, '');
    expect(checked.ok ? undefined : checked.field).toBe(field);
  });
});

describe('what happened, and what the 履职档案 counts', () => {
  const summary = { text: '区住建局答复了补贴政策。', photoFileIds: ['cloud://env-1/cases/2026/03/p.jpg'], at: new Date('2026-03-08T09:00:00Z'), officerId: 'sf-ft-hf' };

  it('an event happened once its summary is posted; a reception day never is one', () => {
    expect(eventHappened(stored)).toBe(false);
    expect(eventHappened({ ...stored, summary })).toBe(true);
    expect(eventHappened({ kind: 'reception', summary })).toBe(false);
  });

  it('the view shows the summary and the counts only when given', () => {
    const view = toEventView({ ...stored, summary }, { stationName: '华富街道联络站', deputyNames: new Map([['dp-001', '王建国']]), now: new Date('2026-03-09T00:00:00Z') })!;
    expect(view).toMatchObject({
      kindLabel: '代表论坛',
      open: false,
      deputies: [{ id: 'dp-001', name: '王建国' }],
      summary: { text: '区住建局答复了补贴政策。', at: '2026-03-08T09:00:00.000Z' },
    });
    expect(view).not.toHaveProperty('attendance');
    expect(toEventView({ ...stored, kind: 'reception', event: undefined }, { stationName: '', deputyNames: new Map(), now: new Date() })).toBeUndefined();
    expect(toEventRecap({ ...stored, summary })).toEqual({
      id: stored._id,
      kind: 'forum',
      kindLabel: '代表论坛',
      topic: '老旧小区加装电梯',
      date: '2026-03-08',
      summary: '区住建局答复了补贴政策。',
      photoCount: 1,
    });
    expect(toEventRecap(stored)).toBeUndefined();
  });

  it('counts each event that happened once, and its day as a day of activity', () => {
    const none = { events: [], checkIns: [], cases: new Map(), bookings: [], reports: [] };
    const counts = countDuty({
      ...none,
      forums: [
        { id: 'rc-1', kind: 'forum', topic: '电梯', date: '2026-03-08' },
        { id: 'rc-2', kind: 'meeting', topic: '交通', date: '2026-04-12' },
      ],
    });
    expect(counts.forums).toBe(2);
    expect(counts.activeDays).toBe(2);
    expect(countDuty(none).forums).toBe(0);
  });
});

describe('the settings (config/events.json)', () => {
  it.each<[unknown, string | undefined]>([
    [{ questionsPerDay: 10, questionsPerEvent: 3 }, undefined],
    [{ questionsPerDay: 0, questionsPerEvent: 3 }, 'config/events.json: questionsPerDay must be a whole number from 1 to 100, got 0'],
    [{ questionsPerDay: 10, questionsPerEvent: '3' }, 'config/events.json: questionsPerEvent must be a whole number from 1 to 20, got "3"'],
  ])('%j', (config, error) => {
    if (error) expect(() => eventSettings(config)).toThrow(error);
    else expect(eventSettings(config)).toEqual(config);
  });
});
