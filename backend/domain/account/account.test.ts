import { bookingFixture } from '../booking/booking.fixtures';
import { baseCase, caseIn, daysAgo, NOW, sequentialIds } from '../case/case.fixtures';
import type { CaseEvent } from '../case';
import { anonymisedBooking, caseAfterDeletion, DELETION_REASON, deleteAccountInput, exportAccountInput, exportedCase, isTombstone, tombstoneFrom } from './index';

const TOMB = tombstoneFrom('abc123');

describe('what deleting an account does to a case', () => {
  it('withdraws a case nobody has accepted yet, under the tombstone, and anonymises it', () => {
    const result = caseAfterDeletion(caseIn('submitted'), 'o-owner', TOMB, NOW, sequentialIds());
    expect(result?.withdrawn).toBe(true);
    expect(result?.next).toMatchObject({ status: 'withdrawn', ownerOpenid: TOMB, anonymous: true });
    expect(result?.next.contact).toBeUndefined();
    expect(result?.events).toEqual([expect.objectContaining({ kind: 'withdrawn', actorRole: 'resident', actorId: TOMB, note: DELETION_REASON })]);
    expect(JSON.stringify(result)).not.toContain('o-owner');
    expect(JSON.stringify(result)).not.toContain('req-12345678');
  });

  it.each(['accepted', 'transferred', 'in_progress', 'replied', 'closed', 'rejected', 'withdrawn'] as const)(
    'keeps a %s case in its status for handling and the figures, without owner or contact',
    (status) => {
      const before = caseIn(status);
      const result = caseAfterDeletion(before, 'o-owner', TOMB, NOW, sequentialIds('rq'));
      expect(result).toMatchObject({ withdrawn: false, events: [] });
      const { contact: _contact, ...rest } = before;
      // The client's request id, which its phone or the logs may still pair with the openid, is replaced too.
      expect(result?.next).toEqual({ ...rest, ownerOpenid: TOMB, anonymous: true, publicConsent: false, requestId: 'rq-1' });
      expect(result?.next.status).toBe(status);
      expect(result?.next.version).toBe(before.version);
    },
  );

  it('leaves a case of someone else (or one already done) alone: a retry changes nothing', () => {
    expect(caseAfterDeletion(baseCase({ ownerOpenid: 'o-other' }), 'o-owner', TOMB, NOW, sequentialIds())).toBeUndefined();
    expect(caseAfterDeletion(baseCase({ ownerOpenid: tombstoneFrom('earlier') }), 'o-owner', TOMB, NOW, sequentialIds())).toBeUndefined();
  });

  it('keeps a booking under a new id, with the tombstone, without contact or request id; slot, topic and times stay', () => {
    const booking = bookingFixture({ _id: 'a'.repeat(64), openid: 'o-owner', contact: { name: '王女士', phone: '13812345678' } });
    const kept = anonymisedBooking(booking, TOMB, 'b'.repeat(64));
    expect(kept).toEqual({
      _id: 'b'.repeat(64),
      openid: TOMB,
      receptionId: 'rc-ft-hf-20251125',
      stationId: 'st-ft-hf',
      stationName: '华富街道人大代表联络站',
      date: '2025-11-25',
      slotIndex: 1,
      start: '09:30',
      end: '10:00',
      startsAt: new Date('2025-11-25T01:30:00Z'),
      topic: '小区加装电梯',
      status: 'booked',
      createdAt: new Date('2025-11-20T02:00:00Z'),
      updatedAt: new Date('2025-11-20T02:00:00Z'),
    });
  });

  it('makes tombstones no openid can be', () => {
    expect(isTombstone(TOMB)).toBe(true);
    expect(isTombstone('o6zAJs-real-openid')).toBe(false);
  });
});

describe('the export', () => {
  const event: CaseEvent = {
    id: 'e1',
    caseId: 'case-1',
    seq: 1,
    kind: 'submitted',
    actorRole: 'resident',
    actorId: 'o-owner',
    at: daysAgo(30),
    fromStatus: null,
    toStatus: 'submitted',
    data: { category: 'help', anonymous: false },
  };

  it('carries the case, its photos’ file ids and the timeline as plain JSON, marking the person’s own events', () => {
    const exported = exportedCase(
      baseCase({ rating: { value: 'satisfied', at: daysAgo(2) } }),
      '华富街道人大代表联络站',
      [event, { ...event, seq: 2, actorRole: 'officer', actorId: 'sf-1', kind: 'accepted', data: { dueAt: daysAgo(1) } } as CaseEvent],
      'o-owner',
    );
    expect(exported).toMatchObject({
      id: 'case-1',
      contact: { name: '王女士', phone: '13812345678' },
      photoFileIds: ['cloud://env-1.abc/cases/p1.jpg'],
      rating: { value: 'satisfied', at: daysAgo(2).toISOString() },
      submittedAt: daysAgo(30).toISOString(),
    });
    expect(exported.timeline.map((e) => [e.kind, e.mine])).toEqual([
      ['submitted', true],
      ['accepted', false],
    ]);
    expect(exported.timeline[1].data).toEqual({ dueAt: daysAgo(1).toISOString() });
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(JSON.stringify(exported)).not.toContain('sf-1'); // handlers' ids are not the person's data
  });

  it('carries the voice message the person recorded, and no voice key when there is none', () => {
    const voice = { fileId: 'cloud://env-1.abc/cases/v1.mp3', durationSec: 42 };
    expect(exportedCase(baseCase({ voice }), '华富街道人大代表联络站', [event], 'o-owner').voice).toEqual(voice);
    expect(exportedCase(baseCase(), '华富街道人大代表联络站', [event], 'o-owner')).not.toHaveProperty('voice');
  });
});

describe('inputs', () => {
  it('deletes only on the typed word 注销', () => {
    expect(deleteAccountInput({ confirm: '注销' }, '')).toEqual({ ok: true, value: { confirm: '注销' } });
    expect(deleteAccountInput({}, '')).toMatchObject({ ok: false, field: 'confirm' });
    expect(deleteAccountInput({ confirm: '确定' }, '')).toMatchObject({ ok: false, field: 'confirm' });
  });

  it('pages the export by whole numbers', () => {
    expect(exportAccountInput({}, '')).toEqual({ ok: true, value: {} });
    expect(exportAccountInput({ page: 1.5 }, '')).toMatchObject({ ok: false, field: 'page' });
  });
});
