/**
 * 承办单位 through the function host: the district office keeps its handling units and their
 * staff, issues a staff member an invite, and the redeemed account acts as that unit's staff
 * (profile, whoami) — and calls nothing of the case, reception, report or admin functions.
 * Expectations are written by hand from the brief (issue 15) and docs/permissions.md.
 */
import type { Profile } from '../../typings/workspace';
import type { UnitView } from '../../typings/unit';
import { ADMIN, OFFICER, RESIDENT } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
const OTHER_ADMIN = 'otest-units-admin-ns';

beforeAll(async () => {
  backend = await startBackend({ functions: ['admin', 'user', 'case', 'reception', 'report', 'subscription'] });
  // An admin of another district: its units are not 福田区's, and 福田区's are not its.
  await backend.db
    .collection('staff')
    .add({ _id: 'sf-units-ns', name: '林慧', role: 'admin', phone: '0755-00000002', stationIds: [], district: '南山区', createdAt: new Date() });
  await backend.db.collection('users').add({ _id: 'us-units-ns', openid: OTHER_ADMIN, role: 'admin', staffId: 'sf-units-ns', createdAt: new Date() });
}, 180_000);

afterAll(() => backend?.close());

let names = 0;
/** A unit name nobody used yet (the district's names are unique). */
const freshName = (stem = '区水务局') => `${stem}${(names += 1)}`;
const newUnit = (name = freshName(), kind: 'bureau' | 'street' | 'other' = 'bureau'): Promise<UnitView> => backend.data('admin', 'saveUnit', { name, kind }, ADMIN);
const addStaff = (unitId: string, name = '陈刚', phone = '0755-83000001', id?: string): Promise<UnitView> =>
  backend.data('admin', 'saveUnitStaff', { ...(id ? { id } : {}), unitId, name, phone }, ADMIN);
const staffId = (unit: UnitView, name: string) => unit.staff.find((s) => s.name === name)!.id;
const one = async (collection: string, filter: Record<string, unknown>) => (await backend.db.collection(collection).where(filter).get()).data;
/** A fresh unit with one staff member bound to a fresh WeChat account by a redeemed invite. */
async function boundUnitStaff(): Promise<{ unit: UnitView; personId: string; openid: string }> {
  const unit = await addStaff((await newUnit()).id, '周敏');
  const personId = staffId(unit, '周敏');
  const { code } = await backend.data('admin', 'createInvite', { role: 'unit', personId }, ADMIN);
  const openid = newOpenid('unit-staff');
  await backend.data('user', 'redeem', { code }, openid);
  return { unit, personId, openid };
}

