import { actors, caseIn, daysAgo, happyCommand, NOW, sequentialIds } from './case.fixtures';
import type { Actor } from './actor';
import type { CaseCommand } from './case.commands';
import { decide } from './case.decide';
import type { Decision } from './case.decide';
import type { Result } from '../result';
import { countsAsRated, countsAsSatisfied } from './case.figures';
import type { CaseState } from './case.state';
import { endOfShanghaiDay } from './deadlines';

const ids = sequentialIds('ev');

function run(state: CaseState, command: CaseCommand, actor: Actor, now = NOW): Decision {
  const result = decide(state, command, actor, now, ids);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.failure)}`);
  return result.value;
}

const refusal = (result: Result<Decision>) => (result.ok ? undefined : result.failure);

describe('reopening (重办)', () => {
  it('moves a replied case back to in progress, at most twice, then REOPEN_LIMIT', () => {
    let state = caseIn('replied');
    for (const round of [1, 2]) {
      state = run(state, { kind: 'rate', rating: 'unsatisfied', comment: '没有解决' }, actors.owner).next;
      const { next, events } = run(state, { kind: 'request_reopen', reason: '路灯还是不亮' }, actors.owner);
      expect(next).toMatchObject({ status: 'in_progress', reopenCount: round, dueAt: endOfShanghaiDay('2026-12-06') });
      expect(next.rating).toBeUndefined();
      expect(events[0]).toMatchObject({ kind: 'reopened', note: '路灯还是不亮', data: { reopenCount: round, previousRating: 'unsatisfied' } });
      state = run(next, { kind: 'reply', content: `第 ${round + 1} 次答复` }, actors.officer).next;
    }
    const third = decide(state, { kind: 'request_reopen', reason: '还是不行' }, actors.owner, NOW, ids);
    expect(refusal(third)).toMatchObject({ code: 'REOPEN_LIMIT' });
    expect(refusal(third)?.detail).toContain('2 次');
  });

  it('needs a reason', () => {
    expect(refusal(decide(caseIn('replied'), { kind: 'request_reopen', reason: '  ' }, actors.owner, NOW, ids))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'reason',
    });
  });

  it.each([
    ['auto-closed without rating, within 30 days', { closure: { at: daysAgo(5), how: 'auto', withoutRating: true } }, undefined],
    ['closed by the officer after 不满意', { rating: { value: 'unsatisfied', at: daysAgo(6) }, closure: { at: daysAgo(5), how: 'officer', withoutRating: false } }, undefined],
    ['closed more than 30 days ago', { closure: { at: daysAgo(31), how: 'auto', withoutRating: true } }, 'ILLEGAL_TRANSITION'],
    [
      'closed because the resident was satisfied',
      { rating: { value: 'basically_satisfied', at: daysAgo(5) }, closure: { at: daysAgo(5), how: 'rating', withoutRating: false } },
      'ILLEGAL_TRANSITION',
    ],
    [
      'merged into another case',
      { closure: { at: daysAgo(5), how: 'merge', withoutRating: true, mergedInto: { id: 'c0', receiptNo: 'FT20261020-0007' } } },
      'ILLEGAL_TRANSITION',
    ],
  ] as const)('from closed: %s → %s', (_label, overrides, code) => {
    const result = decide(caseIn('closed', overrides as Partial<CaseState>), happyCommand('request_reopen'), actors.owner, NOW, ids);
    if (code) expect(refusal(result)?.code).toBe(code);
    else expect(result.ok && result.value.next.status).toBe('in_progress');
  });

  it('counts the 30 days from the instant of closing, in 24-hour days', () => {
    const MINUTE = 60 * 1000;
    const closedAt = (msAgo: number) => caseIn('closed', { closure: { at: new Date(NOW.getTime() - msAgo), how: 'auto', withoutRating: true } });
    const justInside = decide(closedAt(30 * 24 * 60 * MINUTE - MINUTE), happyCommand('request_reopen'), actors.owner, NOW, ids);
    expect(justInside.ok && justInside.value.next).toMatchObject({ status: 'in_progress', dueAt: endOfShanghaiDay('2026-12-06') });
    expect(refusal(decide(closedAt(30 * 24 * 60 * MINUTE), happyCommand('request_reopen'), actors.owner, NOW, ids))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      detail: '办结已超过 30 天，不能再申请重办；如仍有问题，请重新留言',
    });
  });

  it('tells a merged case where to go instead', () => {
    const merged = caseIn('closed', { closure: { at: daysAgo(1), how: 'merge', withoutRating: true, mergedInto: { id: 'c0', receiptNo: 'FT20261020-0007' } } });
    expect(refusal(decide(merged, happyCommand('request_reopen'), actors.owner, NOW, ids))?.detail).toContain('FT20261020-0007');
  });

  it('counts reopens from closed towards the same limit', () => {
    const state = caseIn('closed', { reopenCount: 2 });
    expect(refusal(decide(state, happyCommand('request_reopen'), actors.owner, NOW, ids))?.code).toBe('REOPEN_LIMIT');
  });
});

describe('rating and closing', () => {
  it.each([
    ['satisfied', 'closed'],
    ['basically_satisfied', 'closed'],
    ['unsatisfied', 'replied'],
  ] as const)('a %s rating leaves the case %s', (rating, status) => {
    const { next, events } = run(caseIn('replied'), { kind: 'rate', rating, comment: '谢谢' }, actors.owner);
    expect(next.status).toBe(status);
    expect(next.rating).toEqual({ value: rating, comment: '谢谢', at: NOW });
    expect(events[0]).toMatchObject({ kind: 'rated', toStatus: status, data: { rating }, note: '谢谢' });
    expect(countsAsSatisfied(next)).toBe(status === 'closed');
    expect(countsAsRated(next)).toBe(true);
  });

  it('takes one rating per reply', () => {
    const rated = run(caseIn('replied'), { kind: 'rate', rating: 'unsatisfied' }, actors.owner).next;
    expect(refusal(decide(rated, { kind: 'rate', rating: 'satisfied' }, actors.owner, NOW, ids))?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('an officer closes an unrated reply only after the 7-day quiet period, and never as satisfied', () => {
    const fresh = caseIn('replied', { repliedAt: daysAgo(6) });
    expect(refusal(decide(fresh, { kind: 'close' }, actors.officer, NOW, ids))?.code).toBe('NOT_YET_DUE');
    const { next, events } = run(caseIn('replied', { repliedAt: daysAgo(7) }), { kind: 'close' }, actors.officer);
    expect(next.closure).toEqual({ at: NOW, how: 'officer', withoutRating: true });
    expect(events[0].data).toEqual({ how: 'officer', withoutRating: true });
    expect(countsAsSatisfied(next)).toBe(false);
    expect(countsAsRated(next)).toBe(false);
  });

  it('an officer may close at once after 不满意; it counts as rated, not satisfied', () => {
    const unsatisfied = caseIn('replied', { repliedAt: daysAgo(1), rating: { value: 'unsatisfied', at: daysAgo(1) } });
    const { next } = run(unsatisfied, { kind: 'close' }, actors.officer);
    expect(next.closure).toMatchObject({ how: 'officer', withoutRating: false });
    expect(countsAsRated(next)).toBe(true);
    expect(countsAsSatisfied(next)).toBe(false);
  });

  it('the scheduler closes a reply nobody rated after 15 days, flagged as closed without rating', () => {
    expect(refusal(decide(caseIn('replied', { repliedAt: daysAgo(14) }), { kind: 'auto_close' }, actors.system, NOW, ids))?.code).toBe('NOT_YET_DUE');
    const { next, events } = run(caseIn('replied', { repliedAt: daysAgo(15) }), { kind: 'auto_close' }, actors.system);
    expect(next.closure).toEqual({ at: NOW, how: 'auto', withoutRating: true });
    expect(events[0]).toMatchObject({ kind: 'closed', actorRole: 'system', note: '答复后 15 天未评价，系统自动办结' });
    expect(countsAsSatisfied(next)).toBe(false);
  });

  it('the scheduler leaves a rated reply to the officer', () => {
    const rated = caseIn('replied', { rating: { value: 'unsatisfied', at: daysAgo(16) } });
    expect(refusal(decide(rated, { kind: 'auto_close' }, actors.system, NOW, ids))?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('never counts a case closed without rating as satisfied, whatever else it holds', () => {
    const forged = caseIn('closed', { rating: { value: 'satisfied', at: NOW }, closure: { at: NOW, how: 'officer', withoutRating: true } });
    expect(countsAsSatisfied(forged)).toBe(false);
    expect(countsAsSatisfied(caseIn('replied', { rating: { value: 'satisfied', at: NOW } }))).toBe(false);
    const honest = caseIn('closed', { rating: { value: 'satisfied', at: NOW }, closure: { at: NOW, how: 'rating', withoutRating: false } });
    expect(countsAsSatisfied(honest)).toBe(true);
  });
});
