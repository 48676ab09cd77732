import { callJsonApi, callOpenApi, startWxHarness, type WxHarness } from './wx-harness';

const CLEAN = { content: '路灯坏了', version: 2, scene: 2, openid: 'o-resident-1' };

describe("the emulator speaks CloudBase's wx.openApi and wx.api protocols", () => {
  let wx: WxHarness;

  beforeAll(async () => {
    wx = await startWxHarness();
  });

  afterAll(async () => {
    await wx.close();
  });

  afterEach(async () => {
    await wx.route('DELETE', 'faults');
  });

  it.each(['templateMessage.send', 'wxacode.get', 'cloudbase.sendSms', '', 'constructor'])(
    'refuses %p as CloudBase refuses an API missing from config.json',
    async (apiName) => {
      const answer = await callOpenApi(wx.app, apiName, { touser: 'o-resident-1' });
      expect(answer).toMatchObject({ errorCode: -604101, respData: Buffer.alloc(0) });
    },
  );

  it('refuses an unknown API over wx.api too, never with a success', async () => {
    expect(await callJsonApi(wx.app, 'templateMessage.send', {})).toEqual({ errcode: -604101, errmsg: 'system error: error code: -604101' });
  });

  it("refuses a wx.openApi body that is not wx-server-sdk's protobuf", async () => {
    const call = wx.app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: Buffer.from(JSON.stringify(CLEAN)) });
    await expect(call).rejects.toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('protobuf') });
  });

  describe('fault injection', () => {
    it('answers an errcode for the next calls, then recovers', async () => {
      await wx.route('POST', 'faults', { apiName: 'security.msgSecCheck', errcode: 45009, times: 2 });
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await callOpenApi(wx.app, 'security.msgSecCheck', CLEAN)).json.errcode);
      expect(codes).toEqual([45009, 45009, 0]);
    });

    it('only hits the API it names', async () => {
      await wx.route('POST', 'faults', { apiName: 'subscribeMessage.send', errcode: -1 });
      expect((await callOpenApi(wx.app, 'security.msgSecCheck', CLEAN)).json.errcode).toBe(0);
      expect((await wx.route('GET', 'faults')).body.faults).toHaveLength(1);
    });

    it('relays a WeChat 5xx as CloudBase does: the status in httpCode', async () => {
      await wx.route('POST', 'faults', { apiName: '*', httpStatus: 502 });
      const answer = await callOpenApi(wx.app, 'security.msgSecCheck', CLEAN);
      expect(answer).toMatchObject({ httpCode: 502, contentType: 'text/html' });
    });

    it('throws a CloudBase error through the SDK', async () => {
      await wx.route('POST', 'faults', { apiName: 'security.msgSecCheck', tcbCode: 'SYS_ERR' });
      await expect(callOpenApi(wx.app, 'security.msgSecCheck', CLEAN)).rejects.toMatchObject({ code: 'SYS_ERR' });
    });

    it('answers late, so a client with a shorter timeout gives up', async () => {
      await wx.route('POST', 'faults', { apiName: 'security.msgSecCheck', delayMs: 400 });
      const started = Date.now();
      const answer = await callOpenApi(wx.app, 'security.msgSecCheck', CLEAN);
      expect(Date.now() - started).toBeGreaterThanOrEqual(380);
      expect(answer.json.errcode).toBe(0);
    });

    it.each([
      ['no apiName', { errcode: 1 }],
      ['no effect', { apiName: '*' }],
      ['a 200 status', { apiName: '*', httpStatus: 200 }],
      ['zero times', { apiName: '*', errcode: -1, times: 0 }],
    ])('refuses a fault with %s', async (_label, fault) => {
      expect((await wx.route('POST', 'faults', fault)).status).toBe(400);
    });
  });
});

describe('config.json permissions, when the function host tells who is calling', () => {
  let wx: WxHarness;
  const previous = { token: process.env.WX_API_TOKEN, keys: process.env.WX_CONTEXT_KEYS };

  beforeAll(async () => {
    // The SDK sends WX_API_TOKEN (read through WX_CONTEXT_KEYS, as CloudBase sets them) as
    // wxCloudApiToken; a host can map it to the calling function's config.json.
    process.env.WX_CONTEXT_KEYS = 'WX_API_TOKEN';
    wx = await startWxHarness({ permissionsFor: (token) => (token === 'fn-notify' ? ['subscribeMessage.send'] : undefined) });
  });

  afterAll(async () => {
    for (const [name, value] of [
      ['WX_API_TOKEN', previous.token],
      ['WX_CONTEXT_KEYS', previous.keys],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await wx.close();
  });

  it('refuses an API the calling function does not list, with -604101', async () => {
    process.env.WX_API_TOKEN = 'fn-notify';
    expect((await callOpenApi(wx.app, 'security.msgSecCheck', CLEAN)).errorCode).toBe(-604101);
  });

  it('allows every API when the caller is unknown', async () => {
    process.env.WX_API_TOKEN = 'someone-else';
    expect((await callOpenApi(wx.app, 'security.msgSecCheck', CLEAN)).json.errcode).toBe(0);
  });
});
