/**
 * The back end shapes every value before sending (fitData), so its own output never trips
 * its own rules. Here it is made to send values as they come, through its real gateway and
 * through the SDK's JSON call, with the templates its config names: the emulator — which
 * shares no code with the back end (independence.test.ts) — must refuse them as WeChat does.
 */
import { createWxGateway, type WxGateway } from '../../backend/platform/wx-gateway';
import templates from '../../config/subscribe-templates.json';
import { OPERATOR_TEMPLATES } from '../../emulator/wx';
import { callJsonApi, startWxHarness, type WxHarness } from './wx-harness';

const RESIDENT = 'o-resident-1';
const STATUS = templates.templates.caseStatusChanged;
const keys = Object.fromEntries(Object.entries(STATUS.fields).map(([field, { key }]) => [field, key])) as Record<keyof typeof STATUS.fields, string>;

const TWENTY_ONE = '关于小区东门外道路长期积水和夜间照明不足的';
const SIX_CHINESE = '已经受理了啊';

/** A case-status card as the back end would fill it, with one value left unshaped. */
function card(overrides: Partial<Record<keyof typeof STATUS.fields, string>> = {}) {
  const values = { receiptNo: 'FT20261121-0042', title: '路灯坏了', status: '已受理', updatedAt: '2026年11月21日 10:05', note: '请留意后续答复', ...overrides };
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [keys[field as keyof typeof keys], { value }]));
}

describe('values WeChat refuses, sent by the back end without shaping', () => {
  let wx: WxHarness;
  let gateway: WxGateway;

  beforeAll(async () => {
    wx = await startWxHarness({ templates: OPERATOR_TEMPLATES });
    gateway = createWxGateway(wx.app);
  });

  afterAll(() => wx.close());

  beforeEach(async () => {
    await wx.route('DELETE', 'subscriptions');
    await wx.route('DELETE', 'sent');
    await wx.grant(RESIDENT, STATUS.id);
  });

  it('lets the card through when every value fits, so each refusal below is the one value', async () => {
    expect(TWENTY_ONE).toHaveLength(21);
    expect(await gateway.sendSubscribeMessage({ touser: RESIDENT, templateId: STATUS.id, data: card() })).toEqual({ ok: true, value: null });
  });

  it.each([
    ['a phrase of six Chinese characters', { status: SIX_CHINESE }, keys.status],
    ['a thing of twenty-one characters', { title: TWENTY_ONE }, keys.title],
    ['a phrase that is not Chinese', { status: 'accepted' }, keys.status],
    ['a time with no clock', { updatedAt: '2026年11月21日' }, keys.updatedAt],
    ['a character_string with Chinese in it', { receiptNo: '福田FT-0042' }, keys.receiptNo],
  ])('refuses %s through the gateway (wx.openApi) with 47003', async (_label, overrides, key) => {
    const result = await gateway.sendSubscribeMessage({ touser: RESIDENT, templateId: STATUS.id, data: card(overrides) });
    expect(result).toMatchObject({
      ok: false,
      failure: { errcode: 47003, retryable: false, errmsg: expect.stringMatching(new RegExp(`^argument invalid! data\\.${key}\\.value invalid`)) },
    });
    expect(await wx.sent({ openid: RESIDENT })).toEqual([]);
  });

  it("refuses the same through the SDK's JSON call (wx.api), and keeps the user's grant", async () => {
    const answer = await callJsonApi(wx.app, 'subscribeMessage.send', { touser: RESIDENT, template_id: STATUS.id, data: card({ status: SIX_CHINESE }) });
    expect(answer).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining(`data.${keys.status}.value invalid`) });
    expect((await wx.route('GET', `subscriptions?openid=${RESIDENT}`)).body.grants).toEqual([{ openid: RESIDENT, templateId: STATUS.id, remaining: 1 }]);
  });

  it('refuses a card that leaves a keyword of the template out', async () => {
    const { [keys.note]: _left, ...data } = card();
    const result = await gateway.sendSubscribeMessage({ touser: RESIDENT, templateId: STATUS.id, data });
    expect(result).toMatchObject({ ok: false, failure: { errcode: 47003, errmsg: expect.stringContaining(`data.${keys.note}.value is empty`) } });
  });
});
