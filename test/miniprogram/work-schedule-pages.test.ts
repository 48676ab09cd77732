/** @jest-environment jsdom */
import type { StationDetail } from '../../typings/api';
import type { Profile, ScheduledReception, ScheduleOutput } from '../../typings/workspace';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, renderPage, textOf, until } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent, RenderedNode } from './support/load-page';
import { reflectWxAttributes } from '../../scripts/screenshots/wx-attributes';

/** An attribute of a rendered node (simulate's DOM is jsdom's; RenderedNode types only what most tests read). */
const attr = (node: RenderedNode | null | undefined, name: string): string | null =>
  (node as unknown as { getAttribute(n: string): string | null } | null)?.getAttribute(name) ?? null;

const reception = (over: Partial<ScheduledReception>): ScheduledReception => ({
  id: 'rc-1',
  kind: 'reception',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  date: '2026-03-10',
  start: '09:00',
  end: '10:00',
  deputies: [
    { id: 'dp-001', name: '李明', checkedIn: true },
    { id: 'dp-002', name: '陈红', checkedIn: false },
  ],
  slots: [
    { start: '09:00', end: '09:30', capacity: 2, booked: 1 },
    { start: '09:30', end: '10:00', capacity: 2, booked: 2 },
  ],
  bookings: 3,
  ...over,
});

const SCHEDULE: ScheduleOutput = {
  earliestDate: '2026-03-17',
  receptions: [
    reception({ id: 'rc-past', date: '2026-03-03', bookings: 0, slots: [] }),
    reception({ id: 'rc-today-2', start: '14:30', end: '16:00', stationName: '莲花北社区人大代表联络站', stationId: 'st-ft-hf-01' }),
    reception({ id: 'rc-today-1' }),
    reception({ id: 'rc-tomorrow', date: '2026-03-11', deputies: [{ id: 'dp-003', name: '周强', checkedIn: false }] }),
    reception({ id: 'rc-later', date: '2026-03-20', deputies: [] }),
  ],
};

const PROFILE: Profile = {
  openid: 'odemo-officer',
  role: 'officer',
  name: '王芳',
  stations: [
    { id: 'st-ft-hf', name: '华富街道人大代表联络站' },
    { id: 'st-ft-hf-01', name: '莲花北社区人大代表联络站' },
  ],
};

const stationWith = (id: string, deputies: [string, string][]): StationDetail =>
  ({
    id,
    name: id,
    deputies: deputies.map(([dpId, name]) => ({ id: dpId, name, level: 'district', delegation: '福田区代表团', occupation: '' })),
  }) as unknown as StationDetail;

const callsOf = (host: FunctionHostStub, action: string) => host.calls.filter((c) => c.body.action === action).map((c) => c.body);
const tapButton = (page: RenderedComponent, cls: string) => page.querySelector(cls)!.querySelector('.van-button')!.dispatchEvent('tap');
const pick = (page: RenderedComponent, cls: string, value: string | number) => page.querySelector(cls)!.dispatchEvent('change', { detail: { value } });
const slotTexts = (page: RenderedComponent) => page.data.form.slots.map((s: { start: string; end: string; capacity: number }) => `${s.start}-${s.end}×${s.capacity}`);

