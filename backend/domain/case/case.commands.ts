/**
 * Commands: what someone asks to do to a case. Each is answered by `decide` with either
 * a failure or a new state plus the event(s) to append. Payloads arrive already shaped by
 * the function entry; `decide` still enforces the domain's own requirements on them.
 */
import type { CaseCommandKind } from '../../../typings/case';
import type { CaseState, ChosenCategory, RatingValue, TransferRoute } from './case.state';

export type { CaseCommandKind };

/** What the use case loads about the earlier case a duplicate is merged into. */
export type MergeTarget = Pick<CaseState, 'id' | 'receiptNo' | 'stationId' | 'submittedAt' | 'status' | 'closure'>;

export type CaseCommand =
  | { readonly kind: 'withdraw'; readonly reason?: string }
  | { readonly kind: 'supplement'; readonly note: string; readonly photoFileIds?: readonly string[] }
  | { readonly kind: 'rate'; readonly rating: RatingValue; readonly comment?: string }
  | { readonly kind: 'request_reopen'; readonly reason: string }
  /** `category`: chosen for a 不确定 case, or corrected; absent keeps the case's own. */
  | { readonly kind: 'accept'; readonly note?: string; readonly category?: ChosenCategory }
  | { readonly kind: 'reject'; readonly reason: string; readonly referral: string }
  | {
      readonly kind: 'assign';
      readonly deputyId: string;
      /** The deputy's stations as stored, so the domain can check they serve this station. */
      readonly deputyStationIds: readonly string[];
      readonly note?: string;
    }
  | {
      readonly kind: 'transfer';
      readonly route: TransferRoute;
      readonly receivingBody: string;
      readonly deadline: Date;
      readonly note?: string;
    }
  | { readonly kind: 'start'; readonly note?: string }
  | { readonly kind: 'reply'; readonly content: string; readonly photoFileIds?: readonly string[] }
  | { readonly kind: 'record_answer'; readonly content: string; readonly from?: string }
  | { readonly kind: 'supervise'; readonly note: string }
  | { readonly kind: 'follow_up'; readonly note: string; readonly photoFileIds?: readonly string[] }
  | { readonly kind: 'close'; readonly note?: string }
  | { readonly kind: 'merge'; readonly into: MergeTarget }
  | { readonly kind: 'auto_close' }
  | { readonly kind: 'escalate' }
  | { readonly kind: 'request_transfer'; readonly note: string; readonly route?: TransferRoute }
  | { readonly kind: 'mark_suggestion'; readonly note?: string };

export type CommandOf<K extends CaseCommandKind> = Extract<CaseCommand, { kind: K }>;
