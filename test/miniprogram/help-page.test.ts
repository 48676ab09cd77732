/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';
import { CASE_TIME_LIMITS } from '../../backend/domain/case/deadlines';
import { MAX_REOPENS } from '../../backend/domain/case/case.status';
import { config } from '../../miniprogram/config';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';

/** What the back end keeps the contact for, read from its configuration rather than the page. */
const RETENTION_DAYS = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../config/retention.json'), 'utf8')) as { contactRetentionDays: number }).contactRetentionDays;
const STATION = { id: 'st-ft-hf', name: '福田区华富街道人大代表联络站', phone: '0755-83280000' };

describe('使用说明 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startFunctionHostStub();
    Object.assign(config, { mode: 'local', localHost: host.url });
    pageId = loadPage('packages/station/help/index');
  });
  afterAll(() => host.close());
  beforeEach(() => {
    host.calls.length = 0;
    wx = createWxPlatform();
    wx.install();
  });

  async function open(query: Record<string, string> = {}): Promise<RenderedComponent> {
    const page = renderPage(pageId);
    await page.instance.onLoad(query);
    await until(() => !page.data.loading, 'the page');
    return page;
  }
  const texts = (page: RenderedComponent, selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
  const tapButton = (node: RenderedComponent | undefined) => node!.querySelector('.van-button')!.dispatchEvent('tap');

  it('has a heading per section: after I submit, who sees my message, and whom to call', async () => {
    const page = await open();
    expect(texts(page, '.section__heading')).toEqual(['提交留言以后', '谁能看到我的留言', '还有问题']);
    expect(texts(page, '.step__title')).toEqual(['提交', '受理', '办理', '答复', '评价']);
    expect(host.calls).toEqual([]);
  });

  it('says how long each step may take, with the back end’s figures', async () => {
    const page = await open();
    const [submit, accept, handle, reply, rate] = texts(page, '.step');
    expect(submit).toContain('受理编号');
    expect(accept).toContain(`多久：提交后 ${CASE_TIME_LIMITS.acceptDays} 天内`);
    expect(handle).toContain('期限由联络员定');
    expect(reply).toContain(`受理后 ${CASE_TIME_LIMITS.replyDays} 天内`);
    expect(rate).toContain(`答复后 ${CASE_TIME_LIMITS.autoCloseDays} 天内没有评价的，留言自动办结`);
    expect(rate).toContain(`办结后 ${CASE_TIME_LIMITS.reopenWindowDays} 天内`);
    expect(rate).toContain(`最多 ${MAX_REOPENS} 次`);
    expect(textOf(page)).toContain('节假日也算在内');
  });

  it('says who reads my message and my contact, anonymous or not', async () => {
    const page = await open();
    expect(texts(page, '.reader__who')).toEqual(['您自己', '联络站的联络员', '代表', '区人大常委会', '其他人']);
    expect(textOf(page.querySelector('.reader-officer')!)).toContain('匿名留言也一样');
    expect(textOf(page.querySelector('.reader-deputy')!)).toContain('电话号码、身份证号会被隐去');
    expect(textOf(page.querySelector('.reader-office')!)).toContain('看不到您的联系方式');
    expect(texts(page, '.privacy-note')).toEqual([
      '选择匿名后，代表和区人大常委会都看不到您是谁；联络员仍然看得到，以便联系您。',
      `留言办结、不予受理或撤回 ${RETENTION_DAYS} 天后，您留的联系方式会被删除。`,
    ]);
  });

  it('calls 12345 as the last resort', async () => {
    const page = await open();
    expect(textOf(page.querySelector('.hotline')!)).toBe('拨打12345政务服务热线');
    tapButton(page.querySelector('.hotline'));
    await until(() => wx.phoneCalls.length === 1, 'the call');
    expect(wx.phoneCalls).toEqual(['12345']);
  });

  it('opened with a station, offers its phone first', async () => {
    host.answer('station.get', { ok: true, data: STATION });
    const page = await open({ stationId: STATION.id });
    expect(host.calls.map((c) => c.body)).toEqual([{ action: 'get', id: STATION.id }]);
    expect(textOf(page.querySelector('.station-section')!)).toContain(STATION.name);
    tapButton(page.querySelector('.call-station'));
    await until(() => wx.phoneCalls.length === 1, 'the call');
    expect(wx.phoneCalls).toEqual([STATION.phone]);
  });

  it('when the station cannot be read, keeps the guide and shows the error with 重试 and 12345', async () => {
    host.answer('station.get', { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } });
    const page = await open({ stationId: STATION.id });
    const error = page.querySelector('.page-error')!;
    expect(textOf(error)).toContain('服务繁忙，请稍后再试');
    expect(textOf(error)).toContain('12345政务服务热线');
    expect(texts(page, '.step__title')).toHaveLength(5);

    host.answer('station.get', { ok: true, data: STATION });
    tapButton(error.querySelector('.retry'));
    await until(() => textOf(page).includes(`拨打联络站电话 ${STATION.phone}`), 'the retry');
  });
});