describe('the district office’s units', () => {
  it('lists the seeded units of its district with their staff, and whether each is bound', async () => {
    const { units } = await backend.data('admin', 'units', {}, ADMIN);
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(byId.get('unit-ft-zjj')).toMatchObject({ name: '区住房和建设局', kind: 'bureau', district: '福田区', staff: [{ id: 'sf-unit-zjj', bound: true }] });
    expect(byId.get('unit-ft-cgj')).toMatchObject({ name: '区城市管理和综合执法局', kind: 'bureau', staff: [{ id: 'sf-unit-cgj', bound: true }] });
    expect(byId.get('unit-ft-hfjd')).toMatchObject({ name: '华富街道办事处', kind: 'street', staff: [] });
    expect(units.every((u) => u.district === '福田区')).toBe(true);
    // Another district's office sees none of them.
    expect((await backend.data('admin', 'units', {}, OTHER_ADMIN)).units.map((u) => u.id)).not.toContain('unit-ft-zjj');
  });

  it('creates and renames a unit; the name is unique in the district, not across districts', async () => {
    const name = freshName();
    const made = await newUnit(name, 'other');
    expect(made).toEqual({ id: expect.stringMatching(/^unit-/), name, kind: 'other', district: '福田区', staff: [] });
    expect(await backend.call('admin', 'saveUnit', { name, kind: 'bureau' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    // The same name in 南山区 is another unit.
    expect(await backend.data('admin', 'saveUnit', { name, kind: 'bureau' }, OTHER_ADMIN)).toMatchObject({ name, district: '南山区' });

    const renamed = freshName('区交通运输局');
    expect(await backend.data('admin', 'saveUnit', { id: made.id, name: renamed, kind: 'bureau' }, ADMIN)).toMatchObject({ id: made.id, name: renamed, kind: 'bureau' });
    // Saving it under its own name again is no conflict; taking a sibling's is.
    expect(await backend.data('admin', 'saveUnit', { id: made.id, name: renamed, kind: 'bureau' }, ADMIN)).toMatchObject({ id: made.id });
    expect(await backend.call('admin', 'saveUnit', { id: made.id, name: '区住房和建设局', kind: 'bureau' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('区住房和建设局') },
    });
    expect(await one('units', { _id: made.id })).toEqual([expect.objectContaining({ name: renamed })]);
  });

  it('two offices creating the same name at once: exactly one unit is written', async () => {
    const name = freshName('区应急管理局');
    const answers = await Promise.all([0, 1, 2].map(() => backend.call('admin', 'saveUnit', { name, kind: 'bureau' }, ADMIN)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await one('units', { district: '福田区', name })).toHaveLength(1);
  });

  it.each([
    ['an empty name', { name: '  ', kind: 'bureau' }, 'name'],
    ['a name over 40 characters', { name: '区'.repeat(41), kind: 'bureau' }, 'name'],
    ['an unknown kind', { name: '区司法局', kind: 'court' }, 'kind'],
  ])('refuses %s (INVALID_INPUT) and writes nothing', async (_label, input, field) => {
    const before = (await one('units', { district: '福田区' })).length;
    // Broken on purpose: what a client outside the typed one could send.
    expect(await backend.call('admin', 'saveUnit', input as never, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(await one('units', { district: '福田区' })).toHaveLength(before);
  });

  it('another district’s unit is NOT_FOUND, to rename or to staff', async () => {
    const theirs = await backend.data('admin', 'saveUnit', { name: freshName('区教育局'), kind: 'bureau' }, OTHER_ADMIN);
    expect(await backend.call('admin', 'saveUnit', { id: theirs.id, name: freshName(), kind: 'bureau' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('admin', 'saveUnitStaff', { unitId: theirs.id, name: '陈刚', phone: '0755-83000001' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'unitId' },
    });
    expect(await one('staff', { unitId: theirs.id })).toEqual([]);
  });

  it('is the office’s only: a resident, an officer and a unit’s staff are FORBIDDEN', async () => {
    for (const openid of [RESIDENT, OFFICER, 'odemo-unit']) {
      expect(await backend.call('admin', 'units', {}, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await backend.call('admin', 'saveUnit', { name: freshName(), kind: 'bureau' }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('a unit’s staff', () => {
  it('are added and edited as staff records of role unit, with no stations', async () => {
    const unit = await addStaff((await newUnit()).id, '刘洋', '0755-83000002');
    const id = staffId(unit, '刘洋');
    expect(unit.staff).toEqual([{ id, name: '刘洋', phone: '0755-83000002', bound: false }]);
    expect(await one('staff', { _id: id })).toEqual([expect.objectContaining({ role: 'unit', unitId: unit.id, stationIds: [], district: '福田区' })]);

    const edited = await addStaff(unit.id, '刘洋洋', '0755 8300 0003', id);
    expect(edited.staff).toEqual([{ id, name: '刘洋洋', phone: '0755 8300 0003', bound: false }]);
  });

  it('an officer’s record is not a unit’s staff member (NOT_FOUND), and a bad phone is INVALID_INPUT', async () => {
    const unit = await newUnit();
    expect(await backend.call('admin', 'saveUnitStaff', { id: 'sf-ft-hf', unitId: unit.id, name: '王芳', phone: '0755-83000001' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await one('staff', { _id: 'sf-ft-hf' }))[0].role).toBe('officer');
    expect(await backend.call('admin', 'saveUnitStaff', { unitId: unit.id, name: '王芳', phone: 'call me' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'phone' },
    });
  });

  it('get the unit role by invite: profile names their unit, whoami says unit', async () => {
    const { unit, personId, openid } = await boundUnitStaff();
    expect(await backend.data('user', 'whoami', {}, openid)).toEqual({ openid, role: 'unit' });
    expect(await backend.data('user', 'profile', {}, openid)).toEqual<Profile>({ openid, role: 'unit', name: '周敏', unit: { id: unit.id, name: unit.name } });
    expect(await one('users', { openid })).toEqual([expect.objectContaining({ role: 'unit', staffId: personId, actingAs: expect.objectContaining({ unitId: unit.id }) })]);
    expect((await backend.data('admin', 'units', {}, ADMIN)).units.find((u) => u.id === unit.id)?.staff).toEqual([expect.objectContaining({ id: personId, bound: true })]);
  });

  it('an invite as officer for a unit staff record is NOT_FOUND (the role must match the record)', async () => {
    const unit = await addStaff((await newUnit()).id, '黄磊');
    expect(await backend.call('admin', 'createInvite', { role: 'officer', personId: staffId(unit, '黄磊') }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'personId' },
    });
  });

  it('a renamed unit shows under its new name at once; staff moved to another unit act for it from the next call', async () => {
    const { unit, personId, openid } = await boundUnitStaff();
    const renamed = freshName('区城市更新和土地整备局');
    await backend.data('admin', 'saveUnit', { id: unit.id, name: renamed, kind: 'bureau' }, ADMIN);
    expect((await backend.data('user', 'profile', {}, openid)).unit).toEqual({ id: unit.id, name: renamed });

    const other = await newUnit();
    const moved = await addStaff(other.id, '周敏', '0755-83000009', personId);
    expect(moved.staff.map((s) => s.id)).toEqual([personId]);
    expect((await backend.data('user', 'profile', {}, openid)).unit).toEqual({ id: other.id, name: other.name });
    expect((await one('users', { openid }))[0].actingAs.unitId).toBe(other.id);
  });

  it('admin.unbind returns them to resident at once', async () => {
    const { personId, openid } = await boundUnitStaff();
    expect(await backend.data('admin', 'unbind', { personId }, ADMIN)).toMatchObject({ id: personId, kind: 'unit', bound: false });
    expect(await backend.data('user', 'whoami', {}, openid)).toEqual({ openid, role: 'resident' });
    expect(await one('staff', { _id: personId })).toEqual([expect.not.objectContaining({ openid: expect.anything() })]);
  });
});

describe('what a unit’s staff may call besides their suggestions', () => {
  const UNIT = 'odemo-unit';

  it('whoami, profile, their grants, their data and an empty 我的留言: like every signed-in caller', async () => {
    expect(await backend.data('user', 'profile', {}, UNIT)).toMatchObject({ role: 'unit', unit: { id: 'unit-ft-zjj', name: '区住房和建设局' } });
    expect(await backend.call('subscription', 'record', { results: {} }, UNIT)).toMatchObject({ ok: true });
    expect(await backend.call('user', 'export', {}, UNIT)).toMatchObject({ ok: true });
    expect(await backend.data('case', 'mine', {}, UNIT)).toEqual({ cases: [], hasMore: false, unreadTotal: 0 });
  });

  it.each([
    ['case', 'get', { caseId: 'c-x' }],
    ['case', 'inbox', { filter: 'all' }],
    ['case', 'submit', {}],
    ['case', 'supervise', { caseId: 'c-x', version: 1 }],
    ['reception', 'book', {}],
    ['reception', 'schedule', {}],
    ['report', 'publish', {}],
    ['report', 'rate', {}],
    ['user', 'duty', {}],
    ['user', 'activities', {}],
    ['user', 'deleteAccount', { confirm: '注销' }],
    ['admin', 'people', { kind: 'officer' }],
    ['admin', 'createInvite', { role: 'unit', personId: 'sf-unit-cgj' }],
  ])('%s.%s is FORBIDDEN', async (fn, action, input) => {
    expect(await backend.call(fn as 'case', action as 'get', input as never, UNIT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
