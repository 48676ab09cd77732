/** @jest-environment jsdom */
/**
 * A resident with WeChat's font set large, end to end: elder mode comes on by itself (no choice
 * stored), the home offers three big actions, 给代表留言 writes to the nearest station, the
 * message goes with nothing but its text, and once the deputy has answered the resident finds
 * it under 待评价 in 我的留言 and rates it 满意 from the bar at the bottom of the case page.
 * Then elder mode is switched off on 我的 and the home is the station finder again. The real
 * pages (miniprogram-simulate, real Vant) against the real local back end, as odemo-resident;
 * the officer and the deputy act through the API.
 *
 * Every tap the resident makes is counted (WeChat's own 允许 dialogs included) and printed: the
 * the figure 适老化 (elder-friendly) work is measured by: fewer taps for the same result.
 *
 * The steps share one case and run in order; a step that fails leaves the next ones failing too.
 */
import type { StationSummary } from '../../typings/api';
import type { CaseDetail } from '../../typings/case';
import type { Deputy } from '../../typings/models';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { RenderedComponent } from '../miniprogram/support/load-page';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { lastRoute, launchApp, openPage, tap, textOf, textsOf, type, until } from './support/journey';
import { startRemoteBackend, type RemoteBackend } from './support/remote-backend';

// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { loadNoticeTemplates } = require('../../miniprogram/services/subscribe') as { loadNoticeTemplates(): Promise<void> };

const RESIDENT = 'odemo-resident';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
/** The resident lives by 莲花北社区's station (its door code), where the demo deputy sits. */
const HOME_STATION = 'FT-HF-01';
/** WeChat's font setting a step past 关怀模式's (+3 ≈ 1.24): large enough for elder mode by default. */
const WECHAT_FONT_SCALE = 1.4;
const ELDER_STYLE = `--font-scale:${WECHAT_FONT_SCALE};--tap-min:60px`;

/** Written in one go, as said to a grandchild; the title is left to the first sentence. */
const CONTENT = '我家楼下的公交站没有椅子，我们老人等车站不住。能不能在站台放两张长椅？';
const FIRST_SENTENCE = '我家楼下的公交站没有椅子，我们老人等车站不住';
const REPLY = '老人家您好，已和区交通局商定，下周在这个站台装两张长椅，装好后联络员会打电话告诉您。';

