import { fitData } from '../../backend/platform/subscribe-fields';
import { createWxGateway, WX_OPENAPI_PERMISSIONS, type SubscribeMessageInput, type WxGateway } from '../../backend/platform/wx-gateway';
import { readWxacodeText } from '../../emulator/wx';
import { scanPng, startWxHarness, type WxHarness } from './wx-harness';

const TEMPLATE = 'tmpl-case-status';
const RESIDENT = 'o-resident-1';

const notice = (overrides: Partial<SubscribeMessageInput> = {}): SubscribeMessageInput => ({
  touser: RESIDENT,
  templateId: TEMPLATE,
  page: 'case/detail/index?id=c1',
  data: fitData({ character_string1: 'SZ-2026-0001', phrase2: '已受理', thing3: '关于小区东门外道路长期积水和夜间照明不足的问题', time4: new Date('2026-11-22T01:30:00Z') }),
  miniprogramState: 'developer',
  ...overrides,
});

describe('the wx gateway, end to end through the SDK and the emulator', () => {
  let wx: WxHarness;
  let gateway: WxGateway;

  beforeAll(async () => {
    wx = await startWxHarness();
    gateway = createWxGateway(wx.app);
  });

  afterAll(async () => {
    await wx.close();
  });

  afterEach(async () => {
    await wx.route('DELETE', 'faults');
  });

  describe('sendSubscribeMessage', () => {
    it('delivers a message the user accepted, shaped by fitData', async () => {
      await wx.grant(RESIDENT, TEMPLATE);
      expect(await gateway.sendSubscribeMessage(notice())).toEqual({ ok: true, value: null });
      const [sent] = await wx.sent({ openid: RESIDENT });
      expect(sent).toMatchObject({
        template_id: TEMPLATE,
        page: 'case/detail/index?id=c1',
        miniprogram_state: 'developer',
        data: { thing3: { value: '关于小区东门外道路长期积水和夜间照明不…' }, time4: { value: '2026年11月22日 09:30' } },
      });
    });

    it('reports a missing subscription as 43101, not worth retrying', async () => {
      const result = await gateway.sendSubscribeMessage(notice({ touser: 'o-never-subscribed' }));
      expect(result).toMatchObject({ ok: false, failure: { errcode: 43101, retryable: false } });
    });

    it('reports bad data as 47003 naming the field, not worth retrying', async () => {
      await wx.grant(RESIDENT, TEMPLATE);
      const result = await gateway.sendSubscribeMessage(notice({ data: { phrase2: { value: 'accepted' } } }));
      expect(result).toMatchObject({ ok: false, failure: { errcode: 47003, retryable: false, errmsg: expect.stringContaining('data.phrase2.value') } });
    });

    it('reports an invalid openid as 40003, not worth retrying', async () => {
      expect(await gateway.sendSubscribeMessage(notice({ touser: '' }))).toMatchObject({ ok: false, failure: { errcode: 40003, retryable: false } });
    });
  });

  describe('msgSecCheck', () => {
    it("passes a resident's message", async () => {
      const result = await gateway.msgSecCheck({ content: '请代表关注学校门口的交通安全', openid: RESIDENT, scene: 2 });
      expect(result).toEqual({ ok: true, value: { suggest: 'pass', label: 100, traceId: expect.any(String) } });
    });

    it("flags risky content with WeChat's label", async () => {
      const result = await gateway.msgSecCheck({ content: '高额返利投资，稳赚不赔', openid: RESIDENT, scene: 3 });
      expect(result).toMatchObject({ ok: true, value: { suggest: 'risky', label: 20008 } });
    });
  });

  describe('getUnlimitedQrCode', () => {
    it('returns the image of a code for the page and scene', async () => {
      const result = await gateway.getUnlimitedQrCode({ scene: 'st=42', page: 'pages/station/index', width: 280 });
      if (!result.ok) throw new Error(result.failure.errmsg);
      expect(result.value.contentType).toBe('image/png');
      expect(readWxacodeText(scanPng(result.value.image)!.text)).toEqual({ page: 'pages/station/index', scene: 'st=42', envVersion: 'release' });
    });

    it("reports WeChat's JSON error instead of an image", async () => {
      expect(await gateway.getUnlimitedQrCode({ scene: 'x'.repeat(33) })).toMatchObject({ ok: false, failure: { errcode: 40169, retryable: false } });
      expect(await gateway.getUnlimitedQrCode({ scene: 'st=1', page: '/pages/station/index' })).toMatchObject({ ok: false, failure: { errcode: 41030 } });
    });
  });

  describe('transient failures are retryable', () => {
    it.each([
      ['a rate limit (45009)', { errcode: 45009 }, 45009],
      ['WeChat busy (-1)', { errcode: -1 }, -1],
      ['a WeChat 502', { httpStatus: 502 }, -1],
      ['a CloudBase SYS_ERR', { tcbCode: 'SYS_ERR' }, -1],
      ['a timeout', { delayMs: 1000 }, -1],
    ])('%s', async (_label, fault, errcode) => {
      await wx.route('POST', 'faults', { apiName: 'security.msgSecCheck', ...fault });
      const impatient = createWxGateway(wx.app, { timeoutMs: 250 });
      const result = await impatient.msgSecCheck({ content: '正常内容', openid: RESIDENT, scene: 2 });
      expect(result).toMatchObject({ ok: false, failure: { errcode, retryable: true } });
    });

    it('and the next call succeeds', async () => {
      await wx.route('POST', 'faults', { apiName: 'security.msgSecCheck', errcode: 45009 });
      expect((await gateway.msgSecCheck({ content: '正常内容', openid: RESIDENT, scene: 2 })).ok).toBe(false);
      expect((await gateway.msgSecCheck({ content: '正常内容', openid: RESIDENT, scene: 2 })).ok).toBe(true);
    });
  });

  it('treats a CloudBase refusal of the request itself as permanent', async () => {
    const broken = createWxGateway({
      callCompatibleWxOpenApi: () => Promise.reject(Object.assign(new Error('bad request'), { code: 'INVALID_PARAM' })),
    });
    expect(await broken.msgSecCheck({ content: 'x', openid: RESIDENT, scene: 2 })).toMatchObject({ ok: false, failure: { errcode: -1, retryable: false } });
  });
});

describe('the gateway when config.json lacks the permission', () => {
  let wx: WxHarness;
  const previous = { token: process.env.WX_API_TOKEN, keys: process.env.WX_CONTEXT_KEYS };

  beforeAll(async () => {
    process.env.WX_CONTEXT_KEYS = 'WX_API_TOKEN';
    process.env.WX_API_TOKEN = 'fn-without-permissions';
    wx = await startWxHarness({ permissionsFor: () => WX_OPENAPI_PERMISSIONS.filter((api) => api !== 'wxacode.getUnlimited') });
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

  it('reports -604101 as a configuration error, not worth retrying', async () => {
    const result = await createWxGateway(wx.app).getUnlimitedQrCode({ scene: 'st=1' });
    expect(result).toEqual({ ok: false, failure: { errcode: -604101, errmsg: 'system error: error code: -604101', retryable: false } });
  });
});
