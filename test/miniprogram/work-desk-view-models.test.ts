import type { DutyRecord, ScheduledReception } from '../../typings/workspace';
import { presencePayload } from '../../backend/domain/reception/presence-code';
import type { ScanAnswer } from '../../miniprogram/services/scan';
import {
  beijingTime,
  distanceText,
  isCompletePresenceCode,
  locationProblem,
  normalisePresenceCode,
  presenceCodeHint,
  readCheckInScan,
  toCheckInView,
} from '../../miniprogram/packages/work/checkin/view-model';
import { toDutyItemView, toDutyView, yearChoices } from '../../miniprogram/packages/work/duty/view-model';
import { fieldOf, formErrors, generateSlots, toPublishInput } from '../../miniprogram/packages/work/publish/view-model';
import type { PublishForm } from '../../miniprogram/packages/work/publish/view-model';
import { boundText, codeHint, isCompleteCode, normaliseCode } from '../../miniprogram/packages/work/redeem/view-model';
import { addDays, dayText, relativeDay } from '../../miniprogram/packages/work/schedule/day-label';
import { groupByDay, toReceptionItem } from '../../miniprogram/packages/work/schedule/view-model';

describe('invite code', () => {
  it.each([
    ['abcd-efgh', 'ABCDEFGH'],
    [' AbCd EfGh ', 'ABCDEFGH'],
    ['ABCD－EFGH', 'ABCDEFGH'],
    ['abcd—ef_gh', 'ABCDEFGH'],
  ])('reads %j as %s', (typed, code) => {
    expect(normaliseCode(typed)).toBe(code);
    expect(isCompleteCode(normaliseCode(typed))).toBe(true);
  });

  it('is complete at exactly 8 letters or digits, and says what is missing', () => {
    expect(isCompleteCode('ABCDEFG')).toBe(false);
    expect(isCompleteCode('ABCDEFGHJ')).toBe(false);
    expect(isCompleteCode('ABCD EFG')).toBe(false);
    expect(codeHint('')).toBe('请输入8位邀请码');
    expect(codeHint('ABC')).toBe('还差5位');
    expect(codeHint('ABCDEFGHJK')).toBe('邀请码是8位，多输入了2位');
    expect(codeHint('ABCD,EFG')).toBe('邀请码只包含字母和数字');
    expect(codeHint('ABCDEFGH')).toBe('');
  });

  it('says whom the account is now bound to', () => {
    expect(boundText({ openid: 'o', role: 'deputy', name: '张三' })).toBe('已绑定为 人大代表 张三');
    expect(boundText({ openid: 'o', role: 'admin', name: '赵敏' })).toBe('已绑定为 区人大常委会 赵敏');
    expect(boundText({ openid: 'o', role: 'officer' })).toBe('已绑定为 联络员');
  });
});

describe('check-in', () => {
  it.each([
    [118.6, '约 120 米'],
    [3, '约 10 米'],
    [499, '约 500 米'],
    [1000, '约 1 公里'],
    [2345, '约 2.3 公里'],
    [-1, ''],
  ])('%d m reads %j', (metres, text) => {
    expect(distanceText(metres)).toBe(text);
  });

  it('tells the time on Beijing’s clock', () => {
    expect(beijingTime('2026-03-10T01:02:00.000Z')).toBe('09:02');
    expect(beijingTime('2026-03-09T16:30:00.000Z')).toBe('00:30');
    expect(beijingTime('nonsense')).toBe('');
  });

  it('shapes the answer, telling a repeat apart', () => {
    const answer = {
      receptionId: 'r',
      stationName: '华富街道人大代表联络站',
      date: '2026-03-10',
      distance: 80,
      checkedInAt: '2026-03-10T01:02:00Z',
      already: false,
      proof: 'presence-code+location' as const,
    };
    expect(toCheckInView(answer)).toEqual({
      stationName: '华富街道人大代表联络站',
      dateText: '3月10日 周二',
      distanceText: '约 80 米',
      timeText: '09:02',
      already: false,
      title: '签到成功',
    });
    expect(toCheckInView({ ...answer, already: true }).title).toBe('今天已签到过');
  });

  it.each<[string, ScanAnswer, unknown]>([
    [
      'the officer’s presence QR code: door code and digits at once',
      { scanned: { result: 'LLZ-CHECKIN:FT-HF-01:048213' } },
      { ok: true, data: { proof: { code: 'FT-HF-01', presenceCode: '048213' } } },
    ],
    [
      'the same, as the server makes it (docs/api.md’s payload)',
      { scanned: { result: presencePayload('ft-hf', '000731') } },
      { ok: true, data: { proof: { code: 'FT-HF', presenceCode: '000731' } } },
    ],
    [
      'the door’s mini-program code: the station, not yet a proof',
      { scanned: { result: '', path: 'packages/station/detail/index?scene=FT-HF-01' } },
      { ok: true, data: { doorCode: 'FT-HF-01' } },
    ],
    ['a printed door code', { scanned: { result: 'ft-hf-01' } }, { ok: true, data: { doorCode: 'FT-HF-01' } }],
    ['a presence payload with five digits', { scanned: { result: 'LLZ-CHECKIN:FT-HF:12345' } }, { ok: false, error: { code: 'NOT_A_CHECKIN_CODE' } }],
    ['someone else’s QR code', { scanned: { result: 'https://example.com/pay' } }, { ok: false, error: { code: 'NOT_A_CHECKIN_CODE', message: '这不是签到码' } }],
    ['a closed scanner', { failed: 'scanCode:fail cancel' }, { ok: true, data: null }],
    ['a failed scan', { failed: 'scanCode:fail system error' }, { ok: false, error: { code: 'SCAN_FAILED' } }],
  ])('reads a scan: %s', (_name, answer, expected) => {
    expect(readCheckInScan(answer)).toMatchObject(expected as object);
  });

  it.each([
    ['', '', '', false],
    ['12', '12', '还差 4 位', false],
    [' 123 456 ', '123456', '', true],
    ['１２３４５６', '123456', '', true],
    ['1234567', '1234567', '签到码是 6 位数字，多输入了 1 位', false],
    ['12a4', '12a4', '签到码只有数字', false],
  ])('reads typed digits %j as %j (%j)', (typed, code, hint, complete) => {
    expect(normalisePresenceCode(typed)).toBe(code);
    expect(presenceCodeHint(code)).toBe(hint);
    expect(isCompletePresenceCode(code)).toBe(complete);
  });

  it('explains a missing position in terms of checking in', () => {
    expect(locationProblem('LOCATION_DENIED').message).toBe('您没有允许使用位置信息，无法核对签到位置');
    expect(locationProblem('SOMETHING_ELSE').message).toBe('暂时无法获取您的位置');
    expect(locationProblem('PRIVACY_DENIED').hint).not.toContain('街道');
  });
});

