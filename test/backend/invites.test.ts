/**
 * Roles by invite code, through the function host: the district office makes a code for a
 * person's record, a WeChat user redeems it and acts in that role; single use, revocable,
 * expiring, race-safe; unbinding returns the account to resident.
 */
import type { Profile } from '../../typings/workspace';
import { ADMIN, DEPUTY, OFFICER, RESIDENT, STATION, submission } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
/** Records of the demo district nobody is bound to yet, handed out one per test. */
let freeDeputies: { _id: string; name: string; stationIds: string[] }[];
let freeOfficers: { _id: string; name: string }[];

beforeAll(async () => {
  backend = await startBackend({ functions: ['admin', 'user', 'case'] });
  const _ = backend.db.command;
  freeDeputies = (
    await backend.db
      .collection('deputies')
      .where({ openid: _.exists(false) })
      .limit(100)
      .get()
  ).data as any;
  freeOfficers = (
    await backend.db
      .collection('staff')
      .where({ role: 'officer', district: '福田区', openid: _.exists(false) })
      .limit(100)
      .get()
  ).data as any;
}, 180_000);

afterAll(() => backend?.close());

const freeDeputy = (stationId?: string) => {
  const index = stationId ? freeDeputies.findIndex((d) => d.stationIds.includes(stationId)) : freeDeputies.length - 1;
  return freeDeputies.splice(index, 1)[0];
};
const freeOfficer = () => freeOfficers.pop()!;
const redeem = (code: string, openid: string) => backend.call('user', 'redeem', { code }, openid);
const invite = (personId: string, role: 'deputy' | 'officer' | 'admin' = 'deputy') => backend.data('admin', 'createInvite', { role, personId }, ADMIN);
const one = async (collection: string, filter: Record<string, unknown>) => (await backend.db.collection(collection).where(filter).get()).data;
const conflict = (message: RegExp) => ({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(message) } });

