/**
 * A person's own data: the export (导出我的数据) and account deletion (注销账号). Types only.
 * Dates are ISO 8601 strings: JSON carries no Date.
 */
import type { BookingView } from './booking';
import type { CaseActorRole, CaseCategory, CaseEventKind, CaseStatus, RatingValue } from './case';
import type { CommentView } from './consultation';
import type { GeoPoint, UserRole } from './models';

export interface ExportAccountInput {
  /** 0-based page of the caller's cases (20 a page, newest first); the rest of the export comes with every page. */
  page?: number;
}

export interface ExportedEvent {
  seq: number;
  kind: CaseEventKind;
  actorRole: CaseActorRole;
  /** True for what the caller did themselves. */
  mine: boolean;
  at: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  note?: string;
  /** Dates as ISO strings, photos as file ids. */
  data?: Record<string, unknown>;
}

export interface ExportedCase {
  id: string;
  receiptNo: string;
  stationId: string;
  stationName: string;
  category: CaseCategory;
  title: string;
  content: string;
  status: CaseStatus;
  anonymous: boolean;
  contact?: { name?: string; phone?: string };
  location?: { point: GeoPoint; address?: string };
  /** Cloud file ids of the photos the caller attached. */
  photoFileIds: string[];
  /** The caller's voice message: its cloud file id and length in seconds. */
  voice?: { fileId: string; durationSec: number };
  targetDeputyId?: string;
  rating?: { value: RatingValue; comment?: string; at: string };
  submittedAt: string;
  updatedAt: string;
  closedAt?: string;
  timeline: ExportedEvent[];
}

/** A booking as its owner sees it, with the contact they left. */
export interface ExportedBooking extends BookingView {
  contact?: { name?: string; phone?: string };
}

export interface AccountExport {
  exportedAt: string;
  openid: string;
  /** The users document, when the account has one (residents often have none). */
  user?: { role: UserRole; createdAt: string };
  cases: ExportedCase[];
  page: number;
  /** More cases on the next page. */
  hasMoreCases: boolean;
  /** Newest first, at most 200. */
  bookings: ExportedBooking[];
  /** Stations followed for reception days, at most 200. */
  follows: { stationId: string; followedAt: string }[];
  /** Subscription messages still allowed per template id (订阅消息 grants). */
  subscriptions: { templateId: string; remaining: number }[];
  /** Cases joined with 我也遇到, newest first, at most 200: what the person added to each. */
  joins: { caseId: string; joinedAt: string; note?: string; photoFileIds: string[] }[];
  /** 述职报告 the person rated, newest first, at most 200: anonymous to everyone else, their own here. */
  reportRatings: { reportId: string; rating: RatingValue; comment?: string; at: string }[];
  /** 代表论坛 / 约见 the person said 我会参加 to, and their questions in advance. */
  eventsAttending?: { receptionId: string; at: string }[];
  eventQuestions?: { receptionId: string; question: string; at: string }[];
  /** 立法意见 the person gave (withdrawn ones too), latest first, 20 a page with the cases' `page`. */
  consultationComments?: CommentView[];
  /** More comments on the next page. */
  hasMoreConsultationComments?: boolean;
}

export interface DeleteAccountInput {
  /** The word 注销, typed by the person: a slip of the finger never deletes an account. */
  confirm: '注销';
}

export interface DeleteAccountOutput {
  /** False when more remains (a resident with very many cases): call again; every step is idempotent. */
  done: boolean;
  /** Cases still waiting for acceptance, withdrawn (撤回) on deletion. */
  casesWithdrawn: number;
  /** Cases kept for the figures and their handling, now without owner or contact. */
  casesAnonymised: number;
  /** Upcoming bookings cancelled (their places given back). */
  bookingsCancelled: number;
}
