/**
 * Timeline events. An event is appended once and never edited or deleted: the timeline is
 * the case's public record of who did what, when. Kinds are past tense; each has its data.
 */
import type { CaseEventKind } from '../../../typings/case';
import type { Assert, ListsEvery } from '../exhaustive';
import type { ActorRole } from './actor';
import type { CaseCommandKind } from './case.commands';
import type { CaseCategory, ClosureHow, RatingValue, TransferRoute } from './case.state';
import type { CaseStatus } from './case.status';

export const CASE_EVENT_KINDS = [
  'submitted',
  'withdrawn',
  'supplemented',
  'rated',
  'reopened',
  'accepted',
  'rejected',
  'assigned',
  'transferred',
  'started',
  'replied',
  'answer_recorded',
  'supervised',
  'followed_up',
  'closed',
  'merged',
  'transfer_requested',
  'suggestion_marked',
] as const satisfies readonly CaseEventKind[];

export type { CaseEventKind };
export type AllEventKindsListed = Assert<ListsEvery<typeof CASE_EVENT_KINDS, CaseEventKind>>;

/** The structured part of each kind of event; free text goes in `note`. */
export interface CaseEventData {
  submitted: { category: CaseCategory; anonymous: boolean; targetDeputyId?: string };
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

/** The event kind each command records (escalate records a supervision, auto_close a closing). */
export const COMMAND_EVENT = {
  withdraw: 'withdrawn',
  supplement: 'supplemented',
  rate: 'rated',
  request_reopen: 'reopened',
  accept: 'accepted',
  reject: 'rejected',
  assign: 'assigned',
  transfer: 'transferred',
  start: 'started',
  reply: 'replied',
  record_answer: 'answer_recorded',
  supervise: 'supervised',
  follow_up: 'followed_up',
  close: 'closed',
  merge: 'merged',
  auto_close: 'closed',
  escalate: 'supervised',
  request_transfer: 'transfer_requested',
  mark_suggestion: 'suggestion_marked',
} as const satisfies Readonly<Record<CaseCommandKind, CaseEventKind>>;

export type EventKindOf<K extends CaseCommandKind> = (typeof COMMAND_EVENT)[K];
