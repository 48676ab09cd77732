import type { BookableReception, BookingView } from '../../typings/booking';
import {
  contactOf,
  dayLabel,
  formProblem,
  pickerView,
  successText,
  toBookingItems,
  toPlace,
  toSlotItems,
  whenText,
} from '../../miniprogram/packages/station/booking/view-model';

const reception: BookableReception = {
  id: 'rc-1',
  stationId: 'st-ft-hf',
  date: '2025-11-25',
  start: '09:00',
  end: '10:00',
  deputies: [
    { id: 'dp-001', name: '王建国' },
    { id: 'dp-002', name: '李秀英' },
  ],
  slots: [
    { index: 0, start: '09:00', end: '09:30', capacity: 2, remaining: 2 },
    { index: 1, start: '09:30', end: '10:00', capacity: 2, remaining: 0 },
  ],
};

const booking = (over: Partial<BookingView> = {}): BookingView => ({
  id: 'bk-1',
  receptionId: 'rc-1',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  date: '2025-11-25',
  start: '09:30',
  end: '10:00',
  topic: '小区加装电梯',
  status: 'booked',
  createdAt: '2025-11-20T02:00:00.000Z',
  ...over,
});

describe('预约接待 view-model', () => {
  it.each([
    ['2025-11-25', '09:00', '11月25日 周二 上午'],
    ['2025-11-30', '14:30', '11月30日 周日 下午'],
    ['2026-01-01', '19:00', '1月1日 周四 晚上'],
    ['2025-12-06', '11:59', '12月6日 周六 上午'],
  ])('%s %s reads %s', (date, start, label) => {
    expect(dayLabel(date, start)).toBe(label);
  });

  it('shows places left, and full slots as 已约满 and disabled', () => {
    expect(toSlotItems(reception, 0)).toEqual([
      { index: 0, time: '09:00-09:30', state: '剩余2个', full: false, selected: true },
      { index: 1, time: '09:30-10:00', state: '已约满', full: true, selected: false },
    ]);
  });

  it('names the attending deputies as text, with no deputy to choose; says when a place is already held', () => {
    const view = pickerView([reception], [booking()], '', -1);
    expect(view.activeId).toBe('rc-1');
    expect(view.attending).toBe('王建国、李秀英');
    expect(view).not.toHaveProperty('deputies');
    expect(view.held).toBe('您已预约本次接待 09:30-10:00');
    expect(pickerView([reception], [booking({ status: 'cancelled' })], '', -1).held).toBe('');
    expect(pickerView([], [], '', -1)).toMatchObject({ days: [], when: '', attending: '' });
  });

  it('says when to come: the reception’s hours, then the chosen slot’s', () => {
    expect(whenText(reception, -1)).toBe('11月25日 周二 09:00-10:00');
    expect(whenText(reception, 1)).toBe('11月25日 周二 09:30-10:00');
    expect(pickerView([reception], [], 'rc-1', 0).when).toBe('11月25日 周二 09:00-09:30');
  });

  it('says where to go: the station’s name and address, and where the map opens (GeoJSON is longitude first)', () => {
    const station = {
      name: '华富街道人大代表联络站',
      address: '福田区华富街道莲花北村12栋一楼',
      location: { type: 'Point' as const, coordinates: [114.0708, 22.5584] as [number, number] },
    };
    expect(toPlace(station)).toEqual({ name: '华富街道人大代表联络站', address: '福田区华富街道莲花北村12栋一楼', latitude: 22.5584, longitude: 114.0708 });
  });

  it.each([
    [{ slotIndex: -1, topic: '话题', contactName: '', contactPhone: '' }, '请选择时段'],
    [{ slotIndex: 0, topic: '   ', contactName: '', contactPhone: '' }, '请填写预约事由'],
    [{ slotIndex: 0, topic: '字'.repeat(101), contactName: '', contactPhone: '' }, '预约事由不能超过 100 个字'],
    [{ slotIndex: 0, topic: '话题', contactName: '', contactPhone: '12345' }, '请填写 11 位手机号'],
    [{ slotIndex: 0, topic: '😀'.repeat(100), contactName: '', contactPhone: '13800138000' }, ''],
  ])('form %o: %s', (form, problem) => {
    expect(formProblem(form)).toBe(problem);
  });

  it('sends a contact only when one was given', () => {
    expect(contactOf({ slotIndex: 0, topic: 't', contactName: ' ', contactPhone: '' })).toBeUndefined();
    expect(contactOf({ slotIndex: 0, topic: 't', contactName: ' 张女士 ', contactPhone: '' })).toEqual({ name: '张女士' });
  });

  it.each([
    ['reminder accepted, days ahead', true, '2025-11-20T02:00:00Z', '已预约 11月25日 09:30-10:00，前一天会提醒您'],
    ['reminder accepted, just before 09:00 the day before', true, '2025-11-24T00:59:00Z', '已预约 11月25日 09:30-10:00，前一天会提醒您'],
    ['reminder accepted, after 09:00 the day before', true, '2025-11-24T01:00:00Z', '已预约 11月25日 09:30-10:00，请按时到联络站'],
    ['reminder refused', false, '2025-11-20T02:00:00Z', '已预约 11月25日 09:30-10:00，请按时到联络站'],
  ])('success text: %s', (_name, accepted, now, text) => {
    expect(successText(booking(), accepted, new Date(now))).toBe(text);
  });

  it('lists my bookings (a deputy named only on bookings that chose one); only an upcoming active one can be cancelled', () => {
    const now = new Date('2025-11-25T01:29:00Z'); // 09:29 in Shenzhen
    const items = toBookingItems(
      [booking(), booking({ id: 'bk-2', start: '09:00', end: '09:30', deputy: { id: 'dp-001', name: '王建国' } }), booking({ id: 'bk-3', status: 'cancelled' })],
      now,
    );
    expect(items.map((i) => [i.when, i.deputyText, i.statusText, i.canCancel])).toEqual([
      ['11月25日 周二 09:30-10:00', '', '已预约', true],
      ['11月25日 周二 09:00-09:30', '约见 王建国', '已预约', false],
      ['11月25日 周二 09:30-10:00', '', '已取消', false],
    ]);
  });
});
