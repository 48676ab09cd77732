/**
 * Voice messages (语音留言) and the optional title and category, through the function host, the
 * real SDK and the emulator: a resident records instead of typing, the case is titled and
 * categorised for them, the handler plays it, and the officer chooses the category on accepting.
 */
import { shanghaiDate } from '../../backend/domain/calendar';
import type { CaseDetail } from '../../typings/case';
import { readPdf } from '../support/pdf-reader';
import { caseDocument, DEPUTY, DEPUTY_ID, newRequestId, OFFICER, ref, STATION } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { uploadedPhoto } from './photos';
import { mp3Bytes, uploadedVoice } from './voice';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
}, 120_000);

afterAll(() => backend?.close());

/** What a resident sends who only pressed 按住说话: no title, no category, no text. */
const voiceOnly = (fileId: string, durationSec = 42) => ({ requestId: newRequestId(), stationId: STATION, voice: { fileId, durationSec } });

const casesOf = async (openid: string) => (await backend.db.collection('cases').where({ ownerOpenid: openid }).get()).data;
const uploadRecord = async (fileId: string) => {
  const name = /([0-9a-f]{32})\.[a-z0-9]+$/.exec(fileId)![1];
  return (await backend.db.collection('uploads').where({ _id: name }).get()).data[0];
};
const wxCalls = (byAction: Record<string, number>) => Object.keys(byAction).filter((action) => action.startsWith('wx.'));