describe('a resident in elder mode: 给代表留言 in three taps, the reply rated 满意 from 我的留言', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  const pages = { stations: '', compose: '', cases: '', detail: '', me: '' };
  let nearest: StationSummary;
  let deputy: Deputy;
  /** Carried from step to step, as the resident carries it. */
  const journey = {
    composeQuery: {} as Record<string, string>,
    caseId: '',
    receiptNo: '',
    home: undefined as RenderedComponent | undefined,
    detailPage: undefined as RenderedComponent | undefined,
  };
  const started = Date.now();

  /**
   * Every tap of the resident, by what was tapped: on the screen (buttons, rows, a field to type
   * into) and in WeChat's own dialogs (允许 on a notice prompt), which the test platform answers.
   */
  const taps: string[] = [];
  let promptsCounted = 0;
  function countPrompts(): void {
    for (; promptsCounted < wx.subscriptionPrompts.length; promptsCounted += 1) taps.push('允许（微信订阅消息）');
  }
  function press(what: string, component: RenderedComponent | undefined, inner?: string): void {
    taps.push(what);
    if (inner === undefined) {
      if (!component) throw new Error(`nothing to tap (${what})`);
      component.dispatchEvent('tap');
    } else tap(component, inner);
  }
  function typeInto(what: string, page: RenderedComponent, field: string, value: string): void {
    taps.push(what);
    type(page, field, value);
  }
  /**
   * What WeChat applies to the page: its `page-meta`'s page-style. simulate renders the tag
   * (<wx-page-meta>) but keeps no attribute of a built-in tag, so the value is read from the
   * data it is bound to (every page's first line: `<page-meta page-style="{{pageStyle}}" />`).
   */
  function pageStyleOf(page: RenderedComponent): string {
    expect(page.dom.querySelector('wx-page-meta')).not.toBeNull();
    return String(page.data.pageStyle);
  }
  /** A tab shown again: WeChat runs the page's show lifetime and its onShow. */
  async function showAgain(page: RenderedComponent): Promise<void> {
    (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
    await page.instance.onShow?.();
  }

  beforeAll(async () => {
    backend = await startRemoteBackend(['station', 'case', 'subscription', 'user', 'reception']);
    config.mode = 'local';
    config.localHost = backend.url;
    config.localOpenid = RESIDENT;

    [deputy] = await backend.find<Deputy>('deputies', { _id: DEPUTY_ID });
    const home = await backend.data('station', 'get', { code: HOME_STATION });
    expect(deputy.stationIds).toContain(home.id);
    // A few steps from the station's door.
    const [longitude, latitude] = home.location.coordinates;
    const here = { latitude: latitude + 0.0003, longitude };

    // The phone: WeChat's font large, nothing stored (no elder-mode choice, no station opened before).
    wx = createWxPlatform({ location: here, fontSizeScaleFactor: WECHAT_FONT_SCALE });
    wx.install();
    launchApp();
    await loadNoticeTemplates();
    Object.assign(
      pages,
      loadPages({
        stations: 'pages/stations/index',
        compose: 'packages/case/compose/index',
        cases: 'pages/cases/index',
        detail: 'packages/case/detail/index',
        me: 'pages/me/index',
      }),
    );
    [nearest] = (await backend.data('station', 'nearby', here)).stations;
    expect(nearest.id).toBe(home.id);
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] resident elder: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  it('1. WeChat’s font set large, nothing chosen: elder mode by itself — three big actions, no offer', async () => {
    expect(wx.storage.size).toBe(0);
    const page = await openPage(pages.stations, {}, 'the home');
    journey.home = page;
    expect(page.data.elder).toBe(true);
    expect(pageStyleOf(page)).toBe(ELDER_STYLE);
    expect(textsOf(page, '.main--elder-action__title')).toEqual(['找联络站', '给代表留言', '我的留言']);
    // 给代表留言 says where it goes: the nearest station, found meanwhile.
    await until(() => page.data.writeHint === `写给：${nearest.name}`, 'the station 给代表留言 writes to');
    expect(textOf(page.querySelector('.elder-write')!)).toContain(`写给：${nearest.name}`);
    // Not the finder: no search box, no list of stations.
    expect(page.querySelector('.search')).toBeUndefined();
    expect(page.dom.querySelectorAll('.main--station')).toHaveLength(0);
    // Already on: nothing to offer, and nothing stored that would stop a later offer or follow WeChat.
    expect(page.data.elderOffer).toBe(false);
    expect(textOf(page)).not.toContain('开启长辈模式？');
    expect(wx.storage.has('elderMode')).toBe(false);
  });

  it('2. 给代表留言 from the elder home opens 留言 for the nearest station', async () => {
    const page = journey.home!;
    press('首页「给代表留言」', page.querySelector('.elder-write'));
    await until(() => wx.navigations.length > 0, 'the way to 留言');
    const next = lastRoute(wx, 'navigateTo');
    expect(next).toEqual({ page: 'packages/case/compose/index', query: { stationId: nearest.id } });
    journey.composeQuery = next.query;
  });

  it('3. 留言 in elder type: only the text, no title, no category; the receipt number shown', async () => {
    const page = await openPage(pages.compose, journey.composeQuery, 'the 留言 form');
    expect(pageStyleOf(page)).toBe(ELDER_STYLE);
    expect(textOf(page)).toContain(nearest.name);
    expect(textOf(page)).toContain('发生了什么？');

    typeInto('「发生了什么」输入框', page, '.field-content', CONTENT);
    await until(() => page.data.form.content === CONTENT, 'the text');
    press('「提交留言」', page.querySelector('.submit-case'), '.van-button');
    await until(() => textOf(page).includes('留言已提交'), 'the receipt', 15_000);
    countPrompts();
    expect(wx.subscriptionPrompts).toHaveLength(1);
    journey.receiptNo = textsOf(page, '.main--receipt__number')[0];
    expect(journey.receiptNo).toMatch(/^[A-Z]+\d{8}-\d{4,}$/);
    const [sent] = wx.requests.filter((r) => (r.data as { action?: string })?.action === 'submit').map((r) => r.data as Record<string, unknown>);
    expect(Object.keys(sent).sort()).toEqual(['action', 'anonymous', 'content', 'public', 'requestId', 'stationId']);
    journey.caseId = page.data.receipt.caseId;

    // 返回: back where the resident came from.
    const before = wx.navigations.length;
    press('回执「返回」', page.querySelector('.go-back'), '.van-button');
    await until(() => wx.navigations.length > before, 'the way back');
    expect(wx.navigations.at(-1)!.method).toBe('navigateBack');
  });

  it('4. the officer accepts (filing it under 建议) and assigns the deputy; the deputy replies', async () => {
    const { caseId } = journey;
    let detail: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);
    expect(detail).toMatchObject({ status: 'submitted', title: FIRST_SENTENCE, category: 'unsure' });
    detail = await backend.data('case', 'accept', { caseId, version: detail.version, category: 'suggestion' }, OFFICER);
    detail = await backend.data('case', 'assign', { caseId, version: detail.version, deputyId: DEPUTY_ID }, OFFICER);
    detail = await backend.data('case', 'reply', { caseId, version: detail.version, content: REPLY }, DEPUTY);
    expect(detail.status).toBe('replied');
  });

  it('5. back on the home, 我的留言: the case waits under 待评价', async () => {
    const home = journey.home!;
    await showAgain(home);
    expect(textsOf(home, '.main--elder-action__title')).toEqual(['找联络站', '给代表留言', '我的留言']);
    press('首页「我的留言」', home.querySelector('.elder-mine'));
    await until(() => wx.navigations.at(-1)?.method === 'switchTab', 'the way to 我的留言');
    expect(lastRoute(wx, 'switchTab').page).toBe('pages/cases/index');

    const page = await openPage(pages.cases, {}, 'my cases');
    expect(pageStyleOf(page)).toBe(ELDER_STYLE);
    expect(textsOf(page, '.main--section--to-rate')).toEqual(['待评价（1）']);
    const rows = page.querySelectorAll('.case--to-rate');
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(textOf(row)).toContain(FIRST_SENTENCE);
    expect(textOf(row)).toContain('待评价');
    expect(textOf(row)).toContain(`受理编号 ${journey.receiptNo}`);
    expect(row.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('已答复');

    press('「待评价」下的留言', row, '.van-cell');
    await until(() => wx.navigations.at(-1)?.url?.startsWith('/packages/case/detail/index') === true, 'the way to the case');
    expect(lastRoute(wx, 'navigateTo').query).toEqual({ id: journey.caseId });
  });

  it('6. the case: the reply, and 评价答复 at the bottom; 满意 → 已办结, the 评价 step done with 满意', async () => {
    const page = await openPage(pages.detail, { id: journey.caseId }, 'the case');
    journey.detailPage = page;
    expect(pageStyleOf(page)).toBe(ELDER_STYLE);
    expect(page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('已答复');
    expect(textOf(page)).toContain(REPLY);
    expect(textOf(page)).toContain(`承办代表：人大代表 ${deputy.name}`);
    // The bar's first button, the primary one: 评价答复 (补充说明 beside it).
    expect(page.querySelectorAll('.action').map((b) => textOf(b))[0]).toBe('评价答复');
    expect(textsOf(page, '.main--progress__next')[0]).toMatch(/^请在 .+前评价$/);

    press('底部「评价答复」', page.querySelector('.rate'), '.van-button');
    await until(() => textOf(page).includes('您对答复满意吗？'), 'the rating sheet');
    // The whole row (its words, not only the round icon) picks 满意.
    const satisfied = page.querySelector('.rating-satisfied');
    expect(textOf(satisfied!)).toBe('满意');
    press('「满意」', satisfied, '.van-radio__label');
    await until(() => page.data.form.rating === 'satisfied', 'the choice');
    press('「提交」', page.querySelector('.send'), '.van-button');
    await until(() => page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim() === '已办结', '已办结', 15_000);
    countPrompts();

    expect(textsOf(page, '.main--case__rating')).toEqual(['我的评价：满意']);
    const rateStep = Array.from(page.dom.querySelectorAll('.main--step--done')).find((s) => s.querySelector('.main--step__label')?.textContent?.trim() === '评价');
    expect(rateStep).toBeDefined();
    // 已完成 is said to screen readers (the tick shows it to the eye).
    expect(rateStep!.textContent).toContain('已完成');
    expect(rateStep!.querySelector('.main--step__note')?.textContent?.trim()).toBe('满意');
    await until(() => textOf(page).includes('感谢您的评价'), 'the thanks');
    expect(page.querySelector('.rate')).toBeUndefined();
    expect(page.dom.querySelector('.main--action-bar')).toBeNull();

    const sendAndRate = [...taps];
    console.info(`[journey] resident elder: ${sendAndRate.length} taps from the home to a sent message and a rated reply — ${sendAndRate.join('，')}`);
    // The resident's share: home → message sent → back; later home → case → rated. Fails when a step is added.
    expect(sendAndRate).toHaveLength(11);
  });

  it('7. 我的: 长辈模式 switched off; the home is the station finder again, in WeChat’s large font', async () => {
    const before = taps.length;
    taps.push('标签栏「我的」');
    const page = await openPage(pages.me, {}, '我的');
    expect(pageStyleOf(page)).toBe(ELDER_STYLE);
    const row = page.querySelector('.elder-switch')!;
    expect(textOf(row)).toContain('长辈模式');
    expect(page.querySelector('.elder-switch__control')!.data.checked).toBe(true);

    press('「长辈模式」开关', row);
    await until(() => page.data.elder === false, 'elder mode off');
    expect(page.querySelector('.elder-switch__control')!.data.checked).toBe(false);
    expect(wx.storage.get('elderMode')).toBe('off');
    // WeChat's font is still followed; only elder mode's extras are gone.
    expect(pageStyleOf(page)).toBe(`--font-scale:${WECHAT_FONT_SCALE}`);

    taps.push('标签栏「首页」');
    const home = journey.home!;
    await showAgain(home);
    await until(() => home.data.elder === false, 'the home to leave elder mode');
    expect(pageStyleOf(home)).toBe(`--font-scale:${WECHAT_FONT_SCALE}`);
    expect(home.dom.querySelector('.main--elder-home')).toBeNull();
    expect(home.querySelector('.search')).toBeDefined();
    const cards = textsOf(home, '.main--station');
    expect(cards.length).toBeGreaterThan(1);
    expect(cards[0]).toContain(nearest.name);
    expect(textOf(home)).toContain('离您最近的联络站');

    console.info(`[journey] resident elder: ${taps.length - before} taps to switch elder mode off and see the finder — ${taps.slice(before).join('，')}`);
  });
});
