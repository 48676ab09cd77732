/**
 * The rules of each step beyond the table, with the clock moved by hand: deadlines counted from
 * the brief (3 months, 6 at most, 1 to assist, 1 more after 不满意, 7 working days to ask for
 * re-routing — weekends skipped), one event per step, the residents' notices queued.
 */
import { addMonths, addWorkingDays } from '../calendar';
import type { SuggestionCommand } from './suggestion.commands';
import type { SuggestionDocument } from './suggestion.document';
import { ASSIST, AUTHOR, bj, COSIGNER, LEAD, NOW, OFFICE, SETTINGS, suggestionIn } from './suggestion.fixtures';
import { suggestionNumber } from './suggestion.number';
import type { SuggestionCaller } from './suggestion.party';
import { suggestionSettings } from './suggestion.settings';
import { applyStep, newSuggestion } from './suggestion.steps';
import { actionsFor } from './suggestion.view';

const ZJJ = { id: 'unit-zjj', name: '区住房和建设局' };
const CGJ = { id: 'unit-cgj', name: '区城市管理和综合执法局' };
const HFJD = { id: 'unit-hfjd', name: '华富街道办事处' };
const endOf = (date: string) => bj(`${date}T23:59:59.999`);

function step(doc: SuggestionDocument, command: SuggestionCommand, caller: SuggestionCaller, now = NOW, ownedCaseIds: string[] = []) {
  return applyStep(doc, command, { caller, now, settings: SETTINGS, facts: { ownedCaseIds } });
}
function done(result: ReturnType<typeof step>) {
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.value;
}

