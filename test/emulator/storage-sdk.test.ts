import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../emulator/storage';
import { fetchBytes, jpegBytes, pngBytes, startStorageHarness, type StorageHarness } from './storage-harness';

const BUCKET_ID = 'cloud://local-dev.6c6f-local-dev-1250000000';

describe('cloud storage through @cloudbase/node-sdk', () => {
  let storage: StorageHarness;

  beforeAll(async () => {
    storage = await startStorageHarness();
  });

  afterAll(async () => {
    await storage.close();
  });

  it('uploads, hands out a temp URL and downloads the same bytes', async () => {
    const bytes = pngBytes();
    const { fileID } = await storage.app.uploadFile({ cloudPath: 'cases/2026/01/round-trip.png', fileContent: bytes });
    expect(fileID).toBe(`${BUCKET_ID}/cases/2026/01/round-trip.png`);

    const { fileList } = await storage.app.getTempFileURL({ fileList: [fileID] });
    expect(fileList).toEqual([
      { code: 'SUCCESS', fileID, tempFileURL: expect.stringMatching(/\/storage\/files\/cases\/2026\/01\/round-trip\.png\?sign=[0-9a-f]{32}&t=\d+$/) },
    ]);
    expect(fileList[0].tempFileURL.startsWith(`${storage.server.url}/`)).toBe(true);

    const viaUrl = await fetchBytes(fileList[0].tempFileURL);
    expect(viaUrl.status).toBe(200);
    expect(viaUrl.type).toBe('image/png');
    expect(viaUrl.bytes.equals(bytes)).toBe(true);

    const { fileContent } = await storage.app.downloadFile({ fileID });
    expect(Buffer.isBuffer(fileContent) && fileContent.equals(bytes)).toBe(true);
  });

  it('uploads from a read stream and writes a download to a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-stream-'));
    const source = path.join(dir, 'in.jpg');
    fs.writeFileSync(source, jpegBytes(300_000));
    const { fileID } = await storage.app.uploadFile({ cloudPath: 'cases/stream.jpg', fileContent: fs.createReadStream(source) });
    const { fileContent } = await storage.app.downloadFile({ fileID });
    expect((fileContent as Buffer).equals(fs.readFileSync(source))).toBe(true);
  });

  it('answers getFileInfo with size and type', async () => {
    const bytes = jpegBytes(1234);
    const { fileID } = await storage.app.uploadFile({ cloudPath: 'cases/info.jpg', fileContent: bytes });
    const { fileList } = await storage.app.getFileInfo({ fileList: [fileID] });
    expect(fileList[0]).toMatchObject({ code: 'SUCCESS', fileID, fileName: 'info.jpg', size: 1234, mime: 'image/jpeg' });
  });

  it('keeps the order of the list and marks a missing file STORAGE_FILE_NONEXIST', async () => {
    const a = (await storage.app.uploadFile({ cloudPath: 'order/a.png', fileContent: pngBytes() })).fileID;
    const b = (await storage.app.uploadFile({ cloudPath: 'order/b.png', fileContent: pngBytes() })).fileID;
    const missing = `${BUCKET_ID}/order/never-uploaded.png`;
    const { fileList } = await storage.app.getTempFileURL({ fileList: [b, missing, { fileID: a, maxAge: 60 }] });
    expect(fileList.map((f) => [f.fileID, f.code])).toEqual([
      [b, 'SUCCESS'],
      [missing, 'STORAGE_FILE_NONEXIST'],
      [a, 'SUCCESS'],
    ]);
    expect(fileList[1].tempFileURL).toBe('');
  });

  it.each([
    ['another environment', 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/cases/x.png', 'INVALID_ENV'],
    ['not a file id', 'https://example.com/x.png', 'INVALID_PARAM'],
    ['a traversal', `${BUCKET_ID}/cases/../secret.png`, 'INVALID_PARAM'],
  ])('refuses %s per file', async (_label, fileId, code) => {
    const { fileList } = await storage.app.getTempFileURL({ fileList: [fileId] });
    expect(fileList[0]).toMatchObject({ code, fileID: fileId, tempFileURL: '' });
  });

  it('refuses more than 50 files in one call, as CloudBase does', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `${BUCKET_ID}/x/${i}.png`);
    await expect(storage.app.getTempFileURL({ fileList: ids })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(storage.app.deleteFile({ fileList: ids })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('deletes a file, after which it is missing and its URL stops working', async () => {
    const { fileID } = await storage.app.uploadFile({ cloudPath: 'cases/delete-me.png', fileContent: pngBytes() });
    const url = (await storage.app.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL;

    const first = await storage.app.deleteFile({ fileList: [fileID] });
    expect(first.fileList).toEqual([{ code: 'SUCCESS', fileID }]);
    const again = await storage.app.deleteFile({ fileList: [fileID] });
    expect(again.fileList).toEqual([{ code: 'STORAGE_FILE_NONEXIST', fileID }]);

    expect((await storage.app.getTempFileURL({ fileList: [fileID] })).fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
    expect((await fetchBytes(url)).status).toBe(404);
    await expect(storage.app.downloadFile({ fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    expect(fs.existsSync(path.join(storage.dataDir, 'storage/files/cases/delete-me.png'))).toBe(false);
  });

  it.each([
    ['a parent segment', '../outside.png'],
    ['a nested parent segment', 'cases/../../outside.png'],
    ['an absolute path', '/etc/outside.png'],
    ['a NUL byte', 'cases/a\0b.png'],
    ['a backslash', 'cases\\..\\outside.png'],
    ['an empty segment', 'cases//a.png'],
    ['a trailing slash', 'cases/'],
    ['a query character', 'cases/a.png?x=1'],
  ])('refuses a cloud path with %s and writes nothing', async (_label, cloudPath) => {
    await expect(storage.app.uploadFile({ cloudPath, fileContent: pngBytes() })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    expect(fs.existsSync(path.join(storage.dataDir, 'outside.png'))).toBe(false);
    expect(fs.existsSync(path.join(storage.dataDir, 'storage/outside.png'))).toBe(false);
  });

  it('accepts Chinese in a cloud path', async () => {
    const { fileID } = await storage.app.uploadFile({ cloudPath: 'cases/现场照片-1.png', fileContent: pngBytes() });
    const { fileContent } = await storage.app.downloadFile({ fileID });
    expect((fileContent as Buffer).equals(pngBytes())).toBe(true);
  });

  it('stores a file of exactly 10 MB and refuses one byte more', async () => {
    const max = jpegBytes(MAX_FILE_BYTES);
    await expect(storage.app.uploadFile({ cloudPath: 'big/max.jpg', fileContent: max })).resolves.toHaveProperty('fileID');
    await expect(storage.app.uploadFile({ cloudPath: 'big/over.jpg', fileContent: jpegBytes(MAX_FILE_BYTES + 1) })).rejects.toMatchObject({
      code: 'STORAGE_REQUEST_FAIL',
      message: expect.stringContaining('EntityTooLarge'),
    });
    expect(await storage.stored('big/')).toEqual([expect.objectContaining({ cloudPath: 'big/max.jpg', size: MAX_FILE_BYTES })]);
  });

  it('records size, type and time, and no uploader for server-side uploads', async () => {
    await storage.app.uploadFile({ cloudPath: 'meta/one.png', fileContent: pngBytes() });
    expect(await storage.stored('meta/')).toEqual([
      {
        cloudPath: 'meta/one.png',
        size: pngBytes().length,
        contentType: 'image/png',
        etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
        uploaderOpenid: null,
        createdAt: expect.any(String),
      },
    ]);
  });

  it('fails loudly for storage actions it does not emulate', async () => {
    await expect(storage.app.copyFile({ fileList: [{ srcPath: 'a/x.png', dstPath: 'b/x.png' }] })).rejects.toMatchObject({ code: 'OPERATION_NOT_SUPPORTED' });
  });

  it('keeps files, metadata and signed URLs across a restart', async () => {
    const bytes = pngBytes(7, 5);
    const { fileID } = await storage.app.uploadFile({ cloudPath: 'cases/survivor.png', fileContent: bytes });
    const urlBefore = (await storage.app.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL;

    storage = await storage.restart();

    const { fileContent } = await storage.app.downloadFile({ fileID });
    expect((fileContent as Buffer).equals(bytes)).toBe(true);
    // Same port is not guaranteed after a restart; the path and signature are what must still hold.
    const moved = urlBefore.replace(/^http:\/\/[^/]+/, storage.server.url);
    expect((await fetchBytes(moved)).bytes.equals(bytes)).toBe(true);
    expect(await storage.stored('cases/survivor')).toHaveLength(1);
  });
});
