/**
 * 立法意见征集: the district office publishes a draft law for comment at some or all of its
 * stations (基层立法联系点); residents comment on the whole draft or on one article; officers
 * of each station review the comments; after closing the office compiles the forwarded ones
 * into a report per article (PDF + CSV) and, when the legislature answers, marks which were
 * adopted (采纳) — and each adopted commenter is told. Types only.
 *
 * The life of a consultation:  open ─(closesOn passes)→ closed ─compile→ reported
 * (open/closed is the calendar's: open until the end of `closesOn`, Shanghai time.)
 * The life of a comment:
 *   pending (recorded by an officer, not yet confirmed by its resident) ─claim→ submitted
 *   submitted ─withdraw (its resident, while open)→ withdrawn
 *   submitted ─review (officers, until compiled)→ forwarded | duplicate | declined (and back: a review can be changed)
 *   forwarded ─adopt (the office, once reported)→ forwarded with `adoption`
 */
import type { VisitClaim } from './visit';

export type ConsultationStatus = 'open' | 'closed' | 'reported';

export type CommentStatus = 'pending' | 'submitted' | 'withdrawn' | 'forwarded' | 'duplicate' | 'declined';

/** An officer's decision on one comment. */
export type CommentReview = 'forward' | 'duplicate' | 'decline';

export interface ConsultationArticle {
  /** 1-based article number (第N条); unique in the draft. */
  no: number;
  /** '第一条', as the draft prints it. */
  label: string;
  /** The chapter it sits in ('第一章 总则'); absent when the draft has no chapters. */
  chapter?: string;
  text: string;
  /** Comments on this article, counted once the consultation is published (submitted + reviewed, not withdrawn or pending). */
  comments: number;
}

export interface PublishConsultationInput {
  /** Client idempotency key (8–64 of [A-Za-z0-9_-]): a retry answers the same consultation. */
  requestId: string;
  /** The draft's title, ≤ 60 characters: 《中华人民共和国××法（草案）》. */
  title: string;
  /** The body asking (征求意见机关), ≤ 40: 全国人大常委会法制工作委员会. */
  askedBy: string;
  /** ≤ 1,000 characters. */
  summary: string;
  /**
   * The draft as plain text: lines starting 第X章 open a chapter, lines starting 第X条 open an
   * article (X in Chinese numerals or digits); text before the first article is ignored. 1–500
   * articles, ≤ 100,000 characters in all.
   */
  text: string;
  /** ≤ 9 photos or PDFs uploaded to paths from consultation.uploadPaths. */
  attachmentFileIds?: string[];
  /** Stations of the office's district taking part; absent or empty: all of them. */
  stationIds?: string[];
  /** 'YYYY-MM-DD', at least 7 days after today (Shanghai); comments are taken until the end of that day. */
  closesOn: string;
}

export interface ConsultationRef {
  consultationId: string;
}

export interface ConsultationFile {
  fileId: string;
  kind: 'photo' | 'pdf';
  url: string;
}

/** As a station's page and the lists show it. */
export interface ConsultationSummary {
  id: string;
  title: string;
  askedBy: string;
  status: ConsultationStatus;
  closesOn: string;
  publishedAt: string;
  articleCount: number;
  /** Comments counted (see ConsultationArticle.comments) and distinct commenters. */
  comments: number;
  participants: number;
  /** Comments marked 采纳 (0 until the legislature answers). */
  adopted: number;
}

export interface GetConsultationInput extends ConsultationRef {
  /** 0-based page of 20 articles. */
  articlePage?: number;
}

export interface ConsultationDetail extends ConsultationSummary {
  summary: string;
  attachments: ConsultationFile[];
  stations: { id: string; name: string }[];
  /** Comments on the whole draft (articleNo 0). */
  generalComments: number;
  /** One page of 20 articles, in order. */
  articles: ConsultationArticle[];
  articlePage: number;
  hasMoreArticles: boolean;
  /** What the caller may do now. */
  can: { comment: boolean; review: boolean; compile: boolean; adopt: boolean };
}

export interface ListConsultationsInput {
  /** A station's consultations (anyone); absent: the office's whole district (admin only). */
  stationId?: string;
  /** 0-based page of 20. */
  page?: number;
}

export interface ListConsultationsOutput {
  /** Open ones first (nearest closing first), then the rest, latest closing first. */
  consultations: ConsultationSummary[];
  page: number;
  hasMore: boolean;
  /** A station's list only: comments from this station marked 采纳, over all its consultations. */
  stationAdopted?: number;
}

