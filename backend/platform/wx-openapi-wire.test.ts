import { decodeOpenApiRequest, decodeOpenApiResponse, encodeOpenApiRequest, encodeOpenApiResponse, jsonPairs } from './wx-openapi-wire';

// Reference bytes produced by protobufjs with wx-server-sdk's field numbers, so our
// hand-written codec is checked against the real encoder, not against itself.
const REQUEST_HEX = '0800123f0a130a06746f757365721209226f557365722d31220a280a046461746112207b227468696e6731223a7b2276616c7565223a22e5b7b2e58f97e79086227d7d';
const JSON_RESPONSE_HEX = '0a1b7b22657272636f6465223a302c226572726d7367223a226f6b227d121f6170706c69636174696f6e2f6a736f6e3b20636861727365743d7574662d38180020c801';
const PERMISSION_ERROR_HEX = '18bb90dbffffffffffff01';

describe('the wx.openApi protobuf body', () => {
  it('encodes parameters byte for byte as wx-server-sdk does', () => {
    const encoded = encodeOpenApiRequest(jsonPairs({ touser: 'oUser-1', data: { thing1: { value: '已受理' } } }));
    expect(encoded.toString('hex')).toBe(REQUEST_HEX);
  });

  it('decodes a request back to its JSON parameters', () => {
    const request = decodeOpenApiRequest(Buffer.from(REQUEST_HEX, 'hex'));
    expect(request.apiType).toBe(0);
    expect(request.pairs.map((p) => [p.key, JSON.parse(p.value.toString('utf8'))])).toEqual([
      ['touser', 'oUser-1'],
      ['data', { thing1: { value: '已受理' } }],
    ]);
  });

  it('leaves undefined parameters out, as JSON.stringify would', () => {
    expect(jsonPairs({ page: undefined, scene: 1 }).map((p) => p.key)).toEqual(['scene']);
  });

  it('encodes and decodes a JSON answer', () => {
    const respData = Buffer.from('{"errcode":0,"errmsg":"ok"}');
    const encoded = encodeOpenApiResponse({ respData, contentType: 'application/json; charset=utf-8', errorCode: 0, httpCode: 200 });
    expect(encoded.toString('hex')).toBe(JSON_RESPONSE_HEX);
    expect(decodeOpenApiResponse(encoded)).toEqual({ respData, contentType: 'application/json; charset=utf-8', errorCode: 0, httpCode: 200 });
  });

  it('carries negative system error codes as ten-byte varints', () => {
    const decoded = decodeOpenApiResponse(Buffer.from(PERMISSION_ERROR_HEX, 'hex'));
    expect(decoded.errorCode).toBe(-604101);
    expect(encodeOpenApiResponse({ errorCode: -604101 }).subarray(0, 11).toString('hex')).toBe(PERMISSION_ERROR_HEX);
  });

  it('round-trips binary file parts', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const [pair] = decodeOpenApiRequest(encodeOpenApiRequest([{ key: 'media', value: png, contentType: 'image/png', filename: 'a.png' }])).pairs;
    expect(pair).toEqual({ key: 'media', value: png, contentType: 'image/png', filename: 'a.png' });
  });

  it.each([
    ['JSON text', Buffer.from('{"touser":"o1"}')],
    ['a truncated message', Buffer.from(REQUEST_HEX, 'hex').subarray(0, 20)],
  ])('refuses %s', (_label, buffer) => {
    expect(() => decodeOpenApiRequest(buffer)).toThrow(/protobuf/);
  });
});
