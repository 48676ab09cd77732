/** @jest-environment jsdom */
/**
 * 代表与联络员 and 人员 (admin) rendered by miniprogram-simulate with real Vant, against a stub
 * function host: tabs ask by kind, the list hands the record to its page, invites and unbinding.
 */
import type { AdminStation, DeputyInput, InviteView, PersonView } from '../../typings/workspace';
import { setClock } from '../../miniprogram/utils/time';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPages, renderPage, textOf, until } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost, type } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';
import { afterHandler } from './support/settle';

const deputy: PersonView = {
  id: 'dp-001',
  kind: 'deputy',
  name: '李明',
  detail: '区人大代表 · 福田区代表团 华富选区',
  stations: [{ id: 'st-ft-hf', name: '华富街道联络站' }],
  bound: false,
  level: 'district',
  delegation: '福田区代表团 华富选区',
  occupation: '莲花北社区党委书记',
};
const officer: PersonView = {
  id: 'sf-ft-hf',
  kind: 'officer',
  name: '王芳',
  detail: '0755-83001234',
  stations: [{ id: 'st-ft-hf', name: '华富街道联络站' }],
  bound: true,
  phone: '0755-83001234',
};
const admin: PersonView = { id: 'sf-admin', kind: 'admin', name: '张敏', detail: '0755-82000000', stations: [], bound: true };

const station = (id: string, name: string): AdminStation => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'street',
  district: '福田区',
  street: '华富街道',
  address: '华富路1018号',
  location: { type: 'Point', coordinates: [114.07, 22.55] },
  phone: '0755-83001234',
  hours: [],
  officers: [],
  rules: [],
  deputies: 0,
});

const invite: InviteView = {
  code: 'K7QM2XPA',
  role: 'deputy',
  person: { id: 'dp-001', name: '李明' },
  status: 'open',
  createdAt: '2025-11-21T02:00:00.000Z',
  expiresAt: '2025-11-28T02:00:00.000Z',
};

