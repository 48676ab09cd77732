import { CloudBaseError } from '../types';
import { wechatError, type WxAnswer } from './answers';

/**
 * Injected failures for reliability tests: the next `times` calls of an API answer a
 * WeChat errcode, an HTTP 5xx from WeChat, a CloudBase error, or arrive late (a client
 * with a shorter timeout sees a timeout). In memory only: a restart clears them.
 */
export interface Fault {
  /** An API name such as `subscribeMessage.send`, or `*` for every API. */
  apiName: string;
  errcode?: number;
  errmsg?: string;
  httpStatus?: number;
  /** A CloudBase error code (e.g. `SYS_ERR`): the SDK throws it. */
  tcbCode?: string;
  delayMs?: number;
  times: number;
}

const CANNED_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  43101: 'user refuse to accept the msg',
};

export function parseFault(body: unknown): Fault | string {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const f = body as Record<string, unknown>;
  if (typeof f.apiName !== 'string' || f.apiName === '') return 'apiName is required (or "*")';
  const optionalNumber = (key: string) => f[key] === undefined || (typeof f[key] === 'number' && Number.isInteger(f[key]));
  for (const key of ['errcode', 'httpStatus', 'delayMs', 'times']) if (!optionalNumber(key)) return `${key} must be an integer`;
  if (f.tcbCode !== undefined && typeof f.tcbCode !== 'string') return 'tcbCode must be a string';
  if (f.errmsg !== undefined && typeof f.errmsg !== 'string') return 'errmsg must be a string';
  const effects = ['errcode', 'httpStatus', 'tcbCode', 'delayMs'].filter((key) => f[key] !== undefined);
  if (effects.length === 0) return 'give errcode, httpStatus, tcbCode or delayMs';
  if (f.httpStatus !== undefined && ((f.httpStatus as number) < 400 || (f.httpStatus as number) > 599)) return 'httpStatus must be 4xx or 5xx';
  const times = (f.times as number | undefined) ?? 1;
  if (times < 1) return 'times must be at least 1';
  return {
    apiName: f.apiName,
    errcode: f.errcode as number | undefined,
    errmsg: f.errmsg as string | undefined,
    httpStatus: f.httpStatus as number | undefined,
    tcbCode: f.tcbCode as string | undefined,
    delayMs: f.delayMs as number | undefined,
    times,
  };
}

export interface FaultQueue {
  add(fault: Fault): void;
  list(): Fault[];
  clear(): void;
  /** Applies the first fault queued for this API: waits, then throws or answers; undefined to go on normally. */
  apply(apiName: string): Promise<WxAnswer | undefined>;
}

export function createFaultQueue(): FaultQueue {
  let faults: Fault[] = [];
  return {
    add: (fault) => void faults.push({ ...fault }),
    list: () => faults.map((fault) => ({ ...fault })),
    clear: () => void (faults = []),
    async apply(apiName) {
      const fault = faults.find((f) => f.apiName === apiName || f.apiName === '*');
      if (!fault) return undefined;
      if (--fault.times <= 0) faults = faults.filter((f) => f !== fault);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs).unref());
      if (fault.tcbCode) throw new CloudBaseError(fault.tcbCode, `[emulator] injected fault for ${apiName}`);
      if (fault.httpStatus) {
        const page = `<html><body><h1>${fault.httpStatus}</h1>injected by the emulator</body></html>`;
        return { kind: 'http-error', status: fault.httpStatus, contentType: 'text/html', bytes: Buffer.from(page) };
      }
      if (fault.errcode !== undefined) return wechatError(fault.errcode, fault.errmsg ?? CANNED_ERRMSG[fault.errcode] ?? 'injected error');
      return undefined; // only a delay: answer normally, late
    },
  };
}