describe('an invite from the district office', () => {
  it('is 8 unambiguous characters, open, and good for 7 days', async () => {
    const person = freeDeputy();
    const made = await invite(person._id);
    expect(made).toMatchObject({ role: 'deputy', person: { id: person._id, name: person.name }, status: 'open' });
    expect(made.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(7 * 24 * 60 * 60 * 1000);
    expect(await one('invites', { _id: made.code })).toEqual([expect.objectContaining({ state: 'open', district: '福田区', personId: person._id })]);
  });

  it('is made by admins only: residents, officers and deputies are FORBIDDEN', async () => {
    const person = freeDeputy();
    for (const openid of [RESIDENT, OFFICER, DEPUTY]) {
      expect(await backend.call('admin', 'createInvite', { role: 'deputy', personId: person._id }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await one('invites', { personId: person._id })).toEqual([]);
  });

  it('names a record of the invited role in the district: a deputy as an officer, or nobody, is NOT_FOUND; a bound record is CONFLICT', async () => {
    expect(await backend.call('admin', 'createInvite', { role: 'officer', personId: freeDeputy()._id }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'personId' },
    });
    expect(await backend.call('admin', 'createInvite', { role: 'deputy', personId: 'dp-nobody' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('admin', 'createInvite', { role: 'deputy', personId: 'dp-001' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'personId' },
    });
  });
});

describe('redeeming', () => {
  it('makes a resident the invited deputy: profile with stations, whoami, their inbox shows a case written to them', async () => {
    const person = freeDeputy(STATION);
    const { code } = await invite(person._id);
    const openid = newOpenid('new-deputy');
    // As a person types it from paper: lower case, a dash, spaces.
    const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `;
    const profile = await backend.data('user', 'redeem', { code: typed }, openid);
    expect(profile).toMatchObject({ openid, role: 'deputy', deputyId: person._id, name: person.name });
    expect(profile.stations).toEqual(expect.arrayContaining([{ id: STATION, name: expect.stringContaining('华富') }]));
    expect(await backend.data('user', 'profile', {}, openid)).toEqual(profile);
    expect(await backend.data('user', 'whoami', {}, openid)).toEqual({ openid, role: 'deputy' });

    // All three writes landed.
    expect(await one('invites', { _id: code })).toEqual([expect.objectContaining({ state: 'redeemed', redeemedBy: openid, redeemedAt: expect.anything() })]);
    expect(await one('users', { openid })).toEqual([expect.objectContaining({ role: 'deputy', deputyId: person._id })]);
    expect((await one('deputies', { _id: person._id }))[0].openid).toBe(openid);

    const { caseId } = await backend.data('case', 'submit', submission({ deputyId: person._id }), newOpenid());
    const inbox = await backend.data('case', 'inbox', {}, openid);
    expect(inbox.cases).toEqual([expect.objectContaining({ id: caseId, relation: 'addressed' })]);
    expect((await backend.data('admin', 'invites', {}, ADMIN)).invites.find((i) => i.code === code)).toMatchObject({ status: 'redeemed', redeemedAt: expect.any(String) });
  });

  it('works once: a second person gets CONFLICT and stays a resident', async () => {
    const { code } = await invite(freeDeputy()._id);
    await backend.data('user', 'redeem', { code }, newOpenid());
    const late = newOpenid();
    expect(await redeem(code, late)).toEqual(conflict(/已经被使用/));
    expect(await backend.data('user', 'whoami', {}, late)).toEqual({ openid: late, role: 'resident' });
    expect(await one('users', { openid: late })).toEqual([]);
  });

  it('a caller already in a work role gets CONFLICT, and the invite stays open', async () => {
    const { code } = await invite(freeDeputy()._id);
    expect(await redeem(code, OFFICER)).toEqual(conflict(/已绑定为联络员/));
    expect(await redeem(code, DEPUTY)).toEqual(conflict(/已绑定为人大代表/));
    expect((await one('invites', { _id: code }))[0].state).toBe('open');
  });

  it('a code of the wrong shape is INVALID_INPUT; an unknown one NOT_FOUND', async () => {
    expect(await redeem('ABC', newOpenid())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code' } });
    expect(await redeem('ABCD0123', newOpenid())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code' } });
    expect(await redeem('ZZZZ2222', newOpenid())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('two people with the same code at once: exactly one wins, the other gets CONFLICT, one users document', async () => {
    const person = freeDeputy();
    const { code } = await invite(person._id);
    const racers = [newOpenid('racer'), newOpenid('racer'), newOpenid('racer')];
    const answers = await Promise.all(racers.map((openid) => redeem(code, openid)));
    const winners = racers.filter((_, i) => answers[i].ok);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([conflict(/已经被使用/), conflict(/已经被使用/)]);
    expect(await one('users', { deputyId: person._id })).toEqual([expect.objectContaining({ openid: winners[0], role: 'deputy' })]);
    expect((await one('deputies', { _id: person._id }))[0].openid).toBe(winners[0]);
    expect((await one('invites', { _id: code }))[0].redeemedBy).toBe(winners[0]);
  });

  it('one person with two codes at once gets one role, never two users documents', async () => {
    const codes = [(await invite(freeDeputy()._id)).code, (await invite(freeOfficer()._id, 'officer')).code];
    const openid = newOpenid('greedy');
    const answers = await Promise.all(codes.map((code) => redeem(code, openid)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([conflict(/已绑定为/)]);
    expect(await one('users', { openid })).toHaveLength(1);
  });

  it('a person record bound to another account meanwhile refuses the code (CONFLICT)', async () => {
    const person = freeDeputy();
    const { code } = await invite(person._id);
    await backend.db.collection('deputies').doc(person._id).update({ openid: 'otest-someone-else' });
    expect(await redeem(code, newOpenid())).toEqual(conflict(/其他微信账号/));
    expect((await one('invites', { _id: code }))[0].state).toBe('open');
  });
});

describe('revoking and expiry', () => {
  it('a revoked code cannot be redeemed; revoking again answers the same; a redeemed one cannot be revoked', async () => {
    const officer = freeOfficer();
    const { code } = await invite(officer._id, 'officer');
    const revoked = await backend.data('admin', 'revokeInvite', { code: code.toLowerCase() }, ADMIN);
    expect(revoked).toMatchObject({ code, status: 'revoked', role: 'officer', person: { id: officer._id } });
    expect(await backend.data('admin', 'revokeInvite', { code }, ADMIN)).toEqual(revoked);
    expect(await redeem(code, newOpenid())).toEqual(conflict(/作废/));

    const used = await invite(freeDeputy()._id);
    await backend.data('user', 'redeem', { code: used.code }, newOpenid());
    expect(await backend.call('admin', 'revokeInvite', { code: used.code }, ADMIN)).toEqual(conflict(/已被使用/));
    expect(await backend.call('admin', 'revokeInvite', { code: 'ZZZZ2222' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an invite past its 7 days is expired: listed so, not redeemable, not revocable', async () => {
    const { code } = await invite(freeDeputy()._id);
    await backend.db
      .collection('invites')
      .doc(code)
      .update({ expiresAt: new Date(Date.now() - 1000) });
    expect(await redeem(code, newOpenid())).toEqual(conflict(/过期/));
    expect(await backend.call('admin', 'revokeInvite', { code }, ADMIN)).toEqual(conflict(/过期/));
    const listed = (await backend.data('admin', 'invites', {}, ADMIN)).invites.find((i) => i.code === code);
    expect(listed?.status).toBe('expired');
  });
});

describe('the invite list', () => {
  it('newest first, 20 a page, only the district’s own', async () => {
    // Enough for a second page.
    const made = (await one('invites', { district: '福田区' })).length;
    for (let i = made; i < 23; i += 1) await invite(freeDeputy()._id);
    // Another district's invite is not listed.
    await backend.db.collection('invites').add({
      _id: 'QQQQ2222',
      code: 'QQQQ2222',
      role: 'deputy',
      personId: 'dp-x',
      personName: '外区',
      district: '南山区',
      createdBy: 'sf-x',
      createdAt: new Date(Date.now() + 60_000),
      expiresAt: new Date(Date.now() + 86400_000),
      state: 'open',
    });
    const all: string[] = [];
    const times: number[] = [];
    let pages = 0;
    for (let page = 0; ; page += 1) {
      pages += 1;
      const { invites, hasMore } = await backend.data('admin', 'invites', { page }, ADMIN);
      expect(invites.length).toBeLessThanOrEqual(20);
      all.push(...invites.map((i) => i.code));
      times.push(...invites.map((i) => Date.parse(i.createdAt)));
      if (!hasMore) break;
      expect(invites).toHaveLength(20);
    }
    expect(pages).toBeGreaterThan(1);
    expect(all).not.toContain('QQQQ2222');
    expect(all.length).toBe((await one('invites', { district: '福田区' })).length);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('unbinding', () => {
  it('returns the account to resident and frees the record for a new invite, in one go', async () => {
    const person = freeDeputy();
    const openid = newOpenid('leaving');
    await backend.data('user', 'redeem', { code: (await invite(person._id)).code }, openid);

    const view = await backend.data('admin', 'unbind', { personId: person._id }, ADMIN);
    expect(view).toMatchObject({ id: person._id, kind: 'deputy', bound: false });
    expect(await backend.data('user', 'whoami', {}, openid)).toEqual({ openid, role: 'resident' });
    expect(await backend.data('user', 'profile', {}, openid)).toEqual<Profile>({ openid, role: 'resident' });
    const [user] = await one('users', { openid });
    expect(user.role).toBe('resident');
    expect(user.deputyId).toBeUndefined();
    expect((await one('deputies', { _id: person._id }))[0].openid).toBeUndefined();
    expect(await backend.call('case', 'inbox', {}, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Unbinding again changes nothing; the record takes a new invite, even from the same person.
    expect(await backend.data('admin', 'unbind', { personId: person._id }, ADMIN)).toEqual(view);
    expect(await backend.data('user', 'redeem', { code: (await invite(person._id)).code }, openid)).toMatchObject({ role: 'deputy', deputyId: person._id });
  });

  it('is refused for one’s own account and for records of no district of the caller', async () => {
    expect(await backend.call('admin', 'unbind', { personId: 'sf-admin' }, ADMIN)).toEqual(conflict(/自己/));
    expect(await backend.call('admin', 'unbind', { personId: 'dp-nobody' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('profile', () => {
  it.each([
    ['a resident', RESIDENT, { openid: RESIDENT, role: 'resident' }],
    [
      'the demo deputy',
      DEPUTY,
      { role: 'deputy', deputyId: 'dp-001', name: expect.any(String), stations: expect.arrayContaining([{ id: STATION, name: expect.any(String) }]) },
    ],
    ['the demo officer', OFFICER, { role: 'officer', name: expect.any(String), stations: expect.arrayContaining([{ id: STATION, name: expect.stringContaining('华富') }]) }],
    ['the district office', ADMIN, { role: 'admin', name: expect.any(String), district: '福田区' }],
  ])('shows %s their role and scope', async (_label, openid, expected) => {
    const profile = await backend.data('user', 'profile', {}, openid);
    expect(profile).toMatchObject(expected);
    if (profile.role === 'resident') expect(profile).toEqual(expected);
  });

  it('needs a WeChat user', async () => {
    expect(await backend.call('user', 'profile', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
