/**
 * The 留言 form with a voice message and the optional title and category: what is asked for,
 * what is sent, what is kept. Pure; the server's own check is the oracle for what it accepts.
 */
import { caseSubmissionSchema } from '../../backend/domain/case/case.input';
import * as compose from '../../miniprogram/packages/case/compose/view-model';
import type { ComposeForm } from '../../miniprogram/packages/case/compose/view-model';
import { voiceGate } from '../../miniprogram/packages/case/compose/voice-gate';
import type { RecorderPhase } from '../../miniprogram/components/voice-recorder/recording';

const form = (over: Partial<ComposeForm> = {}): ComposeForm => ({ ...compose.EMPTY_FORM, ...over });
const noPhotos = { uploading: 0, failed: 0 };
const voice = { fileId: 'cloud://local-dev.6c6f-local-dev-1250000000/cases/2026/11/0123456789abcdef0123456789abcdef.mp3', url: 'wxfile://tmp/a.mp3', durationSec: 23 };
const ctx = { stationId: 'st-1', requestId: 'k3x9c1q8m2z7p4v6b0n5t1ra', photos: [] };
const phase = (p: RecorderPhase) => ({ phase: p });

describe('留言 form with a voice message', () => {
  it('starts with the category 不确定 and nothing else chosen', () => {
    expect(compose.EMPTY_FORM.category).toBe('unsure');
    expect(compose.CATEGORY_OPTIONS.map((o) => o.label)).toEqual(['意见', '建议', '求助', '投诉', '不确定']);
    expect(compose.isBlank(compose.toDraft(compose.EMPTY_FORM, { requestId: ctx.requestId, photos: [] }))).toBe(true);
  });

  it.each([
    ['nothing at all', {}, 'idle', { content: '请写下或录下您遇到的问题' }],
    ['spaces only', { content: '   ' }, 'idle', { content: '请写下或录下您遇到的问题' }],
    ['a voice alone', {}, 'ready', {}],
    ['a voice still recording (the submit stops and waits for it)', {}, 'recording', {}],
    ['a voice still uploading (the submit waits for it)', {}, 'uploading', {}],
    ['a voice whose upload failed', {}, 'failed', { content: '请写下或录下您遇到的问题', voice: '语音上传失败，请点「重新上传」或删除语音' }],
    ['a short note beside a voice', { content: '见语音' }, 'ready', {}],
    ['a short note alone', { content: '见语音' }, 'idle', { content: '内容至少 10 个字' }],
    ['a too-long text beside a voice', { content: '长'.repeat(1001) }, 'ready', { content: '内容不能超过 1000 个字' }],
    ['a too-short title beside a voice', { title: '灯' }, 'ready', { title: '标题至少 4 个字' }],
  ] as const)('with %s asks for %p', (_what, over, voicePhase, errors) => {
    expect(compose.validateCase(form(over), noPhotos, phase(voicePhase))).toEqual(errors);
  });

  // The server is the oracle: what the form lets through, it takes; what the form refuses, it refuses in the same words.
  it.each([
    ['a voice alone', {}, true],
    ['a short note beside a voice', { content: '见语音' }, true],
    ['a chosen category and a title beside a voice', { category: 'complaint' as const, title: '楼道灯坏了' }, true],
    ['a too-short title beside a voice', { title: '灯' }, false],
  ])('agrees with the server on %s', (_what, over, accepted) => {
    const input = compose.toSubmitInput(form(over), { ...ctx, voice });
    const server = caseSubmissionSchema(input, '');
    const client = compose.validateCase(form(over), noPhotos, phase('ready'));
    expect(server.ok).toBe(accepted);
    expect(Object.keys(client).length === 0).toBe(accepted);
    if (!server.ok) expect(Object.values(client)).toEqual([server.reason]);
  });

  it('agrees with the server that something must be said', () => {
    const server = caseSubmissionSchema(compose.toSubmitInput(form(), ctx), '');
    expect(server).toEqual({ ok: false, field: 'content', reason: compose.NOTHING_TO_SAY });
    expect(compose.validateCase(form(), noPhotos)).toEqual({ content: compose.NOTHING_TO_SAY });
  });

  it('sends the voice as its file id and whole seconds, and leaves out what was left empty', () => {
    expect(compose.toSubmitInput(form(), { ...ctx, voice })).toEqual({
      requestId: ctx.requestId,
      stationId: 'st-1',
      voice: { fileId: voice.fileId, durationSec: 23 },
      anonymous: false,
      public: true,
    });
    expect(compose.toSubmitInput(form({ category: 'help', title: ' 灯坏了吧 ', content: ' 见语音 ' }), { ...ctx, voice: null })).toEqual({
      requestId: ctx.requestId,
      stationId: 'st-1',
      category: 'help',
      title: '灯坏了吧',
      content: '见语音',
      anonymous: false,
      public: true,
    });
  });

  it('keeps a voice in the draft, and gives it back as the recorder’s starting value', () => {
    const draft = compose.toDraft(form(), { requestId: ctx.requestId, photos: [], voice });
    expect(draft.voice).toEqual(voice);
    expect(compose.isBlank(draft)).toBe(false);
    expect(compose.isCaseDraft(draft)).toBe(true);
    const station = { name: '华富街道人大代表联络站', deputies: [] };
    expect(compose.openedView(station, draft, undefined).initialVoice).toEqual(voice);
    expect(compose.openedView(station, undefined, undefined).initialVoice).toBeNull();
  });

  it('reads a draft kept before the category could be left open as 不确定', () => {
    const old = { ...compose.toDraft(form({ content: '楼道灯坏了两个星期，很危险' }), { requestId: ctx.requestId, photos: [] }), category: '' as const };
    expect(compose.isCaseDraft(old)).toBe(true);
    expect(compose.openedView({ name: '站', deputies: [] }, old, undefined).form.category).toBe('unsure');
    expect(compose.isBlank({ ...old, content: '' })).toBe(true);
  });

  it.each([
    ['voice', 'voice'],
    ['voice.durationSec', 'voice'],
    ['voice.fileId', 'voice'],
    ['content', 'content'],
  ])('puts a server refusal on %p under %p', (serverField, field) => {
    expect(compose.fieldOf(serverField)).toBe(field);
  });

  it('names the first problem in the order the form shows its fields: what happened first', () => {
    expect(compose.firstError({ title: '标题至少 4 个字', content: compose.NOTHING_TO_SAY })).toBe(compose.NOTHING_TO_SAY);
    expect(compose.firstError({ contactPhone: '请填写 11 位手机号', voice: '语音上传失败，请点「重新上传」或删除语音' })).toBe('语音上传失败，请点「重新上传」或删除语音');
  });
});

describe('waiting for the voice', () => {
  it('answers at once when nothing is on its way', async () => {
    await expect(voiceGate().settled()).resolves.toEqual({ phase: 'idle', voice: null });
  });

  it('waits through recording and uploading, and answers how it ended', async () => {
    const gate = voiceGate({ phase: 'recording', voice: null });
    let settled: unknown;
    void gate.settled().then((summary) => (settled = summary));
    gate.update({ phase: 'uploading', voice: null });
    // The gate is promises only: one macrotask later, whatever it would settle has settled.
    await new Promise(setImmediate);
    expect(settled).toBeUndefined();
    gate.update({ phase: 'ready', voice });
    await new Promise(setImmediate);
    expect(settled).toEqual({ phase: 'ready', voice });
  });
});
