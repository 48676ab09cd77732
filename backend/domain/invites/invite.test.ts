import { decideRedeem, INVITE_ALPHABET, inviteCodeFrom, inviteExpiry, inviteStatus, isInviteCode, normaliseInviteCode, type Invite } from '.';
import { randomBytes } from 'node:crypto';

const createdAt = new Date('2026-03-01T02:00:00Z');
const invite: Invite = {
  _id: 'ABCD2345',
  code: 'ABCD2345',
  role: 'deputy',
  personId: 'dp-002',
  personName: '张三',
  district: '福田区',
  createdBy: 'sf-admin',
  createdAt,
  expiresAt: inviteExpiry(createdAt),
  state: 'open',
};
const now = new Date('2026-03-02T02:00:00Z');

describe('invite codes', () => {
  it('are 8 characters of the unambiguous alphabet, never 0 O 1 I L', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = inviteCodeFrom(randomBytes);
      expect(isInviteCode(code)).toBe(true);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it('skip bytes that would make some characters likelier than others', () => {
    // 31 characters: 248…255 are skipped, so the code comes from the following bytes.
    const bytes = [255, 248, 0, 1, 2, 3, 4, 5, 6, 30];
    expect(inviteCodeFrom(() => Uint8Array.from(bytes))).toBe(INVITE_ALPHABET.slice(0, 7) + INVITE_ALPHABET[30]);
  });

  it.each([
    ['abcd2345', 'ABCD2345'],
    [' abcd-2345 ', 'ABCD2345'],
    ['AB CD 23 45', 'ABCD2345'],
    ['ab—cd', 'AB—CD'],
  ])('normalise %j to %j', (typed, normal) => {
    expect(normaliseInviteCode(typed)).toBe(normal);
  });

  it.each(['ABCD234', 'ABCD23450', 'ABCD2340', 'ABCDI345', 'abcd2345'])('%s is not a code', (code) => {
    expect(isInviteCode(code)).toBe(false);
  });
});

describe('invite status', () => {
  it('is open for 7 days, then expired', () => {
    expect(inviteStatus(invite, new Date(createdAt.getTime() + 7 * 86400_000 - 1))).toBe('open');
    expect(inviteStatus(invite, new Date(createdAt.getTime() + 7 * 86400_000))).toBe('expired');
  });

  it('keeps redeemed and revoked whatever the date', () => {
    const late = new Date('2027-01-01T00:00:00Z');
    expect(inviteStatus({ ...invite, state: 'redeemed' }, late)).toBe('redeemed');
    expect(inviteStatus({ ...invite, state: 'revoked' }, late)).toBe('revoked');
  });
});

describe('redeeming an invite', () => {
  const facts = { invite, callerRole: 'resident' as const, callerOpenid: 'o-1', person: {}, now };

  it('an open invite for an unbound person binds a resident', () => {
    expect(decideRedeem(facts)).toEqual({ ok: true, value: invite });
  });

  it('a unit invite for a unit staff record binds a resident', () => {
    expect(decideRedeem({ ...facts, invite: { ...invite, role: 'unit' }, person: { role: 'unit' } }).ok).toBe(true);
  });

  it('the same person already bound to the caller is fine (a retried redeem)', () => {
    expect(decideRedeem({ ...facts, person: { openid: 'o-1' } }).ok).toBe(true);
  });

  it.each([
    ['a caller bound to a work role', { callerRole: 'officer' as const }, 'CONFLICT', /联络员/],
    ['a caller bound to a handling unit', { callerRole: 'unit' as const }, 'CONFLICT', /已绑定为承办单位/],
    ['an officer record for a unit invite', { invite: { ...invite, role: 'unit' as const }, person: { role: 'officer' } }, 'NOT_FOUND', /人员/],
    ['no such invite', { invite: undefined }, 'NOT_FOUND', /不存在/],
    ['a redeemed invite', { invite: { ...invite, state: 'redeemed' as const } }, 'CONFLICT', /已经被使用/],
    ['a revoked invite', { invite: { ...invite, state: 'revoked' as const } }, 'CONFLICT', /作废/],
    ['an expired invite', { now: new Date('2026-03-09T02:00:00Z') }, 'CONFLICT', /过期/],
    ['a missing person', { person: undefined }, 'NOT_FOUND', /人员/],
    ['a staff record of another role', { invite: { ...invite, role: 'admin' as const }, person: { role: 'officer' } }, 'NOT_FOUND', /人员/],
    ['a person bound to someone else', { person: { openid: 'o-2' } }, 'CONFLICT', /其他微信/],
  ])('refuses %s', (_label, change, code, message) => {
    const decision = decideRedeem({ ...facts, ...change });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.failure.code).toBe(code);
    expect(decision.failure.detail).toMatch(message);
  });
});
