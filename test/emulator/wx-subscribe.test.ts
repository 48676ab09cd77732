import { callJsonApi, callOpenApi, startWxHarness, type WxHarness } from './wx-harness';

const TEMPLATE = 'tmpl-case-status';
const RESIDENT = 'o-resident-1';

const message = (overrides: Record<string, unknown> = {}) => ({
  touser: RESIDENT,
  template_id: TEMPLATE,
  page: 'case/detail/index?id=c1',
  miniprogram_state: 'developer',
  lang: 'zh_CN',
  data: { character_string1: { value: 'SZ-2026-0001' }, phrase2: { value: '已受理' }, time3: { value: '2026年11月22日 09:30' } },
  ...overrides,
});

describe('subscribeMessage.send in the emulator', () => {
  let wx: WxHarness;

  beforeEach(async () => {
    wx = await startWxHarness();
  });

  afterEach(async () => {
    await wx.close();
  });

  it('sends once per accepted subscription and records what was sent', async () => {
    await wx.grant(RESIDENT, TEMPLATE);
    const answer = await callOpenApi(wx.app, 'subscribeMessage.send', message());
    expect(answer.json).toEqual({ errcode: 0, errmsg: 'ok' });

    const sent = await wx.sent({ openid: RESIDENT });
    expect(sent).toEqual([
      expect.objectContaining({ touser: RESIDENT, template_id: TEMPLATE, page: 'case/detail/index?id=c1', data: message().data, miniprogram_state: 'developer' }),
    ]);
    expect(new Date(sent[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses with 43101 when the user never accepted', async () => {
    const answer = await callOpenApi(wx.app, 'subscribeMessage.send', message());
    expect(answer.json.errcode).toBe(43101);
    expect(await wx.sent()).toEqual([]);
  });

  it('refuses with 43101 once the accepted messages are used up', async () => {
    await wx.grant(RESIDENT, TEMPLATE, 2);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await callOpenApi(wx.app, 'subscribeMessage.send', message())).json.errcode);
    expect(codes).toEqual([0, 0, 43101]);
    expect(await wx.sent()).toHaveLength(2);
  });

  it('keeps grants per template and per user', async () => {
    await wx.grant(RESIDENT, 'another-template');
    await wx.grant('o-resident-2', TEMPLATE);
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', message())).json.errcode).toBe(43101);
  });

  it('takes the client answer of wx.requestSubscribeMessage as it is', async () => {
    const { body } = await wx.route('POST', 'subscriptions', { openid: RESIDENT, results: { [TEMPLATE]: 'accept', 'tmpl-other': 'reject' } });
    expect(body.grants).toEqual([{ openid: RESIDENT, templateId: TEMPLATE, remaining: 1 }]);
    expect((await wx.route('GET', `subscriptions?openid=${RESIDENT}`)).body.grants).toEqual([{ openid: RESIDENT, templateId: TEMPLATE, remaining: 1 }]);
  });

  it('counts an accept with the voice or strong reminder ticked as an accept, and nothing else', async () => {
    const openid = 'o-resident-audio';
    const results = { [TEMPLATE]: 'acceptWithAudio', 'tmpl-alert': 'acceptWithAlert', 'tmpl-ban': 'ban', 'tmpl-filter': 'filter' };
    const { body } = await wx.route('POST', 'subscriptions', { openid, results });
    expect(body.grants).toEqual([
      { openid, templateId: TEMPLATE, remaining: 1 },
      { openid, templateId: 'tmpl-alert', remaining: 1 },
    ]);
  });

  it('does not spend a grant on a message it refuses', async () => {
    await wx.grant(RESIDENT, TEMPLATE);
    const bad = message({ data: { phrase2: { value: 'accepted' } } });
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', bad)).json.errcode).toBe(47003);
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', message())).json.errcode).toBe(0);
  });

  it.each([
    ['thing4', '这是一段超过二十个字的事项描述内容会被微信拒绝的', 'invalid'],
    ['thing4', '', 'is empty'],
    ['number4', '12件', 'invalid'],
    ['letter4', 'abc123', 'invalid'],
    ['symbol4', '#a', 'invalid'],
    ['character_string4', '编号SZ-1', 'invalid'],
    ['time4', '2026-11-22 9点30分', 'invalid'],
    ['date4', '下周一', 'invalid'],
    ['amount4', '一百元', 'invalid'],
    ['phone_number4', '0755 8888 6666', 'invalid'],
    ['car_number4', '粤A8Z888挂挂', 'invalid'],
    ['name4', '一个名字超过了十个汉字的人', 'invalid'],
    ['phrase4', '正在处理中呢', 'invalid'],
    ['site4', '广州', 'invalid'],
  ])('refuses %s = %p with 47003 naming the field', async (key, value, verdict) => {
    await wx.grant(RESIDENT, TEMPLATE);
    const answer = await callOpenApi(wx.app, 'subscribeMessage.send', message({ data: { ...message().data, [key]: { value } } }));
    expect(answer.json.errcode).toBe(47003);
    expect(answer.json.errmsg).toMatch(new RegExp(`^argument invalid! data\\.${key}\\.value ${verdict} rid: `));
  });

  it.each([
    ['an empty touser', { touser: '' }, 40003],
    ['a touser that is no openid', { touser: 'not an openid!' }, 40003],
    ['no template id', { template_id: '' }, 40037],
    ['a page the app does not have', { page: 'pages/nowhere/index' }, 41030],
    ['an unknown miniprogram_state', { miniprogram_state: 'beta' }, 47001],
  ])('refuses %s', async (_label, overrides, errcode) => {
    await wx.grant(RESIDENT, TEMPLATE);
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', message(overrides))).json.errcode).toBe(errcode);
  });

  it('answers the same through the JSON transport (wx.api)', async () => {
    await wx.grant(RESIDENT, TEMPLATE);
    expect(await callJsonApi(wx.app, 'subscribeMessage.send', message())).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await callJsonApi(wx.app, 'subscribeMessage.send', message())).errcode).toBe(43101);
  });

  it('keeps grants and the sent record across a restart', async () => {
    await wx.grant(RESIDENT, TEMPLATE, 2);
    await callOpenApi(wx.app, 'subscribeMessage.send', message());
    wx = await wx.restart();
    expect(await wx.sent()).toHaveLength(1);
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', message())).json.errcode).toBe(0);
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', message())).json.errcode).toBe(43101);
  });

  it('forgets the sent record on DELETE, for test isolation', async () => {
    await wx.grant(RESIDENT, TEMPLATE);
    await callOpenApi(wx.app, 'subscribeMessage.send', message());
    expect((await wx.route('DELETE', 'sent')).body).toEqual({ deleted: 1 });
    expect(await wx.sent()).toEqual([]);
  });

  it('refuses a malformed grant with 400', async () => {
    expect((await wx.route('POST', 'subscriptions', { openid: RESIDENT })).status).toBe(400);
    expect((await wx.route('POST', 'subscriptions', { openid: RESIDENT, templateId: TEMPLATE, count: 0 })).status).toBe(400);
  });
});

