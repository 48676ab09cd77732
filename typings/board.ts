/**
 * What residents see of each other's cases: 我也遇到 (joining an open case instead of filing a
 * duplicate) and the public board of results (办理公开). Only cases whose resident allowed it
 * (允许公开，隐去个人信息) and that an officer accepted; never anyone's content, contact or
 * identity. Types only.
 */
import type { CaseCategory, CaseStatus, PhotoView, RatingValue } from './case';
import type { RateView } from './workspace';

/** How a case reached 已办结, as the board says it. */
export type PublicClosure = 'rating' | 'officer' | 'auto' | 'merge';

/** One case as any resident may see it. Titles and reply texts have their numbers masked. */
export interface PublicCase {
  id: string;
  title: string;
  category: CaseCategory;
  status: CaseStatus;
  station: { id: string; name: string };
  submittedAt: string;
  acceptedAt?: string;
  repliedAt?: string;
  closedAt?: string;
  /** The handlers' latest reply (or the receiving body's recorded answer), numbers masked. */
  reply?: string;
  closure?: PublicClosure;
  rating?: RatingValue;
  /** 附议: residents who joined with 我也遇到. */
  joinCount: number;
  /** station.publicCase to a signed-in caller only (absent when WeChat identified nobody): whether it is their own case, and whether they joined it. */
  viewer?: { own: boolean; joined: boolean };
}

/** A look-alike open case shown while composing: nothing of its content. */
export interface SimilarCase {
  id: string;
  title: string;
  category: CaseCategory;
  status: CaseStatus;
  joinCount: number;
  submittedAt: string;
  /** Metres, when both cases have a location. */
  distance?: number;
  /** The caller already joined it. */
  joined: boolean;
}

export interface SimilarCasesInput {
  stationId: string;
  category?: CaseCategory;
  title?: string;
  content?: string;
  latitude?: number;
  longitude?: number;
}

export interface SimilarCasesOutput {
  /** At most 5, most alike first. */
  cases: SimilarCase[];
}

export interface JoinCaseInput {
  caseId: string;
  /** Optional, seen only by the case's handlers; a second join replaces the note (≤ 500 characters, checked like every text). */
  note?: string;
  /** Up to 6, from `case.uploadPaths`, seen only by the case's handlers. */
  photoFileIds?: string[];
}

export interface JoinView {
  caseId: string;
  joined: boolean;
  joinCount: number;
}

/** A case the caller joined, for 我的留言 (我也遇到的). */
export interface JoinedCase extends PublicCase {
  joinedAt: string;
}

export interface JoinedCasesOutput {
  /** Newest join first, at most 50. */
  cases: JoinedCase[];
}

/** A joiner's note as the case's handlers read it (never who wrote it). */
export interface JoinNoteView {
  at: string;
  note?: string;
  photos: PhotoView[];
}

export interface BoardInput {
  /** Exactly one: one station's board, or the whole district's (the district of that name). */
  stationId?: string;
  district?: string;
  /** Closed in this month 'YYYY-MM' (Shanghai); absent → the last 12 months. */
  month?: string;
  /** 0-based page of 20, latest closed first. */
  page?: number;
}

/** One month of the board's figures, with the district office's sample rules: no rate without a sample. */
export interface BoardMonth {
  /** 'YYYY-MM'. */
  month: string;
  received: number;
  closed: number;
  responseRate: RateView;
  closureRate: RateView;
  satisfactionRate: RateView;
}

export interface BoardOutput {
  scope: { stationId?: string; district: string; name: string };
  cases: PublicCase[];
  hasMore: boolean;
  /** The last 12 months, oldest first (computed on page 0 only; empty on later pages). */
  months: BoardMonth[];
}
