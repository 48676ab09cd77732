import type { SuggestionAnswerRecord, SuggestionAssignment, SuggestionDocument } from '../suggestion/suggestion.document';
import { SETTINGS, unhandled } from '../suggestion/suggestion.fixtures';
import {
  assistReminderKey,
  dueDeadlineReminders,
  leadReminderKey,
  needsOverdueMark,
  needsRatingReminder,
  overdueStep,
  ratingReminderCutoff,
  ratingReminderKey,
  reminderHorizon,
} from './suggestion-clock';

// SETTINGS (suggestion.fixtures.ts): the clock as config/suggestions.json sets it, reminders 30 and 7 days before, rating after 15.
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-07T02:00:00Z');
const at = (days: number, ms = 0) => new Date(NOW.getTime() + days * DAY + ms);
// The end of a Beijing day, as every deadline is.
const DEADLINE = new Date('2027-01-06T15:59:59.999Z');
const ASSIST_DEADLINE = new Date('2026-12-20T15:59:59.999Z');

const lead: SuggestionAssignment = { unitId: 'unit-ft-zjj', unitName: '区住房和建设局', role: 'lead', deadline: DEADLINE };
const assist: SuggestionAssignment = { unitId: 'unit-ft-cgj', unitName: '区城市管理和综合执法局', role: 'assist', deadline: ASSIST_DEADLINE };

function assigned(over: Partial<SuggestionDocument> = {}): SuggestionDocument {
  return {
    _id: 'sg-1',
    version: 4,
    status: 'assigned',
    district: '福田区',
    number: '福田〔2026〕第12号',
    year: 2026,
    deputyId: 'dp-001',
    deputyName: '李明',
    stationIds: ['st-ft-hf'],
    title: '莲花北小区加装电梯',
    problem: '',
    proposal: '',
    attachments: [],
    cosigners: [],
    caseIds: [],
    assignments: [lead, assist],
    firstAssignedAt: new Date('2026-10-06T02:00:00Z'),
    deadline: DEADLINE,
    ...unhandled(),
    leadUnitId: lead.unitId,
    unitIds: [lead.unitId, assist.unitId],
    createdAt: new Date('2026-09-01T02:00:00Z'),
    updatedAt: new Date('2026-10-06T02:00:00Z'),
    ...over,
  };
}

const answer = (over: Partial<SuggestionAnswerRecord> = {}): SuggestionAnswerRecord => ({
  round: 1,
  unitId: lead.unitId,
  unitName: lead.unitName,
  staffId: 'sf-unit-zjj',
  text: '已列入明年计划',
  result: 'B',
  publishable: true,
  at: at(-15),
  onTime: true,
  ...over,
});

describe('reminding units of a deadline (30 and 7 days before, each once per deadline)', () => {
  const keysDue = (doc: SuggestionDocument, now: Date) => dueDeadlineReminders(doc, now, SETTINGS).map((r) => [r.unitId, r.daysBefore, r.keys]);

  it('looks as far ahead as the largest window', () => {
    expect(reminderHorizon(NOW, SETTINGS)).toEqual(at(30));
  });

  it('reminds the lead 30 days before its deadline, not a moment earlier', () => {
    const doc = assigned({ assignments: [lead] });
    expect(keysDue(doc, new Date(DEADLINE.getTime() - 30 * DAY - 1))).toEqual([]);
    expect(keysDue(doc, new Date(DEADLINE.getTime() - 30 * DAY))).toEqual([['unit-ft-zjj', 30, ['deadline-30:2027-01-06T15:59:59.999Z']]]);
  });

  it('once: the 30-day key recorded, nothing until the 7-day window', () => {
    const doc = assigned({ assignments: [lead], remindersSent: ['deadline-30:2027-01-06T15:59:59.999Z'] });
    expect(keysDue(doc, new Date(DEADLINE.getTime() - 20 * DAY))).toEqual([]);
    expect(keysDue(doc, new Date(DEADLINE.getTime() - 7 * DAY))).toEqual([['unit-ft-zjj', 7, ['deadline-7:2027-01-06T15:59:59.999Z']]]);
  });

  it('a run that finds both windows reached sends one reminder (7 days) and settles both', () => {
    const doc = assigned({ assignments: [lead] });
    expect(keysDue(doc, new Date(DEADLINE.getTime() - 3 * DAY))).toEqual([
      ['unit-ft-zjj', 7, ['deadline-30:2027-01-06T15:59:59.999Z', 'deadline-7:2027-01-06T15:59:59.999Z']],
    ]);
  });

  it('a new deadline (an extension) is reminded of again', () => {
    const extended = new Date('2027-03-06T15:59:59.999Z');
    const doc = assigned({
      assignments: [{ ...lead, deadline: extended }],
      deadline: extended,
      remindersSent: ['deadline-30:2027-01-06T15:59:59.999Z', 'deadline-7:2027-01-06T15:59:59.999Z'],
    });
    expect(keysDue(doc, new Date(extended.getTime() - 29 * DAY))).toEqual([['unit-ft-zjj', 30, ['deadline-30:2027-03-06T15:59:59.999Z']]]);
  });

  it('reminds an assisting unit before its own deadline while it owes its opinion', () => {
    const now = new Date(ASSIST_DEADLINE.getTime() - 6 * DAY);
    // The lead was told of its own deadline already; what is left is the assisting unit's.
    const leadTold = { remindersSent: ['deadline-30:2027-01-06T15:59:59.999Z'] };
    expect(keysDue(assigned(leadTold), now)).toEqual([
      ['unit-ft-cgj', 7, ['assist-30:unit-ft-cgj:2026-12-20T15:59:59.999Z', 'assist-7:unit-ft-cgj:2026-12-20T15:59:59.999Z']],
    ]);
    expect(keysDue(assigned({ ...leadTold, assignments: [lead, { ...assist, answeredAt: at(-1), opinion: '同意' }] }), now)).toEqual([]);
    expect(assistReminderKey(7, 'unit-ft-cgj', ASSIST_DEADLINE)).not.toBe(leadReminderKey(7, ASSIST_DEADLINE));
  });

  it('nothing once the deadline has passed (督办 takes over), nor unless the units hold it', () => {
    expect(keysDue(assigned({ assignments: [lead] }), DEADLINE)).toEqual([]);
    for (const status of ['accepted', 'answered', 'closed', 'withdrawn'] as const) expect(keysDue(assigned({ status }), new Date(DEADLINE.getTime() - DAY))).toEqual([]);
  });
});

