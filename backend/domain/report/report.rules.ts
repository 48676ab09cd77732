/**
 * The fixed limits of a 述职报告 and the configured ones (config/reports.json), checked when the
 * function loads: a typo fails the function at start instead of closing ratings for everyone.
 */

export const REPORT_RULES = {
  /** A title a list row can show. */
  titleMax: 40,
  contentMax: 5000,
  /** wx.chooseMedia picks at most 9 at once. */
  maxPhotos: 9,
  /** A report covers at most a year (366 days over a 29 February), both ends included. */
  maxPeriodDays: 366,
  commentMax: 200,
  /** Reports per page of report.list. */
  pageSize: 20,
  /** Comments report.get shows to those who may read them, newest first. */
  commentsShown: 50,
} as const;

export interface ReportSettings {
  /** Days after publication while residents may rate. */
  readonly ratingWindowDays: number;
  /** Reports one deputy may have published in any 24 hours (by themselves or by officers for them). */
  readonly maxPublishedPerDeputyPerDay: number;
}

function wholeNumber(config: Record<string, unknown>, key: keyof ReportSettings, min: number, max: number): number {
  const value = config[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`config/reports.json: ${key} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** The settings, checked: a rating window of 1–365 days and at least one report a day. */
export function reportSettings(config: Record<string, unknown>): ReportSettings {
  return {
    ratingWindowDays: wholeNumber(config, 'ratingWindowDays', 1, 365),
    maxPublishedPerDeputyPerDay: wholeNumber(config, 'maxPublishedPerDeputyPerDay', 1, 100),
  };
}
