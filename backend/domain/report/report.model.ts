/**
 * A 述职报告 and a rating as stored (`reports`, `report_ratings`). Dates are Date; the data layer
 * reads them back into this shape.
 */
import type { RatingValue } from '../../../typings/case';
import type { DutyItem } from '../../../typings/workspace';
import type { RatingCounts } from './report.ratings';
import type { ReportPeriod } from './report.period';

export interface ReportRecord {
  readonly _id: string;
  readonly deputyId: string;
  readonly deputyName: string;
  /** The deputy's stations when it was published: the station lists and who reads comments. */
  readonly stationIds: readonly string[];
  readonly stations: readonly { id: string; name: string }[];
  /** The districts of those stations: whose district office reads the comments. */
  readonly districts: readonly string[];
  readonly title: string;
  readonly period: ReportPeriod;
  readonly content: string;
  readonly photoFileIds: readonly string[];
  /** The duty record over the period, taken at publication. */
  readonly duty: readonly DutyItem[];
  readonly publishedBy: 'deputy' | 'officer';
  /** The deputy's or the officer's record id. */
  readonly publisherId: string;
  readonly publishedAt: Date;
  readonly ratingClosesAt: Date;
  /** Kept by the same transaction that writes each rating. */
  readonly ratings: RatingCounts;
  /** WeChat's content check could not answer: published, flagged for a person to read. */
  readonly contentCheck?: 'pending';
}

export interface RatingRecord {
  /** ratingIdFor(report, openid) while the rater's account exists; a random id after it is deleted. */
  readonly _id: string;
  readonly reportId: string;
  /** Only for the rater's own export and myRating; removed when the account is deleted. */
  readonly raterOpenid?: string;
  readonly rating: RatingValue;
  readonly comment?: string;
  readonly commentCheck?: 'pending';
  readonly at: Date;
}
