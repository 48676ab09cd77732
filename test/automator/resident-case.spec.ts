/**
 * The resident's case journey of test/journeys/resident-case.test.ts, in WeChat DevTools
 * with miniprogram-automator: the real mini-program (DevTools' own TypeScript build, base
 * library and Vant) against the local back end of `npm start`. Only the device is mocked:
 * the position, the photo album and the subscription prompt's 允许.
 *
 * Opt-in: `npm run test:devtools` (see ./README.md). The root jest config ignores this
 * folder, so CI never launches DevTools.
 */
import type { CaseDetail } from '../../typings/case';
import type { StationDetail, StationSummary } from '../../typings/api';
import { pngBytesOfSize } from '../backend/png';
import { BACKEND_URL, call, emulator, find, launchDevTools, pageReady, tap, textOf, typeInto, waitFor } from './devtools';
import type { CustomElement } from 'miniprogram-automator/out/Element';
import type { MiniProgram } from './devtools';

const RESIDENT = 'odemo-resident';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const HERE = { latitude: 22.5515, longitude: 114.0775 };
const SCENE = 'FT-HF-01';

/** Unique per run: the demo data folder persists, and the server refuses a repeated title and content. */
const RUN = new Date().toISOString().slice(5, 16).replace(/[-T:]/g, '');
const TITLE = `楼道灯坏了两个多星期 ${RUN}`;
const CONTENT = `莲花北村12栋三单元一到六楼的楼道灯坏了两个多星期，晚上老人上下楼看不清台阶（${RUN}）。`;
const PHONE = '13800138000';
const REPLY = `您好，已联系莲花北村物业公司，12栋三单元的楼道灯已全部更换（${RUN}）。`;

const FIELD_RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => [...v].length > 0 && [...v].length <= 20,
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  character_string: (v) => /^[A-Za-z0-9_\-.]{1,32}$/.test(v),
  time: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(v),
};

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const dayText = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
};

/** Called from the mini-program through `exposeFunction`: what the pages did to the tab bar badge. */
declare function journeyBadge(text: string | null): void;
/** The mini-program's `wx`, as far as functions run inside it (`evaluate`) use it. */
declare const wx: {
  env: { USER_DATA_PATH: string };
  getFileSystemManager(): { writeFileSync(filePath: string, data: string, encoding: string): void };
};