describe('a voice message instead of text', () => {
  it('makes a case titled 语音留言, category 不确定, that the officer can play', async () => {
    const resident = newOpenid();
    const fileId = await uploadedVoice(backend, resident, { seconds: 60 });
    const { caseId } = await backend.data('case', 'submit', voiceOnly(fileId, 60), resident);

    const stored = await caseDocument(backend, caseId);
    expect(stored).toMatchObject({ title: '语音留言', category: 'unsure', content: '', voice: { fileId, durationSec: 60 }, photoFileIds: [] });
    expect(await uploadRecord(fileId)).toMatchObject({ caseId, usedAt: expect.anything() });

    const handler: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);
    expect(handler).toMatchObject({ title: '语音留言', category: 'unsure', content: '' });
    expect(handler.voice).toEqual({ fileId, url: expect.stringMatching(/^http/), durationSec: 60 });
    const played = await fetch(handler.voice!.url);
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/mpeg');
    // A minute of the recorder's mp3 stays under 1 MB, far inside the upload route's limit.
    expect(Number((await played.arrayBuffer()).byteLength)).toBeLessThan(1024 * 1024);
    expect(mp3Bytes(60).length).toBeGreaterThan(900 * 1024);

    const own: CaseDetail = await backend.data('case', 'get', { caseId }, resident);
    expect(own.voice).toEqual({ fileId, url: expect.stringMatching(/^http/), durationSec: 60 });
  });

  it('spends no content check on a case with no text, and still checks what text there is', async () => {
    const resident = newOpenid();
    const fileId = await uploadedVoice(backend, resident);
    const silent = await backend.roundTrips(() => backend.data('case', 'submit', voiceOnly(fileId), resident));
    expect(wxCalls(silent.byAction)).toEqual([]);

    const typed = await uploadedVoice(backend, resident);
    const withText = await backend.roundTrips(() => backend.data('case', 'submit', { ...voiceOnly(typed), content: '三号楼的路灯' }, resident));
    expect(wxCalls(withText.byAction)).not.toEqual([]);

    const risky = await uploadedVoice(backend, resident);
    const answer = await backend.call('case', 'submit', { ...voiceOnly(risky), title: '网上赌场注册送彩金，稳赚不赔' }, resident);
    expect(answer).toEqual({ ok: false, error: { code: 'CONTENT_RISKY', message: expect.stringMatching(/不适宜发布/) } });
    // Refused before anything was written: the recording may still go into a message.
    expect(await uploadRecord(risky)).not.toHaveProperty('usedAt');
  });

  it('shows the voice message to the deputy it is addressed to, as photos are', async () => {
    const resident = newOpenid();
    const fileId = await uploadedVoice(backend, resident, { extension: 'aac' });
    const { caseId } = await backend.data('case', 'submit', { ...voiceOnly(fileId, 7), deputyId: DEPUTY_ID }, resident);
    const detail: CaseDetail = await backend.data('case', 'get', { caseId }, DEPUTY);
    expect(detail.voice).toEqual({ fileId, url: expect.stringMatching(/^http/), durationSec: 7 });
    expect(await backend.call('case', 'get', { caseId }, newOpenid())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('claims the voice message and the photos of one case together', async () => {
    const resident = newOpenid();
    const [photo, voice] = [await uploadedPhoto(backend, resident), await uploadedVoice(backend, resident)];
    const { caseId } = await backend.data('case', 'submit', { ...voiceOnly(voice), photoFileIds: [photo] }, resident);
    expect(await uploadRecord(photo)).toMatchObject({ caseId });
    expect(await uploadRecord(voice)).toMatchObject({ caseId });
    const detail: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);
    expect(detail.photos).toEqual([{ fileId: photo, url: expect.stringMatching(/^http/) }]);
    expect(detail.voice?.fileId).toBe(voice);
  });
});

describe('a voice message that may not go in', () => {
  it.each([
    [61, '语音最长 60 秒，请重新录制'],
    [0, '语音太短，请重新录一遍'],
    [12.5, '语音时长必须是整数'],
  ])('refuses %p seconds, stores nothing and leaves the recording unused', async (durationSec, message) => {
    const resident = newOpenid();
    const fileId = await uploadedVoice(backend, resident);
    const answer = await backend.call('case', 'submit', voiceOnly(fileId, durationSec), resident);
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'voice.durationSec', message } });
    expect(await casesOf(resident)).toHaveLength(0);
    expect(await uploadRecord(fileId)).not.toHaveProperty('usedAt');
  });

  it('refuses someone else’s recording, and the same recording twice', async () => {
    const owner = newOpenid();
    const stranger = newOpenid();
    const fileId = await uploadedVoice(backend, owner);
    const stolen = await backend.call('case', 'submit', voiceOnly(fileId), stranger);
    expect(stolen).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'voice.fileId', message: '语音不是您本人录制上传的，请重新录制' } });
    expect(await casesOf(stranger)).toHaveLength(0);

    const { receiptNo } = await backend.data('case', 'submit', voiceOnly(fileId), owner);
    // The same message again is a duplicate, named by its receipt; with other words beside it, the recording is spent.
    const again = await backend.call('case', 'submit', voiceOnly(fileId), owner);
    expect(again).toEqual({ ok: false, error: { code: 'DUPLICATE_CONTENT', message: expect.stringContaining(receiptNo) } });
    const reused = await backend.call('case', 'submit', { ...voiceOnly(fileId), content: '补充一句：在三号楼旁' }, owner);
    expect(reused).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'voice.fileId', message: '这段语音已经发送过，请重新录制' } });
    expect(await casesOf(owner)).toHaveLength(1);
  });

  it('refuses a photo sent as a voice message, and a recording sent as a photo', async () => {
    const resident = newOpenid();
    const photo = await uploadedPhoto(backend, resident);
    const asVoice = await backend.call('case', 'submit', voiceOnly(photo), resident);
    expect(asVoice).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'voice.fileId', message: expect.stringContaining('mp3、aac、m4a、wav') } });

    const voice = await uploadedVoice(backend, resident);
    const asPhoto = await backend.call('case', 'submit', { ...voiceOnly(voice), voice: undefined, content: '三号楼旁的路灯坏了两个星期。', photoFileIds: [voice] }, resident);
    expect(asPhoto).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.0' } });
    expect(await casesOf(resident)).toHaveLength(0);
    expect(await uploadRecord(photo)).not.toHaveProperty('usedAt');
    expect(await uploadRecord(voice)).not.toHaveProperty('usedAt');
  });

  it('refuses a recording issued but never uploaded', async () => {
    const resident = newOpenid();
    const uploaded = await uploadedVoice(backend, resident);
    const { paths } = await backend.data('case', 'uploadPaths', { extensions: ['m4a'] }, resident);
    const never = uploaded.replace(/cases\/.*$/, paths[0].cloudPath);
    const answer = await backend.call('case', 'submit', voiceOnly(never), resident);
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'voice.fileId', message: '语音已失效，请重新录制' } });
  });

  it('needs text or a voice message', async () => {
    const answer = await backend.call('case', 'submit', { requestId: newRequestId(), stationId: STATION, title: '三号楼路灯不亮' }, newOpenid());
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'content', message: '请写下或录下您遇到的问题' } });
  });
});

