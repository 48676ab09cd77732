/** @jest-environment jsdom */
/**
 * 预约接待 rendered by miniprogram-simulate with real Vant, talking HTTP to a stub function host.
 * Assertions read rendered text, as a resident would.
 */
import type { StationDetail } from '../../typings/api';
import type { BookableReception, BookingView } from '../../typings/booking';
import { config } from '../../miniprogram/config';
// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { useNoticeTemplates } = require('../../miniprogram/services/subscribe') as {
  useNoticeTemplates(ids: Partial<Record<'caseStatusChanged' | 'caseReplied' | 'receptionReminder', string>>): void;
};
import { setClock } from '../../miniprogram/utils/time';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { afterHandler } from './support/settle';

const TEMPLATE = 'tmpl-reception-reminder';

const receptions: BookableReception[] = [
  {
    id: 'rc-ft-hf-20251125',
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
  },
  {
    id: 'rc-ft-hf-20251128',
    stationId: 'st-ft-hf',
    date: '2025-11-28',
    start: '14:30',
    end: '15:00',
    deputies: [{ id: 'dp-003', name: '陈志强' }],
    slots: [{ index: 0, start: '14:30', end: '15:00', capacity: 3, remaining: 1 }],
  },
];

/** What the page reads of the station: where the resident is going. */
const station = {
  id: 'st-ft-hf',
  code: 'FT-HF',
  name: '华富街道人大代表联络站',
  address: '福田区华富街道莲花北村12栋一楼',
  location: { type: 'Point', coordinates: [114.0708, 22.5584] },
  phone: '0755-83210001',
} as unknown as StationDetail;

const booking = (over: Partial<BookingView> = {}): BookingView => ({
  id: 'bk-1',
  receptionId: 'rc-ft-hf-20251125',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  date: '2025-11-25',
  start: '09:00',
  end: '09:30',
  topic: '小区加装电梯',
  status: 'booked',
  createdAt: '2025-11-20T02:00:00.000Z',
  ...over,
});

