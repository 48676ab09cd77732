import { actors, baseCase, caseIn, daysAgo, daysLater, happyCommand, NOW, sequentialIds, STATION } from './case.fixtures';
import type { Actor } from './actor';
import type { CaseCommand } from './case.commands';
import { decide } from './case.decide';
import type { Decision } from './case.decide';
import type { Result } from '../result';
import { countsAsSatisfied } from './case.figures';
import type { CaseState } from './case.state';
import { endOfShanghaiDay } from './deadlines';

const ids = sequentialIds('ev');

function run(state: CaseState, command: CaseCommand, actor: Actor, now = NOW): Decision {
  const result = decide(state, command, actor, now, ids);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.failure)}`);
  return result.value;
}

const refusal = (result: Result<Decision>) => (result.ok ? undefined : result.failure);

describe('rejecting (不予受理)', () => {
  it.each([
    [{ reason: '', referral: '请向区法院咨询' }, 'reason'],
    [{ reason: '   ', referral: '请向区法院咨询' }, 'reason'],
    [{ reason: '属于诉讼事项', referral: '' }, 'referral'],
    [{ reason: '属于诉讼事项', referral: ' \n ' }, 'referral'],
  ])('requires a reason and where to go instead: %j fails on %s', (payload, field) => {
    const result = decide(caseIn('submitted'), { kind: 'reject', ...payload }, actors.officer, NOW, ids);
    expect(refusal(result)).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  it('records both in the timeline and stops the clock', () => {
    const { next, events } = run(caseIn('submitted'), { kind: 'reject', reason: ' 属于诉讼事项 ', referral: '区法院诉讼服务中心' }, actors.officer);
    expect(next.status).toBe('rejected');
    expect('dueAt' in next).toBe(false);
    expect(events[0]).toMatchObject({ note: '属于诉讼事项', data: { referral: '区法院诉讼服务中心' } });
  });
});

describe('accepting (受理) and the category', () => {
  it('sets the category the officer chooses for a 不确定 case, and records who set it on the accept event', () => {
    const { next, events } = run(caseIn('submitted', { category: 'unsure' }), { kind: 'accept', category: 'complaint' }, actors.officer);
    expect(next).toMatchObject({ status: 'accepted', category: 'complaint' });
    expect(events[0]).toMatchObject({ kind: 'accepted', actorRole: 'officer', actorId: actors.officer.id, data: { category: 'complaint', previousCategory: 'unsure' } });
  });

  it('accepts a 不确定 case without a category, which then stays 不确定', () => {
    const { next, events } = run(caseIn('submitted', { category: 'unsure' }), { kind: 'accept' }, actors.officer);
    expect(next).toMatchObject({ status: 'accepted', category: 'unsure' });
    expect(events[0].data).not.toHaveProperty('category');
  });

  it('corrects a category the resident chose, and records nothing when it is the same', () => {
    expect(run(caseIn('submitted', { category: 'help' }), { kind: 'accept', category: 'suggestion' }, actors.officer).next.category).toBe('suggestion');
    const same = run(caseIn('submitted', { category: 'help' }), { kind: 'accept', category: 'help' }, actors.officer);
    expect(same.next.category).toBe('help');
    expect(same.events[0].data).not.toHaveProperty('category');
  });
});

describe('routing and handling', () => {
  it('transfer needs the receiving body and a future deadline, which becomes the due date', () => {
    const state = caseIn('accepted');
    const base = happyCommand('transfer') as Extract<CaseCommand, { kind: 'transfer' }>;
    expect(refusal(decide(state, { ...base, receivingBody: ' ' }, actors.officer, NOW, ids))).toMatchObject({ code: 'INVALID_INPUT', field: 'receivingBody' });
    expect(refusal(decide(state, { ...base, deadline: NOW }, actors.officer, NOW, ids))).toMatchObject({ code: 'INVALID_INPUT', field: 'deadline' });
    expect(refusal(decide(state, { ...base, deadline: new Date('x') }, actors.officer, NOW, ids))).toMatchObject({ field: 'deadline' });

    const { next, events } = run(state, base, actors.officer);
    expect(next.transfer).toEqual({ route: 'district_committee', receivingBody: '区城市管理和综合执法局', deadline: daysLater(20), at: NOW });
    expect(next.dueAt).toEqual(daysLater(20));
    expect(events[0].data).toMatchObject({ viaDeputyLetter: true, receivingBody: '区城市管理和综合执法局' });
    expect(run(state, { ...base, route: 'street_office' }, actors.officer).events[0].data).toMatchObject({ viaDeputyLetter: false });
  });

  it('assigns only a deputy of the station, and records a reassignment', () => {
    const state = caseIn('accepted');
    expect(refusal(decide(state, { kind: 'assign', deputyId: 'dp-7', deputyStationIds: ['st-other'] }, actors.officer, NOW, ids))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'deputyId',
    });
    expect(refusal(decide(state, { kind: 'assign', deputyId: 'dp-1', deputyStationIds: [STATION] }, actors.officer, NOW, ids))?.code).toBe('INVALID_INPUT');
    const { next, events } = run(state, { kind: 'assign', deputyId: 'dp-2', deputyStationIds: ['st-x', STATION] }, actors.officer);
    expect(next.assignedDeputyId).toBe('dp-2');
    expect(events[0].data).toEqual({ deputyId: 'dp-2', previousDeputyId: 'dp-1' });
  });

  it('a receiving body answer defaults to the body the case was transferred to', () => {
    const { events } = run(caseIn('transferred'), { kind: 'record_answer', content: '已修复' }, actors.officer);
    expect(events[0]).toMatchObject({ kind: 'answer_recorded', note: '已修复', data: { from: '华富街道办事处' } });
    expect(refusal(decide(caseIn('in_progress'), { kind: 'record_answer', content: '已修复' }, actors.officer, NOW, ids))?.field).toBe('from');
  });

  it.each([
    ['itself', { id: 'case-1' }],
    ['a case of another station', { stationId: 'st-other' }],
    ['a later case', { submittedAt: daysAgo(1) }],
    ['a withdrawn case', { status: 'withdrawn' }],
    ['a merged case', { status: 'closed', closure: { at: NOW, how: 'merge', withoutRating: true } }],
  ] as const)('refuses to merge into %s', (_label, overrides) => {
    const base = happyCommand('merge') as Extract<CaseCommand, { kind: 'merge' }>;
    const result = decide(caseIn('submitted'), { kind: 'merge', into: { ...base.into, ...overrides } }, actors.officer, NOW, ids);
    expect(refusal(result)).toMatchObject({ code: 'INVALID_INPUT', field: 'intoReceiptNo' });
  });

  it('a merged duplicate is closed with a pointer and never counts as satisfied', () => {
    const { next, events } = run(caseIn('accepted'), happyCommand('merge'), actors.officer);
    expect(next.closure).toEqual({ at: NOW, how: 'merge', withoutRating: true, mergedInto: { id: 'case-0', receiptNo: 'FT20261020-0007' } });
    expect(events[0]).toMatchObject({ kind: 'merged', data: { intoCaseId: 'case-0' } });
    expect(countsAsSatisfied(next)).toBe(false);
  });

  it.each([
    ['reply', { kind: 'reply', content: '' }, 'content'],
    ['supplement', { kind: 'supplement', note: ' ' }, 'note'],
    ['supervise', { kind: 'supervise', note: '' }, 'note'],
    ['follow_up', { kind: 'follow_up', note: '' }, 'note'],
  ] as const)('%s needs its text', (_label, command, field) => {
    const actor = command.kind === 'supplement' ? actors.owner : actors.officer;
    expect(refusal(decide(caseIn('in_progress'), command, actor, NOW, ids))).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  it('a deputy marks a case as a formal suggestion once', () => {
    const marked = run(caseIn('replied'), { kind: 'mark_suggestion' }, actors.assignedDeputy).next;
    expect(marked.suggestionMarkedAt).toEqual(NOW);
    expect(refusal(decide(marked, { kind: 'mark_suggestion' }, actors.assignedDeputy, NOW, ids))?.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('escalation (逾期督办)', () => {
  it('escalates only overdue cases, and at most every 3 days', () => {
    const onTime = caseIn('accepted', { dueAt: daysLater(1) });
    expect(refusal(decide(onTime, { kind: 'escalate' }, actors.system, NOW, ids))?.code).toBe('NOT_YET_DUE');

    const overdue = caseIn('accepted', { dueAt: endOfShanghaiDay('2026-11-18') });
    const { next, events } = run(overdue, { kind: 'escalate' }, actors.system);
    expect(events[0]).toMatchObject({ kind: 'supervised', actorRole: 'system', data: { escalated: true }, note: '已超过办理期限（2026-11-18），系统自动督办' });
    expect(next.lastEscalatedAt).toEqual(NOW);
    expect(refusal(decide(next, { kind: 'escalate' }, actors.system, daysLater(2), ids))?.code).toBe('NOT_YET_DUE');
    expect(decide(next, { kind: 'escalate' }, actors.system, daysLater(3), ids).ok).toBe(true);
  });
});

describe('versions and immutability', () => {
  it('each decision bumps the version by one and numbers events in sequence', () => {
    let state = baseCase({ version: 1, lastSeq: 1, dueAt: daysLater(3) });
    const steps: [CaseCommand, Actor][] = [
      [{ kind: 'accept' }, actors.officer],
      [{ kind: 'start' }, actors.officer],
      [{ kind: 'reply', content: '已修复' }, actors.assignedDeputy],
      [{ kind: 'rate', rating: 'satisfied' }, actors.owner],
      [{ kind: 'follow_up', note: '回访：群众满意' }, actors.assignedDeputy],
    ];
    steps.forEach(([command, actor], index) => {
      const { next, events } = run(state, command, actor);
      expect(next.version).toBe(index + 2);
      expect(events[0].seq).toBe(index + 2);
      state = next;
    });
    expect(state.status).toBe('closed');
  });

  it('does not mutate or freeze its input', () => {
    const state = caseIn('in_progress');
    const before = structuredClone(state);
    const command = happyCommand('transfer');
    run(state, command, actors.officer);
    expect(state).toEqual(before);
    expect(Object.isFrozen(state)).toBe(false);
    expect(Object.isFrozen(state.photoFileIds)).toBe(false);
    expect(Object.isFrozen(command)).toBe(false);
  });

  it('returns a frozen state and frozen events', () => {
    const { next, events } = run(caseIn('accepted'), happyCommand('transfer'), actors.officer);
    for (const value of [next, next.photoFileIds, next.transfer, events, events[0], events[0].data]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
    expect(() => {
      (events[0] as { note?: string }).note = 'edited';
    }).toThrow(TypeError);
  });

  it('drops cleared fields instead of storing them as undefined', () => {
    const { next } = run(caseIn('in_progress'), { kind: 'reply', content: '已修复' }, actors.officer);
    expect('dueAt' in next).toBe(false);
    expect(next.repliedAt).toEqual(NOW);
  });
});

describe('a follow-up (回访)', () => {
  it('keeps its photos on the event, and records none when there are none', () => {
    const photos = ['cloud://local-dev.x/cases/2026/11/abcdefabcdefabcdef.jpg'];
    const withPhotos = run(caseIn('closed'), { kind: 'follow_up', note: ' 电话回访 ', photoFileIds: photos }, actors.officer);
    expect(withPhotos.events[0]).toMatchObject({ kind: 'followed_up', note: '电话回访', data: { photoFileIds: photos }, fromStatus: 'closed', toStatus: 'closed' });
    const without = run(caseIn('closed'), { kind: 'follow_up', note: '电话回访' }, actors.officer);
    expect(without.events[0].data).toBeUndefined();
  });
});