describe('duty record', () => {
  it.each([
    [
      { count: 12, quota: 30 },
      { countText: '12 / 30 人', percentage: 40, met: false, color: 'var(--color-brand)', stateText: '还差 18 人' },
    ],
    [
      { count: 30, quota: 30 },
      { countText: '30 / 30 人', percentage: 100, met: true, color: 'var(--color-success)', stateText: '已达标' },
    ],
    [
      { count: 45, quota: 30 },
      { percentage: 100, met: true, stateText: '已达标' },
    ],
    [
      { count: 0, quota: 1 },
      { percentage: 0, met: false, stateText: '还差 1 人' },
    ],
    [{ count: 5 }, { countText: '5 人', hasQuota: false, stateText: '' }],
  ])('%j reads %j', (counts, view) => {
    expect(toDutyItemView({ key: 'votersContacted', label: '联系选民', unit: '人', ...counts })).toMatchObject(view);
  });

  it('offers this year and last', () => {
    expect(yearChoices(2026, 2025)).toEqual([
      { year: 2026, label: '今年（2026）', active: false },
      { year: 2025, label: '去年（2025）', active: true },
    ]);
  });

  it('dates the recent entries in Beijing and labels them by kind', () => {
    const record: DutyRecord = {
      year: 2026,
      deputy: { id: 'dp-001', name: '李明' },
      items: [
        { key: 'replies', label: '答复留言', count: 1, unit: '件' },
        { key: 'visits', label: '走访选区', count: 3, quota: 3, unit: '次' },
        { key: 'suggestions', label: '提出建议', count: 0, quota: 1, unit: '件' },
      ],
      recent: [{ at: '2026-03-09T16:30:00Z', kind: 'replies', text: '答复了留言', caseId: 'c-1' }],
      reportRatings: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, total: 0, rate: null, minimum: 10 },
    };
    const view = toDutyView(record, new Date('2026-06-01T00:00:00Z'));
    expect(view.summary).toBe('1 / 2 项达标');
    expect(view.recent).toEqual([{ dateText: '3月10日', kindLabel: '答复留言', text: '答复了留言', caseId: 'c-1', reportId: '' }]);
    expect(view.reportRatingsText).toBe('暂无评价');
  });
});