describe('the optional title and category', () => {
  it('titles a typed case by its first sentence and leaves its category to the officer', async () => {
    const resident = newOpenid();
    const content = '三号楼旁的路灯坏了两个星期！晚上老人出门很不方便，请尽快修理。';
    const { caseId } = await backend.data('case', 'submit', { requestId: newRequestId(), stationId: STATION, content }, resident);
    expect(await caseDocument(backend, caseId)).toMatchObject({ title: '三号楼旁的路灯坏了两个星期', category: 'unsure', content });
    // Leaving the title out does not make the same text new.
    const again = await backend.call('case', 'submit', { requestId: newRequestId(), stationId: STATION, content }, resident);
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CONTENT' } });
  });

  it('lets the officer choose the category on accepting, on the timeline as theirs', async () => {
    const resident = newOpenid();
    const { caseId } = await backend.data('case', 'submit', voiceOnly(await uploadedVoice(backend, resident)), resident);
    const submitted: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);

    const unsure = await backend.call('case', 'accept', { ...ref(submitted), category: 'unsure' as never }, OFFICER);
    expect(unsure).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'category' } });

    const accepted: CaseDetail = await backend.data('case', 'accept', { ...ref(submitted), category: 'complaint' }, OFFICER);
    expect(accepted).toMatchObject({ status: 'accepted', category: 'complaint' });
    // The answer to a command shows the recording too (built from the write, not read again).
    expect(accepted.voice).toEqual({ fileId: submitted.voice!.fileId, url: expect.stringMatching(/^http/), durationSec: 42 });
    const event = accepted.timeline.find((entry) => entry.kind === 'accepted')!;
    expect(event).toMatchObject({ actorRole: 'officer', actorName: expect.stringMatching(/\S/), data: { category: 'complaint', previousCategory: 'unsure' } });
    expect((await backend.data('case', 'get', { caseId }, resident)).category).toBe('complaint');
  });

  it('sends a voice-only case on in a 代表函 that says there is a recording, rather than a blank request', async () => {
    const resident = newOpenid();
    const { caseId } = await backend.data('case', 'submit', voiceOnly(await uploadedVoice(backend, resident), 35), resident);
    const accepted: CaseDetail = await backend.data('case', 'accept', { ...ref(await backend.data('case', 'get', { caseId }, OFFICER)), category: 'help' }, OFFICER);
    const deadline = shanghaiDate(new Date(Date.now() + 20 * 86_400_000));
    await backend.data('case', 'transfer', { ...ref(accepted), route: 'district_committee', receivingBody: '福田区住房和建设局', deadline }, OFFICER);
    const { url } = await backend.data('case', 'letter', { caseId }, OFFICER);
    const letter = (await readPdf(new Uint8Array(await (await fetch(url)).arrayBuffer()))).text.replace(/\s/g, '');
    expect(letter).toContain('标题：语音留言');
    expect(letter).toContain('反映内容：（群众以语音留言反映，时长35秒，可向联络站调听。）');
  });

  it('accepts a 不确定 case without a category, which stays 不确定', async () => {
    const resident = newOpenid();
    const { caseId } = await backend.data('case', 'submit', voiceOnly(await uploadedVoice(backend, resident)), resident);
    const submitted: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);
    const accepted: CaseDetail = await backend.data('case', 'accept', ref(submitted), OFFICER);
    expect(accepted).toMatchObject({ status: 'accepted', category: 'unsure' });
  });
});
