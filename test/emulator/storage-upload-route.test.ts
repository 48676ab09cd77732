import http from 'node:http';
import { MAX_FILE_BYTES } from '../../emulator/storage';
import { fetchBytes, jpegBytes, pngBytes, startStorageHarness, type StorageHarness } from './storage-harness';

const BUCKET_ID = 'cloud://local-dev.6c6f-local-dev-1250000000';

/** `POST /storage/upload`: the mini-program's wx.uploadFile in local mode. */
describe('the mini-program upload route', () => {
  let storage: StorageHarness;

  beforeAll(async () => {
    storage = await startStorageHarness();
  });

  afterAll(async () => {
    await storage.close();
  });

  it('stores a real PNG as the caller and answers its file id', async () => {
    const png = pngBytes(16, 9);
    const answer = await storage.postUpload({ file: png, filename: 'wxfile_tmp_abc.png', cloudPath: 'cases/2026/03/a1b2.jpg' }, 'odemo-resident');
    expect(answer).toEqual({ status: 200, body: { fileID: `${BUCKET_ID}/cases/2026/03/a1b2.jpg` } });

    expect(await storage.stored('cases/2026/03/a1b2')).toEqual([expect.objectContaining({ size: png.length, contentType: 'image/png', uploaderOpenid: 'odemo-resident' })]);
    // The type comes from the bytes, not from the .jpg in the name.
    const url = (await storage.app.getTempFileURL({ fileList: [answer.body.fileID] })).fileList[0].tempFileURL;
    const served = await fetchBytes(url);
    expect(served.type).toBe('image/png');
    expect(served.bytes.equals(png)).toBe(true);
  });

  it.each([
    ['JPEG', jpegBytes()],
    ['GIF', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(32)])],
    ['WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32)])],
  ])('accepts a %s image', async (kind, bytes) => {
    const answer = await storage.postUpload({ file: bytes, cloudPath: `cases/kinds/${kind}.img` }, 'odemo-resident');
    expect(answer.status).toBe(200);
  });

  it('accepts a PDF to a .pdf path (a suggestion’s attachment), served as a PDF', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const answer = await storage.postUpload({ file: pdf, filename: 'answer.pdf', cloudPath: 'suggestions/2026/03/answer.pdf' }, 'odemo-resident');
    expect(answer.status).toBe(200);
    const url = (await storage.app.getTempFileURL({ fileList: [answer.body.fileID] })).fileList[0].tempFileURL;
    expect((await fetchBytes(url)).type).toBe('application/pdf');
  });

  // A minute of voice at WeChat's recorder defaults (aac/mp3, 48 kbps) is about 360 KB: well inside the limit.
  it.each([
    ['MP3 with an ID3 tag', 'mp3', Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.alloc(360 * 1024)]), 'audio/mpeg'],
    ['bare MP3 frames', 'mp3', Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]), 'audio/mpeg'],
    ['AAC (ADTS)', 'aac', Buffer.concat([Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), Buffer.alloc(64)]), 'audio/aac'],
    ['M4A', 'm4a', Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A '), Buffer.alloc(64)]), 'audio/mp4'],
    ['WAV', 'wav', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(64)]), 'audio/wav'],
  ])('accepts a voice message as %s, served as audio', async (kind, extension, bytes, type) => {
    const cloudPath = `cases/voice/${kind.replace(/\W+/g, '-')}.${extension}`;
    const answer = await storage.postUpload({ file: bytes, filename: `tmp_voice.${extension}`, cloudPath }, 'odemo-resident');
    expect(answer).toEqual({ status: 200, body: { fileID: `${BUCKET_ID}/${cloudPath}` } });
    const url = (await storage.app.getTempFileURL({ fileList: [answer.body.fileID] })).fileList[0].tempFileURL;
    const served = await fetchBytes(url);
    expect(served.type).toBe(type);
    expect(served.bytes.equals(bytes)).toBe(true);
  });

  it.each([
    ['text named .jpg', Buffer.from('just text, not a photo'), 'note.jpg'],
    ['an HTML page named .png', Buffer.from('<html><script>alert(1)</script></html>'), 'x.png'],
    ['a PDF to a .jpg path', Buffer.from('%PDF-1.7\n...'), 'scan.jpg'],
    ['an empty file', Buffer.alloc(0), 'empty.jpg'],
    ['text named .mp3', Buffer.from('not a recording at all'), 'voice.mp3'],
    ['a QuickTime movie named .m4a', Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypqt  '), Buffer.alloc(64)]), 'clip.m4a'],
  ])('refuses %s (415) and stores nothing', async (_label, file, filename) => {
    const answer = await storage.postUpload({ file, filename, cloudPath: `refused/${filename}` }, 'odemo-resident');
    expect(answer).toEqual({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) } });
    expect(await storage.stored('refused/')).toEqual([]);
  });

  it.each([
    ['no X-WX-OPENID', undefined],
    ['an implausible openid', 'o pen/id'],
  ])('refuses an upload with %s (401)', async (_label, openid) => {
    const answer = await storage.postUpload({ file: pngBytes(), cloudPath: 'anon/a.png' }, openid);
    expect(answer).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect(await storage.stored('anon/')).toEqual([]);
  });

  it.each([
    ['without a cloudPath', { file: pngBytes() }],
    ['with a traversal', { file: pngBytes(), cloudPath: '../../escape.png' }],
    ['with an absolute path', { file: pngBytes(), cloudPath: '/tmp/escape.png' }],
    ['without the file part', { cloudPath: 'cases/nofile.png' }],
  ])('refuses an upload %s (400)', async (_label, form) => {
    const answer = await storage.postUpload(form, 'odemo-resident');
    expect(answer).toEqual({ status: 400, body: { code: 'INVALID_PARAM', message: expect.any(String) } });
  });

  it('refuses a file over 10 MB (413)', async () => {
    const answer = await storage.postUpload({ file: jpegBytes(MAX_FILE_BYTES + 1), cloudPath: 'big/over.jpg' }, 'odemo-resident');
    expect(answer).toEqual({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
    expect(await storage.stored('big/')).toEqual([]);
  });

  it('cuts off a body far over the limit without reading it (413)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${storage.server.url}/storage/upload`, {
        method: 'POST',
        headers: { 'X-WX-OPENID': 'odemo-resident', 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
  });

  it('lets the uploader replace their own file, but nobody else', async () => {
    const path = 'cases/owned.png';
    expect((await storage.postUpload({ file: pngBytes(1, 1), cloudPath: path }, 'odemo-resident')).status).toBe(200);
    expect((await storage.postUpload({ file: pngBytes(2, 2), cloudPath: path }, 'odemo-resident')).status).toBe(200);
    const stolen = await storage.postUpload({ file: pngBytes(3, 3), cloudPath: path }, 'odemo-resident-2');
    expect(stolen).toEqual({ status: 403, body: { code: 'STORAGE_EXCEED_AUTHORITY', message: expect.any(String) } });
    expect(await storage.stored(path)).toEqual([expect.objectContaining({ size: pngBytes(2, 2).length, uploaderOpenid: 'odemo-resident' })]);
  });

  it('keeps the uploader across a restart', async () => {
    await storage.postUpload({ file: pngBytes(), cloudPath: 'cases/kept.png' }, 'odemo-resident-2');
    storage = await storage.restart();
    expect(await storage.stored('cases/kept.png')).toEqual([expect.objectContaining({ uploaderOpenid: 'odemo-resident-2' })]);
  });
});
