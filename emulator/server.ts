import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AdminRequest, AdminRequestMeta, AdminResponse, BinaryResponse, CloudBaseError, EmulatorService, HttpAnswer, InspectRoute } from './types';
import { callerAllowed, TOKEN_HEADER } from './http/callers';
import { BodyTooLarge, JsonTooDeep, readBody, readRawBody, sendJson } from './http/io';
import { MalformedMultipart } from './http/multipart';

/**
 * The emulator's HTTP front: one `POST /admin` endpoint speaking @cloudbase/node-sdk's
 * protocol, dispatching on `action` to the services, plus inspection routes for tests.
 */
export interface AdminServer {
  url: string;
  /** What `tcb.init({ serviceUrl })` needs. */
  serviceUrl: string;
  port: number;
  close(): Promise<void>;
}

/**
 * JSON bodies of `/admin` and of routes that set no limit of their own: CloudBase's limit for
 * requests other than function calls (100 MB), and the database's nesting limit (MongoDB's
 * BSON documents nest at most 100 levels), so no body can overflow the stack of the code
 * that walks it.
 */
const DEFAULT_BODY_LIMITS = { maxBytes: 100 * 1024 * 1024, maxDepth: 100 } as const;

export interface AdminServerOptions {
  port?: number;
  host?: string;
  /**
   * What a caller from another machine must send in `X-Emulator-Token` to use `/admin` and
   * `/_emulator/*` (http/callers.ts). Without it only this machine may.
   */
  operatorToken?: string;
}

