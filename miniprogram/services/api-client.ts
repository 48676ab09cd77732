/**
 * The typed API client: the only place that knows how a call travels.
 * Every call answers an ApiResult; a page never sees an exception or a transport detail.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../typings/api';
import type { ApiError, ApiResult } from '../../typings/errors';
import { config } from '../config';
import { transportMode } from './transport-mode';

/** What a person sees when the answer never arrived or made no sense. */
export const NETWORK_FAILURE: ApiError = { code: 'INTERNAL', message: '网络不给力，请稍后重试' };

const REQUEST_TIMEOUT_MS = 15_000;

/** Transport set-up, once at launch (app.ts): cloud mode needs `wx.cloud.init`. */
export function initTransport(): void {
  if (transportMode() === 'cloud') wx.cloud.init({ env: config.cloudEnv, traceUser: true });
}

export function callApi<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>): Promise<ApiResult<ActionOutput<F, A>>> {
  const data: Record<string, unknown> = { ...(input as object), action };
  // The executor also catches a transport that throws synchronously (e.g. wx.cloud missing).
  const answer = new Promise<unknown>((resolve) => resolve(transportMode() === 'cloud' ? viaCloud(fn, data) : viaLocalHost(fn, data)));
  return answer.then(
    (body) => (isApiResult(body) ? (body as ApiResult<ActionOutput<F, A>>) : failure(`${fn}.${action}: not an ApiResult`, body)),
    (reason: unknown) => failure(`${fn}.${action}: transport failed`, reason),
  );
}

function viaCloud(name: string, data: Record<string, unknown>): Promise<unknown> {
  return wx.cloud.callFunction({ name, data }).then((res) => res.result);
}

function viaLocalHost(name: string, data: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${config.localHost}/functions/${name}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', 'X-WX-OPENID': config.localOpenid },
      timeout: REQUEST_TIMEOUT_MS,
      // A function answers every expected failure as an ApiResult, whatever the HTTP status.
      success: (res) => resolve(res.data),
      fail: (err) => reject(err),
    });
  });
}

export function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const { ok, data, error } = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ok === true) return data !== undefined;
  return ok === false && typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

function failure(what: string, detail: unknown): { ok: false; error: ApiError } {
  // For the developer console only; the person sees the sentence in NETWORK_FAILURE.
  console.warn(`[api] ${what}`, detail);
  return { ok: false, error: { ...NETWORK_FAILURE } };
}
