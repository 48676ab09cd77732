import type { Result } from '../domain/result';
import type { CloudBaseApp } from './cloudbase';
import type { SubscribeData } from './subscribe-fields';
import { TRANSPORT_ERRCODE, transportFailure, wxFailure, type WxFailure } from './wx-error-policy';
import { decodeOpenApiResponse, encodeOpenApiRequest, jsonPairs, type OpenApiResponse } from './wx-openapi-wire';

/**
 * The one way cloud functions call WeChat open APIs. Failures are values: a failure's `retryable`
 * says whether the same call may succeed later (busy, 5xx, timeout) or never will.
 *
 * Transport: node-sdk's callCompatibleWxOpenApi carrying wx-server-sdk's protobuf body, i.e. the
 * request `cloud.openapi.*` (WeChat's documented path) makes, from the SDK the project uses everywhere.
 */

/**
 * Cloud calls are refused (system error -604101) unless the calling function's config.json
 * lists them — `{ "permissions": { "openapi": [...WX_OPENAPI_PERMISSIONS] } }` — and a
 * changed list takes about ten minutes to apply after deploying.
 */
export const WX_OPENAPI_PERMISSIONS = ['subscribeMessage.send', 'security.msgSecCheck', 'wxacode.getUnlimited'] as const;
export type WxOpenApiName = (typeof WX_OPENAPI_PERMISSIONS)[number];

export type { WxFailure } from './wx-error-policy';

export interface SubscribeMessageInput {
  touser: string;
  templateId: string;
  /** A page of this mini-program, query allowed: `pages/case/index?id=…`. */
  page?: string;
  /** Shape it with `fitData` (subscribe-fields) first: WeChat refuses values over its limits. */
  data: SubscribeData;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

export interface MsgSecCheckInput {
  content: string;
  /** The author; WeChat wants someone who used the mini-program in the last two hours. */
  openid: string;
  /** 1 profile, 2 comment, 3 forum, 4 social log. */
  scene: 1 | 2 | 3 | 4;
  title?: string;
  nickname?: string;
}

export interface MsgSecVerdict {
  suggest: 'pass' | 'review' | 'risky';
  /** 100 normal; 10001 ad; 20001 politics; 20002 porn; 20003 abuse; 20006 crime; 20008 fraud; 20012 vulgar; 20013 copyright; 21000 other. */
  label: number;
  traceId: string;
}

export interface QrCodeInput {
  /** ≤ 32 of `0-9a-zA-Z!#$&'()*+,/:;=?@-._~`; the page reads it as `options.scene`. */
  scene: string;
  /** No leading '/', no query; default the home page. */
  page?: string;
  /** 280–1280 px; WeChat's default is 430. */
  width?: number;
  envVersion?: 'release' | 'trial' | 'develop';
  /** false allows pages not yet published. */
  checkPath?: boolean;
}

export interface QrCodeImage {
  image: Buffer;
  contentType: string;
}

export interface WxGateway {
  sendSubscribeMessage(input: SubscribeMessageInput): Promise<Result<null, WxFailure>>;
  msgSecCheck(input: MsgSecCheckInput): Promise<Result<MsgSecVerdict, WxFailure>>;
  getUnlimitedQrCode(input: QrCodeInput): Promise<Result<QrCodeImage, WxFailure>>;
}

export interface WxGatewayOptions {
  /** Per call; keep it under the function's own timeout. */
  timeoutMs?: number;
}

type OpenApiCaller = Pick<CloudBaseApp, 'callCompatibleWxOpenApi'>;

export function createWxGateway(app: OpenApiCaller, options: WxGatewayOptions = {}): WxGateway {
  const timeout = options.timeoutMs ?? 5000;

  async function call(apiName: WxOpenApiName, params: Record<string, unknown>): Promise<Result<OpenApiResponse, WxFailure>> {
    let raw: unknown;
    try {
      const requestData = encodeOpenApiRequest(jsonPairs(params));
      raw = await app.callCompatibleWxOpenApi({ apiName, requestData }, { timeout });
    } catch (error) {
      return transportFailure(error);
    }
    // The SDK hands back JSON only when CloudBase itself answered an error object.
    if (!Buffer.isBuffer(raw)) return transportFailure(raw);
    let response: OpenApiResponse;
    try {
      response = decodeOpenApiResponse(raw);
    } catch (error) {
      return wxFailure(TRANSPORT_ERRCODE, `unreadable wx.openApi answer: ${(error as Error).message}`, true);
    }
    if (response.errorCode !== 0) return wxFailure(response.errorCode, `system error: error code: ${response.errorCode}`);
    if (response.httpCode >= 500) return wxFailure(TRANSPORT_ERRCODE, `WeChat answered HTTP ${response.httpCode}`, true);
    return { ok: true, value: response };
  }

  async function callJson(apiName: WxOpenApiName, params: Record<string, unknown>): Promise<Result<Record<string, unknown>, WxFailure>> {
    const answer = await call(apiName, params);
    return answer.ok ? wechatJson(answer.value) : answer;
  }

  return {
    async sendSubscribeMessage(input) {
      const answer = await callJson('subscribeMessage.send', {
        touser: input.touser,
        template_id: input.templateId,
        page: input.page,
        data: input.data,
        miniprogram_state: input.miniprogramState,
        lang: input.lang,
      });
      return answer.ok ? { ok: true, value: null } : answer;
    },

    async msgSecCheck(input) {
      const answer = await callJson('security.msgSecCheck', {
        content: input.content,
        version: 2,
        scene: input.scene,
        openid: input.openid,
        title: input.title,
        nickname: input.nickname,
      });
      if (!answer.ok) return answer;
      const result = answer.value.result as { suggest?: unknown; label?: unknown } | undefined;
      if (!result || !['pass', 'review', 'risky'].includes(String(result.suggest))) {
        return wxFailure(TRANSPORT_ERRCODE, `msgSecCheck answered without a verdict: ${JSON.stringify(answer.value)}`, true);
      }
      const traceId = String(answer.value.trace_id ?? '');
      return { ok: true, value: { suggest: result.suggest as MsgSecVerdict['suggest'], label: Number(result.label), traceId } };
    },

    async getUnlimitedQrCode(input) {
      const answer = await call('wxacode.getUnlimited', {
        scene: input.scene,
        page: input.page,
        width: input.width,
        env_version: input.envVersion,
        check_path: input.checkPath,
      });
      if (!answer.ok) return answer;
      // Success is the image itself; a failure is WeChat's JSON error.
      if (answer.value.contentType.startsWith('image/')) {
        return { ok: true, value: { image: answer.value.respData, contentType: answer.value.contentType } };
      }
      const error = wechatJson(answer.value);
      return error.ok ? wxFailure(TRANSPORT_ERRCODE, 'wxacode.getUnlimited answered no image', true) : error;
    },
  };
}

/** WeChat's JSON answer; a non-zero errcode becomes a failure. */
function wechatJson(response: OpenApiResponse): Result<Record<string, unknown>, WxFailure> {
  const text = response.respData.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return wxFailure(TRANSPORT_ERRCODE, `WeChat answered ${response.contentType || 'no content type'}: ${text.slice(0, 200)}`, true);
  }
  if (typeof body !== 'object' || body === null) return wxFailure(TRANSPORT_ERRCODE, `WeChat answered ${text.slice(0, 200)}`, true);
  const { errcode, errmsg } = body as { errcode?: unknown; errmsg?: unknown };
  if (typeof errcode === 'number' && errcode !== 0) return wxFailure(errcode, String(errmsg ?? ''));
  return { ok: true, value: body as Record<string, unknown> };
}
