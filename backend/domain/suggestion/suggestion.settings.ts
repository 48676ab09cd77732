/**
 * The clock of a 代表建议 (config/suggestions.json), checked when a function loads: a typo fails
 * the function at start instead of giving units a wrong legal deadline.
 */

export interface SuggestionSettings {
  /** Months from assignment the lead unit has to answer. */
  readonly answerMonths: number;
  /** The latest deadline any extension may reach, counted from the first assignment. */
  readonly maxMonths: number;
  /** Months assisting units have to send their opinion to the lead. */
  readonly assistMonths: number;
  /** Months for the new answer after the deputy rates 不满意. */
  readonly reanswerMonths: number;
  /** Working days after the assignment within which the lead may ask to be re-routed. */
  readonly rerouteWorkingDays: number;
  /** Days before a deadline the unit's staff are reminded (each once), largest first. */
  readonly remindDaysBefore: readonly number[];
  /** Days after an answer the deputy is reminded to rate it (once). */
  readonly ratingReminderDays: number;
}

const FILE = 'config/suggestions.json';

function whole(config: Record<string, unknown>, key: string, min: number, max: number): number {
  const value = config[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new Error(`${FILE}: ${key} must be a whole number from ${min} to ${max}`);
  return value;
}

/** The settings, checked; answerMonths ≤ maxMonths, or no deadline could ever be set. */
export function suggestionSettings(config: Record<string, unknown>): SuggestionSettings {
  const answerMonths = whole(config, 'answerMonths', 1, 12);
  const maxMonths = whole(config, 'maxMonths', 1, 24);
  if (answerMonths > maxMonths) throw new Error(`${FILE}: answerMonths (${answerMonths}) must not exceed maxMonths (${maxMonths})`);
  const reminders = config.remindDaysBefore;
  if (!Array.isArray(reminders) || reminders.length === 0 || reminders.some((days) => typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 180)) {
    throw new Error(`${FILE}: remindDaysBefore must be a list of whole numbers from 1 to 180`);
  }
  return {
    answerMonths,
    maxMonths,
    assistMonths: whole(config, 'assistMonths', 1, 12),
    reanswerMonths: whole(config, 'reanswerMonths', 1, 12),
    rerouteWorkingDays: whole(config, 'rerouteWorkingDays', 1, 60),
    remindDaysBefore: [...(reminders as number[])].sort((a, b) => b - a),
    ratingReminderDays: whole(config, 'ratingReminderDays', 1, 90),
  };
}