export async function startAdminServer(services: EmulatorService[], options: AdminServerOptions = {}): Promise<AdminServer> {
  const actions = new Map<string, EmulatorService['actions'][string]>();
  const routes: InspectRoute[] = [];
  for (const service of services) {
    for (const [name, handler] of Object.entries(service.actions)) actions.set(name, handler);
    routes.push(...(service.routes ?? []));
  }

  // Every SDK request that reaches `/admin`, by action: a round trip to CloudBase, counted
  // where it arrives rather than by the code that makes it (GET/DELETE /_emulator/requests).
  const requests = new Map<string, number>();
  routes.push(
    { method: 'GET', path: '/_emulator/requests', handle: async () => requestCounts(requests) },
    {
      method: 'DELETE',
      path: '/_emulator/requests',
      handle: async () => {
        const counted = requestCounts(requests);
        requests.clear();
        return counted;
      },
    },
  );

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read: answer, then drop the connection.
        res.setHeader('connection', 'close');
        res.once('finish', () => req.destroy());
        sendJson(res, 413, { code: 'PAYLOAD_TOO_LARGE', message: error.message });
      } else if (error instanceof JsonTooDeep) sendJson(res, 400, { code: 'JSON_TOO_DEEP', message: error.message });
      else if (error instanceof MalformedMultipart) sendJson(res, 400, { code: 'INVALID_MULTIPART', message: `unreadable multipart body: ${error.message}` });
      else if (error instanceof SyntaxError) sendJson(res, 400, { code: 'INVALID_JSON', message: 'request body is not valid JSON' });
      else sendJson(res, 500, { code: 'SYS_ERR', message: internalMessage(error) });
    });
  });
  server.keepAliveTimeout = 65_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const caller = { method: req.method ?? 'GET', pathname: url.pathname, remoteAddress: req.socket.remoteAddress, token: req.headers[TOKEN_HEADER] };
    if (!callerAllowed(caller, options.operatorToken)) {
      // Refused before the body is read: close the connection rather than drain it.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
      sendJson(res, 403, {
        code: 'PERMISSION_DENIED',
        message: `${url.pathname} answers callers on this machine only; from another machine send the token npm start printed in ${TOKEN_HEADER}`,
      });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/admin') {
      const body = (await readBody(req, DEFAULT_BODY_LIMITS)) as AdminRequest;
      const action = typeof body?.action === 'string' ? body.action : '?';
      requests.set(action, (requests.get(action) ?? 0) + 1);
      sendAdminAnswer(res, await dispatch(body, { headers: req.headers }));
      return;
    }
    // HEAD is GET without the body (node's ServerResponse drops it for HEAD).
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = routes.find((r) => r.method === method && routeMatches(r.path, url.pathname));
    if (route) {
      const body =
        method === 'GET'
          ? undefined
          : route.rawBody
            ? await readRawBody(req, route.maxBodyBytes)
            : await readBody(req, { maxBytes: route.maxBodyBytes ?? DEFAULT_BODY_LIMITS.maxBytes, maxDepth: route.maxJsonDepth ?? DEFAULT_BODY_LIMITS.maxDepth });
      const rest = route.path.endsWith('/*') ? url.pathname.slice(route.path.length - 1) : '';
      const answer = await route.handle(url.searchParams, body, { query: url.searchParams, body, headers: req.headers, rest });
      if (answer instanceof HttpAnswer) sendJson(res, answer.status, answer.body);
      else if (isBinary(answer)) sendBinary(res, answer);
      else sendJson(res, 200, answer);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/health') {
      sendJson(res, 200, { ok: true });
      return;
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route ${req.method} ${url.pathname}` });
  }

  async function dispatch(body: AdminRequest, meta: AdminRequestMeta): Promise<AdminResponse | BinaryResponse> {
    const requestId = randomUUID();
    const handler = body && typeof body.action === 'string' ? actions.get(body.action) : undefined;
    if (!handler) {
      // Never a silently wrong answer: an action we do not emulate fails loudly.
      return {
        requestId,
        code: 'OPERATION_NOT_SUPPORTED',
        message: `[emulator] action "${String(body?.action)}" is not supported by the local CloudBase emulator`,
      };
    }
    try {
      const answer = await handler(body, meta);
      return isBinary(answer) ? answer : { requestId, ...answer };
    } catch (error) {
      if (error instanceof CloudBaseError) return { requestId, code: error.code, message: error.message };
      return { requestId, code: 'SYS_ERR', message: internalMessage(error) };
    }
  }

  function sendAdminAnswer(res: http.ServerResponse, answer: AdminResponse | BinaryResponse): void {
    if (isBinary(answer)) {
      sendBinary(res, answer);
      return;
    }
    // CloudBase answers errors with HTTP 200 and a `code`; the SDK turns that into a throw.
    sendJson(res, 200, answer);
  }

  function routeMatches(pattern: string, pathname: string): boolean {
    return pattern.endsWith('/*') ? pathname.startsWith(pattern.slice(0, -1)) : pattern === pathname;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    serviceUrl: `${url}/admin`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const service of services) await service.close?.();
    },
  };
}

function isBinary(answer: unknown): answer is BinaryResponse {
  return typeof answer === 'object' && answer !== null && Buffer.isBuffer((answer as BinaryResponse).binary);
}

function sendBinary(res: http.ServerResponse, answer: BinaryResponse): void {
  res.writeHead(answer.status ?? 200, {
    ...answer.headers,
    'content-type': answer.contentType,
    'content-length': answer.binary.length,
  });
  res.end(answer.binary);
}

/**
 * An unexpected failure as the caller sees it: CloudBase never answers with its stack or its
 * file paths, so neither do we — the first line of the message, paths masked.
 */
export function internalMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const masked = text
    .split('\n')[0]
    .replace(/(?:file:\/\/)?(?:[A-Za-z]:)?(?:[\\/][^\s'"`()\\/:]*)+(?::\d+)*/g, '<path>')
    // A stack frame quoted inside the message: "at fn (<path>)" or "at <path>".
    .replace(/\s+at\s+(?:\S+\s+)?\(?\S*<path>\)?/g, '');
  return `[emulator] internal error: ${masked}`;
}

/** `{ total, byAction }` of the requests counted since the last reset. */
function requestCounts(requests: ReadonlyMap<string, number>): { total: number; byAction: Record<string, number> } {
  const byAction = Object.fromEntries([...requests.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { total: Object.values(byAction).reduce((sum, n) => sum + n, 0), byAction };
}
