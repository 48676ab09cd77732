/**
 * The figures 使用说明 quotes. A mini-program file may not import runtime values from outside
 * miniprogram/, so these are copies of what the back end enforces — CASE_TIME_LIMITS in
 * backend/domain/case/deadlines.ts, MAX_REOPENS in backend/domain/case/case.status.ts and
 * config/retention.json — and test/miniprogram/help-page.test.ts fails when any differs.
 */
export const HELP_LIMITS = {
  /** 受理: by the end of the 3rd calendar day after submission. */
  acceptDays: 3,
  /** 答复: by the end of the 15th day after acceptance, and again after a 重办. */
  replyDays: 15,
  /** A reply nobody rated is closed by the scheduler after this many days. */
  autoCloseDays: 15,
  /** A case closed without a satisfied rating may be reopened within this many days. */
  reopenWindowDays: 30,
  /** 重办 at most this many times. */
  maxReopens: 2,
  /** The resident's contact is removed this many days after the case ended. */
  contactRetentionDays: 180,
} as const;

export type HelpLimits = { [K in keyof typeof HELP_LIMITS]: number };
