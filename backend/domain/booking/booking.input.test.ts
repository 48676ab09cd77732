import { bookSlotSchema, cancelBookingSchema, myBookingsSchema } from './booking.input';

const valid = { requestId: 'req-12345678', receptionId: 'rc-ft-hf-20251125', slotIndex: 1, topic: '  小区加装电梯  ' };

describe('booking input at the edge', () => {
  it('accepts a booking and trims the topic', () => {
    expect(bookSlotSchema(valid, '')).toEqual({ ok: true, value: { ...valid, topic: '小区加装电梯' } });
  });

  it.each([
    ['a blank topic', { topic: '    ' }, 'topic', '请填写预约事由'],
    ['a topic of 101 characters', { topic: '字'.repeat(101) }, 'topic', '预约事由不能超过 100 个字'],
    ['a slot index sent as a string', { slotIndex: '1' }, 'slotIndex', '时段必须是数字'],
    ['a fractional slot index', { slotIndex: 1.5 }, 'slotIndex', '时段必须是整数'],
    ['a short request id', { requestId: 'abc' }, 'requestId', '请求编号至少 8 个字'],
    ['an operator as the reception id', { receptionId: { $ne: null } }, 'receptionId', '接待日编号必须是文字'],
    ['a landline as the phone', { contact: { phone: '0755-1234567' } }, 'contact.phone', '请填写 11 位手机号'],
    ['an openid in the body', { openid: 'o-someone' }, 'openid', '不认识的字段 openid'],
  ])('refuses %s', (_name, over, field, reason) => {
    expect(bookSlotSchema({ ...valid, ...over }, '')).toEqual({ ok: false, field, reason });
  });

  it('accepts 100 characters exactly, counted as a person counts them', () => {
    expect(bookSlotSchema({ ...valid, topic: '😀'.repeat(100) }, '').ok).toBe(true);
  });

  it('cancel takes a booking id; mine takes nothing', () => {
    expect(cancelBookingSchema({ bookingId: 'a'.repeat(64) }, '').ok).toBe(true);
    expect(cancelBookingSchema({ bookingId: '../x' }, '')).toMatchObject({ ok: false, field: 'bookingId' });
    expect(myBookingsSchema({ page: 1 }, '')).toMatchObject({ ok: false, field: 'page' });
  });
});