describe('schedule', () => {
  const reception = (over: Partial<ScheduledReception>): ScheduledReception => ({
    id: 'r',
    kind: 'reception',
    stationId: 's',
    stationName: '华富街道人大代表联络站',
    date: '2026-03-10',
    start: '09:00',
    end: '10:00',
    deputies: [],
    slots: [],
    bookings: 0,
    ...over,
  });

  it('names days relative to today, across a month end', () => {
    expect(relativeDay('2026-03-31', '2026-03-31')).toBe('今天');
    expect(relativeDay('2026-04-01', '2026-03-31')).toBe('明天');
    expect(relativeDay('2026-04-02', '2026-03-31')).toBe('周四');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayText('2026-03-10')).toBe('3月10日 周二');
  });

  it('groups by date in date order, each day by start time', () => {
    const groups = groupByDay(
      [reception({ id: 'b', date: '2026-03-11', start: '14:00' }), reception({ id: 'a', date: '2026-03-11', start: '09:00' }), reception({ id: 'p', date: '2026-03-09' })],
      '2026-03-10',
    );
    expect(groups.map((g) => [g.title, g.past, g.receptions.map((r) => r.id)])).toEqual([
      ['3月9日 周一', true, ['p']],
      ['明天 3月11日', false, ['a', 'b']],
    ]);
  });

  it('ticks the deputies who checked in and counts places', () => {
    const item = toReceptionItem(
      reception({
        deputies: [
          { id: '1', name: '李明', checkedIn: true },
          { id: '2', name: '陈红', checkedIn: false },
        ],
        slots: [{ start: '09:00', end: '09:30', capacity: 2, booked: 1 }],
        bookings: 1,
      }),
    );
    expect(item).toMatchObject({ deputiesText: '李明 ✓、陈红', slots: ['09:00-09:30 1/2'], bookingsText: '已约 1 人', reportMeeting: false });
  });

  it('marks a 述职会, which takes no bookings', () => {
    expect(toReceptionItem(reception({ kind: 'report_meeting', bookings: 0 }))).toMatchObject({ reportMeeting: true, slots: [], bookingsText: '' });
  });
});

describe('publish form', () => {
  const form = (over: Partial<PublishForm> = {}): PublishForm => ({
    stationId: 'st-ft-hf',
    date: '2026-03-17',
    start: '09:00',
    end: '10:00',
    deputyIds: ['dp-001'],
    slots: generateSlots('09:00', '10:00'),
    ...over,
  });

  it('cuts the time range into 30-minute slots of 2, leaving out a short end', () => {
    expect(generateSlots('09:00', '10:00')).toEqual([
      { start: '09:00', end: '09:30', capacity: 2 },
      { start: '09:30', end: '10:00', capacity: 2 },
    ]);
    expect(generateSlots('09:45', '11:00').map((s) => s.start)).toEqual(['09:45', '10:15']);
    expect(generateSlots('10:00', '10:00')).toEqual([]);
    expect(generateSlots('11:00', '10:00')).toEqual([]);
  });

  it('checks what the server would refuse, next to its field', () => {
    expect(formErrors(form(), '2026-03-17')).toEqual({});
    expect(formErrors(form({ date: '2026-03-16' }), '2026-03-17').date).toContain('2026-03-17');
    expect(formErrors(form({ deputyIds: [] }), '2026-03-17')).toEqual({ deputies: '请至少选择一位接待代表' });
    expect(formErrors(form({ end: '09:00' }), '2026-03-17').time).toBe('结束时间须晚于开始时间');
    expect(formErrors(form({ slots: [{ start: '08:30', end: '09:00', capacity: 2 }] }), '2026-03-17').slots).toBeTruthy();
    expect(formErrors(form({ slots: [{ start: '09:00', end: '09:30', capacity: 0 }] }), '2026-03-17').slots).toBe('每个时段可约 1–20 人');
    expect(formErrors(form({ slots: [] }), '2026-03-17')).toEqual({});
  });

  it.each([
    ['stationId', 'station'],
    ['date', 'date'],
    ['start', 'time'],
    ['end', 'time'],
    ['deputyIds', 'deputies'],
    ['deputyIds.0', 'deputies'],
    ['slots.2.capacity', 'slots'],
    ['somethingElse', undefined],
    [undefined, undefined],
  ])('puts a server error on %s under %s', (serverField, field) => {
    expect(fieldOf(serverField)).toBe(field);
  });

  it('sends exactly the contract’s input', () => {
    expect(toPublishInput(form())).toEqual({
      stationId: 'st-ft-hf',
      kind: 'reception',
      date: '2026-03-17',
      start: '09:00',
      end: '10:00',
      deputyIds: ['dp-001'],
      slots: [
        { start: '09:00', end: '09:30', capacity: 2 },
        { start: '09:30', end: '10:00', capacity: 2 },
      ],
    });
  });

  it('a 述职会 names its deputies and has no 约访 slots, whatever the slot list held', () => {
    const meeting = form({ kind: 'report_meeting', slots: [{ start: '08:30', end: '09:00', capacity: 0 }] });
    expect(formErrors(meeting, '2026-03-17')).toEqual({});
    expect(formErrors({ ...meeting, deputyIds: [] }, '2026-03-17')).toEqual({ deputies: '请至少选择一位述职代表' });
    expect(toPublishInput(meeting)).toEqual({
      stationId: 'st-ft-hf',
      kind: 'report_meeting',
      date: '2026-03-17',
      start: '09:00',
      end: '10:00',
      deputyIds: ['dp-001'],
      slots: [],
    });
  });
});
