/** @jest-environment jsdom */
/**
 * The voice recorder and the voice player, rendered on their own against the test `wx`
 * (its RecorderManager and InnerAudioContext), and their pure rules.
 */
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { fakeClockAt, loadPages, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { promisesRun } from './support/settle';
import * as recording from '../../miniprogram/components/voice-recorder/recording';
import type { VoiceSummary } from '../../miniprogram/components/voice-recorder/recording';
import { playerAriaLabel, playerText, secondsText } from '../../miniprogram/components/voice-player/labels';

// How a file travels is storage.ts's (tested in case-services.test.ts); here, what the recorder does with the outcome.
// `answers`: each upload's promise, for a test to wait on the very answer the recorder awaits.
const uploads = { paths: [] as string[], failures: 0, held: undefined as Promise<void> | undefined, answers: [] as Promise<unknown>[] };
jest.mock('../../miniprogram/services/storage', () => ({
  uploadVoice: (path: string) => {
    uploads.paths.push(path);
    const answer = (async () => {
      await uploads.held;
      if (uploads.failures > 0) {
        uploads.failures -= 1;
        return { ok: false, error: { code: 'UPLOAD_FAILED', message: '语音上传失败，请重试' } };
      }
      return { ok: true, data: { fileId: `cloud://local-dev/cases/${path.split('/').pop()}` } };
    })();
    uploads.answers.push(answer);
    return answer;
  },
}));

const simulate = require('miniprogram-simulate') as { render(id: string, props?: Record<string, unknown>): RenderedComponent };
declare const document: { createElement(tagName: string): unknown };

function rendered(id: string, props: Record<string, unknown> = {}): RenderedComponent {
  const component = simulate.render(id, props);
  component.attach(document.createElement('parent-wrapper'));
  return component;
}

const tapOn = (component: RenderedComponent, cls: string) => component.querySelector(cls)!.dispatchEvent('tap');
// simulate drops aria-* attributes from its DOM: the player's label is read where the WXML binds it from.
const ariaOf = (player: RenderedComponent) => player.data.ariaLabel as string;
/** Lets the recorder's onStart (after the current task, as WeChat's) set its clock's start. */
const started = () => new Promise((resolve) => setTimeout(resolve, 20));

// Both loaded at once: the player is also the recorder's child, and a file runs a component's script only once.
let ids: { recorder: string; player: string };
beforeAll(() => {
  ids = loadPages({ recorder: 'components/voice-recorder/index', player: 'components/voice-player/index' });
});

describe('voice recorder', () => {
  let wx: WxPlatform;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    uploads.paths.length = 0;
    uploads.answers.length = 0;
    uploads.failures = 0;
    uploads.held = undefined;
    wx = createWxPlatform();
    wx.install();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    jest.useRealTimers();
  });

  function recorder(props: Record<string, unknown> = {}) {
    const component = rendered(ids.recorder, props);
    const changes: VoiceSummary[] = [];
    const events = component as unknown as { addEventListener(name: string, handler: (event: { detail: VoiceSummary }) => void): void };
    events.addEventListener('change', (event) => changes.push(event.detail));
    return { component, changes, text: () => textOf(component) };
  }

  it('starts on a tap, shows the running clock, stops on a second tap, uploads at once and plays back', async () => {
    fakeClockAt(Date.parse('2026-11-21T06:30:00Z'));
    const { component, changes, text } = recorder();
    expect(text()).toContain('点一下开始录音（最长 60 秒）');
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording' && text().includes('点一下停止录音'), 'the recording to start');
    expect(wx.authorizeDialogs).toEqual(['scope.record']);
    expect(wx.recorder.starts).toEqual([{ duration: 60000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 }]);
    expect(text()).toContain('0:00 / 1:00');
    expect(changes.at(-1)).toEqual({ phase: 'recording', voice: null });

    await started();
    jest.setSystemTime(Date.parse('2026-11-21T06:30:12.300Z'));
    wx.recorder.advance(12_300);
    await until(() => text().includes('0:12 / 1:00'), 'the clock to reach 12 s');
    expect(text()).toContain('说完请再点一下「停止录音」');

    tapOn(component, '.voice-stop');
    await until(() => text().includes('语音已保存'), 'the upload');
    expect(wx.recorder.stops).toBe(1);
    expect(uploads.paths).toEqual([expect.stringMatching(/recording-[0-9a-f]+\.mp3$/)]);
    expect(text()).toContain('语音 12 秒');
    expect(text()).toContain('重录');
    expect(text()).toContain('删除语音');
    expect(changes.map((c) => c.phase)).toEqual(['recording', 'uploading', 'ready']);
    expect(changes.at(-1)).toEqual({
      phase: 'ready',
      voice: { fileId: `cloud://local-dev/cases/${uploads.paths[0].split('/').pop()}`, url: uploads.paths[0], durationSec: 12 },
    });

    // The preview plays the local recording.
    const player = component.querySelector('.voice-preview')!;
    expect(ariaOf(player)).toBe('播放语音，12秒');
    tapOn(player, '.voice-player__button');
    await until(() => wx.audios[0]?.state === 'playing', 'the playback');
    expect(wx.audios[0].src).toBe(uploads.paths[0]);
  });

  it('stops by itself at 60 seconds, as WeChat does, and keeps the whole minute', async () => {
    const { component, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    wx.recorder.advance(59_000);
    expect(wx.recorder.state).toBe('recording');
    wx.recorder.advance(5_000);
    await until(() => text().includes('语音已保存'), 'the automatic stop and upload');
    expect(wx.recorder.state).toBe('idle');
    expect(text()).toContain('语音 60 秒');
  });

  it('counts down the last ten seconds', async () => {
    fakeClockAt(Date.parse('2026-11-21T06:30:00Z'));
    const { component, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => text().includes('0:00 / 1:00'), 'the recording to start');
    await started();
    jest.setSystemTime(Date.parse('2026-11-21T06:30:53Z'));
    await until(() => text().includes('0:53 / 1:00'), 'the clock to reach 53 s');
    expect(text()).toContain('还能录 7 秒，到时自动停止');
  });

  it('explains a refused microphone in Chinese and leads to the settings, where it can be allowed', async () => {
    wx = createWxPlatform({ authorizeAnswers: { 'scope.record': false }, authSetting: { 'scope.record': true } });
    wx.install();
    const { component, changes, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => text().includes('录音需要使用麦克风，您还没有允许'), 'the explanation');
    expect(text()).toContain('也可以直接打字留言');
    expect(wx.recorder.starts).toEqual([]);
    expect(changes.at(-1)).toEqual({ phase: 'idle', voice: null });

    tapOn(component, '.voice-setting');
    await until(() => text().includes('已允许使用麦克风，请点「开始录音」'), 'the way back from the settings');
    expect(wx.settingsOpened).toBe(1);
    expect(text()).not.toContain('您还没有允许');
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    // WeChat asked once; the settings page did the rest.
    expect(wx.authorizeDialogs).toEqual(['scope.record']);
  });

  it('explains a microphone refused earlier without asking WeChat again', async () => {
    wx = createWxPlatform({ scopes: { 'scope.record': false } });
    wx.install();
    const { component, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => text().includes('录音需要使用麦克风，您还没有允许'), 'the explanation');
    expect(wx.authorizeDialogs).toEqual([]);
    expect(text()).toContain('去设置打开麦克风');
  });

  it('drops a tap too short to hold a word, and says so', async () => {
    const { component, changes, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    wx.recorder.advance(400);
    tapOn(component, '.voice-stop');
    await until(() => text().includes('录音太短了'), 'the too-short notice');
    expect(uploads.paths).toEqual([]);
    expect(changes.at(-1)).toEqual({ phase: 'idle', voice: null });
    expect(text()).toContain('点一下开始录音');
  });

  it('ends the recording where a phone call interrupts it, keeping what was said', async () => {
    const { component, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    wx.recorder.advance(8_000);
    wx.recorder.interrupt();
    await until(() => text().includes('语音已保存'), 'the recording to be kept');
    expect(text()).toContain('语音 8 秒');
  });

  it('takes a second tap on 停止 (an unsteady finger) as the same stop', async () => {
    const { component, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    wx.recorder.advance(4_000);
    tapOn(component, '.voice-stop');
    tapOn(component, '.voice-stop');
    await until(() => text().includes('语音已保存'), 'the recording to be kept');
    expect(wx.recorder.stops).toBe(1);
    expect(uploads.paths).toHaveLength(1);
  });

  it('offers a retry when the upload fails, and a delete', async () => {
    uploads.failures = 1;
    const { component, changes, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    wx.recorder.advance(5_000);
    tapOn(component, '.voice-stop');
    await until(() => text().includes('语音上传失败'), 'the failure');
    expect(changes.at(-1)).toEqual({ phase: 'failed', voice: null });
    tapOn(component, '.voice-retry');
    await until(() => text().includes('语音已保存'), 'the retry');
    expect(uploads.paths).toHaveLength(2);
    expect(uploads.paths[1]).toBe(uploads.paths[0]);

    tapOn(component, '.voice-delete');
    await until(() => text().includes('点一下开始录音'), 'the recorder to be empty again');
    expect(changes.at(-1)).toEqual({ phase: 'idle', voice: null });
  });

  it('forgets an upload still on its way when the voice is recorded again', async () => {
    let release!: () => void;
    uploads.held = new Promise((resolve) => (release = resolve));
    const { component, changes, text } = recorder();
    tapOn(component, '.voice-start');
    await until(() => wx.recorder.state === 'recording', 'the recording to start');
    wx.recorder.advance(5_000);
    tapOn(component, '.voice-stop');
    await until(() => text().includes('正在保存语音…'), 'the upload to start');
    tapOn(component, '.voice-rerecord');
    await until(() => wx.recorder.state === 'recording', 'the second recording');
    release();
    // The late answer itself, then the recorder's turn with it (promises only, no timer).
    await uploads.answers[0];
    await promisesRun();
    expect(changes.at(-1)).toEqual({ phase: 'recording', voice: null });
    expect(text()).toContain('点一下停止录音');
  });

  it('shows a voice kept in a draft as ready to play', async () => {
    const voice = { fileId: 'cloud://local-dev/cases/a.mp3', url: 'wxfile://tmp/a.mp3', durationSec: 23 };
    const { component, text } = recorder({ value: voice });
    await until(() => text().includes('语音已保存'), 'the restored voice');
    expect(text()).toContain('语音 23 秒');
    expect(ariaOf(component.querySelector('.voice-preview')!)).toBe('播放语音，23秒');
  });
});

describe('voice player', () => {
  let wx: WxPlatform;
  beforeEach(() => {
    wx = createWxPlatform();
    wx.install();
  });

  it('plays and pauses with one button named for screen readers, and shows the length', async () => {
    const player = rendered(ids.player, { fileUrl: 'https://local/voice/a.mp3', durationSec: 23 });
    expect(textOf(player)).toBe('语音 23 秒');
    expect(ariaOf(player)).toBe('播放语音，23秒');
    tapOn(player, '.voice-player__button');
    await until(() => wx.audios[0]?.state === 'playing', 'the voice to play');
    expect(wx.audios[0].src).toBe('https://local/voice/a.mp3');
    await until(() => ariaOf(player) === '暂停语音，23秒', 'the pause label');
    expect(textOf(player)).toBe('正在播放 0 / 23 秒');
    tapOn(player, '.voice-player__button');
    await until(() => wx.audios[0].state === 'paused', 'the pause');
    expect(ariaOf(player)).toBe('播放语音，23秒');
    // The same context plays on from where it paused.
    tapOn(player, '.voice-player__button');
    await until(() => wx.audios[0].state === 'playing', 'playing again');
    expect(wx.audios).toHaveLength(1);
    wx.audios[0].end();
    await until(() => textOf(player) === '语音 23 秒', 'the end');
  });

  it('stops the other voice when one starts', async () => {
    const first = rendered(ids.player, { fileUrl: 'https://local/voice/a.mp3', durationSec: 10 });
    const second = rendered(ids.player, { fileUrl: 'https://local/voice/b.mp3', durationSec: 20 });
    tapOn(first, '.voice-player__button');
    await until(() => wx.audios[0]?.state === 'playing', 'the first voice');
    tapOn(second, '.voice-player__button');
    await until(() => wx.audios[1]?.state === 'playing', 'the second voice');
    expect(wx.audios[0].state).toBe('stopped');
    await until(() => textOf(first) === '语音 10 秒', 'the first to show it stopped');
  });

  it('says so when the voice cannot be played', async () => {
    const player = rendered(ids.player, { fileUrl: 'https://local/voice/gone.mp3', durationSec: 5 });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    tapOn(player, '.voice-player__button');
    await until(() => wx.audios[0]?.state === 'playing', 'the attempt');
    wx.audios[0].fail();
    await until(() => textOf(player).includes('语音暂时无法播放，请稍后再试'), 'the failure');
    expect(ariaOf(player)).toBe('播放语音，5秒');
    warn.mockRestore();
  });

  it('is destroyed with its page', async () => {
    const player = rendered(ids.player, { fileUrl: 'https://local/voice/a.mp3', durationSec: 5 });
    tapOn(player, '.voice-player__button');
    await until(() => wx.audios[0]?.state === 'playing', 'the voice');
    (player as unknown as { detach(): void }).detach();
    expect(wx.audios[0].destroyed).toBe(true);
  });
});

describe('voice rules', () => {
  it.each([
    [0, 0],
    [999, 0],
    [1000, 1],
    [12_300, 12],
    [12_600, 13],
    [60_000, 60],
    [60_480, 60],
    [Number.NaN, 0],
  ])('a recording of %p ms counts as %p whole seconds', (ms, sec) => {
    expect(recording.durationSecOf(ms)).toBe(sec);
  });

  it.each([
    [0, '0:00 / 1:00'],
    [7.9, '0:07 / 1:00'],
    [60, '1:00 / 1:00'],
    [75, '1:00 / 1:00'],
  ])('the clock at %p s reads %p', (sec, text) => {
    expect(recording.recordingClock(sec)).toBe(text);
  });

  it.each([
    [0, '说完请再点一下「停止录音」'],
    [49, '说完请再点一下「停止录音」'],
    [50, '还能录 10 秒，到时自动停止'],
    [59, '还能录 1 秒，到时自动停止'],
    [61, '还能录 0 秒，到时自动停止'],
  ])('under the clock at %p s: %p', (sec, hint) => {
    expect(recording.recordingHint(sec)).toBe(hint);
  });

  it.each([
    ['authorize:fail auth deny', 'denied'],
    ['authorize:fail:auth denied', 'denied'],
    ['operateRecorder:fail auth deny', 'denied'],
    ['authorize:fail privacy permission is not authorized', 'privacy'],
    ['authorize:fail system permission denied', 'system'],
    ['operateRecorder:fail recorder is recording', 'failed'],
  ])('WeChat’s %p is told as %p', (errMsg, failure) => {
    expect(recording.recordFailure(errMsg)).toBe(failure);
  });

  it('has a Chinese sentence for every failure, and points a refusal to the settings', () => {
    for (const text of Object.values(recording.FAILURE_TEXT)) expect(text).toMatch(/[\u4e00-\u9fa5]/);
    expect(recording.FAILURE_TEXT.denied).toContain('设置');
  });

  it.each([
    ['recording', true, ''],
    ['uploading', true, ''],
    ['failed', false, '语音上传失败，请点「重新上传」或删除语音'],
    ['ready', false, ''],
    ['idle', false, ''],
  ] as const)('a voice %p is waited for: %p; holds the submit with %p', (phase, pending, problem) => {
    expect(recording.isVoicePending(phase)).toBe(pending);
    expect(recording.voiceProblem(phase)).toBe(problem);
  });

  it('hands the page a voice only once uploaded, and only a whole one', () => {
    const voice = { fileId: 'cloud://env/cases/a.mp3', url: 'wxfile://a.mp3', durationSec: 12 };
    expect(recording.summaryOf('ready', voice)).toEqual({ phase: 'ready', voice });
    expect(recording.summaryOf('uploading', voice)).toEqual({ phase: 'uploading', voice: null });
    expect(recording.summaryOf('ready', { ...voice, fileId: '' })).toEqual({ phase: 'ready', voice: null });
    for (const bad of [null, 'a.mp3', { ...voice, durationSec: 0 }, { ...voice, durationSec: 61 }, { ...voice, durationSec: 1.5 }, { fileId: voice.fileId, durationSec: 3 }]) {
      expect(recording.isStoredVoice(bad)).toBe(false);
    }
  });

  it('names the player’s button and text for what a tap does', () => {
    expect(secondsText(23)).toBe('23 秒');
    expect(playerAriaLabel(false, 23)).toBe('播放语音，23秒');
    expect(playerAriaLabel(true, 23)).toBe('暂停语音，23秒');
    expect(playerText(false, 0, 23)).toBe('语音 23 秒');
    expect(playerText(true, 7.8, 23)).toBe('正在播放 7 / 23 秒');
    expect(playerText(true, 30, 23)).toBe('正在播放 23 / 23 秒');
  });
});
