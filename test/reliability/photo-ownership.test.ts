/**
 * Photos belong to whoever uploaded them, through the function host, the real SDK and the
 * emulator. The attack: resident A's photo is shown to the deputy and the station's officer
 * (they read A's case); anyone holding its file id then tries to attach it to another message —
 * resident B to a case of theirs or a supplement, the deputy and the officer to a reply or a
 * 回访 on B's case — so that B would get a fresh signed link to A's photo. Every such attempt is
 * refused on the photo's field, and the database is left exactly as it was.
 *
 * Expectations come from the product's rule (docs/api.md, Photos), not from the code: a file
 * may go into a message only when its path was issued to the sender, it was uploaded, it has
 * not gone into another message, and its path has not expired (7 days).
 */
import { randomBytes } from 'node:crypto';
import type { CaseDetail } from '../../typings/case';
import { DEPUTY, DEPUTY_ID, OFFICER, ref, submission, submitted } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { postUpload, uploadedPhoto, uploadedPhotos } from '../backend/photos';
import { databaseDigest } from './support/watch';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case'] });
}, 180_000);

afterAll(() => backend?.close());

const NOT_YOURS = (n: number) => `第 ${n} 张照片不是您本人上传的，请删除后重新添加`;
const refusedOn = (field: string, message?: string) => ({ ok: false, error: { code: 'INVALID_INPUT', field, ...(message ? { message } : {}) } });

const detail = (caseId: string, openid: string) => backend.data('case', 'get', { caseId }, openid);
const uploadRecord = async (fileId: string) => {
  const name = /\/([0-9a-f]{32})\.[a-z]+$/.exec(fileId)![1];
  return (await backend.db.collection('uploads').where({ _id: name }).get()).data[0];
};

/** The call answers `expected`, and not a byte of the database changed. */
async function refusedUnchanged(call: () => Promise<unknown>, expected: object): Promise<void> {
  const before = await databaseDigest(backend);
  expect(await call()).toMatchObject(expected);
  const after = await databaseDigest(backend);
  expect(after.sha256).toBe(before.sha256);
  expect(after.changes).toBe(before.changes);
}

/** A case of `owner` at the demo station, accepted and assigned to the demo deputy. */
async function assignedCase(owner: string): Promise<CaseDetail> {
  const { caseId } = await submitted(backend, owner);
  const accepted = await backend.data('case', 'accept', ref(await detail(caseId, OFFICER)), OFFICER);
  return backend.data('case', 'assign', { ...ref(accepted), deputyId: DEPUTY_ID }, OFFICER);
}

