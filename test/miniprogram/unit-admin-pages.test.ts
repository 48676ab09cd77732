/** @jest-environment jsdom */
/**
 * 承办单位 (admin): the units list with their staff, the unit form, and a unit's staff member on
 * 人员 — saved with admin.saveUnitStaff, given an invite of role unit, unbound — rendered by
 * miniprogram-simulate with real Vant against a stub function host. The view-models' tables
 * are hand-written from the brief (issue 15).
 */
import type { UnitView } from '../../typings/unit';
import type { InviteView, PersonView } from '../../typings/workspace';
import { newStaffOf, toUnitCard, unitStaffPerson } from '../../miniprogram/packages/admin/units/view-model';
import { toSaveUnitInput, unitFormErrors, unitServerErrors } from '../../miniprogram/packages/admin/unit/view-model';
import { formErrors, pageTitle, toUnitStaffInput, EMPTY_FORM } from '../../miniprogram/packages/admin/person/view-model';
import { setClock } from '../../miniprogram/utils/time';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPages, renderPage, textOf, until } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost, type } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';

const ZJJ: UnitView = {
  id: 'unit-ft-zjj',
  name: '区住房和建设局',
  kind: 'bureau',
  district: '福田区',
  staff: [
    { id: 'sf-unit-zjj', name: '周敏', phone: '0755-83950001', bound: true },
    { id: 'sf-unit-zjj-2', name: '吴涛', phone: '0755-83950002', bound: false },
  ],
};
const HFJD: UnitView = { id: 'unit-ft-hfjd', name: '华富街道办事处', kind: 'street', district: '福田区', staff: [] };

describe('the units view-models', () => {
  it.each([
    ['two staff, one unbound', ZJJ, { kindText: '区政府部门', staffText: '2 人，1 人未绑定微信' }],
    ['all bound', { ...ZJJ, staff: [ZJJ.staff[0]] }, { kindText: '区政府部门', staffText: '1 人' }],
    ['no staff yet, a street office', HFJD, { kindText: '街道办事处', staffText: '还没有人员' }],
    ['another kind', { ...HFJD, kind: 'other' as const }, { kindText: '其他单位', staffText: '还没有人员' }],
  ])('a card: %s', (_label, unit, expected) => {
    expect(toUnitCard(unit)).toMatchObject({ id: unit.id, name: unit.name, ...expected });
  });

  it('a unit staff member as 人员 takes them: kind unit, no stations, the phone as detail', () => {
    expect(unitStaffPerson(ZJJ, 'sf-unit-zjj-2')).toEqual<PersonView>({
      id: 'sf-unit-zjj-2',
      kind: 'unit',
      name: '吴涛',
      detail: '0755-83950002',
      stations: [],
      bound: false,
      phone: '0755-83950002',
    });
    expect(unitStaffPerson(ZJJ, 'sf-nobody')).toBeUndefined();
  });

  it('the staff member just added is the one the unit did not have', () => {
    const after = { staff: [...ZJJ.staff, { id: 'sf-new', name: '郑洁', phone: '0755-83950003', bound: false }] };
    expect(newStaffOf(ZJJ, after)).toBe('sf-new');
    expect(newStaffOf(ZJJ, ZJJ)).toBeUndefined();
  });

  it.each([
    ['a name', { name: '区水务局', kind: 'bureau' as const }, {}],
    ['no name', { name: '   ', kind: 'bureau' as const }, { name: '请填写单位名称' }],
    ['41 characters', { name: '区'.repeat(41), kind: 'bureau' as const }, { name: '单位名称不能超过 40 个字' }],
    ['40 characters', { name: '区'.repeat(40), kind: 'street' as const }, {}],
    ['no kind', { name: '区水务局', kind: '' as const }, { kind: '请选择单位类别' }],
  ])('the unit form with %s', (_label, form, errors) => {
    expect(unitFormErrors(form)).toEqual(errors);
  });

  it('sends the trimmed name, with the id only when editing; the server’s name refusal goes under the name', () => {
    expect(toSaveUnitInput({ name: ' 区水务局 ', kind: 'bureau' })).toEqual({ name: '区水务局', kind: 'bureau' });
    expect(toSaveUnitInput({ name: '区水务局', kind: 'other' }, 'unit-1')).toEqual({ id: 'unit-1', name: '区水务局', kind: 'other' });
    expect(unitServerErrors({ message: '本区已有名为「区水务局」的承办单位', field: 'name' })).toEqual({ name: '本区已有名为「区水务局」的承办单位' });
    expect(unitServerErrors({ message: '网络不给力' })).toEqual({ submit: '网络不给力' });
  });

  it('a unit staff member on 人员: its title, the phone checked, no stations asked', () => {
    expect(pageTitle('unit', true)).toBe('新增承办单位人员');
    expect(pageTitle('unit', false)).toBe('承办单位人员');
    expect(formErrors('unit', { ...EMPTY_FORM, name: '郑洁' })).toEqual({ phone: '请填写办公电话' });
    expect(formErrors('unit', { ...EMPTY_FORM, name: '郑洁', phone: '0755-83950003' })).toEqual({});
    expect(toUnitStaffInput({ ...EMPTY_FORM, name: ' 郑洁 ', phone: ' 0755-83950003 ' }, 'unit-ft-zjj')).toEqual({
      unitId: 'unit-ft-zjj',
      name: '郑洁',
      phone: '0755-83950003',
    });
  });
});

