/**
 * Who is calling, through the function host: the role and its scope come from the caller's
 * `users` document in one read, and that document follows every change of the record it acts
 * as — a revoked role or a changed assignment holds from the very next call, on an instance
 * that served the account a moment before (nothing cached keeps it alive).
 *
 * The expectations are the product's rules (docs/permissions.md: an unbound account is a
 * resident; an officer acts on the stations of their staff record), and the record's fields
 * as the test reads them from the database — never the back end's own copy.
 */
import type { Staff } from '../../typings/models';
import { handlerAccounts } from '../../backend/data/handler-accounts';
import { backfillCopies } from '../../backend/use-cases/identity/backfill-copies';
import { ADMIN, DEPUTY, OFFICER, submission } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
/** Records of the demo district nobody is bound to, handed out one per test. */
let freeOfficers: Staff[];
let freeDeputies: { _id: string; name: string; stationIds: string[] }[];
/** The stations of 福田区. */
let districtStations: string[];

beforeAll(async () => {
  backend = await startBackend({ functions: ['admin', 'user', 'case', 'reception'] });
  const _ = backend.db.command;
  freeOfficers = (
    await backend.db
      .collection('staff')
      .where({ role: 'officer', district: '福田区', openid: _.exists(false) })
      .limit(100)
      .get()
  ).data as Staff[];
  freeOfficers = freeOfficers.filter((officer) => officer.stationIds.length > 0);
  freeDeputies = (
    await backend.db
      .collection('deputies')
      .where({ openid: _.exists(false) })
      .limit(100)
      .get()
  ).data as any;
  districtStations = ((await backend.db.collection('stations').where({ district: '福田区' }).field({ _id: true }).limit(100).get()).data as { _id: string }[]).map(
    (s) => s._id,
  );
}, 180_000);

afterAll(() => backend?.close());

const record = async <T>(collection: string, id: string): Promise<T> => (await backend.db.collection(collection).where({ _id: id }).get()).data[0] as T;
const account = async (openid: string) => (await backend.db.collection('users').where({ openid }).get()).data as Record<string, any>[];

/** A free record bound to a new WeChat account through an invite, as the district office does it. */
async function bound(kind: 'officer' | 'deputy'): Promise<{ openid: string; id: string }> {
  const id = kind === 'officer' ? freeOfficers.pop()!._id : freeDeputies.pop()!._id;
  const { code } = await backend.data('admin', 'createInvite', { role: kind, personId: id }, ADMIN);
  const openid = newOpenid(`bound-${kind}`);
  await backend.data('user', 'redeem', { code }, openid);
  return { openid, id };
}

/** A station of the district the record does not serve. */
const otherStation = (serves: readonly string[]) => districtStations.find((id) => !serves.includes(id))!;

const notFound = { ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } };
const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };

describe('the caller in one read', () => {
  it.each([
    ['a resident nobody has seen', () => newOpenid()],
    ['the demo deputy', () => DEPUTY],
    ['the demo officer', () => OFFICER],
    ['the district office', () => ADMIN],
  ])('%s: user.whoami is one database request, on the users collection', async (_label, openid) => {
    const caller = openid();
    await backend.call('user', 'whoami', {}, caller);
    const counted = await backend.roundTrips(() => backend.call('user', 'whoami', {}, caller));
    expect(counted).toEqual({ total: 1, byAction: { 'database.getDocument': 1 } });
  });

  it('a redeemed invite leaves the account a copy of its record: name, stations, district', async () => {
    const { openid, id } = await bound('officer');
    const staff = await record<Staff>('staff', id);
    expect(await account(openid)).toEqual([
      expect.objectContaining({ role: 'officer', staffId: id, actingAs: { name: staff.name, stationIds: staff.stationIds, district: staff.district } }),
    ]);
    // The record names its account, so a change of the record can rewrite the copy.
    expect(staff).toMatchObject({ openid, userId: (await account(openid))[0]._id });
  });

  it('an account written without the copy (before it existed, or by hand) still acts in its role, reading its record', async () => {
    const officer = freeOfficers.pop()!;
    const openid = newOpenid('legacy-officer');
    await backend.db.collection('users').add({ openid, role: 'officer', staffId: officer._id, createdAt: new Date() });
    const { caseId } = await backend.data('case', 'submit', submission({ stationId: officer.stationIds[0] }), newOpenid());
    expect(await backend.data('user', 'whoami', {}, openid)).toEqual({ openid, role: 'officer' });
    expect((await backend.data('case', 'get', { caseId }, openid)).id).toBe(caseId);
    expect(await backend.call('case', 'get', { caseId }, newOpenid())).toEqual(notFound);
    expect((await backend.roundTrips(() => backend.call('user', 'whoami', {}, openid))).total).toBe(2);
  });
});