describe('marking an overdue suggestion (督办)', () => {
  it('assigned, past its deadline and not marked', () => {
    expect(needsOverdueMark(assigned(), new Date(DEADLINE.getTime() + 1))).toBe(true);
    expect(needsOverdueMark(assigned(), DEADLINE)).toBe(false);
    expect(needsOverdueMark(assigned({ overdueAt: at(-1) }), new Date(DEADLINE.getTime() + 1))).toBe(false);
    expect(needsOverdueMark(assigned({ status: 'answered' }), new Date(DEADLINE.getTime() + 1))).toBe(false);
  });

  it('is a step: overdueAt set, the version bumped, one event by the system at that seq', () => {
    const now = new Date(DEADLINE.getTime() + 60_000);
    const { next, event } = overdueStep(assigned(), now, SETTINGS);
    expect(next).toEqual({ ...assigned(), overdueAt: now, version: 5, updatedAt: now });
    expect(event).toEqual({
      _id: 'sg-1:5',
      suggestionId: 'sg-1',
      seq: 5,
      kind: 'overdue',
      at: now,
      actorRole: 'system',
      actorId: 'scheduler',
      actorName: '',
      note: '区住房和建设局未在2027-01-06前答复',
      data: { deadline: '2027-01-06', unitId: 'unit-ft-zjj' },
    });
  });
});

describe('reminding the author to rate an answer (15 days, once per round)', () => {
  const answered = (over: Partial<SuggestionDocument> = {}) => assigned({ status: 'answered', answers: [answer()], answeredAt: at(-15), ...over });

  it('15 days after the answer, not before', () => {
    expect(ratingReminderCutoff(NOW, SETTINGS)).toEqual(at(-15));
    expect(needsRatingReminder(answered(), NOW, SETTINGS)).toBe(true);
    expect(needsRatingReminder(answered({ answers: [answer({ at: at(-15, 1) })] }), NOW, SETTINGS)).toBe(false);
  });

  it('once per round: round 1’s reminder does not hold off round 2’s', () => {
    expect(ratingReminderKey(1)).toBe('rating:1');
    expect(needsRatingReminder(answered({ remindersSent: ['rating:1'] }), NOW, SETTINGS)).toBe(false);
    const second = answered({
      round: 2,
      answers: [answer({ rating: { value: 'unsatisfied', comment: '仍未解决', at: at(-40) }, at: at(-50) }), answer({ round: 2, at: at(-16) })],
    });
    expect(needsRatingReminder({ ...second, remindersSent: ['rating:1'] }, NOW, SETTINGS)).toBe(true);
    expect(needsRatingReminder({ ...second, remindersSent: ['rating:1', 'rating:2'] }, NOW, SETTINGS)).toBe(false);
  });

  it('never for a rated answer or a suggestion not waiting for a rating', () => {
    expect(needsRatingReminder(answered({ answers: [answer({ rating: { value: 'satisfied', at: at(-1) } })] }), NOW, SETTINGS)).toBe(false);
    expect(needsRatingReminder(answered({ status: 'closed' }), NOW, SETTINGS)).toBe(false);
  });
});
