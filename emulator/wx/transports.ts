import { CloudBaseError, type AdminHandler } from '../types';
import { wechatError, type WxAnswer } from './answers';
import { API_TYPE_OPEN_API, decodeCommApiData, encodeCommOpenApiResp, type OpenApiRequest, type OpenApiResponse } from './open-api-body';

/**
 * The two ways @cloudbase/node-sdk reaches WeChat open APIs, both ending in one dispatcher:
 * - `wx.api` (callWxOpenApi): JSON; `requestData` is the parameters as a JSON string and
 *   the answer `{ data: { responseData: <WeChat's body as a string> } }`.
 * - `wx.openApi` (callCompatibleWxOpenApi): multipart; `requestData` is wx-server-sdk's
 *   protobuf CommApiData and the answer raw protobuf CommOpenApiResp (see open-api-body).
 */
export interface WxCall {
  apiName: string;
  params: Record<string, unknown>;
  /** The calling function's WX_API_TOKEN, which tells CloudBase who is calling. */
  wxCloudApiToken: string;
}

export type WxDispatch = (call: WxCall) => Promise<WxAnswer>;

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonTransport(dispatch: WxDispatch): AdminHandler {
  return async (request) => {
    const params = parseJsonParams(request.requestData);
    const answer = await dispatch({ apiName: String(request.apiName ?? ''), params, wxCloudApiToken: token(request.wxCloudApiToken) });
    switch (answer.kind) {
      case 'json':
        return { data: { responseData: JSON.stringify(answer.body) } };
      case 'http-error':
        return { data: { responseData: answer.bytes.toString('utf8') } };
      case 'system-error':
        return { data: { responseData: JSON.stringify({ errcode: answer.errorCode, errmsg: `system error: error code: ${answer.errorCode}` }) } };
      case 'binary':
        // responseData is a string the SDK JSON-parses; it cannot carry an image faithfully.
        throw new CloudBaseError(
          'INVALID_PARAM',
          `[emulator] ${request.apiName} answers ${answer.contentType}, which wx.api cannot carry; call it through wx.openApi (callCompatibleWxOpenApi)`,
        );
    }
  };
}

export function openApiTransport(dispatch: WxDispatch): AdminHandler {
  return async (request) => {
    const apiName = String(request.apiName ?? '');
    const pairs = decodeRequestData(request.requestData, apiName);
    let params: Record<string, unknown>;
    try {
      params = Object.fromEntries(pairs.map((pair) => [pair.key, pair.contentType ? pair.value : JSON.parse(pair.value.toString('utf8'))]));
    } catch {
      return binary({ respData: jsonBytes(wechatError(47001, 'data format error')), contentType: JSON_TYPE, httpCode: 200 });
    }
    const answer = await dispatch({ apiName, params, wxCloudApiToken: token(request.wxCloudApiToken) });
    switch (answer.kind) {
      case 'json':
        return binary({ respData: jsonBytes(answer), contentType: JSON_TYPE, httpCode: 200 });
      case 'binary':
        return binary({ respData: answer.bytes, contentType: answer.contentType, httpCode: 200 });
      case 'http-error':
        return binary({ respData: answer.bytes, contentType: answer.contentType, httpCode: answer.status });
      case 'system-error':
        return binary({ errorCode: answer.errorCode });
    }
  };
}

function parseJsonParams(requestData: unknown): Record<string, unknown> {
  if (requestData === undefined || requestData === '') return {};
  try {
    const params = JSON.parse(String(requestData)) as unknown;
    if (typeof params === 'object' && params !== null && !Array.isArray(params)) return params as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new CloudBaseError('INVALID_PARAM', '[emulator] wx.api requestData must be a JSON object string');
}

function decodeRequestData(requestData: unknown, apiName: string) {
  if (requestData === undefined) throw new CloudBaseError('INVALID_PARAM', '[emulator] wx.openApi without requestData');
  const buffer = Buffer.isBuffer(requestData) ? requestData : Buffer.from(String(requestData), 'utf8');
  let decoded: OpenApiRequest;
  try {
    decoded = decodeCommApiData(buffer);
  } catch (error) {
    throw new CloudBaseError(
      'INVALID_PARAM',
      `[emulator] wx.openApi ${apiName}: requestData is not wx-server-sdk's protobuf CommApiData (${(error as Error).message}); call WeChat through backend/platform/wx-gateway`,
    );
  }
  if (decoded.apiType !== API_TYPE_OPEN_API) {
    throw new CloudBaseError('OPERATION_NOT_SUPPORTED', `[emulator] wx.openApi apiType ${decoded.apiType} (svrkit/inner/token APIs) is not emulated`);
  }
  return decoded.pairs;
}

const token = (value: unknown): string => (typeof value === 'string' ? value : '');
const jsonBytes = (answer: WxAnswer): Buffer => Buffer.from(JSON.stringify(answer.kind === 'json' ? answer.body : {}), 'utf8');

function binary(response: OpenApiResponse) {
  // Not `application/json; charset=utf-8`, so the SDK hands the bytes back untouched.
  return { binary: encodeCommOpenApiResp(response), contentType: 'application/octet-stream' };
}
