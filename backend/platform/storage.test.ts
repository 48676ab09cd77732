import { pngBytes, startStorageHarness, type StorageHarness } from '../../test/emulator/storage-harness';
import { cloudbase } from './cloudbase';
import { casePhotoPath, caseVoicePath, fileExists, isCasePhotoId, isCaseVoiceId, missingFiles, photoUrls, PHOTO_URL_MAX_AGE_SECONDS, StorageError } from './storage';

const BUCKET = 'cloud://local-dev.6c6f-local-dev-1250000000';
const photoId = (name: string) => `${BUCKET}/cases/2026/04/${name}.jpg`;

/** Against the storage emulator, reached as a function reaches CloudBase (TCB_CONTEXT_CNFG). */
describe('backend storage', () => {
  let storage: StorageHarness;
  const uploaded: string[] = [];

  beforeAll(async () => {
    storage = await startStorageHarness();
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: storage.server.serviceUrl });
    for (let i = 0; i < 60; i++) {
      const name = `photo${String(i).padStart(2, '0')}a1b2c3d4e5f6a7b8`;
      uploaded.push((await storage.app.uploadFile({ cloudPath: `cases/2026/04/${name}.jpg`, fileContent: pngBytes(i + 1, 1) })).fileID);
    }
  });

  afterAll(async () => {
    delete process.env.TCB_CONTEXT_CNFG;
    await storage.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('turns file ids into URLs that show the photo, in the order given', async () => {
    const ids = [uploaded[3], uploaded[0], uploaded[2]];
    const views = await photoUrls(ids);
    expect(views.map((v) => v.fileId)).toEqual(ids);
    const res = await fetch(views[1].url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pngBytes(1, 1))).toBe(true);
  });

  it('asks for URLs that live two hours', async () => {
    const [view] = await photoUrls([uploaded[0]]);
    const t = Number(new URL(view.url).searchParams.get('t'));
    expect(t - Date.now() / 1000).toBeGreaterThan(PHOTO_URL_MAX_AGE_SECONDS - 60);
    expect(t - Date.now() / 1000).toBeLessThanOrEqual(PHOTO_URL_MAX_AGE_SECONDS + 1);
  });

  it('skips photos that no longer exist', async () => {
    const gone = photoId('deleted0000000000000');
    const views = await photoUrls([uploaded[5], gone, uploaded[6]]);
    expect(views.map((v) => v.fileId)).toEqual([uploaded[5], uploaded[6]]);
  });

  it('asks in batches of at most 50 and keeps the order across them', async () => {
    const spy = jest.spyOn(cloudbase(), 'getTempFileURL');
    const ids = [...uploaded].reverse().concat(photoId('missing0000000000000'), uploaded[0]);
    const views = await photoUrls(ids);
    expect(views.map((v) => v.fileId)).toEqual([...uploaded].reverse().concat(uploaded[0]));
    expect(spy.mock.calls.map(([options]) => options.fileList.length)).toEqual([50, 12]);
  });

  it('makes no call for no photos', async () => {
    const spy = jest.spyOn(cloudbase(), 'getTempFileURL');
    await expect(photoUrls([])).resolves.toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('fails loudly for an id of another environment instead of hiding the photo', async () => {
    const foreign = 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/cases/2026/04/x.jpg';
    await expect(photoUrls([uploaded[0], foreign])).rejects.toEqual(expect.objectContaining({ name: 'StorageError', code: 'INVALID_ENV', fileId: foreign }));
    await expect(photoUrls([foreign])).rejects.toBeInstanceOf(StorageError);
  });

  it('tells which ids name no file', async () => {
    const missing = photoId('neveruploaded0000000');
    await expect(missingFiles([uploaded[1], missing, uploaded[2]])).resolves.toEqual([missing]);
    await expect(fileExists(uploaded[1])).resolves.toBe(true);
    await expect(fileExists(missing)).resolves.toBe(false);
  });

  describe('isCasePhotoId and casePhotoPath', () => {
    const issued = '0123456789abcdef0123456789abcdef';
    it.each([
      [`${BUCKET}/cases/2026/04/${issued}.jpg`, true],
      [`${BUCKET}/cases/2026/12/${issued}.webp`, true],
      [`${BUCKET}/cases/2026/12/0123456789abcdef.png`, false], // 16 characters: not a name the functions issue
      [`${BUCKET}/cases/2026/12/0123456789ABCDEF0123456789ABCDEF.png`, false], // issued names are lower-case hex
      [`cloud://liaison-prod-1a2b.6c69-liaison-prod-1a2b-1300000000/cases/2026/04/${issued}.jpg`, false], // another env
      [`${BUCKET}/avatars/2026/04/${issued}.jpg`, false], // another folder
      [`${BUCKET}/cases/2026/04/../../secret/${issued}.jpg`, false],
      [`${BUCKET}/cases/2026/04/short.jpg`, false], // a guessable name
      [`${BUCKET}/cases/2026/04/${issued}.exe`, false],
      [`${BUCKET}/cases/2026/04/${issued}.JPG`, false],
      [`https://example.com/cases/2026/04/${issued}.jpg`, false],
      [42, false],
    ])('%p → %p', (fileId, expected) => {
      expect(isCasePhotoId(fileId, 'local-dev')).toBe(expected);
    });

    it('answers the cloud path inside the id, the key of its issued record', () => {
      expect(casePhotoPath(`${BUCKET}/cases/2026/04/${issued}.png`, 'local-dev')).toBe(`cases/2026/04/${issued}.png`);
      expect(casePhotoPath(`${BUCKET}/cases/2026/04/${issued}.png`, 'prod-1a2b')).toBeUndefined();
      expect(casePhotoPath(`${BUCKET}/cases/2026/04/${issued}.png`, '')).toBeUndefined();
    });

    it('reads the environment from the runtime by default', () => {
      expect(process.env.SCF_NAMESPACE).toBe('local-dev');
      expect(isCasePhotoId(`${BUCKET}/cases/2026/04/${issued}.jpg`)).toBe(true);
    });

    it.each([
      ['mp3', false, true],
      ['aac', false, true],
      ['m4a', false, true],
      ['wav', false, true],
      ['jpg', true, false],
      ['png', true, false],
      ['ogg', false, false],
      ['MP3', false, false],
    ])('keeps photos and voice apart by extension: .%s is a photo %p, a voice %p', (extension, photo, voice) => {
      const fileId = `${BUCKET}/cases/2026/04/${issued}.${extension}`;
      expect(isCasePhotoId(fileId, 'local-dev')).toBe(photo);
      expect(isCaseVoiceId(fileId, 'local-dev')).toBe(voice);
    });

    it('answers a voice file’s cloud path only in this environment', () => {
      expect(caseVoicePath(`${BUCKET}/cases/2026/04/${issued}.m4a`, 'local-dev')).toBe(`cases/2026/04/${issued}.m4a`);
      expect(caseVoicePath(`${BUCKET}/cases/2026/04/${issued}.m4a`, 'prod-1a2b')).toBeUndefined();
      expect(caseVoicePath(`${BUCKET}/avatars/2026/04/${issued}.mp3`, 'local-dev')).toBeUndefined();
    });
  });
});
