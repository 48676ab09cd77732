/**
 * The legal clock of a suggestion, in Beijing days: every deadline is the end of a Shanghai day,
 * counted in calendar months from a step (3 to answer, 1 to assist, 1 more after 不满意), never
 * later than `maxMonths` after the first assignment; re-routing is asked within working days.
 */
import { addMonths, addWorkingDays, shanghaiDate } from '../calendar';
import { endOfShanghaiDay } from '../case/deadlines';
import { fail, ok, type Result } from '../result';
import type { SuggestionSettings } from './suggestion.settings';

/** The end of the Beijing day `months` calendar months after `from`'s day. */
export function monthsAfter(from: Date, months: number): Date {
  return endOfShanghaiDay(addMonths(shanghaiDate(from), months));
}

/** The latest deadline any extension may reach. */
export function latestDeadline(firstAssignedAt: Date, settings: SuggestionSettings): Date {
  return monthsAfter(firstAssignedAt, settings.maxMonths);
}

/** Until when the lead may ask to be re-routed: the end of the n-th working day after the assignment. */
export function rerouteClosesAt(firstAssignedAt: Date, settings: SuggestionSettings): Date {
  return endOfShanghaiDay(addWorkingDays(shanghaiDate(firstAssignedAt), settings.rerouteWorkingDays));
}

/**
 * A deadline picked as 'YYYY-MM-DD': after `notBefore`'s day (today, or the deadline in force)
 * and no later than `latest`'s day; the end of that Beijing day.
 */
export function pickedDeadline(date: string, notBefore: Date, latest: Date, field: string, label: string): Result<Date> {
  if (date <= shanghaiDate(notBefore)) return fail('INVALID_INPUT', `${label}须晚于 ${shanghaiDate(notBefore)}`, field);
  if (date > shanghaiDate(latest)) return fail('INVALID_INPUT', `${label}最晚为 ${shanghaiDate(latest)}（自首次交办起不超过法定的最长期限）`, field);
  return ok(endOfShanghaiDay(date));
}
