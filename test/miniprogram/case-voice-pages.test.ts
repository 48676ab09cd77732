/** @jest-environment jsdom */
/** A case's voice message on the two case pages: the resident's own, and the handler's. */
import { setClock } from '../../miniprogram/utils/time';
import type { WxPlatform } from '../support/wx-platform';
import { caseDetail, NOW } from './support/case-fixtures';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPages, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost } from './support/page-harness';
const { useNoticeTemplates } = require('../../miniprogram/services/subscribe') as { useNoticeTemplates(ids: Record<string, string>): void };

const ok = <T>(data: T) => ({ ok: true, data });
const voice = { fileId: 'cloud://local-dev/cases/2026/11/0123456789abcdef0123456789abcdef.mp3', url: 'http://127.0.0.1:3721/files/voice.mp3?sign=1', durationSec: 23 };

describe.each([
  ['the resident', 'odemo-resident', 'resident'],
  ['the handler', 'odemo-officer', 'handler'],
] as const)('the case page of %s', (_who, openid, key) => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let ids: { resident: string; handler: string };

  beforeAll(async () => {
    host = await startLocalHost(openid);
    useNoticeTemplates({});
    ids = loadPages({ resident: 'packages/case/detail/index', handler: 'packages/work/case/index' });
    setClock(() => NOW);
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    wx = installWx();
  });

  const opened = (): Promise<RenderedComponent> => openedPage(ids[key], { id: 'case-1' }, 'the case to load');

  it('plays the voice message beside the text, from its signed URL', async () => {
    host.answer('case.get', ok(caseDetail({ voice })));
    const page = await opened();
    const player = page.querySelector('.case-voice')!;
    expect(player).toBeDefined();
    expect(textOf(player)).toBe('语音 23 秒');
    expect(player.data.ariaLabel).toBe('播放语音，23秒');
    player.querySelector('.voice-player__button')!.dispatchEvent('tap');
    await until(() => wx.audios[0]?.state === 'playing', 'the voice to play');
    expect(wx.audios[0].src).toBe(voice.url);
  });

  it('shows no player when there is no voice', async () => {
    host.answer('case.get', ok(caseDetail()));
    const page = await opened();
    expect(page.querySelector('.case-voice')).toBeUndefined();
    expect(textOf(page)).not.toContain('语音');
  });
});
