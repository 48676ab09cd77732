import { checkInSchema, followStationSchema, presenceCodeSchema, publishReceptionSchema, scheduleSchema } from './reception.input';

const publish = {
  stationId: 'st-ft-hf',
  date: '2026-01-10',
  start: '09:00',
  end: '11:00',
  deputyIds: ['dp-001'],
  slots: [{ start: '09:00', end: '09:30', capacity: 2 }],
};

describe('reception workspace input at the edge', () => {
  it('accepts a publish request as the form sends it', () => {
    expect(publishReceptionSchema(publish, '')).toEqual({ ok: true, value: publish });
  });

  it.each([
    ['no deputy', { deputyIds: [] }, 'deputyIds', '请至少选择 1 项接待代表'],
    ['a deputy id as an operator', { deputyIds: [{ $ne: null }] }, 'deputyIds.0', '代表编号必须是文字'],
    ['deputies as a string', { deputyIds: 'dp-001' }, 'deputyIds', '接待代表格式不正确'],
    ['a time without the leading zero', { start: '9:00' }, 'start', '开始时间应为 时:分，如 09:30'],
    ['24:00', { end: '24:00' }, 'end', '结束时间应为 时:分，如 09:30'],
    ['a date with slashes', { date: '2026/01/10' }, 'date', '接待日期应为 年-月-日，如 2026-01-10'],
    ['a slot of 21 residents', { slots: [{ start: '09:00', end: '09:30', capacity: 21 }] }, 'slots.0.capacity', '每个时段可约人数应在 1 到 20 之间'],
    ['a slot of nobody', { slots: [{ start: '09:00', end: '09:30', capacity: 0 }] }, 'slots.0.capacity', '每个时段可约人数应在 1 到 20 之间'],
    ['half a resident', { slots: [{ start: '09:00', end: '09:30', capacity: 1.5 }] }, 'slots.0.capacity', '每个时段可约人数必须是整数'],
    ['a booked count sent along', { slots: [{ start: '09:00', end: '09:30', capacity: 2, booked: 1 }] }, 'slots.0.booked', '不认识的字段 booked'],
    ['an officer id in the body', { officerId: 'sf-x' }, 'officerId', '不认识的字段 officerId'],
  ])('refuses %s', (_name, over, field, reason) => {
    expect(publishReceptionSchema({ ...publish, ...over }, '')).toEqual({ ok: false, field, reason });
  });

  it('refuses more than 48 slots', () => {
    const slots = Array.from({ length: 49 }, () => ({ start: '09:00', end: '09:30', capacity: 1 }));
    expect(publishReceptionSchema({ ...publish, slots }, '')).toMatchObject({ ok: false, field: 'slots', reason: '预约时段不能超过 48 项' });
  });

  it('checks a check-in’s code, presence code and position', () => {
    const here = { latitude: 22.55, longitude: 114.07 };
    expect(checkInSchema({ code: 'FT-HF', presenceCode: '012345', ...here }, '').ok).toBe(true);
    // Typed on the deputy's phone without scanning: no door code.
    expect(checkInSchema({ presenceCode: '012345', ...here }, '')).toEqual({ ok: true, value: { presenceCode: '012345', ...here } });
    expect(checkInSchema({ code: 'FT-HF', presenceCode: '012345', ...here, latitude: '22.55' }, '')).toMatchObject({ ok: false, field: 'latitude' });
    expect(checkInSchema({ code: 'FT-HF', presenceCode: '012345', ...here, latitude: 91 }, '')).toMatchObject({ ok: false, field: 'latitude' });
    expect(checkInSchema({ code: '../x', presenceCode: '012345', ...here }, '')).toMatchObject({ ok: false, field: 'code' });
    expect(checkInSchema({ code: 'FT-HF', presenceCode: '012345', ...here, deputyId: 'dp-001' }, '')).toMatchObject({ ok: false, field: 'deputyId' });
  });

  it.each<[string, unknown, string]>([
    ['missing (the public door code alone)', undefined, '签到需要联络员手机上的签到码，请扫描它，或输入 6 位签到码'],
    ['empty', '', '请填写签到码'],
    ['five digits', '12345', '签到码是 6 位数字，请看联络员手机上显示的签到码'],
    ['seven digits', '1234567', '签到码不能超过 6 个字'],
    ['letters', '12a456', '签到码是 6 位数字，请看联络员手机上显示的签到码'],
    ['a number, not text', 123456, '签到码必须是文字'],
    ['an operator', { $ne: null }, '签到码必须是文字'],
  ])('refuses a presence code that is %s', (_name, presenceCode, reason) => {
    expect(checkInSchema({ code: 'FT-HF', presenceCode, latitude: 22.55, longitude: 114.07 }, '')).toEqual({ ok: false, field: 'presenceCode', reason });
  });

  it('takes the id of the reception whose presence code the officer shows', () => {
    expect(presenceCodeSchema({ receptionId: 'rc-ft-hf-20260110' }, '')).toEqual({ ok: true, value: { receptionId: 'rc-ft-hf-20260110' } });
    expect(presenceCodeSchema({}, '')).toMatchObject({ ok: false, field: 'receptionId' });
    expect(presenceCodeSchema({ receptionId: { $gt: '' } }, '')).toMatchObject({ ok: false, field: 'receptionId' });
  });

  it('following takes a real boolean; the schedule an optional station', () => {
    expect(followStationSchema({ stationId: 'st-ft-hf', follow: false }, '')).toEqual({ ok: true, value: { stationId: 'st-ft-hf', follow: false } });
    expect(followStationSchema({ stationId: 'st-ft-hf', follow: 'false' }, '')).toMatchObject({ ok: false, field: 'follow' });
    expect(followStationSchema({ stationId: 'st-ft-hf' }, '')).toMatchObject({ ok: false, field: 'follow' });
    expect(scheduleSchema({}, '')).toEqual({ ok: true, value: {} });
    expect(scheduleSchema({ stationId: { $gt: '' } }, '')).toMatchObject({ ok: false, field: 'stationId' });
  });
});
