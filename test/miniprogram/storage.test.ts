import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config } from '../../miniprogram/config';
import { isCasePhotoId } from '../../backend/platform/storage';
import { createWxPlatform, type WxPlatform, type WxPlatformOptions } from '../support/wx-platform';
import { jpegBytes, pngBytes, startStorageHarness, type StorageHarness } from '../emulator/storage-harness';

// Required, not imported: the service is typed against miniprogram-api-typings' global `wx`.
const { uploadPhoto, UPLOAD_FAILURE_MESSAGE } = require('../../miniprogram/services/storage') as {
  uploadPhoto(localPath: string, options: { folder: string }): Promise<any>;
  UPLOAD_FAILURE_MESSAGE: string;
};

const FAILED = { ok: false, error: { code: expect.any(String), message: '图片上传失败，请重试' } };
const original = { ...config };
const month = () => `${new Date().getFullYear()}/${String(new Date().getMonth() + 1).padStart(2, '0')}`;

describe('uploadPhoto', () => {
  let storage: StorageHarness;
  let wx: WxPlatform;
  let dir: string;
  let warn: jest.SpyInstance;

  const photo = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const install = (options: WxPlatformOptions = {}) => {
    (globalThis as unknown as { wx?: unknown }).wx = undefined;
    wx = createWxPlatform(options);
    wx.install();
  };
  const storedAt = async (fileId: string) => (await storage.stored(fileId.replace(/^cloud:\/\/[^/]+\//, '')))[0];

  beforeAll(async () => {
    storage = await startStorageHarness();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'photos-'));
  });
  afterAll(async () => {
    Object.assign(config, original);
    await storage.close();
  });
  beforeEach(() => {
    Object.assign(config, { mode: 'local', localHost: storage.server.url, localOpenid: 'odemo-resident' });
    install();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  describe('in local mode, against the real upload route', () => {
    it('uploads a small photo as it is, as the configured resident, under cases/<yyyy>/<mm>/', async () => {
      const png = pngBytes(20, 10);
      const outcome = await uploadPhoto(photo('small.png', png), { folder: 'cases' });

      expect(outcome).toEqual({ ok: true, data: { fileId: expect.stringMatching(/^cloud:\/\/local-dev\.6c6f-local-dev-1250000000\/cases\//) } });
      expect(wx.compressions).toEqual([]);
      expect(wx.uploads).toEqual([
        {
          url: `${storage.server.url}/storage/upload`,
          filePath: path.join(dir, 'small.png'),
          name: 'file',
          formData: { cloudPath: expect.stringMatching(new RegExp(`^cases/${month()}/[0-9a-f]{32}\\.png$`)) },
          header: { 'X-WX-OPENID': 'odemo-resident' },
        },
      ]);
      expect(await storedAt(outcome.data.fileId)).toMatchObject({ size: png.length, contentType: 'image/png', uploaderOpenid: 'odemo-resident' });
    });

    it('answers an id the functions accept as a case photo', async () => {
      const outcome = await uploadPhoto(photo('accepted.jpg', jpegBytes()), { folder: 'cases' });
      expect(isCasePhotoId(outcome.data.fileId, 'local-dev')).toBe(true);
    });

    it('compresses a photo over 300 KB at quality 60 and uploads the smaller file', async () => {
      install({ compress: () => jpegBytes(80_000) });
      const outcome = await uploadPhoto(photo('large.jpg', jpegBytes(400_000)), { folder: 'cases' });

      expect(outcome.ok).toBe(true);
      expect(wx.compressions).toEqual([expect.objectContaining({ src: path.join(dir, 'large.jpg'), quality: 60 })]);
      expect(wx.uploads[0].filePath).toBe(wx.compressions[0].tempFilePath);
      expect(await storedAt(outcome.data.fileId)).toMatchObject({ size: 80_000, contentType: 'image/jpeg' });
    });

    it('leaves a photo of exactly 300 KB alone', async () => {
      await uploadPhoto(photo('edge.jpg', jpegBytes(300 * 1024)), { folder: 'cases' });
      expect(wx.compressions).toEqual([]);
    });

    it('uploads the original when compressing fails', async () => {
      install({
        compress: () => {
          throw new Error('out of memory');
        },
      });
      const bytes = jpegBytes(500_000);
      const outcome = await uploadPhoto(photo('uncompressible.jpg', bytes), { folder: 'cases' });
      expect(outcome.ok).toBe(true);
      expect(wx.uploads[0].filePath).toBe(path.join(dir, 'uncompressible.jpg'));
      expect(await storedAt(outcome.data.fileId)).toMatchObject({ size: bytes.length });
    });

    it('uses the folder it is given', async () => {
      const outcome = await uploadPhoto(photo('reply.png', pngBytes()), { folder: 'replies' });
      expect(outcome.data.fileId).toMatch(new RegExp(`/replies/${month()}/[0-9a-f]{32}\\.png$`));
    });

    it.each([
      ['a file that is not an image', () => photo('notes.jpg', Buffer.from('not a photo at all')), 'UNSUPPORTED_MEDIA_TYPE'],
      ['a file that is gone', () => path.join(dir, 'vanished.jpg'), 'UPLOAD_FAILED'],
    ])('answers the Chinese sentence for %s, never throwing', async (_label, file, code) => {
      await expect(uploadPhoto(file(), { folder: 'cases' })).resolves.toEqual({ ok: false, error: { code, message: UPLOAD_FAILURE_MESSAGE } });
    });

    it('fails as a value when no resident is configured (401)', async () => {
      config.localOpenid = '';
      await expect(uploadPhoto(photo('anon.png', pngBytes()), { folder: 'cases' })).resolves.toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: UPLOAD_FAILURE_MESSAGE },
      });
    });

    it('fails as a value when the local back end is not running', async () => {
      config.localHost = 'http://127.0.0.1:9'; // discard port: nothing listens
      await expect(uploadPhoto(photo('offline.png', pngBytes()), { folder: 'cases' })).resolves.toEqual(FAILED);
      expect(warn).toHaveBeenCalled();
    });
  });

  describe('in cloud mode', () => {
    const cloud = { uploadFile: jest.fn() };

    beforeEach(() => {
      config.mode = 'cloud';
      Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, { cloud });
      cloud.uploadFile.mockReset();
    });

    it('uploads with wx.cloud.uploadFile and answers its fileID', async () => {
      const fileID = 'cloud://liaison-prod-1a2b.6c69-liaison-prod-1a2b-1300000000/cases/2026/05/0123456789abcdef0123456789abcdef.png';
      cloud.uploadFile.mockResolvedValue({ fileID, statusCode: 204, errMsg: 'cloud.uploadFile:ok' });
      const file = photo('cloud.png', pngBytes());

      await expect(uploadPhoto(file, { folder: 'cases' })).resolves.toEqual({ ok: true, data: { fileId: fileID } });
      expect(cloud.uploadFile).toHaveBeenCalledWith({ cloudPath: expect.stringMatching(new RegExp(`^cases/${month()}/[0-9a-f]{32}\\.png$`)), filePath: file });
      expect(wx.uploads).toEqual([]);
    });

    it('compresses in cloud mode too', async () => {
      cloud.uploadFile.mockResolvedValue({ fileID: 'cloud://e.b/cases/x.jpg' });
      await uploadPhoto(photo('cloud-large.jpg', jpegBytes(400_000)), { folder: 'cases' });
      expect(cloud.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: wx.compressions[0].tempFilePath }));
    });

    it.each([
      ['a rejected upload', () => cloud.uploadFile.mockRejectedValue({ errMsg: 'cloud.uploadFile:fail -404011' })],
      ['an upload that throws', () => cloud.uploadFile.mockImplementation(() => { throw new Error('wx.cloud is not initialised'); })],
      ['an answer without a fileID', () => cloud.uploadFile.mockResolvedValue({ statusCode: 500 })],
    ])('turns %s into the Chinese sentence', async (_label, arrange) => {
      arrange();
      await expect(uploadPhoto(photo('cloud-fail.png', pngBytes()), { folder: 'cases' })).resolves.toEqual(FAILED);
    });
  });
});
