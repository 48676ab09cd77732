import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config } from '../../miniprogram/config';
import { isCasePhotoId } from '../../backend/platform/storage';
import { submission } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { createWxPlatform, type WxPlatform, type WxPlatformOptions } from '../support/wx-platform';
import { jpegBytes, pngBytes } from '../emulator/storage-harness';

// Required, not imported: the service is typed against miniprogram-api-typings' global `wx`.
const { uploadPhoto, uploadPhotos, UPLOAD_FAILURE_MESSAGE } = require('../../miniprogram/services/storage') as {
  uploadPhoto(localPath: string): Promise<any>;
  uploadPhotos(localPaths: string[]): Promise<any>[];
  UPLOAD_FAILURE_MESSAGE: string;
};

const FAILED = { ok: false, error: { code: expect.any(String), message: '图片上传失败，请重试' } };
const ISSUED = /^cases\/\d{4}\/\d{2}\/[0-9a-f]{32}\.(png|jpg)$/;
const original = { ...config };

/** Against the real local back end: the case function issues the paths, its storage takes the uploads. */
describe('uploading photos', () => {
  let backend: Backend;
  let wx: WxPlatform;
  let dir: string;
  let warn: jest.SpyInstance;
  let resident: string;

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
  const pathCalls = () => wx.requests.filter((r) => r.url === `${backend.url}/functions/case`);
  const storedAt = async (fileId: string) => {
    const res = await fetch(`${backend.url}/_emulator/storage/files?prefix=${encodeURIComponent(fileId.replace(/^cloud:\/\/[^/]+\//, ''))}`);
    return ((await res.json()) as { files: any[] }).files[0];
  };

  beforeAll(async () => {
    backend = await startBackend({ functions: ['case'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'photos-'));
  }, 180_000);
  afterAll(async () => {
    Object.assign(config, original);
    await backend?.close();
  });
  beforeEach(() => {
    resident = newOpenid('uploader');
    Object.assign(config, { mode: 'local', localHost: backend.url, localOpenid: resident });
    install();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  describe('in local mode', () => {
    it('asks for the paths of one pick in one call, then uploads each photo to its own path, as the configured caller', async () => {
      const png = pngBytes(20, 10);
      const outcomes = await Promise.all(uploadPhotos([photo('small.png', png), photo('second.jpg', jpegBytes())]));

      expect(pathCalls()).toEqual([
        expect.objectContaining({ method: 'POST', data: { action: 'uploadPaths', extensions: ['png', 'jpg'] }, header: expect.objectContaining({ 'X-WX-OPENID': resident }) }),
      ]);
      expect(wx.compressions).toEqual([]);
      const cloudPaths = wx.uploads.map((u) => u.formData.cloudPath);
      expect(wx.uploads).toEqual([
        {
          url: `${backend.url}/storage/upload`,
          filePath: path.join(dir, 'small.png'),
          name: 'file',
          formData: { cloudPath: expect.stringMatching(ISSUED) },
          header: { 'X-WX-OPENID': resident },
        },
        {
          url: `${backend.url}/storage/upload`,
          filePath: path.join(dir, 'second.jpg'),
          name: 'file',
          formData: { cloudPath: expect.stringMatching(ISSUED) },
          header: { 'X-WX-OPENID': resident },
        },
      ]);
      expect(cloudPaths[0]).toMatch(/\.png$/);
      expect(cloudPaths[1]).toMatch(/\.jpg$/);
      expect(outcomes).toEqual(cloudPaths.map((cloudPath) => ({ ok: true, data: { fileId: `cloud://local-dev.6c6f-local-dev-1250000000/${cloudPath}` } })));
      expect(await storedAt(outcomes[0].data.fileId)).toMatchObject({ size: png.length, contentType: 'image/png', uploaderOpenid: resident });
    });

    it('answers ids the case function takes in the same person’s message', async () => {
      const outcomes = await Promise.all(uploadPhotos([photo('accepted.jpg', jpegBytes()), photo('accepted.png', pngBytes())]));
      const ids = outcomes.map((o) => o.data.fileId);
      expect(ids.every((id) => isCasePhotoId(id, 'local-dev'))).toBe(true);
      expect(await backend.call('case', 'submit', submission({ photoFileIds: ids }), resident)).toMatchObject({ ok: true });
      // …and in nobody else's.
      expect(await backend.call('case', 'submit', submission({ photoFileIds: ids }), newOpenid('someone-else'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'photoFileIds.0' },
      });
    });

    it('compresses a photo over 300 KB at quality 60 and uploads the smaller file, to a path of its type', async () => {
      install({ compress: () => jpegBytes(80_000) });
      const outcome = await uploadPhoto(photo('large.jpg', jpegBytes(400_000)));

      expect(outcome.ok).toBe(true);
      expect(wx.compressions).toEqual([expect.objectContaining({ src: path.join(dir, 'large.jpg'), quality: 60 })]);
      expect(wx.uploads[0].filePath).toBe(wx.compressions[0].tempFilePath);
      expect(pathCalls()[0].data).toEqual({ action: 'uploadPaths', extensions: ['jpg'] });
      expect(await storedAt(outcome.data.fileId)).toMatchObject({ size: 80_000, contentType: 'image/jpeg' });
    });

    it('leaves a photo of exactly 300 KB alone', async () => {
      await uploadPhoto(photo('edge.jpg', jpegBytes(300 * 1024)));
      expect(wx.compressions).toEqual([]);
    });

    it('uploads the original when compressing fails', async () => {
      install({
        compress: () => {
          throw new Error('out of memory');
        },
      });
      const bytes = jpegBytes(500_000);
      const outcome = await uploadPhoto(photo('uncompressible.jpg', bytes));
      expect(outcome.ok).toBe(true);
      expect(wx.uploads[0].filePath).toBe(path.join(dir, 'uncompressible.jpg'));
      expect(await storedAt(outcome.data.fileId)).toMatchObject({ size: bytes.length });
    });

    it('asks for a fresh path on a retry of one photo', async () => {
      await uploadPhoto(photo('retry.png', pngBytes()));
      await uploadPhoto(photo('retry.png', pngBytes()));
      expect(pathCalls()).toHaveLength(2);
      expect(new Set(wx.uploads.map((u) => u.formData.cloudPath)).size).toBe(2);
    });

    it.each([
      ['a file that is not an image', () => photo('notes.jpg', Buffer.from('not a photo at all')), 'UNSUPPORTED_MEDIA_TYPE'],
      ['a file that is gone', () => path.join(dir, 'vanished.jpg'), 'UPLOAD_FAILED'],
    ])('answers the Chinese sentence for %s, never throwing', async (_label, file, code) => {
      await expect(uploadPhoto(file())).resolves.toEqual({ ok: false, error: { code, message: UPLOAD_FAILURE_MESSAGE } });
    });

    it('fails every photo of the pick, uploading none, when no path is issued (no caller: the function answers UNAUTHENTICATED)', async () => {
      config.localOpenid = '';
      const outcomes = await Promise.all(uploadPhotos([photo('anon.png', pngBytes()), photo('anon2.png', pngBytes())]));
      expect(outcomes).toEqual([0, 1].map(() => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: UPLOAD_FAILURE_MESSAGE } })));
      expect(wx.uploads).toEqual([]);
    });

    it('fails as a value when the local back end is not running', async () => {
      config.localHost = 'http://127.0.0.1:9'; // discard port: nothing listens
      await expect(uploadPhoto(photo('offline.png', pngBytes()))).resolves.toEqual(FAILED);
      expect(warn).toHaveBeenCalled();
    });
  });

  describe('in cloud mode', () => {
    const issued = 'cases/2026/05/0123456789abcdef0123456789abcdef.png';
    const cloud = { uploadFile: jest.fn(), callFunction: jest.fn() };

    beforeEach(() => {
      config.mode = 'cloud';
      Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, { cloud });
      cloud.uploadFile.mockReset();
      cloud.callFunction.mockReset();
      cloud.callFunction.mockImplementation(async ({ data }: { data: { extensions: string[] } }) => ({
        result: {
          ok: true,
          data: {
            paths: data.extensions.map((ext, i) => ({
              cloudPath: issued.replace('0123', String(i).padStart(4, '0')).replace(/png$/, ext),
              expiresAt: '2026-05-08T00:00:00.000Z',
            })),
          },
        },
      }));
    });

    it('asks the case function for the path, then uploads there with wx.cloud.uploadFile and answers its fileID', async () => {
      const fileID = `cloud://liaison-prod-1a2b.6c69-liaison-prod-1a2b-1300000000/${issued.replace('0123', '0000')}`;
      cloud.uploadFile.mockResolvedValue({ fileID, statusCode: 204, errMsg: 'cloud.uploadFile:ok' });
      const file = photo('cloud.png', pngBytes());

      await expect(uploadPhoto(file)).resolves.toEqual({ ok: true, data: { fileId: fileID } });
      expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'case', data: { action: 'uploadPaths', extensions: ['png'] } });
      expect(cloud.uploadFile).toHaveBeenCalledWith({ cloudPath: issued.replace('0123', '0000'), filePath: file });
      expect(wx.uploads).toEqual([]);
    });

    it('compresses in cloud mode too', async () => {
      cloud.uploadFile.mockResolvedValue({ fileID: 'cloud://e.b/cases/x.jpg' });
      await uploadPhoto(photo('cloud-large.jpg', jpegBytes(400_000)));
      expect(cloud.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: wx.compressions[0].tempFilePath }));
    });

    it.each([
      ['a rejected upload', () => cloud.uploadFile.mockRejectedValue({ errMsg: 'cloud.uploadFile:fail -404011' })],
      [
        'an upload that throws',
        () =>
          cloud.uploadFile.mockImplementation(() => {
            throw new Error('wx.cloud is not initialised');
          }),
      ],
      ['an answer without a fileID', () => cloud.uploadFile.mockResolvedValue({ statusCode: 500 })],
      [
        'no path (the function refused)',
        () => cloud.callFunction.mockResolvedValue({ result: { ok: false, error: { code: 'RATE_LIMITED', message: '上传照片太频繁，请稍后再试' } } }),
      ],
      ['fewer paths than photos', () => cloud.callFunction.mockResolvedValue({ result: { ok: true, data: { paths: [] } } })],
      ['a function call that fails', () => cloud.callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail' })],
    ])('turns %s into the Chinese sentence', async (_label, arrange) => {
      arrange();
      await expect(uploadPhoto(photo('cloud-fail.png', pngBytes()))).resolves.toEqual(FAILED);
    });
  });
});
