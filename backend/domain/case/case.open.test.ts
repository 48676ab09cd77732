import { actors, NOW, sequentialIds } from './case.fixtures';
import type { Actor } from './actor';
import { decide } from './case.decide';
import { caseSubmissionSchema } from './case.input';
import type { CaseSubmission } from './case.input';
import { openCase } from './case.open';

function submission(input: Record<string, unknown> = {}): CaseSubmission {
  const result = caseSubmissionSchema(
    {
      category: 'complaint',
      title: '夜间施工扰民',
      content: '莲花路工地每天夜里十二点后仍在施工，噪音很大。',
      requestId: 'req-abcdefgh',
      stationId: 'st-ft-hf',
      ...input,
    },
    '',
  );
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

const open = (sub: CaseSubmission, actor: Actor = actors.owner, targetDeputyStationIds?: string[]) =>
  openCase({ submission: sub, actor, now: NOW, ids: sequentialIds('id'), receiptNo: 'FT20261121-0042', targetDeputyStationIds });

describe('opening a case', () => {
  it('creates a submitted case, its first event and the acceptance deadline', () => {
    const result = open(submission({ location: { latitude: 22.55, longitude: 114.06 }, contact: {} }));
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const { next, events } = result.value;
    expect(next).toMatchObject({
      id: 'id-1',
      receiptNo: 'FT20261121-0042',
      stationId: 'st-ft-hf',
      status: 'submitted',
      ownerOpenid: 'o-owner',
      anonymous: false,
      photoFileIds: [],
      reopenCount: 0,
      version: 1,
      lastSeq: 1,
      submittedAt: NOW,
      dueAt: new Date('2026-11-24T15:59:59.999Z'),
      location: { point: { type: 'Point', coordinates: [114.06, 22.55] } },
    });
    expect('contact' in next).toBe(false); // an empty contact is no contact
    expect('targetDeputyId' in next).toBe(false);
    expect(events).toEqual([
      {
        id: 'id-2',
        caseId: 'id-1',
        seq: 1,
        kind: 'submitted',
        actorRole: 'resident',
        actorId: 'u-owner',
        at: NOW,
        fromStatus: null,
        toStatus: 'submitted',
        data: { category: 'complaint', anonymous: false },
      },
    ]);
    expect(Object.isFrozen(next) && Object.isFrozen(events[0])).toBe(true);
  });

  it('addresses a deputy only at a station where they serve', () => {
    const toDeputy = submission({ deputyId: 'dp-3' });
    expect(open(toDeputy, actors.owner, ['st-ft-lh'])).toMatchObject({ ok: false, failure: { code: 'INVALID_INPUT', field: 'deputyId' } });
    expect(open(toDeputy)).toMatchObject({ ok: false, failure: { code: 'INVALID_INPUT' } });
    const result = open(toDeputy, actors.owner, ['st-ft-hf']);
    expect(result.ok && result.value.next.targetDeputyId).toBe('dp-3');
  });

  it.each<[string, Actor]>([
    ['an officer', actors.officer],
    ['a deputy', actors.assignedDeputy],
    ['a resident without an openid', { role: 'resident', id: 'u-x' }],
  ])('refuses %s as the owner', (_label, actor) => {
    expect(open(submission(), actor)).toEqual({ ok: false, failure: { code: 'FORBIDDEN' } });
  });

  it('the new case goes on through decide', () => {
    const opened = open(submission({ anonymous: true }));
    if (!opened.ok) throw new Error('not opened');
    const accepted = decide(opened.value.next, { kind: 'accept' }, actors.officer, NOW, sequentialIds());
    expect(accepted.ok && accepted.value.next).toMatchObject({ status: 'accepted', version: 2, lastSeq: 2, anonymous: true });
  });
});
