import { actors, caseIn, happyCommand, NOW, sequentialIds } from './case.fixtures';
import type { ActorName } from './case.fixtures';
import type { Actor } from './actor';
import { CASE_COMMANDS } from './case.verbs';
import type { CaseCommandKind } from './case.commands';
import { decide } from './case.decide';
import { TRANSITIONS } from './case.lifecycle';
import { availableCommands, canRead, mayIssue } from './case.policy';
import { CASE_STATUSES } from './case.status';

/** Who may issue what on the fixture case (station st-ft-hf, assigned dp-1, addressed dp-3). */
const MAY: Record<ActorName, readonly CaseCommandKind[]> = {
  owner: ['withdraw', 'supplement', 'rate', 'request_reopen'],
  otherResident: [],
  officer: ['accept', 'reject', 'assign', 'transfer', 'start', 'reply', 'record_answer', 'supervise', 'follow_up', 'close', 'merge'],
  officerElsewhere: [],
  assignedDeputy: ['reply', 'follow_up', 'request_transfer', 'mark_suggestion'],
  addressedDeputy: ['request_transfer'],
  otherDeputy: [],
  admin: ['supervise'],
  system: ['auto_close', 'escalate'],
};

/** A status from which `command` is legal, so only permission can refuse it. */
const legalFrom = (command: CaseCommandKind) => CASE_STATUSES.find((status) => TRANSITIONS[command][status] !== undefined)!;

const matrix = (Object.keys(MAY) as ActorName[]).flatMap((name) => CASE_COMMANDS.map((command) => [name, command, MAY[name].includes(command)] as const));

describe('who may do what to a case', () => {
  it.each(matrix)('%s issuing %s: allowed = %s', (name, command, expected) => {
    const state = caseIn(legalFrom(command));
    expect(mayIssue(actors[name], state, command)).toBe(expected);
    const result = decide(state, happyCommand(command), actors[name], NOW, sequentialIds());
    if (expected) expect(result.ok || result.failure.code !== 'FORBIDDEN').toBe(true);
    else expect(result).toEqual({ ok: false, failure: { code: 'FORBIDDEN' } });
  });

  it('refuses before saying anything about the status: a stranger cannot probe a case', () => {
    const result = decide(caseIn('accepted'), happyCommand('withdraw'), actors.otherResident, NOW, sequentialIds());
    expect(result).toEqual({ ok: false, failure: { code: 'FORBIDDEN' } });
  });

  it.each<[string, Actor]>([
    ['an actor without id', { role: 'officer', id: '', stationIds: ['st-ft-hf'] }],
    ['a resident without an openid', { role: 'resident', id: 'u-owner' }],
    ['a resident claiming the owner id without the openid', { role: 'resident', id: 'u-owner', openid: '' }],
    ['an officer without stations', { role: 'officer', id: 'sf-1' }],
    ['a deputy without a deputy id on an unassigned case', { role: 'deputy', id: 'dp-x' }],
    ['an unknown role', { role: 'mayor' as never, id: 'x' }],
    // 承办单位 answer suggestions: even with the station's or the district's scope copied in, no case is theirs.
    ['a handling unit’s staff', { role: 'unit', id: 'sf-unit', unitId: 'unit-zjj', stationIds: ['st-ft-hf'], district: '福田区' }],
  ])('denies by default: %s', (_label, actor) => {
    const unassigned = caseIn('accepted', { assignedDeputyId: undefined, targetDeputyId: undefined });
    for (const command of CASE_COMMANDS) expect(mayIssue(actor, unassigned, command)).toBe(false);
    expect(canRead(actor, unassigned)).toBe(false);
  });

  it('a deputy who was addressed but not assigned may read, not reply', () => {
    const state = caseIn('in_progress');
    expect(canRead(actors.addressedDeputy, state)).toBe(true);
    expect(mayIssue(actors.addressedDeputy, state, 'reply')).toBe(false);
  });

  it('the district office may supervise and read everything but never reply as a deputy', () => {
    const elsewhere = caseIn('in_progress', { stationId: 'st-anywhere' });
    expect(canRead(actors.admin, elsewhere)).toBe(true);
    expect(mayIssue(actors.admin, elsewhere, 'supervise')).toBe(true);
    expect(mayIssue(actors.admin, elsewhere, 'reply')).toBe(false);
    expect(mayIssue({ ...actors.admin, deputyId: 'dp-1' }, caseIn('in_progress'), 'reply')).toBe(false);
  });

  it.each<[ActorName, boolean]>([
    ['owner', true],
    ['otherResident', false],
    ['officer', true],
    ['officerElsewhere', false],
    ['assignedDeputy', true],
    ['addressedDeputy', true],
    ['otherDeputy', false],
    ['admin', true],
    ['system', true],
  ])('%s may read the case: %s', (name, expected) => {
    expect(canRead(actors[name], caseIn('in_progress'))).toBe(expected);
  });

  it('offers each actor only the commands that are possible now', () => {
    expect(availableCommands(actors.owner, caseIn('submitted'))).toEqual(['withdraw', 'supplement']);
    expect(availableCommands(actors.owner, caseIn('replied'))).toEqual(['supplement', 'rate', 'request_reopen']);
    expect(availableCommands(actors.officer, caseIn('submitted'))).toEqual(['accept', 'reject', 'supervise', 'merge']);
    expect(availableCommands(actors.assignedDeputy, caseIn('in_progress'))).toEqual(['reply', 'follow_up', 'request_transfer', 'mark_suggestion']);
    expect(availableCommands(actors.admin, caseIn('closed'))).toEqual([]);
  });
});
