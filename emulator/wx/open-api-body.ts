import { bytesField, int32Of, readFields, stringField, uint32Of, varintField, WireError } from './protobuf-wire';

/**
 * The messages CloudBase's `wx.openApi` action carries, as wx-server-sdk defines them in its
 * generated `protobuf/openapi.js` (field numbers below are that file's):
 *
 *   message KeyValuePair    { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
 *   message OpenApiData     { repeated KeyValuePair pairs = 1; }
 *   message CommApiData     { ApiType apiType = 1; OpenApiData openapiData = 2; InnerApiData innerData = 3;
 *                             SvrkitApiData svrkitData = 4; TokenApiData tokenData = 5; string appid = 6; }
 *   enum    ApiType         { OPEN_API = 0; INNER_API = 1; SVRKIT_API = 2; TOKEN_API = 3; }
 *   message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3;
 *                             uint32 httpCode = 4; repeated HttpHeader headers = 5; int32 svrkitErrorCode = 6; }
 *
 * `cloud.openapi.<api>(params)` sends one pair per parameter, its value the JSON text.
 */

export const API_TYPE_OPEN_API = 0;

export interface RequestPair {
  key: string;
  value: Buffer;
  /** Set for file parts (media uploads); JSON parameters have none. */
  contentType?: string;
  filename?: string;
}

export interface OpenApiRequest {
  apiType: number;
  pairs: RequestPair[];
}

const COMM_API_DATA_WIRE: Record<number, number> = { 1: 0, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2 };

/** Throws WireError when the bytes are not a CommApiData. */
export function decodeCommApiData(body: Buffer): OpenApiRequest {
  const request: OpenApiRequest = { apiType: API_TYPE_OPEN_API, pairs: [] };
  for (const field of readFields(body)) {
    // A known field with the wrong wire type means the bytes are some other message.
    const expected = COMM_API_DATA_WIRE[field.no];
    if (expected !== undefined && field.wire !== expected) throw new WireError(`CommApiData field ${field.no} has wire type ${field.wire}`);
    if (field.no === 1 && field.wire === 0) request.apiType = int32Of(field.varint);
    if (field.no === 2 && field.wire === 2) request.pairs.push(...decodeOpenApiData(field.bytes));
  }
  return request;
}

function decodeOpenApiData(bytes: Buffer): RequestPair[] {
  return readFields(bytes)
    .filter((field): field is Extract<typeof field, { wire: 2 }> => field.no === 1 && field.wire === 2)
    .map((field) => decodePair(field.bytes));
}

function decodePair(bytes: Buffer): RequestPair {
  const pair: RequestPair = { key: '', value: Buffer.alloc(0) };
  for (const field of readFields(bytes)) {
    if (field.wire !== 2) continue;
    if (field.no === 1) pair.key = field.bytes.toString('utf8');
    else if (field.no === 2) pair.value = Buffer.from(field.bytes);
    else if (field.no === 3) pair.contentType = field.bytes.toString('utf8');
    else if (field.no === 4) pair.filename = field.bytes.toString('utf8');
  }
  return pair;
}

export interface OpenApiResponse {
  respData?: Buffer;
  contentType?: string;
  /** CloudBase's cloud-call layer refusing, e.g. -604101 (API not in config.json). */
  errorCode?: number;
  /** WeChat's HTTP status as CloudBase saw it. */
  httpCode?: number;
}

export function encodeCommOpenApiResp(response: OpenApiResponse): Buffer {
  return Buffer.concat([
    response.respData === undefined ? Buffer.alloc(0) : bytesField(1, response.respData),
    response.contentType === undefined ? Buffer.alloc(0) : stringField(2, response.contentType),
    varintField(3, response.errorCode ?? 0),
    varintField(4, uint32Of(BigInt(response.httpCode ?? 0))),
  ]);
}
