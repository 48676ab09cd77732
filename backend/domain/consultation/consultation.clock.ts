/**
 * Open or closed is the calendar's: a consultation takes comments until the end of `closesOn`
 * in Shanghai (the day a resident reads as the last one), and is `reported` once compiled. Pure.
 */
import type { ConsultationStatus } from '../../../typings/consultation';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../calendar';
import { fail, ok, type Result } from '../result';
import { CONSULTATION_RULES } from './consultation.rules';

/** The first instant comments are no longer taken. */
export const closingInstant = (closesOn: string): Date => startOfShanghaiDay(addDays(closesOn, 1));

export function consultationStatus(doc: { closesOn: string; reportedAt?: Date }, now: Date): ConsultationStatus {
  if (doc.reportedAt) return 'reported';
  return now.getTime() < closingInstant(doc.closesOn).getTime() ? 'open' : 'closed';
}

/** A closing date far enough ahead for residents to read and comment. */
export function checkClosesOn(closesOn: string, now: Date): Result<string> {
  const earliest = addDays(shanghaiDate(now), CONSULTATION_RULES.minOpenDays);
  if (closesOn < earliest) return fail('INVALID_INPUT', `截止日期至少在 ${CONSULTATION_RULES.minOpenDays} 天之后（不早于 ${earliest}）`, 'closesOn');
  return ok(closesOn);
}