describe('a resident’s case in WeChat DevTools', () => {
  let miniProgram: MiniProgram;
  let templates: { caseStatusChanged: string; caseReplied: string };
  let station: StationDetail;
  const badges: (string | null)[] = [];
  const journey = { caseId: '', receiptNo: '', unread: 0 };

  beforeAll(async () => {
    miniProgram = await launchDevTools();
    templates = await call('subscription', 'templates', {});
    station = await call('station', 'get', { code: SCENE });

    // The device: here in 华富街道; 允许 on every subscription prompt; two photos in the album,
    // written into the mini-program's own file system so wx.uploadFile can read them.
    await miniProgram.mockWxMethod('getLocation', { ...HERE, speed: -1, accuracy: 30, errMsg: 'getLocation:ok' });
    await miniProgram.mockWxMethod('requestSubscribeMessage', {
      [templates.caseStatusChanged]: 'accept',
      [templates.caseReplied]: 'accept',
      errMsg: 'requestSubscribeMessage:ok',
    });
    const tempFiles = [];
    for (const [i, size] of [8, 12].entries()) {
      const bytes = pngBytesOfSize(size);
      const tempFilePath: string = await miniProgram.evaluate(
        function (name: string, base64: string) {
          const file = `${wx.env.USER_DATA_PATH}/${name}`;
          wx.getFileSystemManager().writeFileSync(file, base64, 'base64');
          return file;
        },
        `journey-${RUN}-${i}.png`,
        bytes.toString('base64'),
      );
      tempFiles.push({ tempFilePath, size: bytes.length, fileType: 'image', width: size, height: size, duration: 0 });
    }
    await miniProgram.mockWxMethod('chooseMedia', { type: 'image', tempFiles, errMsg: 'chooseMedia:ok' });
    await miniProgram.exposeFunction('journeyBadge', (text: string | null) => badges.push(text));
    await miniProgram.mockWxMethod('setTabBarBadge', function (options: { text: string }) {
      journeyBadge(options.text);
      return { errMsg: 'setTabBarBadge:ok' };
    });
    await miniProgram.mockWxMethod('removeTabBarBadge', function () {
      journeyBadge(null);
      return { errMsg: 'removeTabBarBadge:ok' };
    });
  });

  afterAll(async () => {
    await miniProgram?.close();
  });

  it('1. 附近联络站: the nearest station first, with its distance, open-now and next reception day', async () => {
    // The standard home (the finder), whatever an earlier session chose: no 长辈模式 stored and
    // its first-launch offer already made, so no dialog covers the list.
    await miniProgram.callWxMethod('removeStorageSync', 'elderMode');
    await miniProgram.callWxMethod('setStorageSync', 'elderModeOffered', true);
    await miniProgram.reLaunch('/pages/stations/index');
    const page = await pageReady(miniProgram, 'pages/stations/index');
    const { stations } = await call('station', 'nearby', HERE);
    const nearest: StationSummary = stations[0];
    const first = await find(page, '.station');
    expect(await textOf(first, '.station__name')).toContain(nearest.name);
    expect(await textOf(first, '.station__distance')).toBe(`${Math.round(nearest.distance!)}米`);
    expect(await textOf(page, '.station__open')).toMatch(/营业中|今日\d{2}:\d{2}开放|已休息/);
    expect(await textOf(page, '.station__reception')).toMatch(/今天接待|下次接待日 \d{1,2}月\d{1,2}日 周./);
  });

  it('2. the station opened by its QR code shows its name, a deputy and a reception day', async () => {
    await miniProgram.reLaunch(`/packages/station/detail/index?scene=${encodeURIComponent(SCENE)}`);
    const page = await pageReady(miniProgram, 'packages/station/detail/index');
    expect(await textOf(page, '.header__name')).toBe(station.name);
    const deputy = station.deputies.find((d) => d.id === DEPUTY_ID)!;
    const names = await Promise.all((await page.$$('.deputy__name')).map((n: { text(): Promise<string> }) => n.text()));
    expect(names.join(' ')).toContain(deputy.name);
    expect(await textOf(page, '.reception__when')).toContain(`${dayText(station.receptions[0].date)} ${station.receptions[0].start}`);

    // 给TA留言 on the demo deputy.
    const buttons = await page.$$('.deputy__message');
    await (await buttons[station.deputies.indexOf(deputy)].$('.van-button')).tap();
    await pageReady(miniProgram, 'packages/case/compose/index');
  });

  it('3. 留言 with two photos and notices allowed: the receipt number', async () => {
    const page = (await miniProgram.currentPage())!;
    expect(page.query).toMatchObject({ stationId: station.id, deputyId: DEPUTY_ID });
    await tap(page, '.category-help', '.van-radio__icon-wrap');
    await typeInto(page, '.field-title', TITLE);
    await typeInto(page, '.field-content', CONTENT);
    await typeInto(page, '.field-contact-phone', PHONE);
    await waitFor(async () => (await page.data('form.contactPhone')) === PHONE, 'the form to take the input');

    const picker = (await find(page, '.photo-picker')) as CustomElement;
    await tap(picker, '.case-photos', '.van-uploader__upload');
    await waitFor(async () => {
      const files: { status: string }[] = await picker.data('files');
      return files.length === 2 && files.every((f) => f.status === 'done');
    }, 'both photos to upload');

    await tap(page, '.submit-case', '.van-button');
    await waitFor(async () => /^[A-Z]+\d{8}-\d{4,}$/.test(await textOf(page, '.receipt__number')), 'the receipt number');
    journey.receiptNo = await textOf(page, '.receipt__number');

    const { remaining } = await call('subscription', 'record', { results: {} }, RESIDENT);
    expect(remaining[templates.caseStatusChanged]).toBeGreaterThanOrEqual(1);
    expect(remaining[templates.caseReplied]).toBeGreaterThanOrEqual(1);

    await tap(page, '.view-case', '.van-button');
    const detail = await pageReady(miniProgram, 'packages/case/detail/index');
    journey.caseId = detail.query.id;
  });

  it('4. the officer accepts (and assigns the deputy); the deputy replies', async () => {
    const { caseId } = journey;
    let detail: CaseDetail = await call('case', 'get', { caseId }, OFFICER);
    expect(detail.receiptNo).toBe(journey.receiptNo);
    expect(detail.photos).toHaveLength(2);
    detail = await call('case', 'accept', { caseId, version: detail.version }, OFFICER);
    if (!(await call('case', 'get', { caseId }, DEPUTY)).availableCommands.includes('reply')) {
      detail = await call('case', 'assign', { caseId, version: detail.version, deputyId: DEPUTY_ID }, OFFICER);
    }
    detail = await call('case', 'reply', { caseId, version: detail.version, content: REPLY }, DEPUTY);
    journey.unread = detail.timeline.filter((e) => e.actorRole !== 'resident').length;
  });

  it('5. 我的留言: 已答复 with the unread count and the tab badge', async () => {
    await miniProgram.switchTab('/pages/cases/index');
    const page = await pageReady(miniProgram, 'pages/cases/index');
    const row = await find(page, '.case');
    const rowText = (await row.text()).replace(/\s+/g, ' ');
    expect(rowText).toContain(TITLE);
    expect(rowText).toContain(journey.receiptNo);
    expect(rowText).toContain('已答复');
    expect(await textOf(page, '.case__unread')).toBe(String(journey.unread));
    await waitFor(() => badges.length > 0, 'the tab badge');
    expect(badges.at(-1)).toBe(String(journey.unread));
  });

  it('6. the case: 已答复, the reply, who did what, photos that load; reading it clears the badge', async () => {
    await tap(await find((await miniProgram.currentPage())!, '.case'), '.van-cell');
    const page = await pageReady(miniProgram, 'packages/case/detail/index');
    expect(await textOf(page, '.case__status')).toBe('已答复');
    const officer = (await call('case', 'get', { caseId: journey.caseId }, OFFICER)).timeline.find((e) => e.kind === 'accepted')!.actorName;
    const actors = await Promise.all((await page.$$('.timeline__actor')).map((n: { text(): Promise<string> }) => n.text()));
    expect(actors.map((a: string) => a.trim())).toEqual(expect.arrayContaining([expect.stringMatching(/^人大代表 /), `联络员 ${officer}`, '我']));
    expect(await textOf(page, '.timeline__note')).toContain(REPLY);

    const photos = await page.$$('.case__photo');
    expect(photos).toHaveLength(2);
    for (const photo of photos) {
      const src: string = await photo.attribute('src');
      expect(src.startsWith(`${BACKEND_URL}/storage/files/cases/`)).toBe(true);
      expect((await fetch(src)).status).toBe(200);
    }

    await miniProgram.switchTab('/pages/cases/index');
    const list = await pageReady(miniProgram, 'pages/cases/index');
    await waitFor(async () => (await list.$('.case__unread')) === null, 'the unread count to clear');
    await waitFor(() => badges.at(-1) === null, 'the badge to go');
  });

  it('7. 评价 满意: 已办结', async () => {
    await miniProgram.navigateTo(`/packages/case/detail/index?id=${encodeURIComponent(journey.caseId)}`);
    const page = await pageReady(miniProgram, 'packages/case/detail/index');
    await tap(page, '.rate', '.van-button');
    await waitFor(async () => (await page.data('popup')) === 'rate', 'the rating sheet');
    await tap(page, '.rating-satisfied', '.van-radio__icon-wrap');
    await waitFor(async () => (await page.data('form.rating')) === 'satisfied', 'the choice');
    await tap(page, '.send', '.van-button');
    await waitFor(async () => (await textOf(page, '.case__status')) === '已办结', '已办结');
  });

  it('8. the subscription messages WeChat delivered for this case: 已受理, then the reply', async () => {
    const { sent } = await emulator<{ sent: { template_id: string; page: string | null; data: Record<string, { value: string }> }[] }>(`wx/sent?openid=${RESIDENT}`);
    const mine = sent.filter((m) => m.page === `packages/case/detail/index?id=${journey.caseId}`);
    expect(mine.slice(0, 2).map((m) => m.template_id)).toEqual([templates.caseStatusChanged, templates.caseReplied]);
    expect(mine[0].data.phrase3?.value).toBe('已受理');
    expect(mine[0].data.character_string1?.value).toBe(journey.receiptNo);
    for (const message of mine) {
      for (const [key, { value }] of Object.entries(message.data)) expect([key, FIELD_RULES[key.replace(/\d+$/, '')]?.(value)]).toEqual([key, true]);
    }
  });
});