const tapButton = (page: RenderedComponent, cls: string) => page.querySelector(cls)!.querySelector('.van-button')!.dispatchEvent('tap');
const tapCell = (page: RenderedComponent, cls: string, index = 0) => page.querySelectorAll(cls)[index].querySelector('.van-cell')!.dispatchEvent('tap');

describe('承办单位, 编辑承办单位 and a unit’s 人员 pages (admin)', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { units: string; unit: string; person: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-admin');
    pages = loadPages({ units: 'packages/admin/units/index', unit: 'packages/admin/unit/index', person: 'packages/admin/person/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    setClock(() => new Date('2025-11-21T02:00:00Z'));
    host.answer('admin.units', { ok: true, data: { units: [ZJJ, HFJD] } });
    wx = installWx();
  });

  const calls = (action: string) => host.calls.filter((c) => c.fn === 'admin' && c.body.action === action).map((c) => c.body);

  async function openList(): Promise<RenderedComponent> {
    const page = renderPage(pages.units);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the units to load');
    return page;
  }

  /** Follows the list's last navigation onto the page it names. */
  async function follow(path: string): Promise<RenderedComponent> {
    await until(() => wx.navigations.length > 0, 'the navigation');
    const url = wx.navigations[wx.navigations.length - 1].url!;
    const query = Object.fromEntries(new URLSearchParams(url.split('?')[1] ?? ''));
    const page = renderPage(path);
    await page.instance.onLoad(query);
    await until(() => !page.data.loading, 'the page to open');
    return page;
  }

  it('lists each unit with its kind and staff, bound or not', async () => {
    const list = await openList();
    const text = textOf(list);
    for (const words of [
      '区住房和建设局',
      '区政府部门 · 2 人，1 人未绑定微信',
      '周敏',
      '0755-83950001',
      '已绑定微信',
      '吴涛',
      '未绑定',
      '华富街道办事处',
      '街道办事处 · 还没有人员',
      '新增承办单位',
    ]) {
      expect(text).toContain(words);
    }
    expect(list.querySelectorAll('.add-staff')).toHaveLength(2);
    expect(calls('units')).toEqual([{ action: 'units' }]);
  });

  it('says what to do when the district has no unit yet', async () => {
    host.answer('admin.units', { ok: true, data: { units: [] } });
    const list = await openList();
    expect(textOf(list)).toContain('还没有承办单位，点「新增承办单位」添加');
  });

  it('creates a unit: checks the name first, shows the server’s refusal under it, then saves', async () => {
    const list = await openList();
    tapButton(list, '.create');
    const page = await follow(pages.unit);
    expect(wx.navigations[0]).toEqual({ method: 'navigateTo', url: '/packages/admin/unit/index' });
    expect(wx.titles).toEqual(['新增承办单位']);
    tapButton(page, '.save');
    await until(() => textOf(page).includes('请填写单位名称'), 'the name check');
    expect(calls('saveUnit')).toEqual([]);

    type(page, '.field-name', '区住房和建设局');
    host.answer('admin.saveUnit', { ok: false, error: { code: 'CONFLICT', message: '本区已有名为「区住房和建设局」的承办单位', field: 'name' } });
    tapButton(page, '.save');
    await until(() => textOf(page).includes('本区已有名为「区住房和建设局」的承办单位'), 'the refusal');

    type(page, '.field-name', '区水务局');
    page.querySelector('.kind-other')!.querySelector('.van-radio__icon-wrap')!.dispatchEvent('tap');
    await until(() => page.data.form.kind === 'other', 'the kind');
    host.answer('admin.saveUnit', { ok: true, data: { id: 'unit-new', name: '区水务局', kind: 'other', district: '福田区', staff: [] } });
    tapButton(page, '.save');
    await until(() => wx.toasts.some((t) => t.title === '已保存'), 'the save');
    expect(calls('saveUnit')).toEqual([
      { action: 'saveUnit', name: '区住房和建设局', kind: 'bureau' },
      { action: 'saveUnit', name: '区水务局', kind: 'other' },
    ]);
    expect(page.data.unitId).toBe('unit-new');

    // Back on the list, which asks again since something changed.
    await list.instance.onShow();
    await until(() => calls('units').length === 2, 'the list again');
  });

  it('renames a unit from its card: the form starts from the unit and sends its id', async () => {
    const list = await openList();
    tapCell(list, '.unit__head');
    const page = await follow(pages.unit);
    expect(wx.navigations[0].url).toBe('/packages/admin/unit/index?id=unit-ft-zjj');
    expect(page.data.form).toEqual({ name: '区住房和建设局', kind: 'bureau' });
    type(page, '.field-name', '区住房和建设局（区更新局）');
    host.answer('admin.saveUnit', { ok: true, data: { ...ZJJ, name: '区住房和建设局（区更新局）' } });
    tapButton(page, '.save');
    await until(() => calls('saveUnit').length === 1, 'the save');
    expect(calls('saveUnit')).toEqual([{ action: 'saveUnit', id: 'unit-ft-zjj', name: '区住房和建设局（区更新局）', kind: 'bureau' }]);
  });

  it('adds a staff member to a unit, then makes their invite of role unit', async () => {
    const list = await openList();
    tapCell(list, '.add-staff');
    const page = await follow(pages.person);
    expect(wx.navigations[0].url).toBe('/packages/admin/person/index?kind=unit&unitId=unit-ft-zjj');
    expect(wx.titles).toEqual(['新增承办单位人员']);
    expect(textOf(page)).toContain('区住房和建设局');
    expect(page.querySelector('.stations')).toBeUndefined();

    type(page, '.field-name', '郑洁');
    type(page, '.field-phone', '0755-83950003');
    const saved: UnitView = { ...ZJJ, staff: [...ZJJ.staff, { id: 'sf-new', name: '郑洁', phone: '0755-83950003', bound: false }] };
    host.answer('admin.saveUnitStaff', { ok: true, data: saved });
    tapButton(page, '.save');
    await until(() => textOf(page).includes('生成邀请码'), 'the saved staff member');
    expect(calls('saveUnitStaff')).toEqual([{ action: 'saveUnitStaff', unitId: 'unit-ft-zjj', name: '郑洁', phone: '0755-83950003' }]);
    expect(page.data.personId).toBe('sf-new');

    const invite: InviteView = {
      code: 'K7QM2XPA',
      role: 'unit',
      person: { id: 'sf-new', name: '郑洁' },
      status: 'open',
      createdAt: '2025-11-21T02:00:00.000Z',
      expiresAt: '2025-11-28T02:00:00.000Z',
    };
    host.answer('admin.createInvite', { ok: true, data: invite });
    tapButton(page, '.create-invite');
    await until(() => textOf(page).includes('K7QM 2XPA'), 'the code');
    expect(calls('createInvite')).toEqual([{ action: 'createInvite', role: 'unit', personId: 'sf-new' }]);
    expect(textOf(page)).toContain('承办单位邀请码');
  });

  it('opens a bound staff member from the list and unbinds them', async () => {
    const list = await openList();
    tapCell(list, '.staff-sf-unit-zjj');
    const page = await follow(pages.person);
    expect(wx.navigations[0].url).toBe('/packages/admin/person/index?kind=unit&unitId=unit-ft-zjj&id=sf-unit-zjj');
    expect(page.data.form).toMatchObject({ name: '周敏', phone: '0755-83950001' });
    expect(textOf(page)).toContain('已绑定微信');

    host.answer('admin.unbind', { ok: true, data: { ...unitStaffPerson(ZJJ, 'sf-unit-zjj')!, bound: false } });
    tapButton(page, '.unbind');
    await until(() => textOf(page).includes('生成邀请码'), 'the unbound state');
    expect(calls('unbind')).toEqual([{ action: 'unbind', personId: 'sf-unit-zjj' }]);
  });

  it('a unit’s 人员 opened without its unit (a restart) says to open it from the list', async () => {
    const page = renderPage(pages.person);
    await page.instance.onLoad({ kind: 'unit', unitId: 'unit-gone' });
    await until(() => !page.data.loading, 'the page');
    expect(textOf(page)).toContain('请从承办单位列表重新打开');
  });
});