describe('a revoked role holds from the very next call', () => {
  it('admin.unbind: the officer who just read a case and their queue is a resident at once', async () => {
    const { openid, id } = await bound('officer');
    const station = (await record<Staff>('staff', id)).stationIds[0];
    const { caseId } = await backend.data('case', 'submit', submission({ stationId: station }), newOpenid());
    // A warm instance that has just served the officer.
    const read = await backend.data('case', 'get', { caseId }, openid);
    expect((await backend.data('case', 'inbox', { stationId: station }, openid)).cases.map((c) => c.id)).toContain(caseId);

    await backend.data('admin', 'unbind', { personId: id }, ADMIN);

    expect(await backend.data('user', 'whoami', {}, openid)).toEqual({ openid, role: 'resident' });
    expect(await backend.call('case', 'get', { caseId }, openid)).toEqual(notFound);
    expect(await backend.call('case', 'inbox', {}, openid)).toEqual(forbidden);
    expect(await backend.call('case', 'accept', { caseId, version: read.version }, openid)).toEqual(forbidden);
    expect(await backend.call('reception', 'schedule', {}, openid)).toEqual(forbidden);
    // Nothing of the binding is left on either side.
    const [user] = await account(openid);
    expect(user.role).toBe('resident');
    expect(user).not.toHaveProperty('actingAs');
    expect(user).not.toHaveProperty('staffId');
    const staff = await record<Staff>('staff', id);
    expect(staff).not.toHaveProperty('openid');
    expect(staff).not.toHaveProperty('userId');
  });

  it('admin.unbind of a deputy: their duty record and queue are refused at once', async () => {
    const { openid, id } = await bound('deputy');
    expect((await backend.data('user', 'duty', {}, openid)).deputy.id).toBe(id);
    await backend.data('admin', 'unbind', { personId: id }, ADMIN);
    expect(await backend.call('user', 'duty', {}, openid)).toEqual(forbidden);
    expect(await backend.call('case', 'inbox', {}, openid)).toEqual(forbidden);
  });
});