describe('a photo goes only into its uploader’s own messages', () => {
  const residentA = newOpenid('photo-a');
  const residentB = newOpenid('photo-b');
  let photoOfA: string;
  let caseOfA: string;

  beforeAll(async () => {
    // A uploads as the mini-program does and sends the photo with a case; the handlers read it.
    photoOfA = await uploadedPhoto(backend, residentA);
    caseOfA = (await submitted(backend, residentA, { photoFileIds: [photoOfA] })).caseId;
  });

  it('keeps A’s photo in A’s case, marks its path used by that case, and shows it to the case’s handlers', async () => {
    expect((await detail(caseOfA, residentA)).photos).toEqual([{ fileId: photoOfA, url: expect.stringMatching(/^http/) }]);
    expect(await uploadRecord(photoOfA)).toMatchObject({ ownerOpenid: residentA, caseId: caseOfA, usedAt: expect.anything() });
    // The station's officer (and later the assigned deputy) is shown the file id: the attack starts here.
    expect((await detail(caseOfA, OFFICER)).photos.map((p) => p.fileId)).toEqual([photoOfA]);
  });

  it('refuses A’s photo in B’s new case, on its place in the list, writing nothing', async () => {
    await refusedUnchanged(() => backend.call('case', 'submit', submission({ photoFileIds: [photoOfA] }), residentB), refusedOn('photoFileIds.0', NOT_YOURS(1)));
    const [own] = await uploadedPhotos(backend, residentB, 1);
    await refusedUnchanged(() => backend.call('case', 'submit', submission({ photoFileIds: [own, photoOfA] }), residentB), refusedOn('photoFileIds.1', NOT_YOURS(2)));
    expect((await backend.db.collection('cases').where({ ownerOpenid: residentB }).get()).data).toEqual([]);
  });

  it('takes B’s own upload, and B then sees only their own photo', async () => {
    const own = await uploadedPhoto(backend, residentB);
    const { caseId } = await submitted(backend, residentB, { photoFileIds: [own] });
    expect((await detail(caseId, residentB)).photos.map((p) => p.fileId)).toEqual([own]);
    expect(await uploadRecord(own)).toMatchObject({ ownerOpenid: residentB, caseId });
  });

  it('refuses A’s photo in B’s supplement', async () => {
    const { caseId } = await submitted(backend, residentB);
    const current = await detail(caseId, residentB);
    await refusedUnchanged(
      () => backend.call('case', 'supplement', { ...ref(current), note: '补充一张照片', photoFileIds: [photoOfA] }, residentB),
      refusedOn('photoFileIds.0', NOT_YOURS(1)),
    );
  });

  it('refuses A’s photo in the assigned deputy’s reply and 回访 on B’s case, and in the officer’s reply', async () => {
    const caseOfB = await assignedCase(residentB);
    // The deputy reads A's case too (assigned to them), so holds the id.
    const aAssigned = await backend.data(
      'case',
      'assign',
      { ...ref(await backend.data('case', 'accept', ref(await detail(caseOfA, OFFICER)), OFFICER)), deputyId: DEPUTY_ID },
      OFFICER,
    );
    expect((await detail(aAssigned.id, DEPUTY)).photos.map((p) => p.fileId)).toEqual([photoOfA]);

    const asDeputy = await detail(caseOfB.id, DEPUTY);
    await refusedUnchanged(
      () => backend.call('case', 'reply', { ...ref(asDeputy), content: '已修复，见照片。', photoFileIds: [photoOfA] }, DEPUTY),
      refusedOn('photoFileIds.0', NOT_YOURS(1)),
    );
    await refusedUnchanged(
      () => backend.call('case', 'followUp', { ...ref(asDeputy), note: '回访：已修复。', photoFileIds: [photoOfA] }, DEPUTY),
      refusedOn('photoFileIds.0', NOT_YOURS(1)),
    );
    await refusedUnchanged(
      () => backend.call('case', 'reply', { ...ref(asDeputy), content: '已修复。', photoFileIds: [photoOfA] }, OFFICER),
      refusedOn('photoFileIds.0', NOT_YOURS(1)),
    );

    // The deputy's own photo goes in, and B is shown that one.
    const deputysOwn = await uploadedPhoto(backend, DEPUTY);
    const replied = await backend.data('case', 'reply', { ...ref(asDeputy), content: '已修复，见照片。', photoFileIds: [deputysOwn] }, DEPUTY);
    expect(replied.timeline.at(-1)).toMatchObject({ kind: 'replied', photos: [{ fileId: deputysOwn, url: expect.stringMatching(/^http/) }] });
    expect(await uploadRecord(deputysOwn)).toMatchObject({ ownerOpenid: DEPUTY, caseId: caseOfB.id });
    const seenByB = await detail(caseOfB.id, residentB);
    expect(JSON.stringify(seenByB)).not.toContain(photoOfA.split('/').pop());
  });

  it('refuses a photo A was issued but has not sent yet, to anyone but A', async () => {
    const [unsent] = await uploadedPhotos(backend, residentA, 1);
    // Someone who never saw it (B has used up this minute's submissions above).
    await refusedUnchanged(() => backend.call('case', 'submit', submission({ photoFileIds: [unsent] }), newOpenid('photo-c')), refusedOn('photoFileIds.0', NOT_YOURS(1)));
    expect(await backend.call('case', 'submit', submission({ photoFileIds: [unsent] }), residentA)).toMatchObject({ ok: true });
  });

  it('refuses A’s own photo a second time (a photo belongs to one message), and twice in one message', async () => {
    const current = await detail(caseOfA, residentA);
    await refusedUnchanged(
      () => backend.call('case', 'supplement', { ...ref(current), note: '再发一次', photoFileIds: [photoOfA] }, residentA),
      refusedOn('photoFileIds.0', '第 1 张照片已经发送过，请删除后重新添加'),
    );
    const fresh = await uploadedPhoto(backend, residentA);
    await refusedUnchanged(
      () => backend.call('case', 'submit', submission({ photoFileIds: [fresh, fresh] }), residentA),
      refusedOn('photoFileIds.1', '第 2 张照片重复了，请删除后再发送'),
    );
  });
});

describe('paths the functions did not issue, or issued too long ago', () => {
  it('refuses a file uploaded straight to a random cases/ path the functions never issued', async () => {
    const resident = newOpenid('photo-direct');
    const month = new Date().toISOString().slice(0, 7).replace('-', '/');
    const { status, body } = await postUpload(backend, resident, `cases/${month}/${randomBytes(16).toString('hex')}.png`);
    expect(status).toBe(200);
    await refusedUnchanged(() => backend.call('case', 'submit', submission({ photoFileIds: [body.fileID] }), resident), refusedOn('photoFileIds.0', NOT_YOURS(1)));
  });

  it('refuses an issued path once it has expired, and a path issued but never uploaded to', async () => {
    const resident = newOpenid('photo-expired');
    const [photo] = await uploadedPhotos(backend, resident, 1);
    const name = /\/([0-9a-f]{32})\.png$/.exec(photo)![1];
    await backend.db
      .collection('uploads')
      .doc(name)
      .update({ expiresAt: new Date(Date.now() - 1000) });
    await refusedUnchanged(
      () => backend.call('case', 'submit', submission({ photoFileIds: [photo] }), resident),
      refusedOn('photoFileIds.0', '第 1 张照片上传已超过 7 天，请删除后重新添加'),
    );

    const { paths } = await backend.data('case', 'uploadPaths', { extensions: ['jpg'] }, resident);
    const neverUploaded = photo.replace(/cases\/.*$/, paths[0].cloudPath);
    await refusedUnchanged(
      () => backend.call('case', 'submit', submission({ photoFileIds: [neverUploaded] }), resident),
      refusedOn('photoFileIds.0', '照片已失效，请重新上传'),
    );
  });
});

