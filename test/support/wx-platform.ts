/**
 * A test-side `wx`: the device APIs the mini-program calls, answered the way WeChat does
 * (success/fail/complete callbacks, or a promise when none is given), with what happened
 * recorded for assertions. `wx.request` goes over real HTTP with Node, so a test can point
 * the API client (miniprogram/config.ts `localHost`) at a stub or at the real local host.
 */
import http from 'node:http';
import { Buffer } from 'node:buffer';

type Callbacks<S> = { success?: (res: S) => void; fail?: (err: { errMsg: string }) => void; complete?: (res: unknown) => void };
type WxApi = (...args: any[]) => unknown;

export interface WxPlatformOptions {
  /** What `wx.getLocation` answers: a position, or `{ errMsg }` to fail with (e.g. 'getLocation:fail auth deny'). */
  location?: { latitude: number; longitude: number } | { errMsg: string };
  /** Initial storage for get/setStorageSync. */
  storage?: Record<string, unknown>;
  /** What `wx.showModal` answers; default confirm. */
  modalConfirm?: boolean;
}

export interface RecordedRequest {
  url: string;
  method: string;
  data: unknown;
  header: Record<string, string>;
}

export interface WxPlatform {
  /** The APIs this platform answers; `install()` puts them on the global `wx`. */
  api: Record<string, WxApi>;
  requests: RecordedRequest[];
  navigations: { method: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'; url?: string }[];
  toasts: { title: string; icon?: string }[];
  modals: { title?: string; content?: string }[];
  storage: Map<string, unknown>;
  location: WxPlatformOptions['location'];
  /** Merges the APIs onto `globalThis.wx` (keeping miniprogram-simulate's other mocks). */
  install(): void;
}

export function createWxPlatform(options: WxPlatformOptions = {}): WxPlatform {
  const platform: WxPlatform = {
    api: {},
    requests: [],
    navigations: [],
    toasts: [],
    modals: [],
    storage: new Map(Object.entries(options.storage ?? {})),
    location: options.location ?? { latitude: 22.5431, longitude: 114.0579 },
    install() {
      const g = globalThis as unknown as { wx?: Record<string, unknown> };
      g.wx = Object.assign(g.wx ?? {}, platform.api);
    },
  };

  const navigate = (method: WxPlatform['navigations'][number]['method']) =>
    asyncApi<{ url?: string }, { errMsg: string }>(method, async (o) => {
      platform.navigations.push({ method, url: o.url });
      return {};
    });

  platform.api = {
    getLocation: asyncApi<{ type?: string }, { latitude: number; longitude: number }>('getLocation', async () => {
      const answer = platform.location!;
      if ('errMsg' in answer) throw new WxFail(answer.errMsg);
      return { ...answer, speed: -1, accuracy: 30, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 };
    }),
    request: (o: RequestOptions & Callbacks<RequestAnswer>) => {
      platform.requests.push({ url: o.url, method: o.method ?? 'GET', data: o.data, header: { ...o.header } });
      const aborted = { value: false };
      httpRequest(o).then(
        (res) => !aborted.value && finish(o, { ...res, errMsg: 'request:ok' }),
        (err: Error) => !aborted.value && finish(o, undefined, { errMsg: `request:fail ${err.message}` }),
      );
      return { abort: () => void (aborted.value = true), onHeadersReceived: () => undefined, offHeadersReceived: () => undefined };
    },
    showToast: asyncApi<{ title: string; icon?: string }, object>('showToast', async (o) => {
      platform.toasts.push({ title: o.title, icon: o.icon });
      return {};
    }),
    showLoading: asyncApi('showLoading', async () => ({})),
    hideLoading: asyncApi('hideLoading', async () => ({})),
    showModal: asyncApi<{ title?: string; content?: string }, { confirm: boolean; cancel: boolean }>('showModal', async (o) => {
      platform.modals.push({ title: o.title, content: o.content });
      const confirm = options.modalConfirm ?? true;
      return { confirm, cancel: !confirm };
    }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    getStorageSync: (key: string) => (platform.storage.has(key) ? platform.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void platform.storage.set(key, value),
    removeStorageSync: (key: string) => void platform.storage.delete(key),
  };
  return platform;
}

/** A failure a wx API reports through `fail` with this errMsg. */
export class WxFail extends Error {}

/** WeChat's calling convention: callbacks if any are given, otherwise a promise. */
function asyncApi<O, S>(name: string, run: (options: O) => Promise<Partial<S>>): WxApi {
  return (options: O & Callbacks<S> = {} as O & Callbacks<S>) => {
    const outcome = run(options).then(
      (res) => ({ ok: true as const, res: { ...res, errMsg: `${name}:ok` } as unknown as S }),
      (err: Error) => ({ ok: false as const, err: { errMsg: err instanceof WxFail ? err.message : `${name}:fail ${err.message}` } }),
    );
    const usesCallbacks = Boolean(options.success || options.fail || options.complete);
    if (!usesCallbacks) return outcome.then((o) => (o.ok ? o.res : Promise.reject(o.err)));
    void outcome.then((o) => (o.ok ? finish(options, o.res) : finish(options, undefined, o.err)));
    return undefined;
  };
}

function finish<S>(callbacks: Callbacks<S>, res?: S, err?: { errMsg: string }): void {
  if (err) callbacks.fail?.(err);
  else callbacks.success?.(res as S);
  callbacks.complete?.(err ?? res);
}

interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
  dataType?: string;
}

interface RequestAnswer {
  statusCode: number;
  header: Record<string, string>;
  data: unknown;
  cookies: string[];
}

/** `wx.request` semantics: a JSON body for objects, the answer parsed as JSON when it is JSON. */
function httpRequest(o: RequestOptions): Promise<RequestAnswer> {
  return new Promise((resolve, reject) => {
    const method = (o.method ?? 'GET').toUpperCase();
    const url = new URL(o.url);
    let body: string | undefined;
    if (method === 'GET' && o.data && typeof o.data === 'object') {
      for (const [k, v] of Object.entries(o.data as Record<string, unknown>)) url.searchParams.set(k, String(v));
    } else if (o.data !== undefined) {
      body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data);
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', ...o.header };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const req = http.request(url, { method, headers, timeout: o.timeout ?? 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let data: unknown = text;
        if (o.dataType !== 'text') {
          try {
            data = JSON.parse(text);
          } catch {
            data = text;
          }
        }
        const header = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
        resolve({ statusCode: res.statusCode ?? 0, header, data, cookies: [] });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