describe('a changed assignment holds from the very next call', () => {
  it('admin.saveOfficer: a station taken away is out of reach, a station given is in reach, the new name is shown', async () => {
    const { openid, id } = await bound('officer');
    const before = await record<Staff>('staff', id);
    const [kept, ...rest] = before.stationIds;
    const given = otherStation(before.stationIds);
    const { caseId: atKept } = await backend.data('case', 'submit', submission({ stationId: kept }), newOpenid());
    const { caseId: atGiven } = await backend.data('case', 'submit', submission({ stationId: given }), newOpenid());
    expect((await backend.data('case', 'get', { caseId: atKept }, openid)).id).toBe(atKept);
    expect(await backend.call('case', 'get', { caseId: atGiven }, openid)).toEqual(notFound);

    await backend.data('admin', 'saveOfficer', { id, name: '调岗联络员', phone: before.phone, stationIds: [...rest, given] }, ADMIN);

    expect(await backend.call('case', 'get', { caseId: atKept }, openid)).toEqual(notFound);
    expect(await backend.call('case', 'inbox', { stationId: kept }, openid)).toEqual(forbidden);
    expect((await backend.data('case', 'get', { caseId: atGiven }, openid)).id).toBe(atGiven);
    expect((await backend.data('case', 'inbox', { stationId: given }, openid)).cases.map((c) => c.id)).toContain(atGiven);
    const profile = await backend.data('user', 'profile', {}, openid);
    expect(profile).toMatchObject({ role: 'officer', name: '调岗联络员' });
    expect(profile.role === 'officer' && profile.stations?.map((s) => s.id)).toEqual([...rest, given]);
  });

  it('admin.saveStation: an officer added to a station reaches it at once, and loses it at once when dropped', async () => {
    const { openid, id } = await bound('officer');
    const station = (code: string, officerIds: string[], stationId?: string) => ({
      ...(stationId ? { id: stationId } : {}),
      code,
      name: `调整联络站 ${code}`,
      kind: 'community' as const,
      street: '华富街道',
      community: '莲花北社区',
      address: '深圳市福田区华富街道莲花北村 2 号',
      latitude: 22.5516,
      longitude: 114.0776,
      phone: '0755-83001235',
      hours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:30' }],
      officerIds,
      rules: [],
    });
    const code = `T-ID-${process.pid % 1000}`;
    const created = await backend.data('admin', 'saveStation', station(code, [id]), ADMIN);
    expect(await backend.data('case', 'inbox', { stationId: created.id }, openid)).toMatchObject({ cases: [] });
    const { caseId } = await backend.data('case', 'submit', submission({ stationId: created.id }), newOpenid());
    expect((await backend.data('case', 'get', { caseId }, openid)).id).toBe(caseId);

    await backend.data('admin', 'saveStation', station(code, [], created.id), ADMIN);

    expect(await backend.call('case', 'inbox', { stationId: created.id }, openid)).toEqual(forbidden);
    expect(await backend.call('case', 'get', { caseId }, openid)).toEqual(notFound);
    const [user] = await account(openid);
    expect(user.actingAs.stationIds).toEqual((await record<Staff>('staff', id)).stationIds);
  });

  it('admin.saveDeputy: the deputy’s new name and stations are theirs at once', async () => {
    const { openid, id } = await bound('deputy');
    const before = await record<{ stationIds: string[]; level: string; delegation: string; occupation: string }>('deputies', id);
    const moved = otherStation(before.stationIds);
    expect((await backend.data('case', 'inbox', { stationId: before.stationIds[0] }, openid)).cases).toBeDefined();

    await backend.data(
      'admin',
      'saveDeputy',
      { id, name: '改名代表', level: before.level as any, delegation: before.delegation, occupation: before.occupation, stationIds: [moved] },
      ADMIN,
    );

    expect(await backend.data('user', 'profile', {}, openid)).toMatchObject({ role: 'deputy', name: '改名代表', stations: [{ id: moved, name: expect.any(String) }] });
    expect(await backend.call('case', 'inbox', { stationId: before.stationIds[0] }, openid)).toEqual(forbidden);
    expect((await backend.data('case', 'inbox', { stationId: moved }, openid)).cases).toEqual([]);
    expect((await backend.data('user', 'duty', {}, openid)).deputy).toEqual({ id, name: '改名代表' });
  });

  it('edits racing a redeem leave the copy equal to the record, whichever commits first', async () => {
    for (let round = 0; round < 3; round += 1) {
      const officer = freeOfficers.pop()!;
      const { code } = await backend.data('admin', 'createInvite', { role: 'officer', personId: officer._id }, ADMIN);
      const openid = newOpenid('racing-officer');
      const stations = [otherStation(officer.stationIds)];
      const [redeemed, saved] = await Promise.all([
        backend.call('user', 'redeem', { code }, openid),
        backend.call('admin', 'saveOfficer', { id: officer._id, name: `竞速联络员${round}`, phone: officer.phone, stationIds: stations }, ADMIN),
      ]);
      expect(redeemed.ok && saved.ok).toBe(true);
      const staff = await record<Staff>('staff', officer._id);
      expect(staff.stationIds).toEqual(stations);
      expect((await account(openid))[0].actingAs).toEqual({ name: staff.name, stationIds: staff.stationIds, district: staff.district });
    }
  });
});

