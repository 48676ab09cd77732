/**
 * A stand-in for the local function host (`POST /functions/<name>` with `{ action, ...input }`):
 * answers fixed ApiResults per `<name>.<action>` and records what it was sent.
 */
import http from 'node:http';
import { Buffer } from 'node:buffer';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  fn: string;
  body: Record<string, unknown>;
  openid: string | undefined;
}

/** A request to anything but `/functions/…` (e.g. the emulator's `/_emulator/wx/subscriptions`). */
export interface ReceivedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FunctionHostStub {
  url: string;
  calls: ReceivedCall[];
  /** Requests outside `/functions/`, answered `{}` with 200; not in `calls`. */
  otherRequests: ReceivedRequest[];
  /** Sets the answer (any JSON, usually an ApiResult) for `fn.action`. */
  answer(key: `${string}.${string}`, body: unknown, status?: number): void;
  /** Answers the next call of `fn.action` with this, once, before the standing answer (queued in order). */
  answerOnce(key: `${string}.${string}`, body: unknown, status?: number): void;
  close(): Promise<void>;
}

export async function startFunctionHostStub(): Promise<FunctionHostStub> {
  const answers = new Map<string, { body: unknown; status: number }>();
  const once = new Map<string, { body: unknown; status: number }[]>();
  const calls: ReceivedCall[] = [];
  const otherRequests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fn = /^\/functions\/([^/?]+)/.exec(req.url ?? '')?.[1];
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (fn === undefined) {
        otherRequests.push({ method: req.method ?? '', path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{}');
        return;
      }
      calls.push({ fn, body, openid: req.headers['x-wx-openid'] as string | undefined });
      const key = `${fn}.${String(body.action)}`;
      const found = once.get(key)?.shift() ??
        answers.get(key) ?? {
          status: 200,
          body: { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } },
        };
      res.writeHead(found.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(found.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    otherRequests,
    answer: (key, body, status = 200) => void answers.set(key, { body, status }),
    answerOnce: (key, body, status = 200) => void once.set(key, [...(once.get(key) ?? []), { body, status }]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
