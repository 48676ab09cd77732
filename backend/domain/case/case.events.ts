/**
 * Timeline events. An event is appended once and never edited or deleted: the timeline is
 * the case's public record of who did what, when. Kinds are past tense; each has its data.
 */
import type { CaseEventKind } from '../../../typings/case';
import type { ActorRole } from './actor';
import type { CaseCategory, ClosureHow, RatingValue, TransferRoute } from './case.state';
import type { CaseStatus } from './case.status';

export type { CaseEventKind };

/** The structured part of each kind of event; free text goes in `note`. */
export interface CaseEventData {
  /** source: recorded on a reception day (接待日登记) and submitted on the resident's behalf. */
  submitted: { category: CaseCategory; anonymous: boolean; targetDeputyId?: string; source?: 'reception' };
  withdrawn: undefined;
  supplemented: { photoFileIds: readonly string[] } | undefined;
  rated: { rating: RatingValue };
  reopened: { reopenCount: number; previousRating?: RatingValue };
  /** `category` (and the one it replaced) when the handler chose or corrected it on accepting. */
  accepted: { dueAt: Date; category?: CaseCategory; previousCategory?: CaseCategory };
  rejected: { referral: string };
  assigned: { deputyId: string; previousDeputyId?: string };
  transferred: { route: TransferRoute; receivingBody: string; deadline: Date; viaDeputyLetter: boolean };
  started: undefined;
  replied: { photoFileIds: readonly string[] } | undefined;
  answer_recorded: { from: string };
  supervised: { escalated: boolean; dueAt?: Date };
  followed_up: { photoFileIds: readonly string[] } | undefined;
  closed: { how: ClosureHow; withoutRating: boolean };
  merged: { intoCaseId: string; intoReceiptNo: string };
  transfer_requested: { route?: TransferRoute };
  suggestion_marked: undefined;
}

interface CaseEventOf<K extends CaseEventKind> {
  readonly id: string;
  readonly caseId: string;
  /** 1-based position in the case's timeline; unique per case, so a duplicate append fails. */
  readonly seq: number;
  readonly kind: K;
  readonly actorRole: ActorRole;
  readonly actorId: string;
  readonly at: Date;
  /** null only for `submitted`, the event that creates the case. */
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly note?: string;
  readonly data?: Readonly<CaseEventData[K]>;
}

export type CaseEvent = { [K in CaseEventKind]: CaseEventOf<K> }[CaseEventKind];
