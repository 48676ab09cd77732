import { actors, caseIn, NOW } from './case.fixtures';
import type { ActorName } from './case.fixtures';
import type { CaseEvent } from './case.events';
import { visibleCase, visibleEvents } from './case.visibility';

const named = caseIn('in_progress', { anonymous: false });
const anonymous = caseIn('in_progress', { anonymous: true });

const submitted: CaseEvent = {
  id: 'ev-1',
  caseId: 'case-1',
  seq: 1,
  kind: 'submitted',
  actorRole: 'resident',
  actorId: 'o-owner',
  at: NOW,
  fromStatus: null,
  toStatus: 'submitted',
  data: { category: 'help', anonymous: true },
};
const replied: CaseEvent = { ...submitted, id: 'ev-2', seq: 2, kind: 'replied', actorRole: 'deputy', actorId: 'dp-1', data: undefined };

describe('what each reader sees of a case', () => {
  it.each<[ActorName, 'contact' | 'hidden' | 'nothing', 'contact' | 'hidden' | 'nothing']>([
    //              named case   anonymous case
    ['owner', 'contact', 'contact'],
    ['officer', 'contact', 'contact'],
    ['assignedDeputy', 'contact', 'hidden'],
    ['addressedDeputy', 'hidden', 'hidden'],
    ['admin', 'hidden', 'hidden'],
    ['otherResident', 'nothing', 'nothing'],
    ['officerElsewhere', 'nothing', 'nothing'],
    ['otherDeputy', 'nothing', 'nothing'],
  ])('%s: named case → %s, anonymous case → %s', (name, onNamed, onAnonymous) => {
    for (const [state, expected] of [
      [named, onNamed],
      [anonymous, onAnonymous],
    ] as const) {
      const view = visibleCase(state, actors[name]);
      if (expected === 'nothing') {
        expect(view).toBeNull();
        continue;
      }
      expect(view).not.toBeNull();
      expect(view?.identityHidden).toBe(expected === 'hidden');
      if (expected === 'contact') expect(view?.contact).toEqual({ name: '王女士', phone: '13812345678' });
      else expect(view && 'contact' in view).toBe(false);
    }
  });

  it('never hands out the openid or the idempotency key, not even to the owner', () => {
    for (const name of ['owner', 'officer', 'assignedDeputy', 'admin'] as const) {
      const view = visibleCase(anonymous, actors[name]);
      expect(JSON.stringify(view)).not.toContain('o-owner');
      expect(view && 'requestId' in view).toBe(false);
    }
  });

  it('a deputy never finds an anonymous resident anywhere in the serialised view', () => {
    const text = JSON.stringify(visibleCase(anonymous, actors.assignedDeputy));
    for (const secret of ['王女士', '13812345678', 'o-owner']) expect(text).not.toContain(secret);
  });

  it('marks the owner’s own case', () => {
    expect(visibleCase(named, actors.owner)?.isOwn).toBe(true);
    expect(visibleCase(named, actors.officer)?.isOwn).toBe(false);
  });

  it('hides who the resident is in the timeline from everyone but the owner', () => {
    expect(visibleEvents([submitted, replied], anonymous, actors.assignedDeputy).map((e) => e.actorId)).toEqual(['', 'dp-1']);
    expect(visibleEvents([submitted, replied], anonymous, actors.officer)[0].actorId).toBe('');
    expect(visibleEvents([submitted, replied], anonymous, actors.owner)[0].actorId).toBe('o-owner');
    expect(visibleEvents([submitted, replied], anonymous, actors.otherResident)).toEqual([]);
  });
});
