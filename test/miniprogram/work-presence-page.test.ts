/** @jest-environment jsdom */
import type { PresenceCodeOutput, ScheduledReception } from '../../typings/workspace';
import { refreshDelayMs, RETRY_AFTER_FAILURE_MS, toPresenceView } from '../../miniprogram/packages/work/presence/view-model';
import { readQrDataUrl } from '../support/qr-read';
import type { WxPlatform } from '../support/wx-platform';
import { qrPngDataUrl } from './support/demo-answers';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, renderPage, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { fakeTimeouts } from './support/settle';
import { installWx, startLocalHost, stopLocalHost, tap } from './support/page-harness';

/** 09:10:12 on Tuesday 10 March 2026 in Beijing. */
const ISSUED = '2026-03-10T01:10:12.000Z';

const presence = (code: string, over: Partial<PresenceCodeOutput> = {}): PresenceCodeOutput => ({
  receptionId: 'rc-today-1',
  stationName: '华富街道人大代表联络站',
  date: '2026-03-10',
  code,
  payload: `LLZ-CHECKIN:FT-HF:${code}`,
  qrImage: qrPngDataUrl(`LLZ-CHECKIN:FT-HF:${code}`),
  issuedAt: ISSUED,
  expiresAt: '2026-03-10T01:10:30.000Z',
  periodSeconds: 30,
  checkInOpens: '08:30',
  checkInCloses: '11:00',
  ...over,
});

/** Replaced a fifth of a second after issue: the page's refresh comes quickly in a test. */
const soonReplaced = (code: string): PresenceCodeOutput => presence(code, { expiresAt: new Date(Date.parse(ISSUED) + 200).toISOString() });

describe('出示签到码 view-model', () => {
  it('shows the code in two groups of three, the day, the check-in hours and when it was made (Beijing time)', () => {
    expect(toPresenceView(presence('048213'))).toEqual({
      stationName: '华富街道人大代表联络站',
      dateText: '3月10日 周二',
      hoursText: '签到时间 08:30–11:00',
      code: '048213',
      codeText: '048 213',
      qrImage: expect.stringMatching(/^data:image\/png;base64,/),
      updatedText: '09:10:12 更新',
    });
  });

  it.each([
    ['when the server says it is replaced, a moment after', { issuedAt: ISSUED, expiresAt: '2026-03-10T01:10:30.000Z' }, 18_300],
    ['at the very end of a period', { issuedAt: '2026-03-10T01:10:29.990Z', expiresAt: '2026-03-10T01:10:30.000Z' }, 310],
    ['never longer than a period', { issuedAt: ISSUED, expiresAt: '2026-03-10T02:00:00.000Z' }, 30_300],
    ['never in the past', { issuedAt: ISSUED, expiresAt: '2026-03-10T01:00:00.000Z' }, 300],
    ['a period when the times make no sense', { issuedAt: 'x', expiresAt: 'y' }, 30_000],
  ])('asks for the next code %s', (_name, times, ms) => {
    expect(refreshDelayMs({ ...times, periodSeconds: 30 })).toBe(ms);
  });
});