export interface CommentInput {
  /** Client idempotency key (8–64 of [A-Za-z0-9_-]). */
  requestId: string;
  consultationId: string;
  /** The station it is given at (one taking part). */
  stationId: string;
  /** 0 or absent: the whole draft; else an article's number. */
  articleNo?: number;
  /** 1–1,000 characters, checked like every text. */
  text: string;
  /** What to print with the comment (optional; anonymous by default), ≤ 20 each. */
  printedName?: string;
  occupation?: string;
  /** For feedback (optional): a name and a mainland mobile or landline. Seen only by the station's officers and the office. */
  contact?: { name?: string; phone: string };
}

/** An officer records a comment heard in person; the resident may confirm it with the code. */
export type RecordCommentInput = CommentInput;

export interface CommentView {
  id: string;
  consultation: { id: string; title: string; status: ConsultationStatus };
  station: { id: string; name: string };
  articleNo: number;
  /** '第五条' or '总体意见'. */
  articleLabel: string;
  text: string;
  /** The office's light edit for the report; the resident and the report keep `text` as submitted beside it. */
  editedText?: string;
  printedName?: string;
  occupation?: string;
  /** Its resident, the station's officers and the office only. */
  contact?: { name?: string; phone: string };
  status: CommentStatus;
  /** Officers' reason for declining; the comment it duplicates. */
  declineReason?: string;
  duplicateOf?: string;
  recordedBy: 'resident' | 'officer';
  createdAt: string;
  /** Set once the office marks it adopted (已采纳). */
  adoption?: { note: string; at: string };
  /** Its resident while the consultation is open. */
  canWithdraw: boolean;
}

export interface RecordCommentOutput {
  comment: CommentView;
  /** The resident scans it to confirm the comment as theirs and get the feedback. */
  claim: VisitClaim;
}

export interface ClaimCommentInput {
  /** As printed or scanned (the payload 'LLZ-OPINION:<code>'s code part), case-insensitive. */
  code: string;
}

export interface MyCommentsOutput {
  /** Latest first, at most 50; withdrawn ones included. */
  comments: CommentView[];
}

export interface ListCommentsInput extends ConsultationRef {
  /** Officers: one of their stations (required when they have several); the office: any or all. */
  stationId?: string;
  status?: CommentStatus;
  articleNo?: number;
  /** 0-based page of 20. */
  page?: number;
}

export interface ListCommentsOutput {
  comments: CommentView[];
  page: number;
  hasMore: boolean;
  /** Counts by status over the filter without `status`. */
  counts: Record<CommentStatus, number>;
}

export interface ReviewCommentInput {
  commentId: string;
  review: CommentReview;
  /** duplicate: the comment (same consultation, not itself a duplicate) it repeats. */
  duplicateOf?: string;
  /** decline: 2–200 characters. */
  reason?: string;
}

export interface EditCommentInput {
  commentId: string;
  /** The office's light edit for the report, 1–1,000; the original stays. Empty string: back to the original. */
  editedText: string;
}

export interface AdoptCommentInput {
  commentId: string;
  /** How it was adopted, 2–200 characters: 第十二条增加了…. */
  note: string;
}

/** One article of the compiled report. */
export interface ReportArticle {
  /** 0: 总体意见. */
  articleNo: number;
  label: string;
  /** Forwarded comments on it (duplicates merged into the one they repeat). */
  count: number;
  comments: {
    id: string;
    station: string;
    /** The edited text when there is one, else as submitted. */
    text: string;
    /** As submitted, when edited. */
    originalText?: string;
    /** The printed name and occupation, or '匿名'. */
    byline: string;
    /** How many duplicates were merged into it. */
    merged: number;
  }[];
}

/** 征集意见汇总: compiled by the office after closing, stored like the other documents. */
export interface ConsultationReport {
  consultationId: string;
  title: string;
  askedBy: string;
  closesOn: string;
  compiledAt: string;
  /** Every station taking part, with the count of comments forwarded from it. */
  stations: { id: string; name: string; forwarded: number }[];
  /** Distinct commenters whose comments were counted (all statuses but pending and withdrawn). */
  participants: number;
  /** Comments counted, and forwarded. */
  received: number;
  forwarded: number;
  /** Articles with at least one forwarded comment, in order; 总体意见 first. */
  articles: ReportArticle[];
  pdf: { fileId: string; url: string };
  csv: { fileId: string; url: string };
}
