/** The services behind the 留言 page: idempotency keys, drafts, subscription prompts, voice uploads. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SubscribeResults } from '../../typings/case';
import { config } from '../../miniprogram/config';
import { isCaseVoiceId } from '../../backend/platform/storage';
import { submission } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { isCaseDraft } from '../../miniprogram/packages/case/compose/view-model';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';

// Required, not imported: these modules use the global `wx`, which only miniprogram/tsconfig.json types.
const { newRequestId, encode } = require('../../miniprogram/services/request-id') as {
  newRequestId(): Promise<string>;
  encode(bytes: ArrayLike<number> | undefined): string;
};
const drafts = require('../../miniprogram/services/draft') as {
  loadDraft<T>(kind: string, key: string, isDraft: (value: unknown) => value is T): T | undefined;
  saveDraft(kind: string, key: string, draft: unknown): void;
  clearDraft(kind: string, key: string): void;
};
type NoticeIds = { caseStatusChanged: string; caseReplied: string; receptionReminder: string };
const { askForNotices, loadNoticeTemplates, useNoticeTemplates } = require('../../miniprogram/services/subscribe') as {
  askForNotices(kinds: ('caseStatusChanged' | 'caseReplied' | 'receptionReminder')[]): Promise<SubscribeResults>;
  loadNoticeTemplates(refresh?: boolean): Promise<void>;
  useNoticeTemplates(ids: Partial<NoticeIds>): void;
};
const { uploadVoice, audioExtensionOf } = require('../../miniprogram/services/storage') as {
  uploadVoice(localPath: string): Promise<any>;
  audioExtensionOf(filePath: string): string;
};

const REQUEST_ID = /^[0-9a-z]{24}$/;

describe('request ids', () => {
  let wx: WxPlatform;
  beforeEach(() => {
    wx = createWxPlatform();
    wx.install();
  });

  it('are 24 base-36 characters from wx.getRandomValues, different every time', async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, () => newRequestId()));
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect(new Set(ids).size).toBe(50);
  });

  it('fall back to Math.random when the device has no wx.getRandomValues, or it fails', async () => {
    const g = globalThis as unknown as { wx: Record<string, unknown> };
    const original = g.wx.getRandomValues;
    g.wx.getRandomValues = undefined;
    await expect(newRequestId()).resolves.toMatch(REQUEST_ID);
    g.wx.getRandomValues = (o: { fail(e: { errMsg: string }): void }) => o.fail({ errMsg: 'getRandomValues:fail' });
    await expect(newRequestId()).resolves.toMatch(REQUEST_ID);
    g.wx.getRandomValues = original;
  });

  it.each([
    ['bytes mapped onto 0-9a-z', [0, 1, 10, 35, 36, 71], '01az0z'],
    ['bytes of 252 and up skipped (they would favour 0-3)', [252, 255, 5], '5'],
  ])('encode: %s', (_what, bytes, prefix) => {
    const id = encode(bytes);
    expect(id.startsWith(prefix)).toBe(true);
    expect(id).toMatch(REQUEST_ID);
  });
});

describe('case drafts', () => {
  let wx: WxPlatform;
  const draft = {
    requestId: 'k3x9c1q8m2z7p4v6b0n5t1ra',
    deputyId: 'dp-001',
    category: 'help' as const,
    title: '楼道灯坏了',
    content: '',
    photos: [{ fileId: 'cloud://env/a.jpg', url: 'wxfile://a.jpg' }],
    contactName: '',
    contactPhone: '',
    anonymous: false,
  };
  beforeEach(() => {
    wx = createWxPlatform();
    wx.install();
  });

  it('keep a voice message with its file id, local file and length', () => {
    const withVoice = { ...draft, voice: { fileId: 'cloud://env/cases/a.mp3', url: 'wxfile://tmp/a.mp3', durationSec: 23 } };
    drafts.saveDraft('case', 'st-1', withVoice);
    expect(drafts.loadDraft('case', 'st-1', isCaseDraft)).toEqual(withVoice);
  });

  it('are kept per station and cleared', () => {
    drafts.saveDraft('case', 'st-1', draft);
    expect(wx.storage.get('case-draft:st-1')).toMatchObject({ version: 1, draft });
    expect(drafts.loadDraft('case', 'st-1', isCaseDraft)).toEqual(draft);
    expect(drafts.loadDraft('case', 'st-2', isCaseDraft)).toBeUndefined();
    drafts.clearDraft('case', 'st-1');
    expect(drafts.loadDraft('case', 'st-1', isCaseDraft)).toBeUndefined();
  });

  it.each([
    ['nothing', ''],
    ['another version', { version: 0, savedAt: 1, draft }],
    ['a bad request id', { version: 1, savedAt: 1, draft: { ...draft, requestId: 'x' } }],
    ['photos that are not photos', { version: 1, savedAt: 1, draft: { ...draft, photos: ['a.jpg'] } }],
    ['a missing field', { version: 1, savedAt: 1, draft: { ...draft, title: undefined } }],
    ['a location without coordinates', { version: 1, savedAt: 1, draft: { ...draft, location: { address: '莲花北村' } } }],
    ['a voice without its file id', { version: 1, savedAt: 1, draft: { ...draft, voice: { url: 'wxfile://a.mp3', durationSec: 12 } } }],
    ['a voice over a minute', { version: 1, savedAt: 1, draft: { ...draft, voice: { fileId: 'cloud://env/a.mp3', url: 'wxfile://a.mp3', durationSec: 61 } } }],
  ])('ignore %s found in storage', (_what, stored) => {
    wx.storage.set('case-draft:st-1', stored);
    expect(drafts.loadDraft('case', 'st-1', isCaseDraft)).toBeUndefined();
  });

  it('carry on when storage is full: the form is still on screen', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const g = globalThis as unknown as { wx: Record<string, unknown> };
    g.wx.setStorageSync = () => {
      throw new Error('setStorageSync:fail exceed storage max size 10Mb');
    };
    expect(() => drafts.saveDraft('case', 'st-1', draft)).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('subscription prompts', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  const templates = { caseStatusChanged: 'tmpl-status', caseReplied: 'tmpl-reply', receptionReminder: '' };

  beforeAll(async () => {
    host = await startFunctionHostStub();
  });
  afterAll(() => host.close());
  beforeEach(() => {
    Object.assign(config, { mode: 'local', localHost: host.url, localOpenid: 'odemo-resident' });
    useNoticeTemplates(templates);
    host.calls.length = 0;
    host.otherRequests.length = 0;
    host.answer('subscription.record', { ok: true, data: { remaining: { 'tmpl-status': 1 } } });
    wx = createWxPlatform();
    wx.install();
  });

  it('ask for the configured templates, tell the local WeChat stand-in, then the server', async () => {
    wx.subscribe = { 'tmpl-status': 'accept', 'tmpl-reply': 'reject' };
    await expect(askForNotices(['caseStatusChanged', 'caseReplied', 'receptionReminder'])).resolves.toEqual({
      'tmpl-status': 'accept',
      'tmpl-reply': 'reject',
    });
    expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([['tmpl-status', 'tmpl-reply']]);
    expect(host.otherRequests).toEqual([
      { method: 'POST', path: '/_emulator/wx/subscriptions', body: { openid: 'odemo-resident', results: { 'tmpl-status': 'accept', 'tmpl-reply': 'reject' } } },
    ]);
    expect(host.calls).toEqual([{ fn: 'subscription', body: { action: 'record', results: { 'tmpl-status': 'accept', 'tmpl-reply': 'reject' } }, openid: 'odemo-resident' }]);
  });

  it('count an accept with the voice or strong reminder ticked as an accept', async () => {
    wx.subscribe = { 'tmpl-status': 'acceptWithAudio', 'tmpl-reply': 'acceptWithAlert' };
    const both = { 'tmpl-status': 'accept', 'tmpl-reply': 'accept' };
    await expect(askForNotices(['caseStatusChanged', 'caseReplied'])).resolves.toEqual(both);
    expect(host.calls).toEqual([{ fn: 'subscription', body: { action: 'record', results: both }, openid: 'odemo-resident' }]);
  });

  it('learn the template ids from the server, where they are configured once', async () => {
    host.answer('subscription.templates', { ok: true, data: { caseStatusChanged: 'srv-status', caseReplied: 'srv-reply', receptionReminder: 'srv-remind' } });
    await loadNoticeTemplates(true);
    wx.subscribe = { 'srv-reply': 'accept' };
    await expect(askForNotices(['caseReplied'])).resolves.toEqual({ 'srv-reply': 'accept' });
    expect(host.calls[0]).toMatchObject({ fn: 'subscription', body: { action: 'templates' } });
  });

  it('ask nothing while the ids could not be loaded, and try again next time', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    useNoticeTemplates({});
    host.answer('subscription.templates', '<html>502</html>', 502);
    await loadNoticeTemplates(true);
    await expect(askForNotices(['caseReplied'])).resolves.toEqual({});
    host.answer('subscription.templates', { ok: true, data: { caseStatusChanged: 'a', caseReplied: 'b', receptionReminder: 'c' } });
    await loadNoticeTemplates();
    wx.subscribe = { b: 'accept' };
    await expect(askForNotices(['caseReplied'])).resolves.toEqual({ b: 'accept' });
    warn.mockRestore();
  });

  it('do not ask when no template is configured (before deploy)', async () => {
    useNoticeTemplates({ caseStatusChanged: '', caseReplied: '', receptionReminder: '' });
    await expect(askForNotices(['caseStatusChanged', 'caseReplied'])).resolves.toEqual({});
    expect(wx.subscriptionPrompts).toEqual([]);
    expect(host.calls).toEqual([]);
  });

  it('carry on quietly when the person has switched subscription messages off', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    wx.subscribe = { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' };
    await expect(askForNotices(['caseStatusChanged'])).resolves.toEqual({});
    expect(host.calls).toEqual([]);
    warn.mockRestore();
  });

  it('carry on when recording fails: a refusal or an error never blocks what comes next', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    host.answer('subscription.record', '<html>502</html>', 502);
    await expect(askForNotices(['caseStatusChanged'])).resolves.toEqual({ 'tmpl-status': 'accept' });
    warn.mockRestore();
  });

  it('in cloud mode leave the grant to WeChat itself: no emulator call', async () => {
    const cloud = { callFunction: jest.fn().mockResolvedValue({ result: { ok: true, data: { remaining: {} } } }) };
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.cloud = cloud;
    config.mode = 'cloud';
    await askForNotices(['caseReplied']);
    expect(host.otherRequests).toEqual([]);
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'subscription', data: { action: 'record', results: { 'tmpl-reply': 'accept' } } });
  });
});

/** Against the real local back end: the case function issues the path, its storage takes the recording. */
describe('uploading a voice message', () => {
  let backend: Backend;
  let wx: WxPlatform;
  let dir: string;
  let resident: string;
  let warn: jest.SpyInstance;
  const original = { ...config };
  const ISSUED = /^cases\/\d{4}\/\d{2}\/[0-9a-f]{32}\.mp3$/;

  /** What wx.getRecorderManager leaves behind: an MP3 (an ID3 header and some bytes) in a temp file. */
  const recording = (name: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.concat([Buffer.from('ID3'), Buffer.alloc(4096, 7)]));
    return file;
  };
  const pathCalls = () => wx.requests.filter((r) => r.url === `${backend.url}/functions/case`);

  beforeAll(async () => {
    backend = await startBackend({ functions: ['case'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-'));
  }, 180_000);
  afterAll(async () => {
    Object.assign(config, original);
    await backend?.close();
  });
  beforeEach(() => {
    resident = newOpenid('speaker');
    Object.assign(config, { mode: 'local', localHost: backend.url, localOpenid: resident });
    (globalThis as unknown as { wx?: unknown }).wx = undefined;
    wx = createWxPlatform();
    wx.install();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('asks for one path with the recording’s extension, uploads it through the local route, and answers its file id', async () => {
    const file = recording('voice.mp3');
    const outcome = await uploadVoice(file);
    expect(pathCalls()).toEqual([expect.objectContaining({ data: { action: 'uploadPaths', extensions: ['mp3'] } })]);
    expect(wx.uploads).toEqual([
      { url: `${backend.url}/storage/upload`, filePath: file, name: 'file', formData: { cloudPath: expect.stringMatching(ISSUED) }, header: { 'X-WX-OPENID': resident } },
    ]);
    expect(wx.compressions).toEqual([]);
    expect(outcome).toEqual({ ok: true, data: { fileId: `cloud://local-dev.6c6f-local-dev-1250000000/${wx.uploads[0].formData.cloudPath}` } });
    expect(isCaseVoiceId(outcome.data.fileId, 'local-dev')).toBe(true);
  });

  it('answers an id the case function takes as the same person’s voice message, with no text at all', async () => {
    const outcome = await uploadVoice(recording('alone.mp3'));
    const { requestId, stationId } = submission();
    const answer = await backend.call('case', 'submit', { requestId, stationId, voice: { fileId: outcome.data.fileId, durationSec: 23 } }, resident);
    expect(answer).toMatchObject({ ok: true });
  });

  it('asks for a fresh path on every retry', async () => {
    const file = recording('again.mp3');
    await uploadVoice(file);
    await uploadVoice(file);
    expect(new Set(wx.uploads.map((u) => u.formData.cloudPath)).size).toBe(2);
  });

  it.each([
    ['the back end not running', () => void (config.localHost = 'http://127.0.0.1:9')],
    ['no caller (no path issued)', () => void (config.localOpenid = '')],
  ])('answers its own Chinese sentence with %s, never throwing', async (_what, arrange) => {
    arrange();
    await expect(uploadVoice(recording('offline.mp3'))).resolves.toEqual({ ok: false, error: { code: expect.any(String), message: '语音上传失败，请重试' } });
  });

  it.each([
    ['wxfile://tmp_a1b2.mp3', 'mp3'],
    ['wxfile://tmp_a1b2.AAC', 'aac'],
    ['/var/mobile/rec.m4a', 'm4a'],
    ['wxfile://tmp_a1b2', 'mp3'],
    ['wxfile://tmp_a1b2.jpg', 'mp3'],
  ])('names %p an %p upload', (file, extension) => {
    expect(audioExtensionOf(file)).toBe(extension);
  });
});
