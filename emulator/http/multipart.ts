import busboy from 'busboy';

/** A multipart body that cannot be read (no boundary, a malformed part header, cut short): answered 400. */
export class MalformedMultipart extends Error {}

/**
 * multipart/form-data through busboy (the maintained parser behind multer and fastify), for what
 * the SDK's `wx.openApi` and the mini-program's `wx.uploadFile` send. The body is already in
 * memory, bounded by the route's byte limit. Text parts become strings; files and binary parts
 * (a filename, or application/octet-stream, as form-data sends a Buffer) become Buffers.
 */
export function parseMultipart(raw: Buffer, contentType: string): Promise<Record<string, string | Buffer>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string | Buffer> = {};
    const fail = (error: Error) => reject(new MalformedMultipart(error.message));
    let parser: busboy.Busboy;
    try {
      // No field is cut short: the byte limit upstream already bounds the whole body.
      parser = busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: raw.length } });
    } catch (error) {
      return fail(error as Error);
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        fields[name] = Buffer.concat(chunks);
      });
    });
    parser.on('error', fail);
    parser.on('close', () => resolve(fields));
    parser.end(raw);
  });
}
