/**
 * The duty record covers a calendar year in Shanghai time (the quotas of seed `003` are
 * yearly): 1 January 00:00 to 31 December 24:00 Beijing time.
 */
import { shanghaiDate } from '../calendar';
import { periodInstants } from '../figures';
import { number, object, optional } from '../validation';

export const DUTY_YEARS = { min: 2000, max: 2100 } as const;

export interface DutyYear {
  readonly year: number;
  /** 'YYYY-MM-DD', both included. */
  readonly from: string;
  readonly to: string;
  /** `start` included, `end` excluded. */
  readonly start: Date;
  readonly end: Date;
}

/** Any span of days the record is counted over: a calendar year, or a 述职报告's period. */
export interface DutyPeriod {
  /** 'YYYY-MM-DD', both included. */
  readonly from: string;
  readonly to: string;
  /** `start` included, `end` excluded. */
  readonly start: Date;
  readonly end: Date;
}

export function dutyPeriod(from: string, to: string): DutyPeriod {
  return { from, to, ...periodInstants({ from, to }) };
}

export function dutyYear(year: number): DutyYear {
  return { year, ...dutyPeriod(`${year}-01-01`, `${year}-12-31`) };
}

/** The year in Shanghai at this instant: on 31 December at 16:30 UTC it is already next year there. */
export const currentDutyYear = (now: Date): number => Number(shanghaiDate(now).slice(0, 4));

export const dutyRecordInput = object({ year: optional(number('年份', { ...DUTY_YEARS, integer: true })) });