describe('claiming a photo is part of the message’s write', () => {
  it('lets exactly one of three simultaneous cases with the same photo keep it', async () => {
    const resident = newOpenid('photo-race');
    const photo = await uploadedPhoto(backend, resident);
    // Warm instances for each call, so the three really overlap (a cold start would serialise them).
    await Promise.all([0, 1, 2].map(() => backend.call('case', 'mine', {}, resident)));
    const answers = await Promise.all([0, 1, 2].map(() => backend.call('case', 'submit', submission({ photoFileIds: [photo] }), resident)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject(refusedOn('photoFileIds.0', '第 1 张照片已经发送过，请删除后重新添加'));
    const cases = (await backend.db.collection('cases').where({ ownerOpenid: resident }).get()).data;
    expect(cases).toHaveLength(1);
    expect(await uploadRecord(photo)).toMatchObject({ caseId: cases[0]._id });
  });

  it('leaves the photo unclaimed when the message itself is refused (a stale version)', async () => {
    const resident = newOpenid('photo-stale');
    const { caseId } = await submitted(backend, resident);
    const current = await detail(caseId, resident);
    const photo = await uploadedPhoto(backend, resident);
    await refusedUnchanged(() => backend.call('case', 'supplement', { caseId, version: current.version + 1, note: '补充', photoFileIds: [photo] }, resident), {
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await uploadRecord(photo)).usedAt).toBeUndefined();
    const after = await backend.data('case', 'supplement', { ...ref(current), note: '补充', photoFileIds: [photo] }, resident);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'supplemented', photos: [{ fileId: photo, url: expect.stringMatching(/^http/) }] });
  });
});

describe('case.uploadPaths', () => {
  it('answers one path per photo in the issued shape, recorded as the caller’s for 7 days', async () => {
    const resident = newOpenid('photo-paths');
    const before = Date.now();
    const { paths } = await backend.data('case', 'uploadPaths', { extensions: ['jpg', 'png', 'webp'] }, resident);
    expect(paths.map((p) => p.cloudPath)).toEqual([
      expect.stringMatching(/^cases\/\d{4}\/\d{2}\/[0-9a-f]{32}\.jpg$/),
      expect.stringMatching(/^cases\/\d{4}\/\d{2}\/[0-9a-f]{32}\.png$/),
      expect.stringMatching(/^cases\/\d{4}\/\d{2}\/[0-9a-f]{32}\.webp$/),
    ]);
    expect(new Set(paths.map((p) => p.cloudPath)).size).toBe(3);
    const expires = Date.parse(paths[0].expiresAt) - before;
    expect(expires).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000 - 1000);
    expect(expires).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);
    const records = (await backend.db.collection('uploads').where({ ownerOpenid: resident }).get()).data;
    expect(records.map((r: any) => r.cloudPath).sort()).toEqual(paths.map((p) => p.cloudPath).sort());
  });

  it('issues at most 60 paths an hour to one person, refusing the rest without writing', async () => {
    const resident = newOpenid('photo-flood');
    for (let i = 0; i < 6; i++) await backend.data('case', 'uploadPaths', { extensions: Array(9).fill('jpg') }, resident);
    await backend.data('case', 'uploadPaths', { extensions: Array(6).fill('jpg') }, resident);
    await refusedUnchanged(() => backend.call('case', 'uploadPaths', { extensions: ['jpg'] }, resident), {
      ok: false,
      error: { code: 'RATE_LIMITED', message: '上传照片太频繁，请稍后再试' },
    });
    // Another person is not held back by it.
    expect(await backend.call('case', 'uploadPaths', { extensions: ['jpg'] }, newOpenid('photo-other'))).toMatchObject({ ok: true });
  });

  it('is for those whose messages carry photos', async () => {
    expect(await backend.call('case', 'uploadPaths', { extensions: ['jpg'] })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await backend.call('case', 'uploadPaths', { extensions: ['jpg'] }, 'odemo-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const openid of [DEPUTY, OFFICER]) expect(await backend.call('case', 'uploadPaths', { extensions: ['jpg'] }, openid)).toMatchObject({ ok: true });
  });
});