describe('出示签到码 page (officer) and its way in from 接待安排', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { presence: string; schedule: string };
  const opened: RenderedComponent[] = [];
  const asked = () => host.calls.filter((c) => c.fn === 'reception' && c.body.action === 'presenceCode').map((c) => c.body);

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pages = loadPages({ presence: 'packages/work/presence/index', schedule: 'packages/work/schedule/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('reception.presenceCode', { ok: true, data: presence('048213') });
    wx = installWx();
  });
  // A page left open would keep asking for codes: leave it as WeChat does.
  afterEach(() => {
    for (const page of opened.splice(0)) page.instance.onUnload();
  });

  async function open(receptionId = 'rc-today-1'): Promise<RenderedComponent> {
    const page = renderPage(pages.presence);
    opened.push(page);
    await page.instance.onLoad({ receptionId });
    await until(() => !page.data.loading, 'the presence code');
    return page;
  }

  it('shows the code large, and a QR code a deputy’s camera reads as the server’s payload; the screen stays on', async () => {
    const page = await open();
    expect(asked()).toEqual([{ action: 'presenceCode', receptionId: 'rc-today-1' }]);
    const text = textOf(page);
    for (const shown of ['华富街道人大代表联络站', '3月10日 周二', '签到时间 08:30–11:00', '签到码', '048 213', '每 30 秒自动更换', '接待日签到'])
      expect(text).toContain(shown);
    // simulate does not reflect a native <image>'s src: the node is there, bound to the answer's image.
    expect(page.dom.querySelector('.main--presence__qr')).not.toBeNull();
    expect(readQrDataUrl(page.data.view.qrImage)).toBe('LLZ-CHECKIN:FT-HF:048213');
    expect(wx.keepScreenOn).toBe(true);
  });

  it('asks for the next code when the server says this one is replaced, and shows it', async () => {
    host.answer('reception.presenceCode', { ok: true, data: soonReplaced('048213') });
    const page = await open();
    host.answer('reception.presenceCode', { ok: true, data: presence('739120') });
    await until(() => page.data.view?.code === '739120', 'the next code');
    expect(asked()).toHaveLength(2);
    expect(textOf(page)).toContain('739 120');
    expect(textOf(page)).not.toContain('048 213');
  });

  it('a refresh that fails keeps the last code dimmed, says so, and tries again', async () => {
    host.answer('reception.presenceCode', { ok: true, data: soonReplaced('048213') });
    // The page's timers moved by hand: no waiting out the retry's seconds in real time.
    fakeTimeouts();
    try {
      const page = await open();
      host.answerOnce('reception.presenceCode', { ok: false, error: { code: 'INTERNAL', message: '网络不给力，请稍后重试' } });
      host.answer('reception.presenceCode', { ok: true, data: presence('739120') });
      jest.advanceTimersByTime(refreshDelayMs(soonReplaced('048213')));
      await until(() => page.data.stale, 'the failed refresh');
      expect(textOf(page)).toContain('网络不给力，签到码没能更新，正在重试…');
      expect(textOf(page)).toContain('048 213');
      jest.advanceTimersByTime(RETRY_AFTER_FAILURE_MS - 1);
      expect(asked()).toHaveLength(2);
      jest.advanceTimersByTime(1);
      await until(() => page.data.view?.code === '739120', 'the retry');
      expect(asked()).toHaveLength(3);
      expect(page.data.stale).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops asking in the background, and asks at once when shown again', async () => {
    host.answer('reception.presenceCode', { ok: true, data: soonReplaced('048213') });
    // The refresh timer moved by hand: hidden, a whole period passes and nothing is asked.
    fakeTimeouts();
    try {
      const page = await open();
      expect(jest.getTimerCount()).toBe(1); // the next code is due half a second after issue
      page.instance.onHide();
      jest.advanceTimersByTime(60_000);
      // `wx.request` records a call as it leaves: a refresh the timer ran would be here already.
      expect(wx.requests.filter((r) => (r.data as { action?: string }).action === 'presenceCode')).toHaveLength(1);
      host.answer('reception.presenceCode', { ok: true, data: presence('739120') });
      await page.instance.onShow();
      expect(asked()).toHaveLength(2);
      expect(textOf(page)).toContain('739 120');
    } finally {
      jest.useRealTimers();
    }
  });

  it('a refusal (not the day, not my station) shows the server’s sentence and a retry', async () => {
    host.answer('reception.presenceCode', { ok: false, error: { code: 'NOT_YET_DUE', message: '签到码只能在接待日当天出示，这次接待日是 3月20日' } });
    const page = await open('rc-later');
    expect(textOf(page)).toContain('签到码只能在接待日当天出示，这次接待日是 3月20日');
    host.answer('reception.presenceCode', { ok: true, data: presence('048213') });
    tap(page, '.retry');
    await until(() => page.data.view !== null && !page.data.loading, 'the retry');
    expect(textOf(page)).toContain('048 213');
  });

  describe('接待安排 opens it for today’s receptions only', () => {
    const reception = (id: string, date: string): ScheduledReception => ({
      id,
      kind: 'reception',
      stationId: 'st-ft-hf',
      stationName: '华富街道人大代表联络站',
      date,
      start: '09:00',
      end: '11:00',
      deputies: [{ id: 'dp-001', name: '李明', checkedIn: false }],
      slots: [],
      bookings: 0,
    });

    beforeEach(() => {
      host.answer('reception.schedule', {
        ok: true,
        data: { earliestDate: '2026-03-17', receptions: [reception('rc-past', '2026-03-09'), reception('rc-today-1', '2026-03-10'), reception('rc-next', '2026-03-11')] },
      });
      fakeClockAt(Date.parse('2026-03-10T02:00:00Z'));
    });
    afterEach(() => jest.useRealTimers());

    it('one 出示签到码 button, under today’s reception, opening the code for it', async () => {
      const page = renderPage(pages.schedule);
      await page.instance.onShow();
      await until(() => !page.data.loading, 'the schedule');
      const buttons = page.querySelectorAll('.show-code');
      expect(buttons).toHaveLength(1);
      expect(textOf(buttons[0])).toBe('出示签到码');
      tap(page, '.show-code');
      await until(() => wx.navigations.length > 0, 'navigation');
      expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/work/presence/index?receptionId=rc-today-1' }]);
    });
  });
});
