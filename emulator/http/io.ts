import type http from 'node:http';
import { jsonDepthExceeds } from './json-depth';
import { parseMultipart } from './multipart';

/** How much of a request body the server takes before it answers instead of reading on. */
export interface BodyLimits {
  /** Bytes, declared (content-length) or counted as they arrive. */
  maxBytes?: number;
  /** Levels of JSON objects and arrays, the outermost included. */
  maxDepth?: number;
}

/** Past `maxBytes`: answered 413 without buffering the rest. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${describeBytes(limit)}`);
  }
}

/** JSON nested past `maxDepth`: answered 400 before it is parsed. */
export class JsonTooDeep extends Error {
  constructor(readonly limit: number) {
    super(`request body nests objects or arrays deeper than ${limit} levels`);
  }
}

/** The body as sent, refused past `maxBytes` (declared or counted) without buffering the rest. */
export function readRawBody(req: http.IncomingMessage, maxBytes = Infinity): Promise<Buffer> {
  if (Number(req.headers['content-length']) > maxBytes) return Promise.reject(new BodyTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLarge(maxBytes));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * Reads a request body: JSON, or multipart/form-data (the SDK's `wx.openApi` sends that).
 * The depth is checked on the bytes before parsing: a body nested 100,000 deep parses fine
 * but overflows the stack of whatever walks or re-serialises it afterwards.
 */
export async function readBody(req: http.IncomingMessage, limits: BodyLimits = {}): Promise<unknown> {
  const raw = await readRawBody(req, limits.maxBytes);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  if (raw.length === 0) return {};
  if (limits.maxDepth !== undefined && jsonDepthExceeds(raw, limits.maxDepth)) throw new JsonTooDeep(limits.maxDepth);
  return JSON.parse(raw.toString('utf8'));
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const MB = 1024 * 1024;

function describeBytes(bytes: number): string {
  return bytes >= MB && bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}
