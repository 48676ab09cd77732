/** @jest-environment jsdom */
/**
 * A resident's case, end to end: the real pages (miniprogram-simulate, real Vant) against the
 * real local back end (function bundles on the function host, the emulator's database, storage
 * and WeChat), as odemo-resident. The handlers' side goes through the API as odemo-officer and
 * odemo-deputy. Every step asserts what the resident sees on screen.
 *
 * The steps share one case and run in order; a step that fails leaves the next ones failing too.
 */
import type { StationSummary } from '../../typings/api';
import type { CaseDetail } from '../../typings/case';
import type { Deputy, Staff, Station } from '../../typings/models';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { RenderedComponent } from '../miniprogram/support/load-page';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { albumPhotos, attributesOf, dayText, httpGet, lastRoute, launchApp, openPage, shanghaiToday, tap, textOf, textsOf, type, until } from './support/journey';
import { FIELD_RULES } from './support/notices';
import { startRemoteBackend, type RemoteBackend } from './support/remote-backend';

// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { loadNoticeTemplates } = require('../../miniprogram/services/subscribe') as { loadNoticeTemplates(): Promise<void> };

const RESIDENT = 'odemo-resident';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const OFFICER_STAFF_ID = 'sf-ft-hf';
/** In 华富街道, between its street station and its communities. */
const HERE = { latitude: 22.5515, longitude: 114.0775 };
/** The QR code on the door of 莲花北社区's station. */
const SCENE = 'FT-HF-01';

const TITLE = '莲花北村12栋三单元楼道灯坏了两个多星期';
const CONTENT = '莲花北村12栋三单元一到六楼的楼道灯坏了两个多星期，晚上老人上下楼看不清台阶，已经有人摔倒，希望尽快修好。';
const PHONE = '13800138000';
const REPLY = '您好，已联系莲花北村物业公司，12栋三单元的楼道灯已于今天全部更换，晚上可以正常照明，请您留意。';

