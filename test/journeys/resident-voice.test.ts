/** @jest-environment jsdom */
/**
 * A voice message, end to end: a resident who would rather speak than type records one on the
 * 留言 page and sends it with nothing written (no title, no category); the liaison officer's
 * case page plays it and files it under a category at 受理; the resident's case page then shows
 * that category. The real pages (miniprogram-simulate, real Vant) run against the real local
 * back end (function bundles on the function host, the emulator's database and storage). The
 * microphone is test/support/wx-platform.ts's recorder; the officer's phone is the same
 * platform acting as odemo-officer (the demo-account switch of 我的, local mode).
 *
 * The steps share one case and run in order; a step that fails leaves the next ones failing too.
 */
import fs from 'node:fs';
import { Buffer } from 'node:buffer';
import type { CaseDetail } from '../../typings/case';
import type { Station } from '../../typings/models';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { RenderedComponent } from '../miniprogram/support/load-page';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { httpGet, lastRoute, launchApp, openPage, tap, textOf, textsOf, until } from './support/journey';
import { startRemoteBackend, type RemoteBackend } from './support/remote-backend';

// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { loadNoticeTemplates } = require('../../miniprogram/services/subscribe') as { loadNoticeTemplates(): Promise<void> };

const RESIDENT = 'odemo-resident';
const OFFICER = 'odemo-officer';
/** The QR code on the door of 莲花北社区's station (odemo-officer's street, 华富街道). */
const SCENE = 'FT-HF-01';
/** How long the resident speaks. */
const SPOKEN_MS = 12_400;
const SPOKEN_SEC = 12;

