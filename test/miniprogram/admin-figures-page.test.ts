/** @jest-environment jsdom */
/**
 * 办理情况统计 (admin) rendered by miniprogram-simulate, against a stub function host: every rate
 * with its sample, ranks only where the server gave one, periods on Beijing's calendar.
 */
import type { FiguresOutput, FiguresRow } from '../../typings/workspace';
import { setClock } from '../../miniprogram/utils/time';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, textOf, until } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent, RenderedNode } from './support/load-page';
import { reflectWxAttributes } from '../../scripts/screenshots/wx-attributes';

/** An attribute of a rendered node (simulate's DOM is jsdom's; RenderedNode types only what most tests read). */
const attr = (node: RenderedNode | null | undefined, name: string): string | null =>
  (node as unknown as { getAttribute(n: string): string | null } | null)?.getAttribute(name) ?? null;

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });

const row = (id: string, name: string, received: number, over: Partial<FiguresRow> = {}): FiguresRow => ({
  id,
  name,
  received,
  responseRate: rate(received, received),
  closureRate: rate(0, received),
  satisfactionRate: rate(0, 0),
  medianFirstResponseHours: null,
  firstResponseSample: 0,
  ...over,
});

const output = (by: FiguresOutput['by'], from: string, to: string): FiguresOutput => ({
  by,
  period: { from, to },
  rankingMinimumRated: 10,
  rows: [
    row('st-small', '香蜜湖联络站', 3),
    row('st-hf', '华富街道联络站', 25, {
      responseRate: rate(23, 25),
      closureRate: rate(20, 25),
      satisfactionRate: rate(11, 12),
      medianFirstResponseHours: 6.5,
      firstResponseSample: 20,
      rank: 1,
      visitors: 14,
    }),
  ],
  totals: {
    received: 28,
    responseRate: rate(26, 28),
    closureRate: rate(20, 28),
    satisfactionRate: rate(11, 12),
    medianFirstResponseHours: 7,
    firstResponseSample: 23,
    visitors: 14,
  },
});

const tapOn = (page: RenderedComponent, cls: string) => page.querySelector(cls)!.dispatchEvent('tap');
const names = (page: RenderedComponent) => Array.from(page.dom.querySelectorAll('.main--row')).map((r) => r.querySelector('.main--figure__name')?.textContent);

