import { randomUUID } from 'node:crypto';
import type { BinaryResponse } from '../types';

/**
 * COS answers in XML: an empty 200 for a stored object, `<Error>` otherwise. The SDK reads
 * Code, Message, RequestId and TraceId from the error (node-sdk storage `uploadFile`).
 */
export function cosError(status: number, code: string, message: string, resource: string): BinaryResponse {
  const requestId = randomUUID();
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n` +
    `  <Code>${escapeXml(code)}</Code>\n  <Message>${escapeXml(message)}</Message>\n` +
    `  <Resource>${escapeXml(resource)}</Resource>\n  <RequestId>${requestId}</RequestId>\n  <TraceId>${requestId}</TraceId>\n</Error>\n`;
  return { status, contentType: 'application/xml', binary: Buffer.from(xml), headers: { 'x-cos-request-id': requestId } };
}

export function cosStored(etag: string): BinaryResponse {
  return { contentType: 'text/plain', binary: Buffer.alloc(0), headers: { etag, 'x-cos-request-id': randomUUID() } };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
