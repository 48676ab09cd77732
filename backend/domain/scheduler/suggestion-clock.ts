/**
 * The scheduler's rules for 代表建议, pure: which deadlines the units are reminded of (the
 * windows of config/suggestions.json `remindDaysBefore`, each once per deadline), when an
 * assigned suggestion is marked overdue (督办), and when its author is reminded to rate an
 * answer (`ratingReminderDays`, once per round). The queries in data/suggestion-clock.ts select
 * with the bounds computed here; these predicates say exactly what is due.
 */
import { shanghaiDate } from '../calendar';
import type { SuggestionStep } from '../suggestion/suggestion.commands';
import type { SuggestionAssignment, SuggestionDocument } from '../suggestion/suggestion.document';
import type { SuggestionSettings } from '../suggestion/suggestion.settings';
import { eventOf } from '../suggestion/suggestion.steps';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the clock reads of a suggestion. */
export type ClockedSuggestion = Pick<SuggestionDocument, 'status' | 'deadline' | 'assignments' | 'remindersSent' | 'round' | 'answers' | 'answeredAt' | 'overdueAt'>;

/** The key of the lead's reminder `days` before `deadline`: a new deadline (an extension, round 2) is reminded of again. */
export const leadReminderKey = (days: number, deadline: Date): string => `deadline-${days}:${deadline.toISOString()}`;

/** An assisting unit's reminder before its own deadline. */
export const assistReminderKey = (days: number, unitId: string, deadline: Date): string => `assist-${days}:${unitId}:${deadline.toISOString()}`;

/** The author's reminder to rate the answer of a round. */
export const ratingReminderKey = (round: 1 | 2): string => `rating:${round}`;

/** One unit to remind of one deadline. */
export interface DeadlineReminder {
  readonly unitId: string;
  readonly unitName: string;
  readonly role: 'lead' | 'assist';
  readonly deadline: Date;
  /** The nearest window reached (7 rather than 30 when a late run finds both): what the message speaks of. */
  readonly daysBefore: number;
  /** Every window reached and not yet recorded: settled together, so a late run sends one reminder, not two. */
  readonly keys: readonly string[];
}

/** Deadlines at or before this instant (and not past) are inside some reminder window at `now`. */
export function reminderHorizon(now: Date, settings: Pick<SuggestionSettings, 'remindDaysBefore'>): Date {
  return new Date(now.getTime() + Math.max(...settings.remindDaysBefore) * DAY_MS);
}

/**
 * The reminders due now: the lead unit before the suggestion's deadline in force, and each
 * assisting unit that has not sent its opinion before its own. Nothing once a deadline has
 * passed (督办 takes over) or when the suggestion is not with its units.
 */
export function dueDeadlineReminders(doc: ClockedSuggestion, now: Date, settings: Pick<SuggestionSettings, 'remindDaysBefore'>): DeadlineReminder[] {
  if (doc.status !== 'assigned') return [];
  const reminders: DeadlineReminder[] = [];
  const lead = doc.assignments.find((assignment) => assignment.role === 'lead');
  if (lead && doc.deadline) {
    const due = windowsDue(doc.deadline, now, settings.remindDaysBefore, doc.remindersSent, (days) => leadReminderKey(days, doc.deadline!));
    if (due) reminders.push(reminderOf(lead, doc.deadline, due));
  }
  for (const assist of doc.assignments.filter((assignment) => assignment.role === 'assist' && !assignment.answeredAt)) {
    const due = windowsDue(assist.deadline, now, settings.remindDaysBefore, doc.remindersSent, (days) => assistReminderKey(days, assist.unitId, assist.deadline));
    if (due) reminders.push(reminderOf(assist, assist.deadline, due));
  }
  return reminders;
}

function reminderOf(assignment: SuggestionAssignment, deadline: Date, due: { daysBefore: number; keys: string[] }): DeadlineReminder {
  return { unitId: assignment.unitId, unitName: assignment.unitName, role: assignment.role, deadline, ...due };
}

function windowsDue(
  deadline: Date,
  now: Date,
  windows: readonly number[],
  sent: readonly string[],
  keyOf: (days: number) => string,
): { daysBefore: number; keys: string[] } | undefined {
  if (deadline.getTime() <= now.getTime()) return undefined;
  const reached = windows.filter((days) => deadline.getTime() - days * DAY_MS <= now.getTime());
  const unsent = reached.filter((days) => !sent.includes(keyOf(days)));
  if (unsent.length === 0) return undefined;
  return { daysBefore: Math.min(...reached), keys: unsent.map(keyOf) };
}

/** Assigned, its deadline passed without an answer, and not marked yet (an answer or a new deadline clears the mark). */
export function needsOverdueMark(doc: Pick<ClockedSuggestion, 'status' | 'deadline' | 'overdueAt'>, now: Date): boolean {
  return doc.status === 'assigned' && !!doc.deadline && doc.deadline.getTime() < now.getTime() && !doc.overdueAt;
}

/** Who the scheduler is on a timeline: the system, with no name (the page shows none). */
export const SCHEDULER_ACTOR = { role: 'other', id: 'scheduler', name: '' } as const;

/**
 * The 督办 mark as one step of the lifecycle: `overdueAt` set, the version bumped and its one
 * event (seq = that version, actor the system), like every other step.
 */
export function overdueStep(doc: SuggestionDocument, now: Date, settings: SuggestionSettings): SuggestionStep {
  const version = doc.version + 1;
  const lead = doc.assignments.find((assignment) => assignment.role === 'lead');
  const deadline = doc.deadline ?? now;
  const change = {
    kind: 'overdue' as const,
    note: `${lead?.unitName ?? '承办单位'}未在${shanghaiDate(deadline)}前答复`,
    data: { deadline: shanghaiDate(deadline), ...(lead ? { unitId: lead.unitId } : {}) },
  };
  return {
    next: { ...doc, overdueAt: now, version, updatedAt: now },
    event: eventOf(doc._id, version, change, { caller: SCHEDULER_ACTOR, now, settings }, SCHEDULER_ACTOR.name),
  };
}

/** Answers at or before this instant, unrated, are due a reminder to their author. */
export function ratingReminderCutoff(now: Date, settings: Pick<SuggestionSettings, 'ratingReminderDays'>): Date {
  return new Date(now.getTime() - settings.ratingReminderDays * DAY_MS);
}

/** Answered `ratingReminderDays` ago or more, the answer still unrated, and this round's reminder not sent. */
export function needsRatingReminder(doc: ClockedSuggestion, now: Date, settings: Pick<SuggestionSettings, 'ratingReminderDays'>): boolean {
  if (doc.status !== 'answered' || doc.remindersSent.includes(ratingReminderKey(doc.round))) return false;
  const latest = doc.answers.at(-1);
  const answeredAt = latest?.at ?? doc.answeredAt;
  if (!answeredAt || latest?.rating) return false;
  return answeredAt.getTime() <= ratingReminderCutoff(now, settings).getTime();
}
