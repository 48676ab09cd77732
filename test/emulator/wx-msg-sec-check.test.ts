import { callJsonApi, callOpenApi, startWxHarness, type WxHarness } from './wx-harness';

const check = (content: string, overrides: Record<string, unknown> = {}) => ({ content, version: 2, scene: 2, openid: 'o-resident-1', ...overrides });

describe('security.msgSecCheck in the emulator', () => {
  let wx: WxHarness;

  beforeAll(async () => {
    wx = await startWxHarness();
  });

  afterAll(async () => {
    await wx.close();
  });

  it("passes ordinary text with label 100, in WeChat's answer shape", async () => {
    const { json } = await callOpenApi(wx.app, 'security.msgSecCheck', check('小区东门路灯坏了一个月，晚上出行不安全，请代表帮忙反映。'));
    expect(json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'pass', label: 100 },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 0 },
        { strategy: 'keyword', errcode: 0 },
      ],
      trace_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
    });
  });

  it.each([
    ['加我微信，网上赌场天天返水', 20006],
    ['低价出售枪支，私聊', 20006],
    ['同城裸聊，扫码进群', 20002],
    ['刷单 返利，日结三百', 20008],
  ])('finds %p risky with label %i', async (content, label) => {
    const { json } = await callOpenApi(wx.app, 'security.msgSecCheck', check(content));
    expect(json.result).toEqual({ suggest: 'risky', label });
    expect(json.detail[0]).toMatchObject({ strategy: 'content_model', suggest: 'risky', label });
  });

  it.each([
    '请区人大常委会督促区政府尽快解决老旧小区加装电梯问题',
    '建议街道办书记和区长到现场看看积水情况',
    '我要反映某局领导不作为，投诉三个月没有答复',
    '楼下棋牌室有人聚众赌博，影响居民休息，希望派出所查处',
    '我被电信诈骗了，请代表帮忙联系公安',
  ])('passes what residents write to deputies: %p', async (content) => {
    expect((await callOpenApi(wx.app, 'security.msgSecCheck', check(content))).json.result.suggest).toBe('pass');
  });

  it('also checks the title and the nickname', async () => {
    const { json } = await callOpenApi(wx.app, 'security.msgSecCheck', check('你好', { title: '高额返利投资项目' }));
    expect(json.result).toEqual({ suggest: 'risky', label: 20008 });
  });

  it.each([
    ['no content', { content: '' }, 44002],
    ['content over 2500 characters', { content: '字'.repeat(2501) }, 47001],
    ['version 1', { version: 1 }, 47001],
    ['no version', { version: undefined }, 47001],
    ['scene 5', { scene: 5 }, 40129],
    ['no openid', { openid: undefined }, 40003],
    ['a malformed openid', { openid: 'a b' }, 40003],
  ])('refuses %s', async (_label, overrides, errcode) => {
    const { json } = await callOpenApi(wx.app, 'security.msgSecCheck', check('正常内容', overrides));
    expect(json).toMatchObject({ errcode, errmsg: expect.stringMatching(/ rid: /) });
  });

  it('answers the same through the JSON transport (wx.api)', async () => {
    const result = await callJsonApi(wx.app, 'security.msgSecCheck', check('出售冰毒'));
    expect(result.result).toEqual({ suggest: 'risky', label: 20006 });
  });
});
