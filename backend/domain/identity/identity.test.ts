import { actingAsOf, actsAs, identityOf } from './identity';

const OPENID = 'o-caller';

describe('the copy of a record an account keeps', () => {
  it.each([
    ['a deputy: name and stations, no district', 'deputy', { name: '李明', stationIds: ['st-a', 'st-b'] }, { name: '李明', stationIds: ['st-a', 'st-b'] }],
    [
      'an officer: name, stations, district',
      'officer',
      { name: '王芳', stationIds: ['st-a'], role: 'officer', district: '福田区' },
      { name: '王芳', stationIds: ['st-a'], district: '福田区' },
    ],
    ['an admin: name, district', 'admin', { name: '林慧', stationIds: [], role: 'admin', district: '福田区' }, { name: '林慧', stationIds: [], district: '福田区' }],
    ['an officer account on an admin record: nothing (no powers)', 'officer', { name: '林慧', stationIds: ['st-a'], role: 'admin', district: '福田区' }, undefined],
    ['an admin account on an officer record: nothing', 'admin', { name: '王芳', stationIds: ['st-a'], role: 'officer', district: '福田区' }, undefined],
    [
      'a unit’s staff: name, district, their unit',
      'unit',
      { name: '陈刚', stationIds: [], role: 'unit', district: '福田区', unitId: 'unit-zjj' },
      { name: '陈刚', stationIds: [], district: '福田区', unitId: 'unit-zjj' },
    ],
    ['a unit account on an officer record: nothing', 'unit', { name: '王芳', stationIds: ['st-a'], role: 'officer', district: '福田区' }, undefined],
    [
      'an officer keeps no unit, even one written on the record',
      'officer',
      { name: '王芳', stationIds: ['st-a'], role: 'officer', district: '福田区', unitId: 'unit-zjj' },
      { name: '王芳', stationIds: ['st-a'], district: '福田区' },
    ],
  ] as const)('%s', (_label, role, record, expected) => {
    expect(actingAsOf(role, record)).toEqual(expected);
  });
});

describe('who the caller is', () => {
  it('no account, or a resident one: a resident owning by openid', () => {
    const resident = { actor: { role: 'resident', id: OPENID, openid: OPENID }, displayName: '群众' };
    expect(identityOf(OPENID, undefined, undefined, undefined)).toEqual(resident);
    expect(identityOf(OPENID, 'resident', 'sf-x', { name: '王芳', stationIds: ['st-a'] })).toEqual(resident);
  });

  it('an officer acts on the copy’s stations, named by it', () => {
    expect(identityOf(OPENID, 'officer', 'sf-1', { name: '王芳', stationIds: ['st-a'], district: '福田区' })).toEqual({
      actor: { role: 'officer', id: 'sf-1', stationIds: ['st-a'] },
      displayName: '联络员 王芳',
      person: { name: '王芳', stationIds: ['st-a'], district: '福田区' },
    });
  });

  it('an admin acts on the copy’s district', () => {
    expect(identityOf(OPENID, 'admin', 'sf-9', { name: '林慧', stationIds: [], district: '福田区' })).toMatchObject({
      actor: { role: 'admin', id: 'sf-9', district: '福田区' },
      displayName: '区人大常委会 林慧',
    });
  });

  it('a unit’s staff act for their unit, named as 承办单位', () => {
    expect(identityOf(OPENID, 'unit', 'sf-u', { name: '陈刚', stationIds: [], district: '福田区', unitId: 'unit-zjj' })).toEqual({
      actor: { role: 'unit', id: 'sf-u', unitId: 'unit-zjj' },
      displayName: '承办单位 陈刚',
      person: { name: '陈刚', stationIds: [], district: '福田区', unitId: 'unit-zjj' },
    });
  });

  it('a unit’s staff whose copy names no unit act on nothing', () => {
    const identity = identityOf(OPENID, 'unit', 'sf-u', { name: '陈刚', stationIds: [], district: '福田区' });
    expect(identity.actor).toEqual({ role: 'unit', id: '' });
    expect(identity.person).toBeUndefined();
  });

  it('a deputy acts as their record', () => {
    expect(identityOf(OPENID, 'deputy', 'dp-1', { name: '李明', stationIds: ['st-a'] })).toMatchObject({
      actor: { role: 'deputy', id: 'dp-1', deputyId: 'dp-1' },
      displayName: '人大代表 李明',
    });
  });

  it.each(['officer', 'admin', 'deputy', 'unit'] as const)('a %s without a record (or its copy) keeps the role and acts on nothing', (role) => {
    const identity = identityOf(OPENID, role, 'sf-gone', undefined);
    expect(identity.actor.role).toBe(role);
    expect(identity.actor.id).toBe('');
    expect(identity.actor.stationIds ?? []).toEqual([]);
    expect(identity.actor.district).toBeUndefined();
    expect(identity.actor.unitId).toBeUndefined();
    expect(identity.person).toBeUndefined();
  });
});

describe('the account acting as a record', () => {
  const officer = { openid: OPENID, role: 'officer' as const, staffId: 'sf-1' };
  it.each([
    ['the same openid, kind and record', officer, 'staff', 'sf-1', OPENID, true],
    ['another openid (rebound elsewhere)', officer, 'staff', 'sf-1', 'o-other', false],
    ['another record', officer, 'staff', 'sf-2', OPENID, false],
    ['a deputy record with the same id', officer, 'deputy', 'sf-1', OPENID, false],
    ['a resident account that once was this officer', { openid: OPENID, role: 'resident' as const, staffId: 'sf-1' }, 'staff', 'sf-1', OPENID, false],
    ['no openid on the record', officer, 'staff', 'sf-1', undefined, false],
  ] as const)('%s', (_label, account, kind, personId, openid, expected) => {
    expect(actsAs(account, kind, personId, openid)).toBe(expected);
  });
});