describe('bringing older accounts up to date (scripts/backfill-caller-copies.ts)', () => {
  it('copies each record into its account, binds the record to it, and a second run changes nothing', async () => {
    const createdAt = new Date();
    const deputy = freeDeputies.pop()!;
    const taken = freeOfficers.pop()!;
    const [deputyOpenid, adminOpenid, takenOpenid] = [newOpenid('old-deputy'), newOpenid('first-admin'), newOpenid('old-officer')];
    // As accounts were bound before the copy: the record holds the openid, the account the role and record id.
    await backend.db.collection('deputies').doc(deputy._id).update({ openid: deputyOpenid });
    // The first admin of a deployment, made by hand: a staff record without an openid.
    await backend.db.collection('staff').add({ _id: 'sf-first-admin', name: '首位管理员', role: 'admin', phone: '0755-1', stationIds: [], district: '福田区', createdAt });
    await backend.db.collection('staff').doc(taken._id).update({ openid: 'otest-someone-else' });
    await backend.db.collection('users').add([
      { _id: 'us-old-deputy', openid: deputyOpenid, role: 'deputy', deputyId: deputy._id, createdAt },
      { _id: 'us-first-admin', openid: adminOpenid, role: 'admin', staffId: 'sf-first-admin', createdAt },
      { _id: 'us-old-officer', openid: takenOpenid, role: 'officer', staffId: taken._id, createdAt },
    ]);

    const report = await backfillCopies(backend.db);
    expect(report.copied).toEqual(expect.arrayContaining(['us-old-deputy', 'us-first-admin']));
    expect(report.copied).not.toContain('us-old-officer');
    expect(report.skipped).toContainEqual({ userId: 'us-old-officer', reason: expect.stringContaining('another account') });

    const [deputyAccount] = await account(deputyOpenid);
    expect(deputyAccount.actingAs).toEqual({ name: deputy.name, stationIds: deputy.stationIds });
    expect(await record('deputies', deputy._id)).toMatchObject({ openid: deputyOpenid, userId: 'us-old-deputy' });
    expect((await account(adminOpenid))[0].actingAs).toEqual({ name: '首位管理员', stationIds: [], district: '福田区' });
    expect(await record('staff', 'sf-first-admin')).toMatchObject({ openid: adminOpenid, userId: 'us-first-admin' });
    expect((await account(takenOpenid))[0]).not.toHaveProperty('actingAs');

    // One read from now on, and the copy follows the record like any other.
    await backend.call('user', 'whoami', {}, adminOpenid);
    expect((await backend.roundTrips(() => backend.call('user', 'whoami', {}, adminOpenid))).total).toBe(1);
    expect(await backend.data('user', 'profile', {}, adminOpenid)).toMatchObject({ role: 'admin', name: '首位管理员', district: '福田区' });

    const again = await backfillCopies(backend.db);
    expect(again.copied).toEqual([]);
  });
});

describe('who is told of a case’s task (one read)', () => {
  it('the station’s officers whose record gives them the station, and the deputy: each bound account once', async () => {
    const createdAt = new Date();
    const station = 'st-tell-1';
    await backend.db.collection('stations').add({
      _id: station,
      code: 'T-TELL-1',
      name: '告知测试联络站',
      kind: 'community',
      district: '福田区',
      street: '华富街道',
      address: '测试路 3 号',
      location: new backend.db.Geo.Point(114.05, 22.55),
      phone: '0755-1',
      hours: [],
      rules: [],
      createdAt,
      officerIds: ['sf-tell-a', 'sf-tell-b', 'sf-tell-admin'],
    });
    const staff = (id: string, role: string, stationIds: string[]) => ({ _id: id, name: id, role, phone: '0755-2', stationIds, district: '福田区', createdAt });
    await backend.db.collection('staff').add([
      staff('sf-tell-a', 'officer', [station]),
      staff('sf-tell-b', 'officer', []), // listed by the station, but the record no longer gives it
      staff('sf-tell-c', 'officer', [station]), // the record names it, the station does not list them
      staff('sf-tell-admin', 'admin', [station]),
    ]);
    await backend.db.collection('users').add([
      { openid: 'o-tell-a', role: 'officer', staffId: 'sf-tell-a', createdAt },
      { openid: 'o-tell-b', role: 'officer', staffId: 'sf-tell-b', createdAt },
      { openid: 'o-tell-c', role: 'officer', staffId: 'sf-tell-c', createdAt },
      { openid: 'o-tell-admin', role: 'admin', staffId: 'sf-tell-admin', createdAt },
      { openid: 'o-tell-former', role: 'resident', staffId: 'sf-tell-a', createdAt },
      { openid: 'o-tell-deputy', role: 'deputy', deputyId: 'dp-tell', createdAt },
    ]);

    const counted = await backend.roundTrips(async () => {
      expect(await handlerAccounts(backend.db, { stationId: station, deputyId: 'dp-tell' })).toEqual([
        { openid: 'o-tell-a', role: 'officer', personId: 'sf-tell-a' },
        { openid: 'o-tell-deputy', role: 'deputy', personId: 'dp-tell' },
      ]);
    });
    expect(counted.total).toBe(1);
    expect(await handlerAccounts(backend.db, { stationId: station })).toEqual([{ openid: 'o-tell-a', role: 'officer', personId: 'sf-tell-a' }]);
    expect(await handlerAccounts(backend.db, { stationId: 'st-gone', deputyId: 'dp-tell' })).toEqual([{ openid: 'o-tell-deputy', role: 'deputy', personId: 'dp-tell' }]);
  });
});
