/**
 * multipart/form-data as the SDK's wx.openApi and the mini-program's wx.uploadFile send it, read
 * by busboy; a body that cannot be read is refused with 400 and what is wrong, never a 500.
 */
import { MalformedMultipart, parseMultipart } from '../../emulator/http/multipart';
import { startAdminServer, type AdminServer } from '../../emulator/server';
import { pngBytes, startStorageHarness, type StorageHarness } from './storage-harness';

const BOUNDARY = 'XyZ123';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A body from raw parts: each is its header lines and its bytes. */
function body(parts: { headers: string[]; content: Buffer | string }[], closing = `--${BOUNDARY}--\r\n`): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n${part.headers.join('\r\n')}\r\n\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(closing));
  return Buffer.concat(chunks);
}

const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('parseMultipart', () => {
  it('reads text fields as strings, and files and octet-stream parts (form-data Buffers) as their exact bytes', async () => {
    const fields = await parseMultipart(
      body([
        { headers: ['Content-Disposition: form-data; name="cloudPath"'], content: 'cases/2026/03/案件.jpg' },
        { headers: ['Content-Disposition: form-data; name="file"; filename="tmp.png"', 'Content-Type: image/png'], content: everyByte },
        { headers: ['Content-Disposition: form-data; name="requestData"', 'Content-Type: application/octet-stream'], content: everyByte },
      ]),
      TYPE,
    );
    expect(fields.cloudPath).toBe('cases/2026/03/案件.jpg');
    expect(Buffer.isBuffer(fields.file) && fields.file.equals(everyByte)).toBe(true);
    expect(Buffer.isBuffer(fields.requestData) && fields.requestData.equals(everyByte)).toBe(true);
  });

  it('keeps a long text field whole', async () => {
    const long = 'x'.repeat(3 * 1024 * 1024);
    const fields = await parseMultipart(body([{ headers: ['Content-Disposition: form-data; name="long"'], content: long }]), TYPE);
    expect(fields.long).toBe(long);
  });

  it.each([
    ['a part header without a colon', body([{ headers: ['Content-Disposition form-data; name="x"'], content: 'v' }]), TYPE, /Malformed part header/],
    ['a body cut off before its closing boundary', body([{ headers: ['Content-Disposition: form-data; name="x"'], content: 'v' }], ''), TYPE, /Unexpected end of form/],
    ['a content type without a boundary', body([]), 'multipart/form-data', /Boundary not found/],
  ])('refuses %s, naming the problem', async (_case, raw, type, message) => {
    const refusal = parseMultipart(raw, type);
    await expect(refusal).rejects.toBeInstanceOf(MalformedMultipart);
    await expect(refusal).rejects.toThrow(message);
  });
});

describe('the server answers an unreadable multipart body with 400', () => {
  let server: AdminServer;
  let storage: StorageHarness;

  beforeAll(async () => {
    server = await startAdminServer([]);
    storage = await startStorageHarness();
  });

  afterAll(async () => {
    await server.close();
    await storage.close();
  });

  const malformed = body([{ headers: ['Content-Disposition form-data; name="action"'], content: 'wx.openApi' }]);

  it('on /admin (wx.openApi posts multipart there)', async () => {
    const res = await fetch(server.serviceUrl, { method: 'POST', headers: { 'content-type': TYPE }, body: malformed });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'INVALID_MULTIPART', message: 'unreadable multipart body: Malformed part header' });
  });

  it('on the upload route, and a well-formed upload through the same route still works', async () => {
    const refused = await fetch(`${storage.server.url}/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': TYPE, 'X-WX-OPENID': 'odemo-resident' },
      body: malformed,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'INVALID_PARAM', message: 'unreadable multipart body: Malformed part header' });

    const png = pngBytes(4, 4);
    const raw = body([
      { headers: ['Content-Disposition: form-data; name="cloudPath"'], content: 'cases/multipart/ok.png' },
      { headers: ['Content-Disposition: form-data; name="file"; filename="tmp.png"', 'Content-Type: image/png'], content: png },
    ]);
    const accepted = await fetch(`${storage.server.url}/storage/upload`, { method: 'POST', headers: { 'content-type': TYPE, 'X-WX-OPENID': 'odemo-resident' }, body: raw });
    expect(accepted.status).toBe(200);
    expect(await storage.stored('cases/multipart/')).toEqual([expect.objectContaining({ size: png.length, contentType: 'image/png' })]);
  });
});