describe('接待安排 and 发布接待日 pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { schedule: string; publish: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pages = loadPages({ schedule: 'packages/work/schedule/index', publish: 'packages/work/publish/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('reception.schedule', { ok: true, data: SCHEDULE });
    host.answer('user.profile', { ok: true, data: PROFILE });
    host.answer('station.get', {
      ok: true,
      data: stationWith('st-ft-hf', [
        ['dp-001', '李明'],
        ['dp-002', '陈红'],
      ]),
    });
    host.answer('reception.publish', { ok: true, data: reception({ id: 'rc-new', date: '2026-03-17' }) });
    wx = installWx();
    // 10:00 on Tuesday 10 March 2026 in Beijing.
    fakeClockAt(Date.parse('2026-03-10T02:00:00Z'));
  });
  afterEach(() => jest.useRealTimers());

  describe('接待安排', () => {
    async function shown(): Promise<RenderedComponent> {
      const page = renderPage(pages.schedule);
      await page.instance.onShow();
      await until(() => !page.data.loading, 'the schedule');
      return page;
    }

    it('groups the reception days by date, today and tomorrow named', async () => {
      const page = await shown();
      expect(page.data.days.map((d: { title: string; past: boolean }) => [d.title, d.past])).toEqual([
        ['3月3日 周二', true],
        ['今天 3月10日', false],
        ['明天 3月11日', false],
        ['3月20日 周五', false],
      ]);
      const text = textOf(page);
      expect(text).toContain('3月3日 周二（已过）');
      expect(callsOf(host, 'schedule')).toEqual([{ action: 'schedule' }]);
    });

    it('shows each day’s time, station, deputies (✓ checked in), slots and bookings, earliest first', async () => {
      const page = await shown();
      const receptions = page.querySelectorAll('.reception').map((c) => textOf(c));
      expect(receptions[1]).toBe('09:00-10:00华富街道人大代表联络站接待代表：李明 ✓、陈红09:00-09:30 1/209:30-10:00 2/2已约 3 人');
      expect(receptions[2]).toContain('14:30-16:00莲花北社区人大代表联络站');
      expect(receptions[0]).toContain('暂无预约');
      expect(receptions[4]).toContain('接待代表：未安排代表');
    });

    it('opens 发布接待日, and shows the new day when I come back', async () => {
      const page = await shown();
      tapButton(page, '.publish');
      await until(() => wx.navigations.length > 0, 'navigation');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/work/publish/index' }]);

      host.answer('reception.schedule', { ok: true, data: { ...SCHEDULE, receptions: [...SCHEDULE.receptions, reception({ id: 'rc-new', date: '2026-03-17' })] } });
      await page.instance.onShow();
      expect(callsOf(host, 'schedule')).toHaveLength(2);
      expect(textOf(page)).toContain('3月17日 周二');
    });

    it('says when there is nothing scheduled', async () => {
      host.answer('reception.schedule', { ok: true, data: { earliestDate: '2026-03-17', receptions: [] } });
      const page = await shown();
      expect(textOf(page)).toContain('近期没有接待日');
      expect(textOf(page)).toContain('发布接待日');
    });
  });

  describe('发布接待日', () => {
    async function opened(): Promise<RenderedComponent> {
      const page = renderPage(pages.publish);
      await page.instance.onLoad({});
      await until(() => !page.data.loading && page.data.deputies.length > 0, 'the form');
      return page;
    }

    // The whole row ticks, as a finger on the name would.
    const tick = (page: RenderedComponent, deputyId: string) => page.querySelector(`.deputy-${deputyId}`)!.querySelector('.van-cell')!.dispatchEvent('tap');

    it('starts from my first station, the earliest date and 30-minute slots of 2', async () => {
      const page = await opened();
      expect(callsOf(host, 'get')).toEqual([{ action: 'get', id: 'st-ft-hf' }]);
      const text = textOf(page);
      for (const shown of ['华富街道人大代表联络站', '2026-03-17', '须提前 7 天发布', '09:00', '11:00', '李明', '陈红']) expect(text).toContain(shown);
      expect(slotTexts(page)).toEqual(['09:00-09:30×2', '09:30-10:00×2', '10:00-10:30×2', '10:30-11:00×2']);
      expect(page.data.lastDate).toBe('2026-05-09');
    });

    it('builds the slots from the times I pick, lets me edit and remove them, and sends them', async () => {
      const page = await opened();
      pick(page, '.picker-date', '2026-03-20');
      pick(page, '.picker-start', '14:00');
      pick(page, '.picker-end', '15:30');
      await until(() => page.data.form.end === '15:30', 'the times');
      expect(slotTexts(page)).toEqual(['14:00-14:30×2', '14:30-15:00×2', '15:00-15:30×2']);

      page.querySelectorAll('.capacity')[0].querySelector('.van-stepper__plus')!.dispatchEvent('tap');
      await until(() => page.data.form.slots[0].capacity === 3, 'the capacity');
      page.querySelectorAll('.remove-slot')[2].dispatchEvent('tap');
      await until(() => page.data.form.slots.length === 2, 'the removal');
      tick(page, 'dp-002');
      await until(() => page.data.form.deputyIds.length === 1, 'the deputy');

      tapButton(page, '.submit-publish');
      await until(() => wx.navigations.length > 0, 'going back');
      expect(callsOf(host, 'publish')).toEqual([
        {
          action: 'publish',
          stationId: 'st-ft-hf',
          kind: 'reception',
          date: '2026-03-20',
          start: '14:00',
          end: '15:30',
          deputyIds: ['dp-002'],
          slots: [
            { start: '14:00', end: '14:30', capacity: 3 },
            { start: '14:30', end: '15:00', capacity: 2 },
          ],
        },
      ]);
      expect(wx.toasts).toEqual([{ title: '已发布', icon: 'success' }]);
      expect(wx.navigations).toEqual([{ method: 'navigateBack', url: undefined }]);
    });

    it('publishes a 述职会: no 约访 slots on the form or in what is sent, its own words throughout', async () => {
      const page = await opened();
      page.querySelector('.kind-report_meeting')!.dispatchEvent('tap');
      await until(() => page.data.form.kind === 'report_meeting', 'the kind');
      const text = textOf(page);
      expect(text).toContain('述职会：代表向选民报告履职情况，群众到场参加，不开放约访。');
      expect(text).toContain('述职代表');
      expect(text).not.toContain('约访时段');
      expect(page.querySelector('.capacity')).toBeUndefined();
      expect(textOf(page.querySelector('.submit-publish')!)).toBe('发布述职会');

      tapButton(page, '.submit-publish');
      await until(() => !!page.data.errors.deputies, 'the missing deputy');
      expect(page.data.errors.deputies).toBe('请至少选择一位述职代表');
      tick(page, 'dp-001');
      await until(() => page.data.form.deputyIds.length === 1, 'the deputy');
      tapButton(page, '.submit-publish');
      await until(() => wx.navigations.length > 0, 'going back');
      expect(callsOf(host, 'publish')).toEqual([
        { action: 'publish', stationId: 'st-ft-hf', kind: 'report_meeting', date: '2026-03-17', start: '09:00', end: '11:00', deputyIds: ['dp-001'], slots: [] },
      ]);

      // And back to a reception day: the slots return.
      page.querySelector('.kind-reception')!.dispatchEvent('tap');
      await until(() => page.data.form.kind === 'reception', 'the kind');
      expect(page.querySelectorAll('.capacity').length).toBe(4);
    });

    it('names each stepper button for a screen reader: which slot, one fewer or one more', async () => {
      const page = await opened();
      reflectWxAttributes(page);
      const first = page.dom.querySelector('.main--capacity')!;
      expect(attr(first.querySelector('.van-stepper--van-stepper__minus [aria-label]'), 'aria-label')).toBe('09:00-09:30 少约一人');
      expect(attr(first.querySelector('.van-stepper--van-stepper__plus [aria-label]'), 'aria-label')).toBe('09:00-09:30 多约一人');
      // Vant draws no −/+ once its slots are filled: the signs are ours.
      expect(Array.from(first.querySelectorAll('.main--capacity__sign')).map((n) => n.textContent)).toEqual(['−', '+']);
    });

    it('offers the deputies of the station I pick', async () => {
      const page = await opened();
      tick(page, 'dp-001');
      host.answer('station.get', {
        ok: true,
        data: stationWith('st-ft-hf-01', [
          ['dp-001', '李明'],
          ['dp-007', '孙丽'],
        ]),
      });
      pick(page, '.picker-station', 1);
      await until(() => page.data.deputies.some((d: { id: string }) => d.id === 'dp-007'), 'the other station’s deputies');
      expect(callsOf(host, 'get').at(-1)).toEqual({ action: 'get', id: 'st-ft-hf-01' });
      expect(page.data.form).toMatchObject({ stationId: 'st-ft-hf-01', deputyIds: [] });
      expect(textOf(page)).toContain('孙丽');
    });

    it('asks for a deputy before sending anything', async () => {
      const page = await opened();
      tapButton(page, '.submit-publish');
      await until(() => textOf(page).includes('请至少选择一位接待代表'), 'the error');
      expect(callsOf(host, 'publish')).toEqual([]);
    });

    it.each([
      ['date', '.error-date', '接待日须至少提前7天发布'],
      ['slots.1.capacity', '.error-slots', '每个时段最多可约20人'],
      ['deputyIds.0', '.error-deputies', '李明不是本站的代表'],
    ])('shows an INVALID_INPUT on %s under that field', async (field, where, message) => {
      host.answer('reception.publish', { ok: false, error: { code: 'INVALID_INPUT', message, field } });
      const page = await opened();
      tick(page, 'dp-001');
      await until(() => page.data.form.deputyIds.length === 1, 'the deputy');
      tapButton(page, '.submit-publish');
      await until(() => !page.data.submitting && callsOf(host, 'publish').length === 1, 'the answer');
      await until(() => page.querySelector(where) !== undefined, 'the error under the field');
      expect(textOf(page.querySelector(where)!)).toBe(message);
      expect(wx.navigations).toEqual([]);
    });

    it('shows a refusal not tied to a field above the button', async () => {
      host.answer('reception.publish', { ok: false, error: { code: 'CONFLICT', message: '这一天本站已有接待日' } });
      const page = await opened();
      tick(page, 'dp-001');
      await until(() => page.data.form.deputyIds.length === 1, 'the deputy');
      tapButton(page, '.submit-publish');
      await until(() => textOf(page).includes('这一天本站已有接待日'), 'the refusal');
      expect(textOf(page.querySelector('.error-submit')!)).toBe('这一天本站已有接待日');
    });
  });
});
