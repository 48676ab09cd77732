import { caseSubmissionSchema, NOTHING_TO_SAY } from './case.input';

const valid = {
  category: 'help',
  title: '路灯不亮',
  content: '华富村三号楼旁的路灯坏了两周。',
  requestId: 'req_2026-11-21_a',
  stationId: 'st-ft-hf',
};

const check = (input: unknown) => caseSubmissionSchema(input, '');
const refused = (patch: Record<string, unknown>) => check({ ...valid, ...patch });

describe('a case submission', () => {
  it('accepts the minimum and fills nothing in', () => {
    expect(check(valid)).toEqual({ ok: true, value: valid });
  });

  it('accepts everything optional', () => {
    const full = {
      ...valid,
      photoFileIds: ['cloud://env-1.6465-env-1/cases/a.jpg'],
      location: { latitude: 22.55, longitude: 114.06, address: '福田区华富街道华富村' },
      contact: { name: '王女士', phone: '13812345678' },
      anonymous: true,
      deputyId: 'dp-001',
    };
    expect(check(full)).toEqual({ ok: true, value: full });
  });

  it('trims what it stores', () => {
    const result = check({ ...valid, title: '  路灯不亮  ' });
    expect(result.ok && result.value.title).toBe('路灯不亮');
  });

  it.each([
    ['category', { category: '投诉' }],
    ['category', { category: 'praise' }],
    ['title', { title: '路灯' }],
    ['title', { title: '   路灯  ' }],
    ['title', { title: 42 }],
    ['title', { title: '长'.repeat(41) }],
    ['content', { content: '太短了' }],
    ['content', { content: '字'.repeat(1001) }],
    ['photoFileIds', { photoFileIds: 'cloud://env/a.jpg' }],
    ['photoFileIds', { photoFileIds: Array.from({ length: 7 }, (_, i) => `cloud://env/p${i}.jpg`) }],
    ['photoFileIds.1', { photoFileIds: ['cloud://env/a.jpg', 'https://evil.example/a.jpg'] }],
    ['photoFileIds.0', { photoFileIds: [{ $regex: '.*' }] }],
    ['location.latitude', { location: { latitude: 91, longitude: 114 } }],
    ['location.longitude', { location: { latitude: 22, longitude: -181 } }],
    ['location.longitude', { location: { latitude: 22, longitude: '114' } }],
    ['location.address', { location: { latitude: 22, longitude: 114, address: '址'.repeat(101) } }],
    ['contact.name', { contact: { name: '名'.repeat(21) } }],
    ['anonymous', { anonymous: 'true' }],
    ['anonymous', { anonymous: 1 }],
    ['stationId', { stationId: undefined }],
    ['stationId', { stationId: { $ne: null } }],
    ['stationId', { stationId: 'st ft' }],
    ['deputyId', { deputyId: { $exists: true } }],
    ['target', { target: { stationId: 'st-ft-hf' } }],
    ['requestId', { requestId: 'short' }],
    ['requestId', { requestId: 'r'.repeat(65) }],
    ['requestId', { requestId: 'has space ok' }],
    ['requestId', { requestId: { $gt: '' } }],
    ['status', { status: 'closed' }],
    ['ownerOpenid', { ownerOpenid: 'someone-else' }],
  ])('refuses at %s: %j', (field, patch) => {
    const result = refused(patch);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.reason).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses bodies that are not objects and prototype keys', () => {
    for (const input of [null, [], '{}', 42]) expect(check(input).ok).toBe(false);
    expect(check(JSON.parse(`{"__proto__":{"admin":true},"category":"help"}`))).toMatchObject({ ok: false, field: '__proto__' });
  });

  it.each([
    ['👍👍👍👍', true], // four emoji are four characters: a valid title
    ['👍👍👍', false],
    ['😀'.repeat(40), true],
    ['😀'.repeat(41), false],
  ])('counts an emoji as one character: title %s ok = %s', (title, ok) => {
    expect(refused({ title }).ok).toBe(ok);
  });

  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false], // 12x is not a mobile prefix
    ['10012345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['+8613812345678', false],
    ['138 1234 5678', false],
    ['138-1234-5678', false],
    ['１３８１２３４５６７８', false], // full-width digits
    ['0755-83123456', false], // landline
    [13812345678, false], // a number, not text
  ])('phone %s ok = %s', (phone, ok) => {
    const result = refused({ contact: { phone } });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.field).toBe('contact.phone');
  });

  describe('invisible text', () => {
    const ZW = '\u200b';
    // A title that shows nothing is no title: the case gets one made from its text (case.title.ts).
    it.each([
      ['      '],
      [ZW.repeat(4)],
      ['\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u00ad\u180e'],
      ['\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069'],
      ['\ufe0f\ufe0f\ufe0f\ufe0f'],
      ['\u3164\u3164\u3164\u3164'],
    ])('reads a title of only blanks or invisible characters as none: %j', (title) => {
      const { title: _title, ...untitled } = valid;
      expect(refused({ title })).toEqual({ ok: true, value: untitled });
    });

    it.each([
      ['title', { title: `路${ZW}灯${ZW}亮` }, '标题至少 4 个字'],
      ['title', { title: '\u202e路灯亮' }, '标题至少 4 个字'],
      ['content', { content: ZW.repeat(20) }, NOTHING_TO_SAY],
      ['content', { content: `灯${ZW.repeat(30)}坏了` }, '内容至少 10 个字'],
      ['location.address', { location: { latitude: 22, longitude: 114, address: ZW } }, '请填写地址'],
      ['contact.name', { contact: { name: '\u202e\u202c' } }, '请填写联系人'],
    ])('refuses at %s text that shows too little: %j', (field, patch, reason) => {
      expect(refused(patch)).toEqual({ ok: false, field, reason });
    });

    it('stores the text without what renders nothing', () => {
      const result = check({ ...valid, title: `\u202e路灯${ZW}不亮\u202c`, content: `\ufeff${valid.content}${ZW}`, contact: { name: '王\u200d女士' } });
      expect(result).toEqual({ ok: true, value: { ...valid, title: '路灯不亮', content: valid.content, contact: { name: '王女士' } } });
    });

    it('counts the limit on what is stored: zero-width padding does not make a title too long', () => {
      expect(check({ ...valid, title: `${'长'.repeat(40)}${ZW.repeat(100)}` })).toMatchObject({ ok: true, value: { title: '长'.repeat(40) } });
    });
  });

  describe('optional title, category and text (a voice message instead)', () => {
    const voice = { fileId: 'cloud://env-1.6465-env-1/cases/2026/11/0123456789abcdef0123456789abcdef.mp3', durationSec: 42 };
    const bare = { requestId: valid.requestId, stationId: valid.stationId };

    it('takes a voice message alone: no title, no category, no text', () => {
      expect(check({ ...bare, voice })).toEqual({ ok: true, value: { ...bare, voice } });
    });

    it('takes text alone when it says enough, with neither title nor category', () => {
      expect(check({ ...bare, content: valid.content })).toEqual({ ok: true, value: { ...bare, content: valid.content } });
    });

    it('takes a short text beside a voice message, and reads blank text as none', () => {
      expect(check({ ...bare, voice, content: '三号楼' })).toEqual({ ok: true, value: { ...bare, voice, content: '三号楼' } });
      expect(check({ ...bare, voice, content: '   ', title: '' })).toEqual({ ok: true, value: { ...bare, voice } });
    });

    it('takes 不确定 as a category the resident may pick', () => {
      expect(check({ ...valid, category: 'unsure' })).toMatchObject({ ok: true, value: { category: 'unsure' } });
    });

    it.each([
      [{}, 'content', NOTHING_TO_SAY],
      [{ content: '', title: '三号楼路灯不亮' }, 'content', NOTHING_TO_SAY],
      [{ content: null }, 'content', NOTHING_TO_SAY],
      [{ content: '灯坏了' }, 'content', '内容至少 10 个字'],
    ])('needs text or a voice message: %j', (patch, field, reason) => {
      expect(check({ ...bare, ...patch })).toEqual({ ok: false, field, reason });
    });

    it.each([
      [1, true],
      [60, true],
      [0, '语音太短，请重新录一遍'],
      [61, '语音最长 60 秒，请重新录制'],
      [12.5, '语音时长必须是整数'],
      ['42', '语音时长必须是数字'],
      [Number.NaN, '语音时长必须是数字'],
      [undefined, '语音时长必须是数字'],
    ])('a voice message of %p seconds: %p', (durationSec, answer) => {
      const result = check({ ...bare, voice: { ...voice, durationSec } });
      expect(result).toEqual(answer === true ? { ok: true, value: { ...bare, voice: { ...voice, durationSec } } } : { ok: false, field: 'voice.durationSec', reason: answer });
    });

    it.each([
      ['voice.fileId', { fileId: 'https://evil.example/a.mp3', durationSec: 5 }],
      ['voice.fileId', { fileId: { $regex: '.*' }, durationSec: 5 }],
      ['voice.fileId', { durationSec: 5 }],
      ['voice.at', { ...voice, at: 'now' }],
      ['voice', 'cloud://env/a.mp3'],
    ])('refuses at %s a voice message of %j', (field, bad) => {
      expect(check({ ...bare, voice: bad })).toMatchObject({ ok: false, field });
    });
  });

  it('takes up to 6 photos', () => {
    expect(refused({ photoFileIds: Array.from({ length: 6 }, (_, i) => `cloud://env/p${i}.jpg`) }).ok).toBe(true);
    expect(refused({ photoFileIds: [] }).ok).toBe(true);
  });
});
