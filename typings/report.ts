/**
 * 述职报告: a deputy's report to the voters (the fifth item of the 五上墙) and the voters'
 * anonymous ratings of it. Types only.
 */
import type { PhotoView, RatingValue } from './case';
import type { DutyItem } from './workspace';

/**
 * The voters' ratings of one report. Anonymous to everyone, the deputy included: counts only.
 * 满意率 = (满意 + 基本满意) ÷ total, shown as a rate only from `minimum` ratings, always with its count.
 */
export interface ReportRatings {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  total: number;
  /** 0–1; null while `total` < `minimum`. */
  rate: number | null;
  /** The sample a rate needs (10). */
  minimum: number;
}

export interface ReportSummary {
  id: string;
  deputy: { id: string; name: string };
  title: string;
  /** What the report covers, 'YYYY-MM-DD' both included (usually a calendar year). */
  period: { from: string; to: string };
  publishedAt: string;
  /** Ratings are taken until this instant (publishedAt + the configured window, 30 days by default). */
  ratingClosesAt: string;
  ratingOpen: boolean;
  ratings: ReportRatings;
  /** The first photo's short-lived URL, for the list. */
  coverUrl?: string;
}

/** A rating's comment as the deputy, the station's officers and the district office read it: never who wrote it. */
export interface ReportComment {
  rating: RatingValue;
  /** Numbers masked, as in every public text. */
  comment: string;
  at: string;
}

export interface ReportDetail extends ReportSummary {
  content: string;
  photos: PhotoView[];
  /** The deputy's stations when it was published. */
  stations: { id: string; name: string }[];
  /** The duty record (履职档案) over `period`, taken by the system at publication — not typed in. */
  duty: DutyItem[];
  /** Who published it: the deputy, or a liaison officer on the deputy's behalf. */
  publishedBy: 'deputy' | 'officer';
  /** The caller's own rating, if they rated (residents only). */
  myRating?: RatingValue;
  /** True when the caller is a resident who has not rated and the window is open. */
  canRate: boolean;
  /** Only for the deputy, officers of the deputy's stations and the district office; newest first, at most 50. */
  comments?: ReportComment[];
}

export interface PublishReportInput {
  /** Client idempotency key (8–64 of [A-Za-z0-9_-]): a retry never publishes twice. */
  requestId: string;
  /** The deputy reported on: a deputy publishes only their own (absent = themselves); an officer names a deputy of their stations. */
  deputyId?: string;
  /** Absent → '<姓名>代表<年>年度履职情况报告'; at most 40 characters. */
  title?: string;
  /** 'YYYY-MM-DD' both included, at most 366 days, not after today. */
  period: { from: string; to: string };
  /** 1–5,000 characters, checked like every text (WeChat's content check). */
  content: string;
  /** Up to 9, uploaded to paths from `case.uploadPaths` issued to the publisher. */
  photoFileIds?: string[];
}

export interface ListReportsInput {
  /** Exactly one: the reports of a station's deputies, or one deputy's. */
  stationId?: string;
  deputyId?: string;
  /** 0-based page of 20, newest first. */
  page?: number;
}

export interface ListReportsOutput {
  reports: ReportSummary[];
  hasMore: boolean;
}

export interface RateReportInput {
  reportId: string;
  rating: RatingValue;
  /** Optional, at most 200 characters, checked like every text. */
  comment?: string;
}