const tapButton = (page: RenderedComponent, cls: string) => page.querySelector(cls)!.querySelector('.van-button')!.dispatchEvent('tap');
describe('代表与联络员 and 人员 pages (admin)', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { people: string; person: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-admin');
    pages = loadPages({ people: 'packages/admin/people/index', person: 'packages/admin/person/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    setClock(() => new Date('2025-11-21T02:00:00Z'));
    host.answer('admin.stations', { ok: true, data: { stations: [station('st-ft-hf', '华富街道联络站'), station('st-ft-lh', '莲花北社区联络站')], hasMore: false } });
    wx = installWx();
  });

  const calls = (action: string) => host.calls.filter((c) => c.fn === 'admin' && c.body.action === action).map((c) => c.body);

  async function openList(): Promise<RenderedComponent> {
    host.answer('admin.people', { ok: true, data: { people: [deputy], hasMore: false } });
    const page = renderPage(pages.people);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the people to load');
    return page;
  }

  /** Opens 人员 the way the list does: a tap on the row hands the record over. */
  async function openPerson(list: RenderedComponent, index = 0): Promise<RenderedComponent> {
    list.querySelectorAll('.person')[index].querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'the navigation');
    const url = wx.navigations[wx.navigations.length - 1].url!;
    const query = Object.fromEntries(new URLSearchParams(url.split('?')[1]));
    const page = renderPage(pages.person);
    await page.instance.onLoad(query);
    await until(() => !page.data.loading, 'the person to open');
    return page;
  }

  it('lists deputies first, with stations and the WeChat binding; each tab asks for its kind', async () => {
    const list = await openList();
    expect(textOf(list)).toContain('李明');
    expect(textOf(list)).toContain('区人大代表 · 福田区代表团 华富选区');
    expect(textOf(list)).toContain('华富街道联络站');
    expect(textOf(list)).toContain('未绑定');
    expect(textOf(list)).toContain('新增代表');
    // The tab titles show in full (区人大常委会 was cut to 区人大… with Vant's default ellipsis).
    expect(list.querySelector('.kinds')!.querySelectorAll('.van-ellipsis')).toHaveLength(0);

    host.answer('admin.people', { ok: true, data: { people: [officer], hasMore: false } });
    list.querySelector('.kinds')!.querySelectorAll('.van-tab')[1].dispatchEvent('tap');
    await until(() => textOf(list).includes('王芳'), 'the officers');
    expect(textOf(list)).toContain('已绑定微信');
    expect(textOf(list)).toContain('新增联络员');

    host.answer('admin.people', { ok: true, data: { people: [admin], hasMore: false } });
    list.querySelector('.kinds')!.querySelectorAll('.van-tab')[2].dispatchEvent('tap');
    await until(() => textOf(list).includes('张敏'), 'the office staff');
    // Office staff are not created here.
    expect(list.querySelector('.create')).toBeUndefined();
    expect(calls('people')).toEqual([
      { action: 'people', kind: 'deputy', page: 0 },
      { action: 'people', kind: 'officer', page: 0 },
      { action: 'people', kind: 'admin', page: 0 },
    ]);
  });

  it('searches by name within the tab, and loads the next page of 20 at the bottom', async () => {
    const list = await openList();
    host.answer('admin.people', { ok: true, data: { people: Array.from({ length: 20 }, (_, i) => ({ ...deputy, id: `dp-${i}`, name: `王${i}` })), hasMore: true } });
    list.instance.onSearch({ detail: ' 王 ' });
    await until(() => list.data.people.length === 20, 'the search');
    host.answer('admin.people', { ok: true, data: { people: [{ ...deputy, id: 'dp-20', name: '王二十' }], hasMore: false } });
    await list.instance.onReachBottom();
    expect(textOf(list)).toContain('王二十');
    expect(textOf(list)).toContain('没有更多了');
    expect(calls('people').slice(1)).toEqual([
      { action: 'people', kind: 'deputy', query: '王', page: 0 },
      { action: 'people', kind: 'deputy', query: '王', page: 1 },
    ]);
  });

  it('edits a deputy from the list: the form starts from the record; save sends DeputyInput', async () => {
    const page = await openPerson(await openList());
    expect(wx.navigations[0]).toEqual({ method: 'navigateTo', url: '/packages/admin/person/index?id=dp-001&kind=deputy' });
    expect(page.data.form).toEqual({
      name: '李明',
      level: 'district',
      delegation: '福田区代表团 华富选区',
      occupation: '莲花北社区党委书记',
      phone: '',
      stationIds: ['st-ft-hf'],
    });
    expect(textOf(page)).toContain('区人大代表');
    expect(textOf(page)).toContain('莲花北社区联络站');

    page.querySelector('.station-st-ft-lh')!.querySelector('.van-cell')!.dispatchEvent('tap'); // the whole row ticks
    page.querySelector('.picker-level')!.dispatchEvent('change', { detail: { value: 2 } });
    type(page, '.field-occupation', '深圳市第二实验学校 教师');
    await until(() => page.data.form.stationIds.length === 2 && page.data.form.level === 'municipal', 'the changes');

    host.answer('admin.saveDeputy', { ok: true, data: { ...deputy, level: 'municipal' } });
    tapButton(page, '.save');
    await until(() => wx.toasts.some((t) => t.title === '已保存'), 'the save');
    expect(calls('saveDeputy')).toEqual([
      {
        action: 'saveDeputy',
        id: 'dp-001',
        name: '李明',
        level: 'municipal',
        delegation: '福田区代表团 华富选区',
        occupation: '深圳市第二实验学校 教师',
        stationIds: ['st-ft-hf', 'st-ft-lh'],
      } satisfies DeputyInput & { action: string },
    ]);
  });

  it('a new officer: checks the phone first, then shows the server’s refusal under its field', async () => {
    const page = renderPage(pages.person);
    await page.instance.onLoad({ kind: 'officer' });
    await until(() => !page.data.loading, 'the form');
    expect(wx.titles).toEqual(['新增联络员']);
    expect(textOf(page)).not.toContain('生成邀请码');
    type(page, '.field-name', '陈红');
    tapButton(page, '.save');
    await until(() => textOf(page).includes('请填写办公电话'), 'the phone check');
    expect(calls('saveOfficer')).toEqual([]);

    type(page, '.field-phone', '0755-83007777');
    page.querySelector('.station-st-ft-lh')!.querySelector('.van-cell')!.dispatchEvent('tap'); // the whole row ticks
    await until(() => page.data.form.stationIds.length === 1, 'the station');
    host.answer('admin.saveOfficer', { ok: false, error: { code: 'INVALID_INPUT', message: '只能选择本行政区的联络站', field: 'stationIds.0' } });
    tapButton(page, '.save');
    await until(() => textOf(page).includes('只能选择本行政区的联络站'), 'the refusal');
    expect(page.dom.querySelector('.main--error-stations')?.textContent).toBe('只能选择本行政区的联络站');
    expect(calls('saveOfficer')).toEqual([{ action: 'saveOfficer', name: '陈红', phone: '0755-83007777', stationIds: ['st-ft-lh'] }]);

    host.answer('admin.saveOfficer', { ok: true, data: { ...officer, id: 'sf-new', name: '陈红', bound: false } });
    tapButton(page, '.save');
    await until(() => textOf(page).includes('生成邀请码'), 'the saved officer');
    expect(page.data.personId).toBe('sf-new');
  });

  it('makes an invite and shows the code big, with its expiry, and copies it', async () => {
    const page = await openPerson(await openList());
    host.answer('admin.createInvite', { ok: true, data: invite });
    tapButton(page, '.create-invite');
    await until(() => textOf(page).includes('K7QM 2XPA'), 'the code');
    expect(calls('createInvite')).toEqual([{ action: 'createInvite', role: 'deputy', personId: 'dp-001' }]);
    expect(page.dom.querySelector('.main--invite__code')?.textContent).toBe('K7QM 2XPA');
    expect(textOf(page)).toContain('11月28日 10:00 前有效，只能使用一次');
    tapButton(page, '.copy-invite');
    await until(() => wx.clipboard.length > 0, 'the copy');
    expect(wx.clipboard).toEqual(['K7QM2XPA']);
  });

  it('unbinds a bound officer after the confirm dialog', async () => {
    const list = await openList();
    host.answer('admin.people', { ok: true, data: { people: [officer], hasMore: false } });
    list.querySelector('.kinds')!.querySelectorAll('.van-tab')[1].dispatchEvent('tap');
    await until(() => textOf(list).includes('王芳'), 'the officers');
    const page = await openPerson(list);
    expect(textOf(page)).toContain('已绑定微信');
    expect(textOf(page)).not.toContain('生成邀请码');

    host.answer('admin.unbind', { ok: true, data: { ...officer, bound: false } });
    tapButton(page, '.unbind');
    await until(() => textOf(page).includes('生成邀请码'), 'the unbound state');
    expect(wx.modals[0].title).toBe('解除绑定');
    expect(wx.modals[0].content).toContain('王芳');
    expect(calls('unbind')).toEqual([{ action: 'unbind', personId: 'sf-ft-hf' }]);
    expect(textOf(page)).toContain('未绑定');
  });

  it('keeps the binding when the admin changes their mind', async () => {
    wx = installWx({ modalConfirm: false });
    const list = await openList();
    host.answer('admin.people', { ok: true, data: { people: [{ ...deputy, bound: true }], hasMore: false } });
    list.instance.onSearch({ detail: '' });
    await until(() => list.data.people[0].bound === true, 'the bound deputy');
    const page = await openPerson(list);
    // The handler's own promise: once it settles, an unbind it was going to send would be out.
    await afterHandler(page, 'onUnbind', () => tapButton(page, '.unbind'));
    expect(wx.modals).toHaveLength(1);
    expect(calls('unbind')).toEqual([]);
  });
});
