/**
 * 立法意见征集: the limits the typings (typings/consultation.ts) promise, in one place for the
 * schemas, the parser and the use cases. Pure.
 */
import type { CommentStatus } from '../../../typings/consultation';

export const CONSULTATION_RULES = {
  titleMax: 60,
  askedByMax: 40,
  summaryMax: 1000,
  textMax: 100_000,
  articlesMin: 1,
  articlesMax: 500,
  maxAttachments: 9,
  /** closesOn is at least this many days after today (Shanghai): residents need time to read. */
  minOpenDays: 7,
  commentMax: 1000,
  bylineMax: 20,
  reasonMin: 2,
  reasonMax: 200,
  noteMin: 2,
  noteMax: 200,
  /** A page of articles (get) and of lists. */
  pageSize: 20,
  mineMax: 50,
  /** What the QR code says, before the code: a scan of a case's claim code is told apart. */
  payloadPrefix: 'LLZ-OPINION:',
} as const;

export const COMMENT_STATUSES = ['pending', 'submitted', 'withdrawn', 'forwarded', 'duplicate', 'declined'] as const satisfies readonly CommentStatus[];

/** Counted in the published figures: a resident stands behind it and has not taken it back. */
export const COUNTED_STATUSES: readonly CommentStatus[] = ['submitted', 'forwarded', 'duplicate', 'declined'];

export const isCounted = (status: CommentStatus): boolean => COUNTED_STATUSES.includes(status);

/** 总体意见: a comment on the whole draft. */
export const GENERAL_ARTICLE = 0;
export const GENERAL_LABEL = '总体意见';
export const ANONYMOUS = '匿名';
