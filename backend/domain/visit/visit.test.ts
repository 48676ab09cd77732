import { isOwner } from '../case';
import type { Actor } from '../case';
import { claimCodeFrom, normaliseClaimCode, openVisitCase, visitConfig, type VisitDocument } from '.';

const now = new Date('2026-12-07T02:00:00Z');
let n = 0;
const ids = () => `id${++n}`;
const officer: Actor = { role: 'officer', id: 'sf-1', stationIds: ['st-1'] };
const visit = (over: Partial<VisitDocument> = {}): VisitDocument => ({
  _id: 'vs-1',
  requestId: 'req-12345678',
  receptionId: 'rc-1',
  stationId: 'st-1',
  stationName: '华富街道',
  date: '2026-12-07',
  deputyId: 'dp-1',
  deputyName: '张代表',
  recordedBy: 'officer',
  recorderId: 'sf-1',
  status: 'recorded',
  issue: '电梯经常停运，老人上下楼困难',
  photoFileIds: [],
  recordedAt: now,
  updatedAt: now,
  ...over,
});

describe('claim codes', () => {
  it('maps each byte to one of 32 characters, none of 0 O 1 I', () => {
    // Hand-worked: 0→A, 31→9, 32→A (mod 32), 255→9, 8→J (I skipped), 22→Y.
    expect(claimCodeFrom(Uint8Array.from([0, 31, 32, 255, 8, 22, 24, 25]))).toBe('A9A9JY23');
  });
  it('reads a typed code or the scanned payload alike', () => {
    expect(normaliseClaimCode(' llz-claim:ab cd2345 ')).toBe('ABCD2345');
    expect(normaliseClaimCode('abcd2345')).toBe('ABCD2345');
  });
  it('refuses a configuration outside its bounds', () => {
    expect(visitConfig({ claimDays: 7, wrongCodesPerMinute: 5 })).toEqual({ claimDays: 7, wrongCodesPerMinute: 5 });
    expect(() => visitConfig({ claimDays: 0, wrongCodesPerMinute: 5 })).toThrow(/claimDays/);
    expect(() => visitConfig({ claimDays: 7, wrongCodesPerMinute: 2.5 })).toThrow(/wrongCodesPerMinute/);
  });
});

describe('a visit’s case', () => {
  it('is owned by nobody: no resident, not even one without an openid, is its owner', () => {
    const made = openVisitCase({ visit: visit(), recorder: officer, officer, caseId: 'c1', receiptNo: 'FT20261207-0001', now, ids });
    if (!made.ok) throw new Error(made.failure.code);
    expect(made.value.next).toMatchObject({ ownerOpenid: '', source: 'reception', status: 'submitted', targetDeputyId: 'dp-1', category: 'unsure' });
    expect(made.value.events[0]).toMatchObject({ kind: 'submitted', actorRole: 'officer', actorId: 'sf-1', data: { source: 'reception' } });
    expect(isOwner({ role: 'resident', id: 'u1', openid: '' }, made.value.next)).toBe(false);
    expect(isOwner({ role: 'resident', id: 'u1' }, made.value.next)).toBe(false);
  });
  it('answered on the spot: accepted, assigned to the deputy, replied with the answer', () => {
    const made = openVisitCase({
      visit: visit({ answer: '已联系物业', status: 'answered' }),
      recorder: officer,
      officer,
      caseId: 'c2',
      receiptNo: 'FT20261207-0002',
      now,
      ids,
    });
    if (!made.ok) throw new Error(made.failure.code);
    expect(made.value.next).toMatchObject({ status: 'replied', assignedDeputyId: 'dp-1', ownerOpenid: '' });
    expect(made.value.events.map((e) => [e.kind, e.actorRole])).toEqual([
      ['submitted', 'officer'],
      ['accepted', 'officer'],
      ['assigned', 'officer'],
      ['replied', 'deputy'],
    ]);
  });
});
