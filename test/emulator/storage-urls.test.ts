import { fetchBytes, pngBytes, startStorageHarness, type StorageHarness } from './storage-harness';

/** Temp URLs and upload authorisations: signed, short-lived, bound to one path. */
describe('signed storage URLs', () => {
  let storage: StorageHarness;
  let fileID: string;
  const bytes = pngBytes();

  beforeAll(async () => {
    storage = await startStorageHarness();
    ({ fileID } = await storage.app.uploadFile({ cloudPath: 'cases/2026/02/signed.png', fileContent: bytes }));
    await storage.app.uploadFile({ cloudPath: 'cases/2026/02/other.png', fileContent: pngBytes(9, 9) });
  });

  afterAll(async () => {
    await storage.close();
  });

  const tempUrl = async (maxAge?: number) => (await storage.app.getTempFileURL({ fileList: [maxAge === undefined ? fileID : { fileID, maxAge }] })).fileList[0].tempFileURL;

  it('serves the bytes with their type, and headers alone for HEAD', async () => {
    const url = await tempUrl(60);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/png');
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('lives maxAge seconds, then answers 403', async () => {
    const url = await tempUrl(120);
    storage.advance(119);
    expect((await fetchBytes(url)).status).toBe(200);
    storage.advance(2);
    const expired = await fetchBytes(url);
    expect(expired.status).toBe(403);
    expect(expired.text).toContain('<Code>AccessDenied</Code>');
    await expect(storage.app.downloadFile({ fileID })).resolves.toHaveProperty('fileContent'); // a fresh URL works
  });

  it('lives one day when no maxAge is given', async () => {
    const url = await tempUrl();
    storage.advance(86_400 - 5);
    expect((await fetchBytes(url)).status).toBe(200);
    storage.advance(10);
    expect((await fetchBytes(url)).status).toBe(403);
  });

  it.each([
    ['a changed signature', (u: URL) => u.searchParams.set('sign', '0'.repeat(32))],
    ['a later expiry', (u: URL) => u.searchParams.set('t', String(Number(u.searchParams.get('t')) + 3600))],
    ['no signature', (u: URL) => u.searchParams.delete('sign')],
    ['no expiry', (u: URL) => u.searchParams.delete('t')],
    ['another file', (u: URL) => void (u.pathname = u.pathname.replace('signed.png', 'other.png'))],
  ])('refuses a URL with %s (403)', async (_label, tamper) => {
    const url = new URL(await tempUrl(600));
    tamper(url);
    const answer = await fetchBytes(url.toString());
    expect(answer.status).toBe(403);
    expect(answer.type).toBe('application/xml');
  });

  it('refuses an escaped traversal in the URL path whatever the signature', async () => {
    // %2F is no separator to URL parsers, so nothing normalises this away before the server decodes it.
    const { search } = new URL(await tempUrl(600));
    const answer = await fetchBytes(`${storage.server.url}/storage/files/cases%2F..%2F..%2Findex.sqlite${search}`);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<Code>InvalidURI</Code>');
  });

  describe('the COS upload step', () => {
    const put = (url: string, authorization: string, body: Buffer) => fetch(url, { method: 'PUT', headers: { authorization }, body });

    it('refuses a forged authorisation', async () => {
      const meta = (await storage.app.getUploadMetadata({ cloudPath: 'cases/forged.png' })).data;
      const forged = meta.authorization.replace(/q-signature=\w+/, `q-signature=${'f'.repeat(32)}`);
      const res = await put(meta.url, forged, pngBytes());
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('SignatureDoesNotMatch');
    });

    it('refuses an authorisation used for another path', async () => {
      const meta = (await storage.app.getUploadMetadata({ cloudPath: 'cases/mine.png' })).data;
      const res = await put(meta.url.replace('mine.png', 'theirs.png'), meta.authorization, pngBytes());
      expect(res.status).toBe(403);
    });

    it('refuses an authorisation past its ten minutes', async () => {
      const meta = (await storage.app.getUploadMetadata({ cloudPath: 'cases/late.png' })).data;
      storage.advance(601);
      const res = await put(meta.url, meta.authorization, pngBytes());
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Request has expired');
      expect(await storage.stored('cases/late')).toEqual([]);
    });

    it('answers the SDK metadata in the shape it reads', async () => {
      const { data } = await storage.app.getUploadMetadata({ cloudPath: 'cases/shape.png' });
      expect(data).toEqual({
        url: `${storage.server.url}/storage/cos/cases/shape.png`,
        authorization: expect.stringContaining('q-signature='),
        token: expect.any(String),
        fileId: 'cloud://local-dev.6c6f-local-dev-1250000000/cases/shape.png',
        cosFileId: expect.any(String),
        download_url: expect.any(String),
      });
    });
  });
});
