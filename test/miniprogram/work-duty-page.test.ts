/** @jest-environment jsdom */
import type { DutyRecord } from '../../typings/workspace';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPage, textOf, until } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';

const record = (year: number): DutyRecord => ({
  year,
  deputy: { id: 'dp-001', name: '李明' },
  items: [
    { key: 'votersContacted', label: '联系选民', count: 12, quota: 30, unit: '人' },
    { key: 'visits', label: '走访选区', count: 4, quota: 3, unit: '次' },
    { key: 'suggestions', label: '提出建议', count: 0, quota: 1, unit: '件' },
    { key: 'replies', label: '答复留言', count: 7, unit: '件' },
  ],
  recent: [
    // 16:10 UTC on 31 December is ten past midnight on 1 January in Beijing.
    { at: '2025-12-31T16:10:00.000Z', kind: 'replies', text: '答复了“楼道灯坏了”', caseId: 'case-7' },
    { at: '2025-12-20T02:00:00.000Z', kind: 'visits', text: '走访莲花北社区' },
  ],
  reportRatings: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, total: 0, rate: null, minimum: 10 },
});

const duties = (host: FunctionHostStub) => host.calls.filter((c) => c.fn === 'user' && c.body.action === 'duty').map((c) => c.body);
const items = (page: RenderedComponent) => page.querySelectorAll('.item').map((c) => textOf(c));

describe('履职档案 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startLocalHost('odemo-deputy');
    pageId = loadPage('packages/work/duty/index');
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('user.duty', { ok: true, data: record(2026) });
    wx = installWx();
    // 00:30 on 1 January 2026 in Beijing is still 2025 in UTC: the year is Beijing's.
    fakeClockAt(Date.parse('2025-12-31T16:30:00Z'));
  });
  afterEach(() => jest.useRealTimers());

  const opened = (): Promise<RenderedComponent> => openedPage(pageId, {}, 'the record');

  it('asks for this year in Beijing and shows each count against its quota', async () => {
    const page = await opened();
    expect(duties(host)).toEqual([{ action: 'duty', year: 2026 }]);
    expect(textOf(page)).toContain('李明 · 2026年履职档案');
    expect(textOf(page)).toContain('1 / 3 项达标');
    expect(items(page)).toEqual(['联系选民12 / 30 人还差 18 人', '走访选区4 / 3 次已达标', '提出建议0 / 1 件还差 1 件', '答复留言7 件']);
    const bars = page.querySelectorAll('.item__progress').map((c) => [c.data.percentage, c.data.color]);
    expect(bars).toEqual([
      [40, 'var(--color-brand)'],
      [100, 'var(--color-success)'],
      [0, 'var(--color-brand)'],
    ]);
  });

  it('lists what the counts are made of, dated in Beijing time', async () => {
    const page = await opened();
    const recent = page.querySelectorAll('.recent').map((c) => textOf(c));
    expect(recent).toEqual(['答复了“楼道灯坏了”1月1日 · 答复留言', '走访莲花北社区2025年12月20日 · 走访选区']);
    page.querySelectorAll('.recent')[0].querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'opening the case');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/work/case/index?id=case-7' }]);
  });

  it('switches to last year', async () => {
    const page = await opened();
    host.answer('user.duty', { ok: true, data: { ...record(2025), recent: [] } });
    page.querySelector('.year-2025')!.dispatchEvent('tap');
    await until(() => page.data.record?.year === 2025, 'last year');
    expect(duties(host)).toEqual([
      { action: 'duty', year: 2026 },
      { action: 'duty', year: 2025 },
    ]);
    expect(page.data.years.map((y: { label: string; active: boolean }) => [y.label, y.active])).toEqual([
      ['今年（2026）', false],
      ['去年（2025）', true],
    ]);
    expect(textOf(page)).toContain('这一年还没有履职记录');
  });

  it('shows the error the function answered, with a retry for the same year', async () => {
    host.answer('user.duty', { ok: false, error: { code: 'FORBIDDEN', message: '只有人大代表可以查看履职档案' } });
    const page = await opened();
    expect(textOf(page)).toContain('只有人大代表可以查看履职档案');
    host.answer('user.duty', { ok: true, data: record(2026) });
    await page.instance.onRetry();
    expect(duties(host).map((d) => d.year)).toEqual([2026, 2026]);
    expect(textOf(page)).toContain('联系选民');
  });
});
