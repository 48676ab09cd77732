/**
 * The figures 使用说明 quotes, picked from what the back end enforces (generated into
 * miniprogram/generated/rules.ts from its sources), under the names the guide uses.
 */
import { CASE_TIME_LIMITS, CONTACT_RETENTION_DAYS, MAX_REOPENS } from '../../../generated/rules';

export const HELP_LIMITS = {
  /** 受理: by the end of the nth calendar day after submission. */
  acceptDays: CASE_TIME_LIMITS.acceptDays,
  /** 答复: by the end of the nth day after acceptance, and again after a 重办. */
  replyDays: CASE_TIME_LIMITS.replyDays,
  /** A reply nobody rated is closed by the scheduler after this many days. */
  autoCloseDays: CASE_TIME_LIMITS.autoCloseDays,
  /** A case closed without a satisfied rating may be reopened within this many days. */
  reopenWindowDays: CASE_TIME_LIMITS.reopenWindowDays,
  /** 重办 at most this many times. */
  maxReopens: MAX_REOPENS,
  /** The resident's contact is removed this many days after the case ended. */
  contactRetentionDays: CONTACT_RETENTION_DAYS,
} as const;

export type HelpLimits = { [K in keyof typeof HELP_LIMITS]: number };
