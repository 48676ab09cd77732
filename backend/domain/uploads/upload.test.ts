import { claimRefusal, claimRefusalMessage, issueUploads, uploadIdOf, UPLOAD_RULES, withinUploadAllowance } from './upload.rules';
import type { IssuedUpload } from './upload.rules';
import { uploadPathsSchema } from './upload.input';

const NAME = '0123456789abcdef0123456789abcdef';
const names =
  (...list: string[]) =>
  () =>
    list.shift()!;

describe('issuing upload paths', () => {
  it('draws one path per extension under cases/<yyyy>/<mm>/ in Shanghai’s month, valid for 7 days', () => {
    // 16:30 UTC on 31 October is already 1 November in Shanghai.
    const now = new Date('2026-10-31T16:30:00Z');
    const issued = issueUploads('o-resident', ['jpg', 'png'], now, names(NAME, 'ffffffffffffffffffffffffffffffff'));
    expect(issued).toEqual([
      { id: NAME, cloudPath: `cases/2026/11/${NAME}.jpg`, ownerOpenid: 'o-resident', issuedAt: now, expiresAt: new Date('2026-11-07T16:30:00Z') },
      {
        id: 'ffffffffffffffffffffffffffffffff',
        cloudPath: 'cases/2026/11/ffffffffffffffffffffffffffffffff.png',
        ownerOpenid: 'o-resident',
        issuedAt: now,
        expiresAt: new Date('2026-11-07T16:30:00Z'),
      },
    ]);
  });

  it('issues a voice message its path in the same folder, by the same rules, at its audio extension', () => {
    const now = new Date('2026-11-21T02:00:00Z');
    expect(issueUploads('o-resident', ['aac'], now, names(NAME))).toEqual([
      { id: NAME, cloudPath: `cases/2026/11/${NAME}.aac`, ownerOpenid: 'o-resident', issuedAt: now, expiresAt: new Date('2026-11-28T02:00:00Z') },
    ]);
    expect(uploadIdOf(`cases/2026/11/${NAME}.m4a`)).toBe(NAME);
  });

  it('refuses a name that is not 32 hex digits rather than issue a guessable path', () => {
    expect(() => issueUploads('o', ['jpg'], new Date(), names('lamp'))).toThrow();
  });

  it.each([
    [0, 9, true],
    [51, 9, true],
    [52, 9, false],
    [60, 1, false],
  ])('with %p issued in the last hour, %p more are allowed: %p', (issued, asking, allowed) => {
    expect(UPLOAD_RULES.maxPerHour).toBe(60);
    expect(withinUploadAllowance(issued, asking)).toBe(allowed);
  });

  it('reads the record id back from the path', () => {
    expect(uploadIdOf(`cases/2026/11/${NAME}.jpg`)).toBe(NAME);
    expect(uploadIdOf('cases/2026/11/lamp.jpg')).toBeUndefined();
    expect(uploadIdOf(`cases/2026/11/${NAME.toUpperCase()}.jpg`)).toBeUndefined();
  });
});

describe('who may attach a photo', () => {
  const now = new Date('2026-11-21T02:00:00Z');
  const path = `cases/2026/11/${NAME}.jpg`;
  const upload = (over: Partial<IssuedUpload> = {}): IssuedUpload => ({
    id: NAME,
    cloudPath: path,
    ownerOpenid: 'o-a',
    issuedAt: new Date('2026-11-20T02:00:00Z'),
    expiresAt: new Date('2026-11-27T02:00:00Z'),
    ...over,
  });

  it.each([
    ['the owner, unused, in time', undefined, 'o-a', upload()],
    ['someone else', 'not_yours', 'o-b', upload()],
    ['someone else, even once used', 'not_yours', 'o-b', upload({ usedAt: now, caseId: 'c1' })],
    ['nobody (never issued)', 'not_yours', 'o-a', undefined],
    ['an empty claimant', 'not_yours', '', upload()],
    ['the owner, but a file at another extension of the same name', 'not_yours', 'o-a', upload({ cloudPath: `cases/2026/11/${NAME}.png` })],
    ['the owner, already used', 'used', 'o-a', upload({ usedAt: new Date('2026-11-20T03:00:00Z'), caseId: 'c1' })],
    ['the owner, at the very instant it expires', 'expired', 'o-a', upload({ expiresAt: now })],
    ['the owner, a millisecond before', undefined, 'o-a', upload({ expiresAt: new Date(now.getTime() + 1) })],
  ] as const)('%s → %p', (_label, refusal, claimant, record) => {
    expect(claimRefusal(record, path, claimant, now)).toBe(refusal);
  });

  it('says which photo, counting from one, and what to do', () => {
    expect(claimRefusalMessage('not_yours', 1)).toBe('第 2 张照片不是您本人上传的，请删除后重新添加');
    expect(claimRefusalMessage('used', 0)).toBe('第 1 张照片已经发送过，请删除后重新添加');
    expect(claimRefusalMessage('expired', 5)).toBe('第 6 张照片上传已超过 7 天，请删除后重新添加');
  });

  it('asks for a voice message to be recorded again', () => {
    expect(claimRefusalMessage('not_yours', 'voice')).toBe('语音不是您本人录制上传的，请重新录制');
    expect(claimRefusalMessage('used', 'voice')).toBe('这段语音已经发送过，请重新录制');
    expect(claimRefusalMessage('expired', 'voice')).toBe('语音上传已超过 7 天，请重新录制');
  });
});

describe('uploadPaths input', () => {
  it('takes 1–9 known extensions', () => {
    expect(uploadPathsSchema({ extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif'] }, '')).toEqual({ ok: true, value: { extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif'] } });
  });

  it.each([
    [{}, 'extensions'],
    [{ extensions: [] }, 'extensions'],
    [{ extensions: Array(10).fill('jpg') }, 'extensions'],
    [{ extensions: ['jpg', 'exe'] }, 'extensions.1'],
    [{ extensions: ['JPG'] }, 'extensions.0'],
    [{ extensions: [{ $ne: null }] }, 'extensions.0'],
    [{ extensions: ['jpg'], count: 1 }, 'count'],
    [{ extensions: 'jpg' }, 'extensions'],
  ])('refuses %j on %p', (input, field) => {
    expect(uploadPathsSchema(input, '')).toMatchObject({ ok: false, field });
  });

  it('names the types it takes', () => {
    expect(uploadPathsSchema({ extensions: ['bmp'] }, '')).toEqual({
      ok: false,
      field: 'extensions.0',
      reason: '照片只能是 jpg、jpeg、png、webp、gif 格式，语音只能是 mp3、aac、m4a、wav 格式',
    });
  });

  it('takes the audio types of a voice message, alone or beside photos', () => {
    expect(uploadPathsSchema({ extensions: ['mp3'] }, '')).toEqual({ ok: true, value: { extensions: ['mp3'] } });
    expect(uploadPathsSchema({ extensions: ['jpg', 'aac', 'm4a', 'wav'] }, '')).toEqual({ ok: true, value: { extensions: ['jpg', 'aac', 'm4a', 'wav'] } });
    expect(uploadPathsSchema({ extensions: ['MP3'] }, '')).toMatchObject({ ok: false, field: 'extensions.0' });
    expect(uploadPathsSchema({ extensions: ['ogg'] }, '')).toMatchObject({ ok: false, field: 'extensions.0' });
  });
});