describe('subscribeMessage.send with registered templates', () => {
  let wx: WxHarness;

  beforeAll(async () => {
    wx = await startWxHarness({ templates: { [TEMPLATE]: ['character_string1', 'phrase2', 'time3'] } });
    await wx.grant(RESIDENT, TEMPLATE, 10);
    await wx.grant(RESIDENT, 'tmpl-unknown', 10);
  });

  afterAll(async () => {
    await wx.close();
  });

  it('sends data that fills the template exactly', async () => {
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', message())).json.errcode).toBe(0);
  });

  it('refuses an unknown template id with 40037', async () => {
    expect((await callOpenApi(wx.app, 'subscribeMessage.send', message({ template_id: 'tmpl-unknown' }))).json.errcode).toBe(40037);
  });

  it('refuses a missing key as empty', async () => {
    const { phrase2: _dropped, ...data } = message().data;
    const answer = await callOpenApi(wx.app, 'subscribeMessage.send', message({ data }));
    expect(answer.json).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.phrase2.value is empty') });
  });

  it('refuses a key the template does not have', async () => {
    const answer = await callOpenApi(wx.app, 'subscribeMessage.send', message({ data: { ...message().data, thing9: { value: '多余' } } }));
    expect(answer.json).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.thing9.value invalid') });
  });
});