describe('a resident’s case, from the nearest station to a satisfied rating', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let photos: ReturnType<typeof albumPhotos>;
  const pages: Record<'stations' | 'station' | 'compose' | 'cases' | 'detail', string> = { stations: '', station: '', compose: '', cases: '', detail: '' };
  let templates: { caseStatusChanged: string; caseReplied: string };
  let station: Station;
  let deputy: Deputy;
  let officer: Staff;
  /** Carried from step to step, as the resident carries it. */
  const journey = {
    composeQuery: {} as Record<string, string>,
    caseId: '',
    receiptNo: '',
    unread: 0,
    casesPage: undefined as RenderedComponent | undefined,
    detailPage: undefined as RenderedComponent | undefined,
  };
  const started = Date.now();

  beforeAll(async () => {
    backend = await startRemoteBackend(['station', 'case', 'subscription', 'user', 'reception']);
    config.mode = 'local';
    config.localHost = backend.url;
    config.localOpenid = RESIDENT;

    photos = albumPhotos(2);
    // The phone: it is in 华富街道, the privacy agreement is agreed, the album holds two photos,
    // and every subscription prompt is answered 允许 (the default of the test platform).
    wx = createWxPlatform({ location: HERE, media: photos.paths });
    wx.install();
    // App launch fetches the subscription template ids (app.ts); wait for that same request.
    launchApp();
    await loadNoticeTemplates();

    Object.assign(
      pages,
      loadPages({
        stations: 'pages/stations/index',
        station: 'packages/station/detail/index',
        compose: 'packages/case/compose/index',
        cases: 'pages/cases/index',
        detail: 'packages/case/detail/index',
      }),
    );

    templates = await backend.data('subscription', 'templates', {});
    [station] = await backend.find<Station>('stations', { code: SCENE });
    [deputy] = await backend.find<Deputy>('deputies', { _id: DEPUTY_ID });
    [officer] = await backend.find<Staff>('staff', { _id: OFFICER_STAFF_ID });
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    photos?.remove();
    console.info(`[journey] resident case: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  it('1. 附近联络站: the nearest station first, with its distance, open-now and next reception day', async () => {
    const page = await openPage(pages.stations, {}, 'the nearby stations');
    const expected = (await backend.data('station', 'nearby', HERE)).stations;
    expect(expected.length).toBeGreaterThan(1);

    const cards = textsOf(page, '.main--station');
    expect(cards.length).toBe(expected.length);
    const nearest: StationSummary = expected[0];
    expect(nearest.distance!).toBeLessThan(1000);
    expect(cards[0]).toContain(nearest.name);
    expect(cards[0]).toContain(`${Math.round(nearest.distance!)}米`);
    expect(cards[0]).toMatch(/营业中|今日\d{2}:\d{2}开放|已休息/);
    expect(cards[0]).toContain(nearest.nextReceptionDate === shanghaiToday() ? '今天接待' : `下次接待日 ${dayText(nearest.nextReceptionDate!)}`);
    // Nearest first, in the order the back end ranked them.
    expect(cards.slice(0, 4).map((card, i) => card.includes(expected[i].name))).toEqual([true, true, true, true]);
    expect(textOf(page)).toContain('离您最近的联络站');
  });

  it('2. the station opened by its QR code shows its name, a deputy and a reception day', async () => {
    const page = await openPage(pages.station, { scene: encodeURIComponent(SCENE) }, 'the station');
    const text = textOf(page);
    expect(text).toContain(station.name);
    expect(wx.titles.at(-1)).toBe(station.name);
    expect(textsOf(page, '.main--deputy__name')).toContainEqual(expect.stringContaining(deputy.name));

    const { receptions } = await backend.data('station', 'get', { code: SCENE });
    expect(receptions.length).toBeGreaterThan(0);
    expect(textsOf(page, '.main--reception__when')[0]).toContain(`${dayText(receptions[0].date)} ${receptions[0].start}-${receptions[0].end}`);

    // 给TA留言 on the demo deputy: the page asks for the 留言 page addressed to them.
    const index = page.data.station.deputies.findIndex((d: { id: string }) => d.id === DEPUTY_ID);
    tap(page.querySelectorAll('.deputy__message')[index]);
    await until(() => wx.navigations.length > 0, 'the way to 留言');
    const next = lastRoute(wx, 'navigateTo');
    expect(next).toEqual({ page: 'packages/case/compose/index', query: { stationId: station._id, deputyId: DEPUTY_ID } });
    journey.composeQuery = next.query;
  });

  it('3. 留言: category, title, content, phone and two photos; notices allowed; the receipt number shown', async () => {
    const page = await openPage(pages.compose, journey.composeQuery, 'the 留言 form');
    expect(textOf(page)).toContain(station.name);
    expect(textOf(page)).toContain(`${deputy.name}（区人大代表）`);

    tap(page.querySelector('.category-help'), '.van-radio__icon-wrap');
    type(page, '.field-title', TITLE);
    type(page, '.field-content', CONTENT);
    type(page, '.field-contact-phone', PHONE);
    await until(() => page.data.form.category === 'help' && page.data.form.contactPhone === PHONE, 'the form to take the input');
    expect(textOf(page)).toContain(`${[...TITLE].length}/40`);

    // 添加照片 → the album (wx.chooseMedia) → each photo uploaded at once to the local storage.
    const uploader = () => page.querySelector('.photo-picker')!.querySelector('.case-photos')!;
    tap(uploader(), '.van-uploader__upload');
    await until(() => uploader().querySelectorAll('.van-uploader__preview').length === 2, 'two thumbnails');
    await until(() => page.querySelector('.photo-picker')!.data.files.every((f: { status: string }) => f.status === 'done'), 'both uploads', 15_000);
    expect(textOf(page)).not.toContain('上传');
    expect(wx.uploads.map((u) => [u.url, u.name, u.header['X-WX-OPENID'], u.formData.cloudPath])).toEqual(
      photos.paths.map(() => [`${backend.url}/storage/upload`, 'file', RESIDENT, expect.stringMatching(/^cases\/\d{4}\/\d{2}\/[0-9a-f]{32}\.png$/)]),
    );
    // One round trip for the paths of both photos (the case is accepted below only with paths issued to this resident).
    const pathCalls = wx.requests.filter((r) => (r.data as { action?: string })?.action === 'uploadPaths');
    expect(pathCalls.map((r) => [r.url, r.header['X-WX-OPENID'], r.data])).toEqual([
      [`${backend.url}/functions/case`, RESIDENT, { action: 'uploadPaths', extensions: ['png', 'png'] }],
    ]);

    tap(page.querySelector('.submit-case'));
    await until(() => textOf(page).includes('留言已提交'), 'the receipt', 15_000);
    const receiptNo = textsOf(page, '.main--receipt__number')[0];
    expect(receiptNo).toMatch(/^[A-Z]+\d{8}-\d{4,}$/);
    expect(textOf(page)).toContain('受理编号');

    // Asked for both notices from the tap, and the 允许 told to our server and to (local) WeChat.
    expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([[templates.caseStatusChanged, templates.caseReplied]]);
    const { remaining } = await backend.data('subscription', 'record', { results: {} }, RESIDENT);
    expect(remaining).toMatchObject({ [templates.caseStatusChanged]: 1, [templates.caseReplied]: 1 });
    const grants = wx.requests.filter((r) => r.url === `${backend.url}/_emulator/wx/subscriptions`);
    expect(grants.map((r) => r.data)).toEqual([{ openid: RESIDENT, results: { [templates.caseStatusChanged]: 'accept', [templates.caseReplied]: 'accept' } }]);

    // 查看进度 leads to the case.
    tap(page.querySelector('.view-case'));
    await until(() => wx.navigations.some((n) => n.method === 'redirectTo'), 'the way to the case');
    journey.caseId = lastRoute(wx, 'redirectTo').query.id;
    journey.receiptNo = receiptNo;
    expect(journey.caseId).toBeTruthy();
  });

  it('4. the officer accepts (and assigns the deputy); the deputy replies', async () => {
    const { caseId } = journey;
    let detail: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);
    expect(detail).toMatchObject({ receiptNo: journey.receiptNo, status: 'submitted', targetDeputy: { id: DEPUTY_ID } });
    expect(detail.photos).toHaveLength(2);
    expect(detail.contact).toEqual({ phone: PHONE });

    detail = await backend.data('case', 'accept', { caseId, version: detail.version }, OFFICER);
    // A deputy who was only written to may not answer until the officer assigns them.
    if (!(await backend.data('case', 'get', { caseId }, DEPUTY)).availableCommands.includes('reply')) {
      detail = await backend.data('case', 'assign', { caseId, version: detail.version, deputyId: DEPUTY_ID }, OFFICER);
    }
    detail = await backend.data('case', 'reply', { caseId, version: detail.version, content: REPLY }, DEPUTY);
    expect(detail.status).toBe('replied');
    // Everything the handlers did is news to the resident.
    journey.unread = detail.timeline.filter((e) => e.actorRole !== 'resident').length;
    expect(journey.unread).toBeGreaterThanOrEqual(2);
  });

  it('5. 我的留言: the case is 已答复 with an unread count, and the tab shows the badge', async () => {
    const page = await openPage(pages.cases, {}, 'my cases');
    journey.casesPage = page;
    const rows = page.querySelectorAll('.case');
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(textOf(row)).toContain(TITLE);
    expect(textOf(row)).toContain(`受理编号 ${journey.receiptNo}`);
    expect(textOf(row)).toContain(station.name);
    expect(row.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('已答复');
    expect(row.dom.querySelector('.van-info--van-info')?.textContent?.trim()).toBe(String(journey.unread));
    expect(wx.tabBarBadges.at(-1)).toEqual({ index: 1, text: String(journey.unread) });

    tap(row, '.van-cell');
    await until(() => wx.navigations.at(-1)?.url?.startsWith('/packages/case/detail/index') === true, 'the way to the case');
    expect(lastRoute(wx, 'navigateTo').query).toEqual({ id: journey.caseId });
  });

  it('6. the case: 已答复, the reply, who did what, the photos; reading it clears the badge', async () => {
    const page = await openPage(pages.detail, { id: journey.caseId }, 'the case');
    expect(page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('已答复');
    const text = textOf(page);
    expect(text).toContain(TITLE);
    expect(text).toContain(`受理编号 ${journey.receiptNo}`);
    expect(text).toContain(REPLY);
    expect(text).toContain(`承办代表：人大代表 ${deputy.name}`);

    const entries = Array.from(page.dom.querySelectorAll('.case-timeline--timeline__entry')).map((entry) => {
      const read = (cls: string) => entry.querySelector(`.case-timeline--timeline__${cls}`)?.textContent?.trim();
      return [read('label'), read('actor')];
    });
    expect(entries[0]).toEqual(['答复', `人大代表 ${deputy.name}`]);
    expect(entries).toContainEqual(['受理', `联络员 ${officer.name}`]);
    expect(entries.at(-1)).toEqual(['提交留言', '我']);

    // The photos: served by the emulator's storage, really there, the very bytes uploaded. The
    // rendered <image> carries its URL in data-url (bound like its src, which j-component does
    // not keep on built-in tags), and a tap previews exactly those URLs.
    const urls = attributesOf(page, '.main--case__photo', 'data-url');
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url.startsWith(`${backend.url}/storage/files/cases/`)).toBe(true);
    const served = await Promise.all(urls.map(httpGet));
    expect(served.map((s) => [s.status, s.type])).toEqual([
      [200, 'image/png'],
      [200, 'image/png'],
    ]);
    expect(served.map((s) => s.bytes.toString('base64')).sort()).toEqual(photos.bytes.map((b) => b.toString('base64')).sort());
    page.querySelectorAll('.case__photo')[1].dispatchEvent('tap');
    await until(() => wx.previews.length > 0, 'the preview');
    expect(wx.previews.at(-1)).toEqual({ urls, current: urls[1] });

    // Back on 我的留言 (the tab shows again): nothing unread, the badge gone.
    const list = journey.casesPage!;
    const badgesBefore = wx.tabBarBadges.length;
    await list.instance.onShow();
    await until(() => wx.tabBarBadges.length > badgesBefore, 'the badge to update');
    expect(list.dom.querySelector('.van-info--van-info')).toBeNull();
    expect(wx.tabBarBadges.at(-1)).toEqual({ index: 1, text: null });
    journey.detailPage = page;
  });

  it('7. 评价 满意 closes the case: 已办结', async () => {
    const page = journey.detailPage!;
    tap(page.querySelector('.rate'));
    await until(() => textOf(page).includes('您对答复满意吗？'), 'the rating sheet');
    tap(page.querySelector('.rating-satisfied'), '.van-radio__icon-wrap');
    await until(() => page.data.form.rating === 'satisfied', 'the choice');
    tap(page.querySelector('.send'));
    await until(() => page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim() === '已办结', '已办结', 15_000);
    expect(textOf(page)).toContain('我的评价：满意');
    await until(() => textOf(page).includes('感谢您的评价'), 'the thanks');
    expect(page.querySelector('.rate')).toBeUndefined();
  });

  it('8. WeChat delivered a notice at every step — 已受理, the reply, 已办结 — each opening the case', async () => {
    const sent = await backend.wx.sent({ openid: RESIDENT });
    expect(sent.map((m) => m.template_id)).toEqual([templates.caseStatusChanged, templates.caseReplied, templates.caseStatusChanged]);
    const [accepted, replied, closed] = sent;
    for (const message of sent) {
      expect(message.page).toBe(`packages/case/detail/index?id=${journey.caseId}`);
      for (const [key, { value }] of Object.entries(message.data)) {
        const rule = FIELD_RULES[key.replace(/\d+$/, '')];
        expect([key, rule ? rule(value) : 'unknown field type']).toEqual([key, true]);
      }
    }
    expect(accepted.data).toMatchObject({
      character_string1: { value: journey.receiptNo },
      thing2: { value: expect.stringMatching(/^莲花北村12栋/) },
      phrase3: { value: '已受理' },
    });
    expect(replied.data).toMatchObject({
      thing1: { value: expect.stringMatching(/^莲花北村12栋/) },
      thing2: { value: `人大代表 ${deputy.name}` },
      thing3: { value: expect.stringMatching(/^您好，已联系莲花北村物业公司/) },
    });

    expect(closed.data).toMatchObject({ character_string1: { value: journey.receiptNo }, phrase3: { value: '已办结' } });

    // Each notice used one grant: the submit tap gave one per template, the rating tap another.
    // A case's messages live in its own outbox, inside the case document.
    const [stored] = await backend.find<{ outbox: { eventSeq: number; kind: string; state: string }[] }>('cases', { _id: journey.caseId });
    const notices = stored.outbox;
    expect(notices.sort((a, b) => a.eventSeq - b.eventSeq).map((n) => [n.kind, n.state])).toEqual([
      ['caseStatusChanged', 'sent'],
      // The assignment's task notice to the deputy, who granted nothing in this journey.
      ['handlerTask', 'skipped_no_grant'],
      ['caseReplied', 'sent'],
      ['caseStatusChanged', 'sent'],
    ]);
  });
});
