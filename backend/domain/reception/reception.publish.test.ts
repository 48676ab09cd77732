import type { PublishReceptionInput } from '../../../typings/workspace';
import { decidePublish, newReception, publishWindow, receptionIdFor, sameSchedule } from './reception.publish';

const TODAY = '2025-11-20';
const valid: PublishReceptionInput = {
  stationId: 'st-ft-hf',
  date: '2025-11-27',
  start: '09:00',
  end: '11:00',
  deputyIds: ['dp-001', 'dp-002'],
  slots: [
    { start: '10:00', end: '10:30', capacity: 2 },
    { start: '09:00', end: '09:30', capacity: 3 },
  ],
};

const decide = (over: Partial<PublishReceptionInput>) => {
  const result = decidePublish({ input: { ...valid, ...over }, today: TODAY, stationDeputyIds: ['dp-001', 'dp-002', 'dp-003'] });
  return result.ok ? 'ok' : [result.failure.code, result.failure.field, result.failure.detail].join(' ');
};

describe('publishing a reception day', () => {
  it('accepts a day a week ahead and orders the slots by their start', () => {
    const result = decidePublish({ input: valid, today: TODAY, stationDeputyIds: ['dp-001', 'dp-002'] });
    expect(result).toEqual({
      ok: true,
      value: [
        { start: '09:00', end: '09:30', capacity: 3 },
        { start: '10:00', end: '10:30', capacity: 2 },
      ],
    });
  });

  it.each<[string, Partial<PublishReceptionInput>, string]>([
    ['exactly 7 days ahead', { date: '2025-11-27' }, 'ok'],
    ['exactly 90 days ahead', { date: '2026-02-18' }, 'ok'],
    ['without slots', { slots: [] }, 'ok'],
    [
      'slots touching end to start and filling the whole reception',
      {
        slots: [
          { start: '09:00', end: '10:00', capacity: 1 },
          { start: '10:00', end: '11:00', capacity: 20 },
        ],
      },
      'ok',
    ],
    ['6 days ahead', { date: '2025-11-26' }, 'INVALID_INPUT date 接待日须至少提前 7 天公布，最早可选 2025-11-27'],
    ['today', { date: TODAY }, 'INVALID_INPUT date 接待日须至少提前 7 天公布，最早可选 2025-11-27'],
    ['91 days ahead', { date: '2026-02-19' }, 'INVALID_INPUT date 接待日最多提前 90 天发布，最晚可选 2026-02-18'],
    ['a day that does not exist', { date: '2026-02-30' }, 'INVALID_INPUT date 日期格式不正确，请选择日期'],
    ['an end before the start', { start: '11:00', end: '09:00', slots: [] }, 'INVALID_INPUT end 结束时间应晚于开始时间'],
    ['an end equal to the start', { start: '09:00', end: '09:00', slots: [] }, 'INVALID_INPUT end 结束时间应晚于开始时间'],
    ['a deputy of another station', { deputyIds: ['dp-001', 'dp-099'] }, 'INVALID_INPUT deputyIds.1 所选代表不是本联络站的驻站代表，请重新选择'],
    ['the same deputy twice', { deputyIds: ['dp-001', 'dp-001'] }, 'INVALID_INPUT deputyIds.1 同一位代表只需选择一次'],
    ['a slot ending before it starts', { slots: [{ start: '10:00', end: '09:30', capacity: 1 }] }, 'INVALID_INPUT slots.0 时段的结束时间应晚于开始时间'],
    ['a slot starting before the reception', { slots: [{ start: '08:30', end: '09:30', capacity: 1 }] }, 'INVALID_INPUT slots.0 时段须在接待时间 09:00–11:00 之内'],
    ['a slot ending after the reception', { slots: [{ start: '10:30', end: '11:30', capacity: 1 }] }, 'INVALID_INPUT slots.0 时段须在接待时间 09:00–11:00 之内'],
    [
      'overlapping slots (named by the later one as sent)',
      {
        slots: [
          { start: '09:45', end: '10:15', capacity: 1 },
          { start: '09:00', end: '10:00', capacity: 1 },
        ],
      },
      'INVALID_INPUT slots.0 时段与 09:00–10:00 重叠，请调整',
    ],
    [
      'two slots at the same time',
      {
        slots: [
          { start: '09:00', end: '09:30', capacity: 1 },
          { start: '09:00', end: '09:30', capacity: 1 },
        ],
      },
      'INVALID_INPUT slots.1 时段与 09:00–09:30 重叠，请调整',
    ],
  ])('%s: %s', (_name, over, expected) => {
    expect(decide(over)).toBe(expected);
  });

  it('publishes from today + 7 to today + 90, across a month and a year', () => {
    expect(publishWindow('2025-12-28')).toEqual({ earliest: '2026-01-04', latest: '2026-03-28' });
  });

  it('names one reception per station and day, as the seed does', () => {
    expect(receptionIdFor('st-ft-hf-01', '2026-01-10')).toBe('rc-ft-hf-01-20260110');
  });

  it('a retried publish is the same schedule whatever was booked since; another time or deputy is not', () => {
    const now = new Date('2025-11-20T02:00:00Z');
    const stored = newReception(valid, [{ start: '09:00', end: '09:30', capacity: 3 }], 'sf-ft-hf', now);
    expect(stored).toMatchObject({ _id: 'rc-ft-hf-20251127', officerId: 'sf-ft-hf', publishedAt: now, slots: [{ start: '09:00', booked: 0 }] });
    const booked = { ...stored, slots: [{ ...stored.slots[0], booked: 2 }], publishedAt: new Date(0) };
    expect(sameSchedule(booked, stored)).toBe(true);
    expect(sameSchedule(stored, { ...stored, start: '09:30' })).toBe(false);
    expect(sameSchedule(stored, { ...stored, deputyIds: ['dp-001'] })).toBe(false);
    expect(sameSchedule(stored, { ...stored, slots: [{ ...stored.slots[0], capacity: 4 }] })).toBe(false);
  });
});

describe('a 述职会 (report_meeting)', () => {
  it('has no slots: any slot is refused on `slots`', () => {
    expect(decide({ kind: 'report_meeting', slots: [] })).toBe('ok');
    expect(decide({ kind: 'report_meeting' })).toBe('INVALID_INPUT slots 述职会不设预约时段，请删除时段后再发布');
  });

  it('is stored with its kind; a day without one is a reception day, and the two are different schedules', () => {
    const meeting = newReception({ ...valid, kind: 'report_meeting', slots: [] }, [], 'sf-1', new Date());
    const day = newReception({ ...valid, slots: [] }, [], 'sf-1', new Date());
    expect(meeting.kind).toBe('report_meeting');
    expect(day.kind).toBe('reception');
    expect(sameSchedule(meeting, day)).toBe(false);
    const { kind: _kind, ...stored } = day;
    expect(sameSchedule(stored, day)).toBe(true);
  });
});