describe('a voice message, from the 留言 page to the officer’s case page and back', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  const pages = { station: '', compose: '', work: '', detail: '' };
  let station: Station;
  /** Carried from step to step. */
  const journey = { composeQuery: {} as Record<string, string>, caseId: '', receiptNo: '', recorded: Buffer.alloc(0), cloudPath: '' };
  const started = Date.now();

  beforeAll(async () => {
    backend = await startRemoteBackend(['station', 'case', 'subscription', 'user', 'reception']);
    config.mode = 'local';
    config.localHost = backend.url;
    config.localOpenid = RESIDENT;

    // The phone: privacy agreed, the microphone not yet asked for (WeChat's dialog is answered 允许).
    wx = createWxPlatform();
    wx.install();
    launchApp();
    await loadNoticeTemplates();
    Object.assign(
      pages,
      loadPages({
        station: 'packages/station/detail/index',
        compose: 'packages/case/compose/index',
        work: 'packages/work/case/index',
        detail: 'packages/case/detail/index',
      }),
    );
    [station] = await backend.find<Station>('stations', { code: SCENE });
  }, 180_000);

  afterAll(async () => {
    config.localOpenid = RESIDENT;
    await backend?.close();
    console.info(`[journey] resident voice: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  const statusTag = (page: RenderedComponent) => page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim();
  const player = (page: RenderedComponent) => page.querySelector('.case-voice');

  it('1. the station opened by its QR code: 给代表留言 in the bar at the bottom leads to 留言', async () => {
    const page = await openPage(pages.station, { scene: encodeURIComponent(SCENE) }, 'the station');
    expect(textOf(page)).toContain(station.name);
    expect(textOf(page.querySelector('.actions')!)).toBe('预约接待给代表留言');
    tap(page.querySelector('.message'));
    await until(() => wx.navigations.length > 0, 'the way to 留言');
    const next = lastRoute(wx, 'navigateTo');
    expect(next).toEqual({ page: 'packages/case/compose/index', query: { stationId: station._id } });
    journey.composeQuery = next.query;
  });

  it('2. 留言: the microphone allowed, twelve seconds spoken, uploaded at once through the local upload route', async () => {
    const page = await openPage(pages.compose, journey.composeQuery, 'the 留言 form');
    expect(textOf(page)).toContain(station.name);
    const recorder = () => page.querySelector('.voice-recorder')!;
    expect(textOf(recorder())).toBe('点一下开始录音（最长 60 秒）');

    recorder().querySelector('.voice-start')!.dispatchEvent('tap');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    // WeChat asked for the microphone once, from the tap; the recording is WeChat's mono MP3.
    expect(wx.authorizeDialogs).toEqual(['scope.record']);
    expect(wx.scopes['scope.record']).toBe(true);
    expect(wx.recorder.starts).toEqual([expect.objectContaining({ format: 'mp3', duration: 60_000 })]);
    expect(textOf(recorder())).toContain('点一下停止录音');

    wx.recorder.advance(SPOKEN_MS);
    recorder().querySelector('.voice-stop')!.dispatchEvent('tap');
    await until(() => textOf(recorder()).includes('语音已保存'), 'the voice to upload', 15_000);
    expect(textOf(recorder())).toContain(`语音 ${SPOKEN_SEC} 秒`);

    // One path issued for the voice (an mp3), then the file posted to the local back end's upload route as the resident.
    const pathCalls = wx.requests.filter((r) => (r.data as { action?: string })?.action === 'uploadPaths');
    expect(pathCalls.map((r) => [r.url, r.header['X-WX-OPENID'], r.data])).toEqual([
      [`${backend.url}/functions/case`, RESIDENT, { action: 'uploadPaths', extensions: ['mp3'] }],
    ]);
    expect(wx.uploads).toHaveLength(1);
    const [upload] = wx.uploads;
    expect([upload.url, upload.name, upload.header['X-WX-OPENID']]).toEqual([`${backend.url}/storage/upload`, 'file', RESIDENT]);
    expect(upload.formData.cloudPath).toMatch(/^cases\/\d{4}\/\d{2}\/[0-9a-f]{32}\.mp3$/);
    journey.recorded = fs.readFileSync(upload.filePath);
    journey.cloudPath = upload.formData.cloudPath;

    // Nothing written, no title, category left at 不确定: the voice is the message.
    expect(page.data.form).toMatchObject({ content: '', title: '', category: 'unsure' });
    tap(page.querySelector('.submit-case'));
    await until(() => textOf(page).includes('留言已提交'), 'the receipt', 15_000);
    journey.receiptNo = textsOf(page, '.main--receipt__number')[0];
    expect(journey.receiptNo).toMatch(/^[A-Z]+\d{8}-\d{4,}$/);
    const submits = wx.requests.filter((r) => (r.data as { action?: string })?.action === 'submit').map((r) => r.data as Record<string, unknown>);
    expect(submits).toHaveLength(1);
    expect(Object.keys(submits[0]).sort()).toEqual(['action', 'anonymous', 'public', 'requestId', 'stationId', 'voice']);
    expect(submits[0].voice).toEqual({ fileId: expect.stringContaining(journey.cloudPath), durationSec: SPOKEN_SEC });

    tap(page.querySelector('.view-case'));
    await until(() => wx.navigations.some((n) => n.method === 'redirectTo'), 'the way to the case');
    journey.caseId = lastRoute(wx, 'redirectTo').query.id;
    expect(journey.caseId).toBeTruthy();
  });

  it('3. the officer’s case page: 语音留言, 待定类别, and the voice plays from the local back end', async () => {
    config.localOpenid = OFFICER;
    const page = await openPage(pages.work, { id: journey.caseId }, 'the officer’s case');
    expect(statusTag(page)).toBe('已提交');
    expect(textsOf(page, '.main--case__title')).toEqual(['语音留言']);
    expect(textOf(page)).toContain(`受理编号 ${journey.receiptNo}`);
    expect(textsOf(page, '.main--case__category')).toEqual(['待定类别']);
    expect(textOf(page)).toContain('不确定（受理时选择）');

    const voice = player(page);
    expect(voice).toBeDefined();
    expect(textOf(voice!)).toBe(`语音 ${SPOKEN_SEC} 秒`);
    expect(voice!.data.ariaLabel).toBe(`播放语音，${SPOKEN_SEC}秒`);
    const audiosBefore = wx.audios.length;
    voice!.querySelector('.voice-player__button')!.dispatchEvent('tap');
    await until(() => wx.audios.length > audiosBefore && wx.audios.at(-1)!.state === 'playing', 'the voice to play');
    await until(() => textOf(voice!).startsWith('正在播放'), 'the player to say it plays');
    expect(textOf(voice!)).toBe(`正在播放 0 / ${SPOKEN_SEC} 秒`);

    // WeChat's player was given the storage URL of the very file uploaded; fetched as WeChat
    // would, it is audio, and the bytes the phone recorded.
    const url = wx.audios.at(-1)!.src;
    expect(url.startsWith(`${backend.url}/storage/files/${journey.cloudPath}`)).toBe(true);
    const served = await httpGet(url);
    expect([served.status, served.type]).toEqual([200, 'audio/mpeg']);
    expect(served.bytes.equals(journey.recorded)).toBe(true);

    wx.audios.at(-1)!.end();
    await until(() => textOf(voice!) === `语音 ${SPOKEN_SEC} 秒`, 'the player to stop at the end');
  });

  it('4. 受理: the officer must choose a category for a 不确定 case, chooses 求助, and the case is 已受理', async () => {
    const page = await openPage(pages.work, { id: journey.caseId }, 'the officer’s case');
    tap(page.querySelector('.command-accept'));
    await until(() => page.data.popup === 'accept' && textOf(page).includes('受理留言'), 'the 受理 sheet');
    expect(textOf(page)).toContain('留言类别（留言人未选择，请选择）');
    expect(page.querySelectorAll('.category').map((c) => textOf(c))).toEqual(['意见', '建议', '求助', '投诉']);

    // Sent without one, the sheet says what is missing and nothing moves.
    tap(page.querySelector('.send'));
    await until(() => page.data.errors.category === '请选择留言类别', 'the missing category');
    expect(textsOf(page, '.main--field-error')).toContain('请选择留言类别');
    expect((await backend.data('case', 'get', { caseId: journey.caseId }, OFFICER)).status).toBe('submitted');

    // The whole row picks the category.
    tap(page.querySelector('.category-help'), '.van-cell');
    await until(() => page.data.form.category === 'help', 'the category');
    tap(page.querySelector('.send'));
    await until(() => statusTag(page) === '已受理', '已受理', 15_000);
    expect(wx.toasts.at(-1)).toEqual({ title: '已受理', icon: 'none' });
    expect(textsOf(page, '.main--case__category')).toEqual([]);
    expect(textOf(page)).toContain('留言类别求助');
    // The timeline keeps what the resident left it as.
    expect(textOf(page)).toContain('类别：求助（原为 不确定）');

    const detail: CaseDetail = await backend.data('case', 'get', { caseId: journey.caseId }, OFFICER);
    expect(detail).toMatchObject({ status: 'accepted', category: 'help', title: '语音留言', voice: { durationSec: SPOKEN_SEC } });
  });

  it('5. the resident’s case page: 已受理, filed under 求助, the voice there to play back', async () => {
    config.localOpenid = RESIDENT;
    const page = await openPage(pages.detail, { id: journey.caseId }, 'the resident’s case');
    expect(statusTag(page)).toBe('已受理');
    expect(textsOf(page, '.main--case__title')).toEqual(['语音留言']);
    const facts = Array.from(page.dom.querySelectorAll('.main--fact')).map((fact) => [
      fact.querySelector('.main--fact__label')?.textContent?.trim(),
      fact.querySelector('.main--fact__value')?.textContent?.trim(),
    ]);
    expect(facts).toContainEqual(['留言类别', '求助']);
    expect(textOf(player(page)!)).toBe(`语音 ${SPOKEN_SEC} 秒`);
  });
});
