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

describe('numbers typed into the free text', () => {
  const typed = caseIn('transferred', {
    title: '请回电13800138000',
    content: '身份证号44030419900101123X，座机0755-83212345',
    location: { point: { type: 'Point', coordinates: [114.07, 22.55] }, address: '华富村三号楼 13912345678' },
  });
  const rejected: CaseEvent = {
    ...submitted,
    id: 'ev-3',
    seq: 3,
    kind: 'rejected',
    actorRole: 'officer',
    actorId: 'sf-1',
    note: '请拨打 13800138000',
    data: { referral: '请致电 0755-83212345' },
  };

  it.each<[ActorName, boolean]>([
    ['owner', false],
    ['officer', false],
    ['assignedDeputy', true],
    ['addressedDeputy', true],
    ['admin', true],
  ])('%s reads them masked: %s', (name, masked) => {
    const view = visibleCase(typed, actors[name])!;
    const [, event] = visibleEvents([submitted, rejected], typed, actors[name]);
    if (masked) {
      expect(view.title).toBe('请回电138****8000');
      expect(view.content).toBe('身份证号4403**********123X，座机0755-****2345');
      expect(view.location?.address).toBe('华富村三号楼 139****5678');
      expect(view.transfer?.receivingBody).toBe('华富街道办事处');
      expect(event.note).toBe('请拨打 138****8000');
      expect(event.data).toEqual({ referral: '请致电 0755-****2345' });
    } else {
      expect(view.title).toBe(typed.title);
      expect(view.content).toBe(typed.content);
      expect(view.location?.address).toBe(typed.location?.address);
      expect(event).toEqual(rejected);
    }
  });
});

describe('a case held back from a flooded deputy', () => {
  const held = { ...caseIn('submitted', { assignedDeputyId: undefined }), held: { reason: 'deputy_flood' as const, at: NOW } };

  it('tells the officer and the district office why, nobody else; the addressed deputy cannot read it', () => {
    expect(visibleCase(held, actors.officer)?.held).toEqual({ reason: 'deputy_flood', at: NOW });
    expect(visibleCase(held, actors.admin)?.held).toEqual({ reason: 'deputy_flood', at: NOW });
    expect(visibleCase(held, actors.owner) && 'held' in visibleCase(held, actors.owner)!).toBe(false);
    expect(visibleCase(held, actors.addressedDeputy)).toBeNull();
    expect(visibleEvents([submitted], held, actors.addressedDeputy)).toEqual([]);
  });

  it('says nothing of a hold that triage ended', () => {
    const accepted = { ...held, status: 'accepted' as const, acceptedAt: NOW };
    expect(visibleCase(accepted, actors.officer) && 'held' in visibleCase(accepted, actors.officer)!).toBe(false);
    expect(visibleCase(accepted, actors.addressedDeputy)).not.toBeNull();
  });
});
