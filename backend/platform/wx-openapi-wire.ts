/**
 * The body of CloudBase's `wx.openApi` action: protobuf, exactly as wx-server-sdk's
 * `cloud.openapi.*` sends it. Request `CommApiData { apiType = OPEN_API, openapiData {
 * pairs: KeyValuePair { key, value = JSON bytes } } }`; answer `CommOpenApiResp {
 * respData, contentType, errorCode, httpCode }`. Field numbers from wx-server-sdk's
 * generated protobuf/openapi.js. Hand-written because it is five messages and no
 * protobuf runtime is installed. Pure; the emulator decodes with the same module.
 */

/** CommApiData.ApiType.OPEN_API: a WeChat open API called by its cloud-call name. */
export const OPEN_API = 0;

export interface OpenApiPair {
  key: string;
  /** The parameter as JSON text (a file part would carry raw bytes with a contentType). */
  value: Buffer;
  contentType?: string;
  filename?: string;
}

export interface OpenApiRequest {
  apiType: number;
  pairs: OpenApiPair[];
}

export interface OpenApiResponse {
  respData: Buffer;
  contentType: string;
  /** Non-zero when CloudBase's cloud-call layer refused, e.g. -604101 (not in config.json). */
  errorCode: number;
  /** WeChat's HTTP status, as CloudBase saw it. */
  httpCode: number;
}

// ---- request ----

export function encodeOpenApiRequest(pairs: OpenApiPair[]): Buffer {
  const encodedPairs = pairs.map((pair) =>
    message([
      stringField(1, pair.key),
      bytesField(2, pair.value),
      pair.contentType === undefined ? [] : stringField(3, pair.contentType),
      pair.filename === undefined ? [] : stringField(4, pair.filename),
    ]),
  );
  const openapiData = message(encodedPairs.map((pair) => bytesField(1, pair)));
  return message([varintField(1, OPEN_API), bytesField(2, openapiData)]);
}

export function decodeOpenApiRequest(buffer: Buffer): OpenApiRequest {
  const request: OpenApiRequest = { apiType: OPEN_API, pairs: [] };
  for (const field of readFields(buffer)) {
    if (field.no === 1 && field.wire === 0) request.apiType = toInt32(field.varint);
    if (field.no === 2 && field.wire === 2) {
      for (const pairField of readFields(field.bytes)) {
        if (pairField.no === 1 && pairField.wire === 2) request.pairs.push(decodePair(pairField.bytes));
      }
    }
  }
  return request;
}

function decodePair(buffer: Buffer): OpenApiPair {
  const pair: OpenApiPair = { key: '', value: Buffer.alloc(0) };
  for (const field of readFields(buffer)) {
    if (field.wire !== 2) continue;
    if (field.no === 1) pair.key = field.bytes.toString('utf8');
    if (field.no === 2) pair.value = field.bytes;
    if (field.no === 3) pair.contentType = field.bytes.toString('utf8');
    if (field.no === 4) pair.filename = field.bytes.toString('utf8');
  }
  return pair;
}

/** Parameters as wx-server-sdk sends them: one pair per top-level key, its value as JSON. */
export function jsonPairs(params: Record<string, unknown>): OpenApiPair[] {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value), 'utf8') }));
}

// ---- response ----

export function encodeOpenApiResponse(response: Partial<OpenApiResponse>): Buffer {
  return message([
    response.respData === undefined ? [] : bytesField(1, response.respData),
    response.contentType === undefined ? [] : stringField(2, response.contentType),
    varintField(3, response.errorCode ?? 0),
    varintField(4, response.httpCode ?? 0),
  ]);
}

export function decodeOpenApiResponse(buffer: Buffer): OpenApiResponse {
  const response: OpenApiResponse = { respData: Buffer.alloc(0), contentType: '', errorCode: 0, httpCode: 0 };
  for (const field of readFields(buffer)) {
    if (field.no === 1 && field.wire === 2) response.respData = field.bytes;
    if (field.no === 2 && field.wire === 2) response.contentType = field.bytes.toString('utf8');
    if (field.no === 3 && field.wire === 0) response.errorCode = toInt32(field.varint);
    if (field.no === 4 && field.wire === 0) response.httpCode = Number(BigInt.asUintN(32, field.varint));
  }
  return response;
}

// ---- protobuf primitives ----

type Chunk = Buffer | Chunk[];

function message(chunks: Chunk[]): Buffer {
  const flat: Buffer[] = [];
  const walk = (chunk: Chunk) => (Buffer.isBuffer(chunk) ? flat.push(chunk) : chunk.forEach(walk));
  chunks.forEach(walk);
  return Buffer.concat(flat);
}

function varint(value: number | bigint): Buffer {
  // Negative int32s are sign-extended to 64 bits, as protobuf does: ten bytes.
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return Buffer.from(bytes);
}

const tag = (no: number, wire: number) => varint((no << 3) | wire);
const varintField = (no: number, value: number): Chunk => [tag(no, 0), varint(value)];
const bytesField = (no: number, bytes: Buffer): Chunk => [tag(no, 2), varint(bytes.length), bytes];
const stringField = (no: number, text: string): Chunk => bytesField(no, Buffer.from(text, 'utf8'));
const toInt32 = (value: bigint): number => Number(BigInt.asIntN(32, value));

type Field = { no: number; wire: 0; varint: bigint } | { no: number; wire: 2; bytes: Buffer } | { no: number; wire: 1 | 5 };

function* readFields(buffer: Buffer): Generator<Field> {
  let at = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (at >= buffer.length) throw new Error('protobuf: truncated varint');
      const byte = buffer[at++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new Error('protobuf: varint too long');
  };
  while (at < buffer.length) {
    const key = Number(readVarint());
    const no = key >>> 3;
    const wire = key & 7;
    if (no === 0) throw new Error('protobuf: field number 0');
    if (wire === 0) yield { no, wire: 0, varint: readVarint() };
    else if (wire === 2) {
      const length = Number(readVarint());
      if (at + length > buffer.length) throw new Error('protobuf: truncated bytes');
      yield { no, wire: 2, bytes: buffer.subarray(at, (at += length)) };
    } else if (wire === 1 || wire === 5) {
      at += wire === 1 ? 8 : 4;
      if (at > buffer.length) throw new Error('protobuf: truncated fixed field');
      yield { no, wire: wire === 1 ? 1 : 5 };
    } else throw new Error(`protobuf: unsupported wire type ${wire}`);
  }
}
