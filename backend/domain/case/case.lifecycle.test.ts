import { actors, caseIn, happyCommand, issuerOf, NOW, sequentialIds } from './case.fixtures';
import type { CaseCommandKind } from './case.commands';
import { decide } from './case.decide';
import { whyNot } from './case.errors';
import { COMMAND_LABELS } from './case.labels';
import { applyTransition, canTransition, TRANSITIONS } from './case.lifecycle';
import { CASE_STATUSES } from './case.status';
import type { CaseStatus } from './case.status';
import { CASE_COMMANDS, CASE_VERBS } from './case.verbs';

/**
 * The lifecycle, written out by hand so the table in case.lifecycle.ts is checked against
 * a second statement of the rules. Letters are statuses, = keeps the status, - is illegal.
 */
// prettier-ignore
const EXPECTED: Record<CaseCommandKind, string> = {
  //                 S A R T P Y C W   (submitted accepted rejected transferred in_progress replied closed withdrawn)
  withdraw:         'W - - - - - - -',
  supplement:       '= = - = = = - -',
  rate:             '- - - - - C - -', // satisfied; unsatisfied stays replied (tested in case.decide.test.ts)
  request_reopen:   '- - - - - P P -',
  accept:           'A - - - - - - -',
  reject:           'R - - - - - - -',
  assign:           '- = - = = - - -',
  transfer:         '- T - = T - - -',
  start:            '- P - P - - - -',
  reply:            '- Y - Y Y - - -',
  record_answer:    '- - - = = = - -',
  supervise:        '= = - = = = - -',
  follow_up:        '- = - = = = = -',
  close:            '- - - - - C - -',
  merge:            'C C - - - - - -',
  auto_close:       '- - - - - C - -',
  escalate:         '= = - = = - - -',
  request_transfer: '= = - = = - - -',
  mark_suggestion:  '- = - = = = = -',
};

const LETTER: Record<string, CaseStatus> = {
  S: 'submitted',
  A: 'accepted',
  R: 'rejected',
  T: 'transferred',
  P: 'in_progress',
  Y: 'replied',
  C: 'closed',
  W: 'withdrawn',
};

function expectedNext(command: CaseCommandKind, from: CaseStatus): CaseStatus | undefined {
  const cell = EXPECTED[command].split(' ')[CASE_STATUSES.indexOf(from)];
  if (cell === '-') return undefined;
  return cell === '=' ? from : LETTER[cell];
}

const pairs = CASE_COMMANDS.flatMap((command) => CASE_STATUSES.map((from) => [command, from, expectedNext(command, from)] as const));
const allowed = pairs.filter(([, , next]) => next !== undefined);
const illegal = pairs.filter(([, , next]) => next === undefined);

describe('the case lifecycle table', () => {
  it('covers every command and every status', () => {
    expect(pairs).toHaveLength(CASE_COMMANDS.length * CASE_STATUSES.length);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CASE_COMMANDS].sort());
  });

  it.each(allowed)('%s from %s leads to %s', (command, from, next) => {
    const state = caseIn(from);
    const actor = issuerOf(command);
    expect(canTransition(from, command, actor)).toBe(true);
    expect(applyTransition(from, happyCommand(command))).toBe(next);

    const result = decide(state, happyCommand(command), actor, NOW, sequentialIds());
    if (!result.ok) throw new Error(`${command} from ${from} refused: ${JSON.stringify(result.failure)}`);
    const { next: after, events } = result.value;
    expect(after.status).toBe(next);
    expect(after.version).toBe(state.version + 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'ev-1',
      caseId: state.id,
      seq: state.lastSeq + 1,
      kind: CASE_VERBS[command].event,
      actorRole: actor.role,
      actorId: actor.id,
      at: NOW,
      fromStatus: from,
      toStatus: next,
    });
  });

  it.each(allowed)('%s from %s is never a handling unit’s (承办单位 act on suggestions only)', (command, from) => {
    expect(canTransition(from, command, { role: 'unit' })).toBe(false);
  });

  it.each(illegal)('%s from %s is refused with ILLEGAL_TRANSITION and a Chinese reason', (command, from) => {
    expect(canTransition(from, command, issuerOf(command))).toBe(false);
    expect(applyTransition(from, happyCommand(command))).toBeUndefined();
    const result = decide(caseIn(from), happyCommand(command), issuerOf(command), NOW, sequentialIds());
    expect(result).toEqual({ ok: false, failure: { code: 'ILLEGAL_TRANSITION', detail: whyNot(from, command) } });
    expect(whyNot(from, command)).toContain(`不能${COMMAND_LABELS[command]}`);
  });

  it.each([
    ['accepted', 'withdraw', '留言已受理，不能撤回'],
    ['closed', 'supplement', '留言已办结，不能补充说明'],
    ['submitted', 'reply', '留言尚未受理，不能答复'],
    ['in_progress', 'rate', '留言正在办理，不能评价'],
    ['withdrawn', 'accept', '留言已撤回，不能受理'],
  ] as const)('explains why: %s + %s → %s', (from, command, message) => {
    expect(whyNot(from, command)).toBe(message);
  });

  it('lets the table decide per role, not per case', () => {
    expect(canTransition('submitted', 'withdraw', actors.owner)).toBe(true);
    expect(canTransition('submitted', 'withdraw', actors.officer)).toBe(false);
    expect(canTransition('in_progress', 'reply', actors.assignedDeputy)).toBe(true);
    expect(canTransition('in_progress', 'reply', actors.admin)).toBe(false);
  });
});
