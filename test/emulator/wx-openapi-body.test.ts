/**
 * The emulator's own reading of the `wx.openApi` body, checked against protobufjs — the
 * runtime wx-server-sdk itself encodes with — using the schema of wx-server-sdk's generated
 * protobuf/openapi.js, and carried by the real @cloudbase/node-sdk.
 */
import protobuf from 'protobufjs';
import { decodeCommApiData, encodeCommOpenApiResp } from '../../emulator/wx/open-api-body';
import { WireError } from '../../emulator/wx/protobuf-wire';
import { startWxHarness, type WxHarness } from './wx-harness';

const schema = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: { fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 }, filename: { type: 'string', id: 4 } } },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});
const CommApiData = schema.lookupType('CommApiData');
const CommOpenApiResp = schema.lookupType('CommOpenApiResp');

/** What `cloud.openapi.<api>(params)` puts in requestData: one pair per parameter, JSON bytes. */
function wxServerSdkBody(params: Record<string, unknown>, extra: Record<string, unknown> = {}): Buffer {
  const pairs = Object.entries(params).map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value), 'utf8') }));
  return Buffer.from(CommApiData.encode(CommApiData.fromObject({ apiType: 0, openapiData: { pairs }, ...extra })).finish());
}

function readResp(bytes: Buffer) {
  return CommOpenApiResp.toObject(CommOpenApiResp.decode(bytes), { defaults: true }) as { respData: Buffer; contentType: string; errorCode: number; httpCode: number };
}

const MESSAGE = {
  touser: 'o-resident-1',
  template_id: 'tmpl-case-status',
  page: 'case/detail/index?id=c1',
  data: { character_string1: { value: 'SZ-2026-0001' }, phrase2: { value: '已受理' }, time3: { value: '2026年11月22日 09:30' } },
};

describe('the emulator decodes CommApiData as protobufjs encodes it', () => {
  it('reads every parameter pair, in order, bytes intact', () => {
    const request = decodeCommApiData(wxServerSdkBody(MESSAGE, { appid: 'wx0123456789abcdef' }));
    expect(request.apiType).toBe(0);
    expect(request.pairs.map((pair) => [pair.key, JSON.parse(pair.value.toString('utf8'))])).toEqual(Object.entries(MESSAGE));
  });

  it('reads a file part with its content type and name', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const body = Buffer.from(
      CommApiData.encode(CommApiData.fromObject({ apiType: 0, openapiData: { pairs: [{ key: 'media', value: png, contenttype: 'image/png', filename: 'a.png' }] } })).finish(),
    );
    expect(decodeCommApiData(body).pairs).toEqual([{ key: 'media', value: png, contentType: 'image/png', filename: 'a.png' }]);
  });

  it('reads a negative apiType, which int32 carries in ten bytes', () => {
    expect(decodeCommApiData(Buffer.from(CommApiData.encode(CommApiData.fromObject({ apiType: -2 })).finish())).apiType).toBe(-2);
  });

  it.each([
    ['JSON text', Buffer.from(JSON.stringify(MESSAGE))],
    ['a truncated message', wxServerSdkBody(MESSAGE).subarray(0, 30)],
    ['a varint that never ends', Buffer.from([0x08, 0xff, 0xff])],
    ['field 2 sent as a number', Buffer.from([0x10, 0x01])],
  ])('refuses %s', (_label, body) => {
    expect(() => decodeCommApiData(body)).toThrow(WireError);
  });
});

describe('the emulator encodes CommOpenApiResp as protobufjs decodes it', () => {
  it("carries WeChat's JSON answer", () => {
    const respData = Buffer.from('{"errcode":0,"errmsg":"ok"}');
    expect(readResp(encodeCommOpenApiResp({ respData, contentType: 'application/json; charset=utf-8', httpCode: 200 }))).toMatchObject({
      respData,
      contentType: 'application/json; charset=utf-8',
      errorCode: 0,
      httpCode: 200,
    });
  });

  it('carries a negative system error code and a 5xx status', () => {
    expect(readResp(encodeCommOpenApiResp({ errorCode: -604101 }))).toMatchObject({ errorCode: -604101, httpCode: 0 });
    expect(readResp(encodeCommOpenApiResp({ respData: Buffer.from('<html>'), contentType: 'text/html', httpCode: 502 }))).toMatchObject({ httpCode: 502 });
  });
});

describe('what the real @cloudbase/node-sdk sends reaches the emulator whole', () => {
  let wx: WxHarness;

  beforeAll(async () => {
    wx = await startWxHarness();
    await wx.grant(MESSAGE.touser, MESSAGE.template_id, 2);
  });

  afterAll(() => wx.close());

  it('delivers a subscription message sent as wx-server-sdk sends it', async () => {
    const raw: unknown = await wx.app.callCompatibleWxOpenApi({ apiName: 'subscribeMessage.send', requestData: wxServerSdkBody(MESSAGE) });
    expect(Buffer.isBuffer(raw)).toBe(true);
    const response = readResp(raw as Buffer);
    expect(response).toMatchObject({ errorCode: 0, httpCode: 200, contentType: expect.stringMatching(/^application\/json/) });
    expect(JSON.parse(response.respData.toString('utf8'))).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await wx.sent({ openid: MESSAGE.touser })).toEqual([expect.objectContaining({ template_id: MESSAGE.template_id, page: MESSAGE.page, data: MESSAGE.data })]);
  });

  it("answers WeChat's 47003 in the same envelope", async () => {
    const bad = { ...MESSAGE, data: { ...MESSAGE.data, phrase2: { value: '已经受理了啊' } } }; // six characters; a phrase holds five
    const raw = (await wx.app.callCompatibleWxOpenApi({ apiName: 'subscribeMessage.send', requestData: wxServerSdkBody(bad) })) as Buffer;
    expect(JSON.parse(readResp(raw).respData.toString('utf8'))).toMatchObject({
      errcode: 47003,
      errmsg: expect.stringMatching(/^argument invalid! data\.phrase2\.value invalid rid: /),
    });
  });

  it("answers an API the function may not call with CloudBase's system error", async () => {
    const raw = (await wx.app.callCompatibleWxOpenApi({ apiName: 'templateMessage.send', requestData: wxServerSdkBody({ touser: 'o1' }) })) as Buffer;
    expect(readResp(raw)).toMatchObject({ errorCode: -604101 });
  });
});
