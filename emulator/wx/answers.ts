import { randomBytes } from 'node:crypto';

/**
 * What an emulated WeChat API answers, before a transport (`wx.api` JSON or `wx.openApi`
 * protobuf) wraps it for the SDK.
 */
export type WxAnswer =
  /** WeChat's JSON body, success or `{ errcode, errmsg }`. */
  | { kind: 'json'; body: Record<string, unknown> }
  /** A successful binary body, e.g. wxacode's image. */
  | { kind: 'binary'; contentType: string; bytes: Buffer }
  /** WeChat itself failed at the HTTP level (5xx), as CloudBase relays it. */
  | { kind: 'http-error'; status: number; contentType: string; bytes: Buffer }
  /** CloudBase's cloud-call layer refused before WeChat was asked (e.g. -604101). */
  | { kind: 'system-error'; errorCode: number };

export type WxApiHandler = (params: Record<string, unknown>) => WxAnswer | Promise<WxAnswer>;

/** WeChat appends a request id to every errmsg; code should never parse errmsg anyway. */
function rid(): string {
  const hex = () => randomBytes(4).toString('hex');
  return `${hex()}-${hex()}-${hex()}`;
}

export function wechatError(errcode: number, errmsg: string): WxAnswer {
  return { kind: 'json', body: { errcode, errmsg: `${errmsg} rid: ${rid()}` } };
}

export function wechatOk(extra: Record<string, unknown> = {}): WxAnswer {
  return { kind: 'json', body: { errcode: 0, errmsg: 'ok', ...extra } };
}

/** Cloud-call system error for an API the emulator does not offer or the function may not call. */
export const NO_PERMISSION_ERRCODE = -604101;

/** The same loose check WeChat's 40003 implies: openids are short tokens of [A-Za-z0-9_-]. */
export function isPlausibleOpenid(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

export function traceId(): string {
  return rid();
}