describe('the calendar', () => {
  it.each([
    ['2026-03-05', 3, '2026-06-05'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
  ])('%s plus %i months is %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  // 2026-03-05 is a Thursday: Fri 6, Mon 9 … Fri 13, Mon 16 is the 7th working day.
  it.each([
    ['2026-03-05', 7, '2026-03-16'],
    ['2026-03-07', 1, '2026-03-09'],
    ['2026-03-06', 5, '2026-03-13'],
  ])('%s plus %i working days is %s', (date, days, expected) => expect(addWorkingDays(date, days)).toBe(expected));
});

describe('every step', () => {
  it('yields exactly one event at the next version, with an idempotent id, and leaves the document it read as it was', () => {
    const before = suggestionIn('submitted');
    const { next, event } = done(step(before, { kind: 'return', reason: '请补充数据' }, OFFICE));
    expect(next.version).toBe(5);
    expect(event).toEqual({
      _id: 'sg-1:5',
      suggestionId: 'sg-1',
      seq: 5,
      kind: 'returned',
      at: NOW,
      actorRole: 'admin',
      actorId: 'sf-admin',
      actorName: '福田区人大常委会',
      note: '请补充数据',
    });
    expect(before.status).toBe('submitted');
  });

  it('a new draft is version 1 with its created event, by a deputy only', () => {
    const draft = {
      title: '标题',
      problem: '问题',
      proposal: '建议',
      attachments: [],
      cosigners: [{ deputyId: 'dp-2', name: '李四' }],
      caseIds: ['cs-1'],
      stationIds: ['st-1'],
    };
    const { next, event } = done(newSuggestion({ id: 'sg-9', district: '福田区', requestId: 'req-12345678' }, draft, { caller: AUTHOR, now: NOW, settings: SETTINGS }));
    expect(next).toMatchObject({ version: 1, status: 'draft', deputyId: 'dp-1', deputyName: '张三', cosigners: [{ deputyId: 'dp-2', status: 'pending' }], round: 1 });
    expect(event).toMatchObject({ _id: 'sg-9:1', seq: 1, kind: 'created', actorName: '代表 张三' });
    expect(newSuggestion({ id: 'sg-9', district: '福田区', requestId: 'r' }, draft, { caller: OFFICE, now: NOW, settings: SETTINGS })).toMatchObject({
      ok: false,
      failure: { code: 'FORBIDDEN' },
    });
  });
});

describe('drafting and review', () => {
  it('submits only when no co-signer is still pending', () => {
    const pending = suggestionIn('draft', { cosigners: [{ deputyId: 'dp-2', name: '李四', status: 'pending' }] });
    expect(step(pending, { kind: 'submit' }, AUTHOR)).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
    const declined = suggestionIn('draft', { cosigners: [{ deputyId: 'dp-2', name: '李四', status: 'declined' }] });
    expect(done(step(declined, { kind: 'submit' }, AUTHOR)).next).toMatchObject({ status: 'submitted', submittedAt: NOW });
  });

  it('a co-signer confirms or declines; an edit keeps their answer and asks a new one', () => {
    const asked = suggestionIn('draft', { cosigners: [{ deputyId: 'dp-2', name: '李四', status: 'pending' }] });
    const confirmed = done(step(asked, { kind: 'cosign', confirm: true }, COSIGNER));
    expect(confirmed.event.kind).toBe('cosigned');
    expect(confirmed.next.cosigners).toEqual([{ deputyId: 'dp-2', name: '李四', status: 'confirmed', at: NOW }]);
    expect(done(step(asked, { kind: 'cosign', confirm: false }, COSIGNER)).event.kind).toBe('cosign_declined');
    const draft = {
      title: '新',
      problem: '问',
      proposal: '建',
      attachments: [],
      cosigners: [
        { deputyId: 'dp-2', name: '李四' },
        { deputyId: 'dp-3', name: '钱五' },
      ],
      caseIds: [],
      stationIds: ['st-1'],
    };
    const edited = done(step(confirmed.next, { kind: 'edit', draft }, AUTHOR));
    expect(edited.next.cosigners.map((c) => c.status)).toEqual(['confirmed', 'pending']);
    expect(edited.event.kind).toBe('edited');
  });

  it('acceptance numbers it and queues one notice per linked case with a resident', () => {
    const { next } = done(step(suggestionIn('submitted'), { kind: 'accept', number: suggestionNumber('福田区', 2026, 12), year: 2026 }, OFFICE, NOW, ['cs-1']));
    expect(next).toMatchObject({ status: 'accepted', number: '福田〔2026〕第12号', year: 2026, acceptedAt: NOW });
    expect(next.outbox).toEqual([{ key: 'accepted:cs-1', caseId: 'cs-1', step: 'accepted', seq: 5, status: 'pending', queuedAt: NOW }]);
  });
});

describe('assignment', () => {
  const accepted = suggestionIn('accepted');

  it('by default the lead answers in 3 months and assisting units in 1, from the day of assignment', () => {
    const { next, event } = done(step(accepted, { kind: 'assign', lead: ZJJ, assists: [CGJ] }, OFFICE));
    expect(next.deadline).toEqual(endOf('2026-06-05'));
    expect(next.assignments).toEqual([
      { unitId: 'unit-zjj', unitName: '区住房和建设局', role: 'lead', deadline: endOf('2026-06-05') },
      { unitId: 'unit-cgj', unitName: '区城市管理和综合执法局', role: 'assist', deadline: endOf('2026-04-05') },
    ]);
    expect(next).toMatchObject({ status: 'assigned', leadUnitId: 'unit-zjj', unitIds: ['unit-zjj', 'unit-cgj'], firstAssignedAt: NOW });
    expect(event.data).toEqual({ leadUnitId: 'unit-zjj', leadUnit: '区住房和建设局', assistUnits: '区城市管理和综合执法局', deadline: '2026-06-05' });
  });

  it.each([
    ['2026-09-05', true],
    ['2026-09-06', false],
    ['2026-03-05', false],
    ['2026-03-06', true],
  ])('an explicit deadline of %s (6 months at most, after today): %s', (deadline, allowed) => {
    const result = step(accepted, { kind: 'assign', lead: ZJJ, assists: [], deadline }, OFFICE);
    expect(result.ok ? true : result.failure).toEqual(allowed ? true : expect.objectContaining({ code: 'INVALID_INPUT', field: 'deadline' }));
  });

  it('refuses the lead among the assisting units', () => {
    expect(step(accepted, { kind: 'assign', lead: ZJJ, assists: [ZJJ] }, OFFICE)).toMatchObject({ ok: false, failure: { code: 'INVALID_INPUT', field: 'assistUnitIds' } });
  });
});

describe('re-routing: the lead, once, within 7 working days of the assignment', () => {
  const assigned = suggestionIn('assigned', { firstAssignedAt: NOW });
  const ask: SuggestionCommand = { kind: 'request_reroute', reason: '不属于本单位职责' };

  it.each([
    ['2026-03-16T23:59:00', true],
    ['2026-03-17T00:00:01', false],
  ])('asked at %s (Beijing): %s', (local, allowed) => {
    expect(step(assigned, ask, LEAD, bj(local)).ok).toBe(allowed);
  });

  it('one request pending at a time, and once only', () => {
    const asked = done(step(assigned, ask, LEAD)).next;
    expect(asked).toMatchObject({ rerouteUsed: true, request: { kind: 'reroute', unitId: 'unit-zjj', staffId: 'sf-zjj' } });
    expect(step(asked, { kind: 'request_extension', reason: '需要时间', until: '2026-07-01' }, LEAD)).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
    const denied = done(step(asked, { kind: 'deny', note: '属于本单位职责' }, OFFICE));
    expect(denied.event).toMatchObject({ kind: 'request_denied', data: { kind: 'reroute' } });
    expect(denied.next.request).toBeUndefined();
    expect(step(denied.next, ask, LEAD)).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('granted: the new lead and assisting units, deadlines from the decision, the old units kept as readers', () => {
    const asked = done(step({ ...assigned, overdueAt: NOW }, ask, LEAD)).next;
    const at = bj('2026-03-10T10:00:00');
    expect(step(asked, { kind: 'grant' }, OFFICE, at)).toMatchObject({ ok: false, failure: { code: 'INVALID_INPUT', field: 'leadUnitId' } });
    expect(step(asked, { kind: 'grant', lead: ZJJ }, OFFICE, at)).toMatchObject({ ok: false, failure: { code: 'INVALID_INPUT', field: 'leadUnitId' } });
    const { next, event } = done(step(asked, { kind: 'grant', lead: HFJD, assists: [CGJ] }, OFFICE, at));
    expect(next).toMatchObject({
      leadUnitId: 'unit-hfjd',
      unitIds: ['unit-hfjd', 'unit-cgj'],
      formerUnitIds: ['unit-zjj'],
      deadline: endOf('2026-06-10'),
      firstAssignedAt: NOW,
    });
    expect(next.assignments.map((a) => [a.unitId, a.role, a.deadline])).toEqual([
      ['unit-hfjd', 'lead', endOf('2026-06-10')],
      ['unit-cgj', 'assist', endOf('2026-04-10')],
    ]);
    expect(next.request).toBeUndefined();
    expect(next.overdueAt).toBeUndefined();
    expect(event).toMatchObject({ kind: 'request_granted', data: { kind: 'reroute', leadUnit: '华富街道办事处' } });
  });
});

describe('extension: the lead, once, before the deadline, to 6 months after the first assignment', () => {
  const assigned = suggestionIn('assigned', { firstAssignedAt: NOW, deadline: endOf('2026-06-05') });
  const ask = (until: string): SuggestionCommand => ({ kind: 'request_extension', reason: '需要财政论证', until });

  it.each([
    ['2026-09-05', true],
    ['2026-09-06', false],
    ['2026-06-05', false],
  ])('until %s: %s', (until, allowed) => {
    const result = step(assigned, ask(until), LEAD);
    expect(result.ok ? true : result.failure).toEqual(allowed ? true : expect.objectContaining({ code: 'INVALID_INPUT', field: 'until' }));
  });

  it('not after the deadline, and once', () => {
    expect(step(assigned, ask('2026-08-01'), LEAD, bj('2026-06-06T00:00:01'))).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
    const asked = done(step(assigned, ask('2026-08-01'), LEAD)).next;
    const granted = done(step({ ...asked, overdueAt: NOW }, { kind: 'grant', note: '同意' }, OFFICE)).next;
    expect(granted.deadline).toEqual(endOf('2026-08-01'));
    expect(granted.assignments.find((a) => a.role === 'lead')!.deadline).toEqual(endOf('2026-08-01'));
    expect(granted.overdueAt).toBeUndefined();
    expect(step(granted, ask('2026-09-01'), LEAD)).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
  });
});

describe('assisting, answering and rating', () => {
  it('an assisting unit sends its opinion once', () => {
    const { next, event } = done(step(suggestionIn('assigned'), { kind: 'assist', opinion: '同意主办意见' }, ASSIST));
    expect(next.assignments.find((a) => a.unitId === 'unit-cgj')).toMatchObject({ opinion: '同意主办意见', answeredAt: NOW });
    expect(event).toMatchObject({ kind: 'assisted', actorName: '区城市管理和综合执法局' });
    expect(step(next, { kind: 'assist', opinion: '再补充' }, ASSIST)).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
  });

  it.each([
    ['2026-06-04T23:59:00', true],
    ['2026-06-05T00:00:01', false],
  ])('an answer at %s is on time: %s', (local, onTime) => {
    const assigned = suggestionIn('assigned', { overdueAt: bj('2026-06-05T00:10:00') });
    const { next } = done(step(assigned, { kind: 'answer', text: '已列入计划', result: 'B', publishable: true }, LEAD, bj(local), ['cs-1', 'cs-2']));
    expect(next.answers[0]).toMatchObject({ round: 1, unitId: 'unit-zjj', staffId: 'sf-zjj', result: 'B', onTime });
    expect(next.status).toBe('answered');
    expect(next.overdueAt).toBeUndefined();
    expect(next.outbox.map((n) => n.key)).toEqual(['answered:1:cs-1', 'answered:1:cs-2']);
  });

  it('不满意 on the first answer sends it back for one month, round 2; then any rating closes it', () => {
    const answered = suggestionIn('answered');
    const reopened = done(step(answered, { kind: 'rate', rating: 'unsatisfied', comment: '没有时间表' }, AUTHOR));
    expect(reopened.event).toMatchObject({ kind: 'reopened', note: '没有时间表', data: { rating: 'unsatisfied', round: 2, deadline: '2026-04-05' } });
    expect(reopened.next).toMatchObject({ status: 'assigned', round: 2, deadline: endOf('2026-04-05') });
    expect(reopened.next.answers[0].rating).toEqual({ value: 'unsatisfied', comment: '没有时间表', at: NOW });
    const again = done(step(reopened.next, { kind: 'answer', text: '已解决', result: 'A', publishable: true }, LEAD, NOW, ['cs-1'])).next;
    expect(again.outbox.map((n) => n.key)).toEqual(['answered:2:cs-1']);
    const closed = done(step(again, { kind: 'rate', rating: 'unsatisfied', comment: '仍不满意' }, AUTHOR, NOW, ['cs-1']));
    expect(closed.next).toMatchObject({ status: 'closed', closedAt: NOW });
    expect(closed.event).toMatchObject({ kind: 'closed', data: { rating: 'unsatisfied' } });
    expect(closed.next.outbox.map((n) => n.key)).toEqual(['answered:2:cs-1', 'closed:cs-1']);
  });
});

describe('what the detail offers (`can`)', () => {
  it('is the guard: the lead sees answer and both requests right after assignment, nothing for an outsider', () => {
    const assigned = suggestionIn('assigned', { firstAssignedAt: NOW });
    expect(actionsFor(assigned, LEAD, NOW, SETTINGS)).toMatchObject({ answer: true, requestReroute: true, requestExtension: true, assist: false, decide: false });
    expect(Object.values(actionsFor(assigned, { ...LEAD, unitId: 'unit-hfjd' }, NOW, SETTINGS)).some(Boolean)).toBe(false);
    expect(actionsFor(suggestionIn('submitted'), OFFICE, NOW, SETTINGS)).toMatchObject({ review: true, assign: false, withdraw: false });
  });
});

describe('the settings', () => {
  const good = { answerMonths: 3, maxMonths: 6, assistMonths: 1, reanswerMonths: 1, rerouteWorkingDays: 7, remindDaysBefore: [7, 30], ratingReminderDays: 15 };
  it('are read, reminders largest first, and a bad value fails at load', () => {
    expect(suggestionSettings(good).remindDaysBefore).toEqual([30, 7]);
    expect(() => suggestionSettings({ ...good, answerMonths: 7 })).toThrow(/answerMonths/);
    expect(() => suggestionSettings({ ...good, assistMonths: '1' })).toThrow(/assistMonths/);
    expect(() => suggestionSettings({ ...good, remindDaysBefore: [] })).toThrow(/remindDaysBefore/);
  });
});