describe('预约接待 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let subscribePrompts: string[][];
  let pageId: string;

  beforeAll(async () => {
    host = await startFunctionHostStub();
    config.mode = 'local';
    config.localHost = host.url;
    config.localOpenid = 'odemo-resident';
    useNoticeTemplates({ receptionReminder: TEMPLATE });
    pageId = loadPage('packages/station/booking/index');
  });
  afterAll(() => {
    setClock();
    return host.close();
  });

  beforeEach(() => {
    host.calls.length = 0;
    setClock(() => new Date('2025-11-20T02:00:00Z'));
    subscribePrompts = [];
    wx = createWxPlatform();
    // The subscription prompt: the resident taps 允许.
    wx.api.requestSubscribeMessage = (o: { tmplIds: string[]; success: (r: Record<string, string>) => void }) => {
      subscribePrompts.push(o.tmplIds);
      o.success(Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])));
    };
    wx.install();
    host.answer('station.get', { ok: true, data: station });
    host.answer('reception.list', { ok: true, data: { receptions } });
    host.answer('reception.mine', { ok: true, data: { bookings: [] } });
    host.answer('subscription.record', { ok: true, data: { remaining: { [TEMPLATE]: 1 } } });
  });

  const receptionCalls = (action: string) => host.calls.filter((c) => c.fn === 'reception' && c.body.action === action);

  async function open(stationId = 'st-ft-hf'): Promise<RenderedComponent> {
    const page = renderPage(pageId);
    await page.instance.onLoad({ stationId });
    await until(() => !page.data.loading, 'the receptions to load');
    return page;
  }

  /** Each slot is a full-width row, itself the radio. */
  const slotRows = (page: RenderedComponent) => page.querySelectorAll('.slot');
  const tapSlot = (page: RenderedComponent, index: number) => slotRows(page)[index].dispatchEvent('tap');
  /** Text of each rendered node of a class (the page's own classes are prefixed `main--`). */
  const texts = (page: RenderedComponent, selector: string) => Array.from(page.dom.querySelectorAll(selector)).map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());
  const tap = (component: RenderedComponent | undefined, inner = '.van-button') => component!.querySelector(inner)!.dispatchEvent('tap');

  function typeTopic(page: RenderedComponent, text: string): void {
    page
      .querySelector('.topic')!
      .querySelector('.van-field__control--textarea')!
      .dispatchEvent('input', { detail: { value: text } });
  }

  it('says where and when first: the station, its address, the day and time, the deputies as text', async () => {
    const page = await open();
    expect(texts(page, '.main--visit__name')).toEqual(['华富街道人大代表联络站']);
    expect(texts(page, '.main--visit__address')).toEqual(['福田区华富街道莲花北村12栋一楼']);
    expect(texts(page, '.main--visit__when')).toEqual(['11月25日 周二 09:00-10:00']);
    expect(texts(page, '.main--visit__deputies')).toEqual(['接待代表：王建国、李秀英']);
    // The station, the receptions and my bookings: asked for together.
    expect(host.calls.filter((c) => c.fn === 'station').map((c) => c.body)).toEqual([{ action: 'get', id: 'st-ft-hf' }]);

    // The top says the chosen slot once there is one, and follows the day.
    tapSlot(page, 0);
    await until(() => texts(page, '.main--visit__when')[0] === '11月25日 周二 09:00-09:30', 'the chosen slot on top');
    page.querySelectorAll('.day')[1].dispatchEvent('tap');
    await until(() => texts(page, '.main--visit__when')[0] === '11月28日 周五 14:30-15:00', 'the other day on top');
    expect(texts(page, '.main--visit__deputies')).toEqual(['接待代表：陈志强']);

    // The address opens the map at the station.
    page.querySelector('.visit__address')!.dispatchEvent('tap');
    await until(() => wx.openedLocations.length === 1, 'the map');
    expect(wx.openedLocations).toEqual([{ latitude: 22.5584, longitude: 114.0708, name: '华富街道人大代表联络站', address: '福田区华富街道莲花北村12栋一楼', scale: 17 }]);
  });

  it('shows the reception days and the slots as rows with places left; no deputy to choose; full slots cannot be chosen', async () => {
    const page = await open();
    const text = textOf(page);
    expect(texts(page, '.main--day')).toEqual(['11月25日 周二 上午', '11月28日 周五 下午']);
    expect(texts(page, '.main--slot')).toEqual(['09:00-09:30 剩余2个', '09:30-10:00 已约满']);
    expect(text).toContain('暂无预约');
    // The deputies come to the reception; the resident does not pick one.
    expect(page.querySelector('van-radio')).toBeUndefined();
    expect(page.dom.querySelectorAll('.van-radio')).toHaveLength(0);
    expect(text).not.toContain('不指定代表');

    // simulate drops aria-* attributes from its DOM: the class that goes with aria-disabled says it.
    const disabled = Array.from(page.dom.querySelectorAll('.main--slot')).map((row) => (row as unknown as { className: string }).className.includes('main--slot--disabled'));
    expect(disabled).toEqual([false, true]);
    // A tap on the full slot selects nothing; a tap on a free one selects it.
    tapSlot(page, 1);
    expect(page.data.slotIndex).toBe(-1);
    tapSlot(page, 0);
    await until(() => page.data.slotIndex === 0, 'the free slot');
    expect(page.dom.querySelectorAll('.main--slot--selected')).toHaveLength(1);
    expect(receptionCalls('list')[0].body).toEqual({ action: 'list', stationId: 'st-ft-hf' });
  });

  it('switches day: that day’s deputies and slots', async () => {
    const page = await open();
    page.querySelectorAll('.day')[1].dispatchEvent('tap');
    await until(() => textOf(page).includes('陈志强'), 'the second day');
    expect(textOf(page)).toContain('14:30-15:00 剩余1个');
    expect(textOf(page)).not.toContain('09:00-09:30');
  });

  it('books a slot without a deputy: subscription prompt first, then the booking, then the success text and 我的预约', async () => {
    const page = await open();
    tapSlot(page, 0);
    typeTopic(page, '  小区加装电梯  ');
    await until(() => page.data.topic !== '' && page.data.slotIndex === 0, 'the form to fill');

    host.answer('reception.book', { ok: true, data: booking() });
    host.answer('reception.mine', { ok: true, data: { bookings: [booking()] } });
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('已预约 11月25日 09:00-09:30，前一天会提醒您'), 'the success text');

    expect(subscribePrompts).toEqual([[TEMPLATE]]);
    const [book] = receptionCalls('book');
    expect(book.body).toEqual({
      action: 'book',
      requestId: expect.stringMatching(/^[0-9a-z]{24}$/),
      receptionId: 'rc-ft-hf-20251125',
      slotIndex: 0,
      topic: '小区加装电梯',
    });
    expect(book.openid).toBe('odemo-resident');
    expect(host.calls.find((c) => c.fn === 'subscription')?.body).toEqual({ action: 'record', results: { [TEMPLATE]: 'accept' } });

    await until(() => page.querySelectorAll('.booking').length === 1, '我的预约 to refresh');
    const row = textOf(page.querySelector('.booking')!);
    expect(row).toContain('11月25日 周二 09:00-09:30');
    expect(row).toContain('华富街道人大代表联络站');
    expect(row).not.toContain('不指定代表');
    expect(textOf(page)).toContain('取消预约');
    // Where to go stays on screen after booking.
    expect(texts(page, '.main--visit__address')).toEqual(['福田区华富街道莲花北村12栋一楼']);
  });

  it('keeps the requestId when a booking is retried after a network failure, and makes a new one after success', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const page = await open();
    tapSlot(page, 0);
    typeTopic(page, '停车难');
    await until(() => page.data.topic !== '', 'the topic');

    host.answer('reception.book', '<html>502 Bad Gateway</html>', 502);
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('网络不给力，请稍后重试'), 'the failure');

    host.answer('reception.book', { ok: true, data: booking() });
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('已预约 11月25日 09:00-09:30'), 'the retry to succeed');

    await until(() => page.data.slotIndex === -1, 'the places refreshed after booking');
    tap(page.querySelector('.book-another'));
    await until(() => !textOf(page).includes('已预约 11月25日 09:00-09:30'), 'the form again');
    tapSlot(page, 0);
    typeTopic(page, '路灯不亮');
    await until(() => page.data.topic === '路灯不亮', 'the new topic');
    tap(page.querySelector('.confirm'));
    await until(() => receptionCalls('book').length === 3, 'the next booking');

    const [first, second, next] = receptionCalls('book');
    expect(second.body.requestId).toBe(first.body.requestId);
    expect(next.body.requestId).not.toBe(first.body.requestId);
    warn.mockRestore();
  });

  it('says the slot is full when someone was faster, and shows the fresh places', async () => {
    const page = await open();
    tapSlot(page, 0);
    typeTopic(page, '噪音扰民');
    await until(() => page.data.topic !== '', 'the topic');

    host.answer('reception.book', { ok: false, error: { code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' } });
    const full: BookableReception[] = JSON.parse(JSON.stringify(receptions));
    full[0].slots[0].remaining = 0;
    host.answer('reception.list', { ok: true, data: { receptions: full } });
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('09:00-09:30 已约满'), 'the fresh places');
    expect(textOf(page)).toContain('该时段已约满，请选择其他时段');
  });

  it('leads to 我的 when the resident already holds as many bookings as allowed', async () => {
    const page = await open();
    tapSlot(page, 0);
    typeTopic(page, '停车难');
    await until(() => page.data.topic !== '', 'the topic');
    expect(page.querySelector('.to-mine')).toBeUndefined();

    host.answer('reception.book', { ok: false, error: { code: 'BOOKING_LIMIT', message: '您已有 2 个未到期的预约，请先取消一个再预约' } });
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('您已有 2 个未到期的预约，请先取消一个再预约'), 'the refusal');
    expect(textOf(page.querySelector('.to-mine')!)).toBe('到「我的」查看我的预约');
    tap(page.querySelector('.to-mine'));
    await until(() => wx.navigations.length === 1, '我的');
    expect(wx.navigations).toEqual([{ method: 'switchTab', url: '/pages/me/index' }]);

    // Another refusal does not point there.
    host.answer('reception.book', { ok: false, error: { code: 'CONFLICT', message: '预约已截止：请在接待日前一天 18:00 前预约' } });
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('预约已截止'), 'the other refusal');
    expect(page.querySelector('.to-mine')).toBeUndefined();
  });

  it('asks for a slot and a topic before sending anything', async () => {
    const page = await open();
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('请选择时段'), 'the form problem');
    tapSlot(page, 0);
    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('请填写预约事由'), 'the topic problem');
    expect(receptionCalls('book')).toHaveLength(0);
    expect(subscribePrompts).toHaveLength(0);
    // The topic field shows its word limit, and the form says when booking closes (the server's rules).
    expect(textOf(page.querySelector('.topic')!)).toContain('0/100');
    expect(textOf(page.querySelector('.submit__hint')!)).toBe('预约截止：接待日前一天 18:00');
  });

  it('cancels a booking after the confirm dialog, and refreshes 我的预约', async () => {
    host.answer('reception.mine', { ok: true, data: { bookings: [booking(), booking({ id: 'bk-old', date: '2025-11-10', status: 'cancelled' })] } });
    const page = await open();
    expect(textOf(page)).toContain('您已预约本次接待 09:00-09:30');
    expect(page.querySelectorAll('.cancel')).toHaveLength(1); // not on the cancelled one
    // One place per reception: its slots cannot be chosen while I hold one.
    expect(page.dom.querySelectorAll('.main--slot--disabled')).toHaveLength(2);
    tapSlot(page, 0);
    expect(page.data.slotIndex).toBe(-1);

    host.answer('reception.cancel', { ok: true, data: booking({ status: 'cancelled' }) });
    host.answer('reception.mine', { ok: true, data: { bookings: [booking({ status: 'cancelled' })] } });
    tap(page.querySelector('.cancel'));
    await until(() => wx.toasts.length > 0, 'the cancel to finish');

    expect(wx.modals).toEqual([{ title: '取消预约', content: '确定取消 11月25日 周二 09:00-09:30 的预约吗？' }]);
    expect(receptionCalls('cancel').map((c) => c.body)).toEqual([{ action: 'cancel', bookingId: 'bk-1' }]);
    expect(wx.toasts).toEqual([{ title: '已取消预约', icon: 'success' }]);
    await until(() => page.querySelectorAll('.cancel').length === 0, '我的预约 to refresh');
    expect(textOf(page)).toContain('已取消');
    expect(textOf(page)).not.toContain('您已预约本次接待');
  });

  it('keeps the booking when the resident changes their mind in the dialog', async () => {
    wx = createWxPlatform({ modalConfirm: false });
    wx.install();
    host.answer('reception.mine', { ok: true, data: { bookings: [booking()] } });
    const page = await open();
    // The handler's own promise: once it settles, a cancel it was going to send would be out.
    await afterHandler(page, 'onCancelBooking', () => tap(page.querySelector('.cancel')));
    expect(wx.modals).toHaveLength(1);
    expect(receptionCalls('cancel')).toHaveLength(0);
  });

  it('says so when no reception can be booked', async () => {
    host.answer('reception.list', { ok: true, data: { receptions: [] } });
    const page = await open();
    expect(textOf(page)).toContain('近期没有可预约的接待日');
    // Still says which station, with no time to show.
    expect(texts(page, '.main--visit__name')).toEqual(['华富街道人大代表联络站']);
    expect(page.querySelector('.visit__when')).toBeUndefined();
  });

  it('shows the error with a retry when the station cannot be read: without it the page cannot say where to go', async () => {
    host.answer('station.get', { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } });
    const page = await open();
    expect(textOf(page)).toContain('服务繁忙，请稍后再试');
    expect(page.querySelector('.visit')).toBeUndefined();
    host.answer('station.get', { ok: true, data: station });
    tap(page.querySelector('.page-error')!.querySelector('.retry'));
    await until(() => textOf(page).includes('华富街道人大代表联络站'), 'the retry');
  });

  it('shows the error with a retry when the list fails', async () => {
    host.answer('reception.list', { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个联络站' } });
    const page = await open();
    expect(textOf(page)).toContain('没有找到这个联络站');
    host.answer('reception.list', { ok: true, data: { receptions } });
    tap(page.querySelector('.page-error')!.querySelector('.retry'));
    await until(() => textOf(page).includes('09:00-09:30 剩余2个'), 'the retry');
  });
});
