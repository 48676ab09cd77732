/** @jest-environment jsdom */
/**
 * A resident books a half-hour with the deputies of a station, end to end: the real pages
 * (miniprogram-simulate, real Vant) against the real local back end, as odemo-resident —
 * the station opened by its QR code → 预约接待 (where and when on top) → a day, a slot, a topic → booked →
 * 我的预约 → cancelled, the place given back. Every step asserts what is on screen.
 */
import type { BookableReception } from '../../typings/booking';
import type { Station } from '../../typings/models';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { RenderedComponent } from '../miniprogram/support/load-page';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { dayText, lastRoute, launchApp, openPage, tap, textOf, textsOf, until } from './support/journey';
import { startRemoteBackend, type RemoteBackend } from './support/remote-backend';

const RESIDENT = 'odemo-resident';
const SCENE = 'FT-HF-01';
const TOPIC = '想和代表谈谈莲花北村加装电梯的进展';

const monthDay = (date: string) => dayText(date).split(' ')[0];

describe('a resident books a reception, sees it in 我的预约, and cancels it', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let pages: { station: string; booking: string };
  let station: Station;
  let reminderTemplate: string;
  const journey = {
    bookingQuery: {} as Record<string, string>,
    page: undefined as RenderedComponent | undefined,
    reception: undefined as BookableReception | undefined,
    slot: undefined as BookableReception['slots'][number] | undefined,
  };

  beforeAll(async () => {
    backend = await startRemoteBackend(['station', 'reception', 'subscription', 'user']);
    config.mode = 'local';
    config.localHost = backend.url;
    config.localOpenid = RESIDENT;
    wx = createWxPlatform();
    wx.install();
    launchApp();
    pages = loadPages({ station: 'packages/station/detail/index', booking: 'packages/station/booking/index' });
    [station] = await backend.find<Station>('stations', { code: SCENE });
    reminderTemplate = (await backend.data('subscription', 'templates', {})).receptionReminder;
  }, 180_000);

  afterAll(() => backend?.close());

  it('1. the station opened by its QR code leads to 预约接待', async () => {
    const page = await openPage(pages.station, { scene: encodeURIComponent(SCENE) }, 'the station');
    expect(textOf(page)).toContain(station.name);
    tap(page.querySelector('.book'));
    await until(() => wx.navigations.length > 0, 'the way to 预约接待');
    journey.bookingQuery = lastRoute(wx, 'navigateTo').query;
    expect(lastRoute(wx, 'navigateTo')).toEqual({ page: 'packages/station/booking/index', query: { stationId: station._id } });
  });

  it('2. 预约接待: where and when, the bookable days, a slot with places, a topic → booked', async () => {
    const { receptions } = await backend.data('reception', 'list', { stationId: station._id });
    const bookable = receptions.filter((r) => r.slots.some((s) => s.remaining > 0));
    expect(bookable.length).toBeGreaterThan(0);
    const page = await openPage(pages.booking, journey.bookingQuery, 'the reception days');
    journey.page = page;

    expect(textsOf(page, '.main--visit__name')).toEqual([station.name]);
    expect(textsOf(page, '.main--visit__address')).toEqual([station.address]);
    const chips = textsOf(page, '.main--day');
    expect(chips).toHaveLength(receptions.length);
    expect(chips[0]).toContain(dayText(receptions[0].date));
    expect(textOf(page)).toContain('暂无预约');

    // A later day when there is one: choosing a day is part of booking.
    const reception = bookable[bookable.length > 1 ? 1 : 0];
    page.querySelectorAll('.day')[receptions.indexOf(reception)].dispatchEvent('tap');
    await until(() => page.data.activeId === reception.id, 'the day to be chosen');
    const slot = reception.slots.find((s) => s.remaining > 0)!;
    await until(() => textOf(page).includes(`${slot.start}-${slot.end} 剩余${slot.remaining}个`), 'that day’s slots');
    if (reception.deputies.length) expect(textOf(page)).toContain(reception.deputies.map((d) => d.name).join('、'));

    // The deputies receiving that day are named, not chosen.
    expect(page.querySelectorAll('.deputy')).toHaveLength(0);
    page.querySelectorAll('.slot')[reception.slots.indexOf(slot)].dispatchEvent('tap');
    await until(() => page.data.slotIndex === slot.index, 'the slot to be chosen');
    page
      .querySelector('.topic')!
      .querySelector('.van-field__control--textarea')!
      .dispatchEvent('input', { detail: { value: TOPIC } });
    await until(() => page.data.topic === TOPIC, 'the topic');

    tap(page.querySelector('.confirm'));
    await until(() => textOf(page).includes('已预约'), 'the booking', 15_000);
    expect(textsOf(page, '.main--success__text')[0]).toMatch(new RegExp(`^已预约 ${monthDay(reception.date)} ${slot.start}-${slot.end}，(前一天会提醒您|请按时到联络站)$`));
    expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([[reminderTemplate]]);
    Object.assign(journey, { reception, slot });
  });

  it('3. 我的预约 shows it; cancelling gives the place back', async () => {
    const page = journey.page!;
    const { reception, slot } = journey;
    if (!reception || !slot) throw new Error('step 2 booked nothing');
    await until(() => page.querySelectorAll('.booking').length === 1, 'my booking');
    const row = () => textOf(page.querySelectorAll('.booking')[0]);
    expect(row()).toContain(`${dayText(reception.date)} ${slot.start}-${slot.end}`);
    expect(row()).toContain('已预约');
    expect(row()).toContain(station.name);
    expect(row()).not.toContain('约见');
    expect(row()).toContain(TOPIC);
    const placesWhileBooked = (await backend.data('reception', 'list', { stationId: station._id })).receptions.find((r) => r.id === reception.id)!.slots[slot.index].remaining;
    expect(placesWhileBooked).toBe(slot.remaining - 1);

    // The button sits in the row's label slot: it belongs to the page, not to the van-cell.
    expect(page.querySelectorAll('.cancel')).toHaveLength(1);
    tap(page.querySelector('.cancel'));
    await until(() => row().includes('已取消'), 'the cancellation', 15_000);
    expect(wx.modals.at(-1)?.content).toContain(`${dayText(reception.date)} ${slot.start}-${slot.end}`);
    expect(wx.toasts.at(-1)).toEqual({ title: '已取消预约', icon: 'success' });
    expect(page.querySelectorAll('.cancel')).toHaveLength(0);
    const placesAfter = (await backend.data('reception', 'list', { stationId: station._id })).receptions.find((r) => r.id === reception.id)!.slots[slot.index].remaining;
    expect(placesAfter).toBe(slot.remaining);
    // 继续预约: the form shows the freed place again.
    tap(page.querySelector('.book-another'));
    await until(() => textOf(page).includes(`${slot.start}-${slot.end} 剩余${slot.remaining}个`), 'the place back on the form');
  });
});