describe('办理情况统计 page (admin)', () => {
  let host: FunctionHostStub;
  let pageId: string;

  beforeAll(async () => {
    host = await startLocalHost('odemo-admin');
    pageId = loadPage('packages/admin/figures/index');
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    // 16:30 UTC on 30 Sept is already 1 October in Beijing: a new month and a new quarter.
    setClock(() => new Date('2025-09-30T16:30:00Z'));
    host.answer('admin.figures', { ok: true, data: output('station', '2025-10-01', '2025-10-01') });
    installWx();
  });

  const asked = () => host.calls.filter((c) => c.fn === 'admin' && c.body.action === 'figures').map((c) => c.body);

  const opened = (): Promise<RenderedComponent> => openedPage(pageId, {}, 'the figures');

  it('shows totals first, then each row with every rate and its sample; a rank only where there is one', async () => {
    const page = await opened();
    expect(asked()).toEqual([{ action: 'figures', by: 'station', from: '2025-10-01', to: '2025-10-01' }]);
    const totals = textOf(page.querySelector('.totals')!);
    for (const words of ['合计', '收件28', '响应率93%（26/28）', '办结率71%（20/28）', '满意率92%（11/12）', '首次响应中位7 小时（n=23）', '接访群众14 人次'])
      expect(totals).toContain(words);

    // Ranked first (by rank), then the unranked.
    expect(names(page)).toEqual(['华富街道联络站', '香蜜湖联络站']);
    const [ranked, unranked] = page.querySelectorAll('.row');
    expect(textOf(ranked)).toContain('第 1 名');
    expect(textOf(ranked)).toContain('响应率92%（23/25）');
    expect(textOf(ranked)).toContain('满意率92%（11/12）');
    expect(textOf(ranked)).toContain('首次响应中位6.5 小时（n=20）');
    expect(textOf(unranked)).not.toContain('名');
    expect(textOf(unranked)).toContain('满意率—（0）');
    expect(textOf(unranked)).toContain('首次响应中位—（n=0）');
    // 接访群众 where the server counted it; no line for a row without the field.
    expect(textOf(ranked)).toContain('接访群众14 人次');
    expect(textOf(unranked)).not.toContain('接访群众');
    expect(page.querySelectorAll('.rank')).toHaveLength(1);
    expect(textOf(page)).toContain('评价不足 10 件的不参与排名');
    expect(textOf(page)).toContain('2025年10月1日 至 2025年10月1日');
  });

  it('sorts by received without asking again', async () => {
    const page = await opened();
    host.answer('admin.figures', {
      ok: true,
      data: { ...output('station', '2025-10-01', '2025-10-01'), rows: [row('a', '甲站', 3), row('b', '乙站', 9), row('c', '丙站', 5, { rank: 1 })] },
    });
    await page.instance.onRetry();
    expect(names(page)).toEqual(['丙站', '乙站', '甲站']);
    tapOn(page, '.sort-received');
    await until(() => names(page)[0] === '乙站', 'the new order');
    expect(names(page)).toEqual(['乙站', '丙站', '甲站']);
    expect(asked()).toHaveLength(2);
  });

  it('switches to 按代表 and through the presets, each a Beijing period', async () => {
    const page = await opened();
    tapOn(page, '.by-deputy');
    await until(() => asked().length === 2, 'by deputy');
    tapOn(page, '.preset-quarter');
    await until(() => asked().length === 3, 'this quarter');
    tapOn(page, '.preset-year');
    await until(() => asked().length === 4, 'this year');
    tapOn(page, '.preset-last12');
    await until(() => asked().length === 5, 'the last twelve months');
    expect(asked().slice(1)).toEqual([
      { action: 'figures', by: 'deputy', from: '2025-10-01', to: '2025-10-01' },
      { action: 'figures', by: 'deputy', from: '2025-10-01', to: '2025-10-01' },
      { action: 'figures', by: 'deputy', from: '2025-01-01', to: '2025-10-01' },
      { action: 'figures', by: 'deputy', from: '2024-10-02', to: '2025-10-01' },
    ]);
  });

  it('tells a screen reader which period and which order are chosen: radios, each checked or not', async () => {
    const page = await opened();
    // simulate keeps aria-* off its DOM; the screenshots' reflection puts them there, as WeChat reads them.
    const radios = (group: string) => {
      reflectWxAttributes(page);
      return Array.from(page.dom.querySelectorAll(`${group} [role="radio"]`)).map((n) => `${n.textContent}:${attr(n, 'aria-checked')}`);
    };
    expect(radios('.main--chips').filter((r) => r.endsWith(':true'))).toHaveLength(1);
    expect(attr(page.dom.querySelector('.main--chips'), 'role')).toBe('radiogroup');
    expect(radios('.main--sorter')).toEqual(['按排名:true', '按收件数:false']);
    expect(page.dom.querySelectorAll('[role="radio"][aria-selected]')).toHaveLength(0);
    tapOn(page, '.sort-received');
    await until(() => radios('.main--sorter')[1] === '按收件数:true', 'the new order');
    expect(radios('.main--sorter')).toEqual(['按排名:false', '按收件数:true']);
  });

  it('a custom period from the date pickers; a backwards one is refused before asking', async () => {
    const page = await opened();
    page.querySelector('.picker-from')!.dispatchEvent('change', { detail: { value: '2025-06-01' } });
    await until(() => asked().length === 2, 'the custom period');
    expect(asked()[1]).toEqual({ action: 'figures', by: 'station', from: '2025-06-01', to: '2025-10-01' });
    page.querySelector('.picker-to')!.dispatchEvent('change', { detail: { value: '2025-05-01' } });
    await until(() => textOf(page).includes('开始日期不能晚于结束日期'), 'the refusal');
    expect(asked()).toHaveLength(2);
    expect(textOf(page)).not.toContain('合计');
  });

  it('says what the server said, with a retry', async () => {
    host.answer('admin.figures', { ok: false, error: { code: 'INVALID_INPUT', message: '统计区间最长 366 天', field: 'to' } });
    const page = await opened();
    expect(textOf(page)).toContain('统计区间最长 366 天');
    host.answer('admin.figures', { ok: true, data: output('station', '2025-10-01', '2025-10-01') });
    page.querySelector('.retry')!.querySelector('.van-button')!.dispatchEvent('tap');
    await until(() => textOf(page).includes('合计'), 'the retry');
  });
});
