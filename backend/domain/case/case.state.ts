/**
 * The case document as the domain sees it. Every field is readonly: a change is a new
 * state returned by `decide`, never an edit, so a use case can compare before and after.
 */
import type { CaseCategory, RatingValue, TransferRoute } from '../../../typings/case';
import type { GeoPoint } from '../../../typings/models';
import type { Assert, ListsEvery } from '../exhaustive';
import type { CaseHold } from './case.hold';
import type { CaseStatus } from './case.status';

export type { CaseCategory, RatingValue, TransferRoute };

/** 意见 / 建议 / 求助 / 投诉 / 不确定 */
export const CASE_CATEGORIES = ['opinion', 'suggestion', 'help', 'complaint', 'unsure'] as const satisfies readonly CaseCategory[];
export type AllCategoriesListed = Assert<ListsEvery<typeof CASE_CATEGORIES, CaseCategory>>;

/** What a resident who did not choose gets: the handler who accepts the case chooses then. */
export const UNSURE_CATEGORY = 'unsure' satisfies CaseCategory;

/** The categories a handler may choose: every one but 不确定. */
export type ChosenCategory = Exclude<CaseCategory, 'unsure'>;
export const CHOSEN_CATEGORIES = CASE_CATEGORIES.filter((category): category is ChosenCategory => category !== UNSURE_CATEGORY);

export const RATING_VALUES = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const satisfies readonly RatingValue[];
export type AllRatingsListed = Assert<ListsEvery<typeof RATING_VALUES, RatingValue>>;

/** Ratings that close the case and count towards 满意率. */
export const SATISFIED_RATINGS: readonly RatingValue[] = ['satisfied', 'basically_satisfied'];

/** Routing by jurisdiction (分类处理, seed `003`). */
export const TRANSFER_ROUTES = ['street_office', 'district_committee', 'city_deputy'] as const satisfies readonly TransferRoute[];
export type AllRoutesListed = Assert<ListsEvery<typeof TRANSFER_ROUTES, TransferRoute>>;

/** How a case reached `closed`; figures and reopening depend on it. */
export type ClosureHow = 'rating' | 'officer' | 'auto' | 'merge';

export interface CaseLocation {
  readonly point: GeoPoint;
  readonly address?: string;
}

/** A resident's voice message: an uploaded audio file and its length as the recorder reported it. */
export interface CaseVoice {
  readonly fileId: string;
  /** Whole seconds, 1–60. */
  readonly durationSec: number;
}

export interface CaseContact {
  readonly name?: string;
  readonly phone?: string;
}

export interface CaseTransfer {
  readonly route: TransferRoute;
  /** The body named on the 代表函 or hand-over: 街道办, 区住建局, a city-level deputy … */
  readonly receivingBody: string;
  readonly deadline: Date;
  readonly at: Date;
}

export interface CaseRating {
  readonly value: RatingValue;
  readonly comment?: string;
  readonly at: Date;
}

export interface CaseClosure {
  readonly at: Date;
  readonly how: ClosureHow;
  /** True when nobody rated the answer: such a case never counts as satisfied. */
  readonly withoutRating: boolean;
  /** For merged duplicates: the earlier case that carries the handling. */
  readonly mergedInto?: { readonly id: string; readonly receiptNo: string };
}

export interface CaseState {
  readonly id: string;
  /** 受理编号, e.g. FT20261121-0042 (receipt-number.ts). */
  readonly receiptNo: string;
  readonly stationId: string;
  readonly category: CaseCategory;
  readonly title: string;
  readonly content: string;
  readonly photoFileIds: readonly string[];
  /** Recorded instead of (or beside) the text; same readers as the photos. */
  readonly voice?: CaseVoice;
  readonly location?: CaseLocation;
  /** Anonymous to deputies and the public; liaison officers still see the contact. */
  readonly anonymous: boolean;
  /**
   * 允许公开，隐去个人信息: once accepted, other residents may see the case anonymised (我也遇到,
   * 办理公开). Chosen at submission, never for an anonymous case; cases stored before the choice
   * existed read as false.
   */
  readonly publicConsent: boolean;
  /** The WeChat identity of the resident who owns the case; never shown to anyone. '' for a visit's case nobody claimed yet (owned by no one). */
  readonly ownerOpenid: string;
  /** reception: recorded on a reception day and submitted on the resident's behalf (接待日登记). */
  readonly source?: 'reception';
  readonly contact?: CaseContact;
  /** The deputy the resident addressed, if any; may differ from the one assigned. */
  readonly targetDeputyId?: string;
  /** Set at submission when the addressed deputy was flooded (case.hold.ts); kept as history after triage. */
  readonly held?: CaseHold;
  /** Client idempotency key of the submission. */
  readonly requestId: string;
  readonly status: CaseStatus;
  readonly assignedDeputyId?: string;
  readonly transfer?: CaseTransfer;
  /** The rating of the current reply round; a reopen clears it (the events keep it). */
  readonly rating?: CaseRating;
  readonly closure?: CaseClosure;
  readonly reopenCount: number;
  /** What is due next (acceptance, reply, the receiving body's answer); absent when nothing is. */
  readonly dueAt?: Date;
  readonly lastEscalatedAt?: Date;
  readonly suggestionMarkedAt?: Date;
  readonly submittedAt: Date;
  readonly acceptedAt?: Date;
  /** When an officer refused it (不予受理): the first answer a rejected case got, for the figures. */
  readonly rejectedAt?: Date;
  readonly repliedAt?: Date;
  readonly updatedAt: Date;
  /** Optimistic concurrency: a write succeeds only if the stored version is still the one read. */
  readonly version: number;
  /** Sequence number of the last timeline event; the next event gets lastSeq + 1. */
  readonly lastSeq: number;
}
