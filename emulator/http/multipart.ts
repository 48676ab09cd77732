/**
 * Minimal multipart/form-data reader for the fields the SDK sends with `form-data`
 * (`wx.openApi` posts its params that way). Text fields become strings, file parts Buffers.
 */
export function parseMultipart(raw: Buffer, contentType: string): Record<string, string | Buffer> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!match) throw new Error('multipart body without boundary');
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
  const fields: Record<string, string | Buffer> = {};
  let start = raw.indexOf(boundary);
  while (start !== -1) {
    const partStart = start + boundary.length;
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = raw.indexOf(boundary, partStart);
    if (next === -1) break;
    const part = raw.subarray(partStart + 2, next - 2); // skip CRLF after boundary and before next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) fields[name] = /filename=|content-type:/i.test(headers) ? content : content.toString('utf8');
    start = next;
  }
  return fields;
}
