/**
 * Who may see and join whose case (我也遇到). A case is shown to other residents only when its
 * resident allowed it at submission (允许公开，隐去个人信息 — never for an anonymous case) and
 * an officer accepted it; it can be joined while it is still being handled (accepted …
 * replied), never before acceptance or after it ended. Pure.
 */
import type { CaseStatus } from '../../../typings/case';

/** Open and accepted: what the compose page may suggest and a resident may join. */
export const JOINABLE_STATUSES = ['accepted', 'transferred', 'in_progress', 'replied'] as const satisfies readonly CaseStatus[];

/** The submission's choice as stored: absent means allowed, and an anonymous case is never public. */
export function publicConsentOf(submission: { readonly public?: boolean; readonly anonymous?: boolean }): boolean {
  return !submission.anonymous && submission.public !== false;
}

/** What joining looks at (the case document's fields; older cases have no `publicConsent`: not public). */
export interface JoinableFacts {
  readonly status: CaseStatus;
  readonly acceptedAt?: Date | string;
  readonly publicConsent?: boolean;
  readonly anonymous?: boolean;
}

/** Open, accepted and allowed by its resident. */
export function isJoinable(facts: JoinableFacts): boolean {
  return (JOINABLE_STATUSES as readonly CaseStatus[]).includes(facts.status) && !!facts.acceptedAt && facts.publicConsent === true && facts.anonymous !== true;
}

/** One join per case and person: a second join finds the first (idempotent by its id). */
export const joinId = (caseId: string, openid: string): string => `${caseId}:${openid}`;

/**
 * Who reads what joiners added (notes, photos — never who they are): the case's handlers — the
 * station's officers, the district office, and the deputy it is assigned to. The caller has
 * already checked that the reader may read the case at all.
 */
export function seesJoinNotes(reader: { readonly role: string; readonly deputyId?: string }, state: { readonly assignedDeputyId?: string }): boolean {
  if (reader.role === 'officer' || reader.role === 'admin') return true;
  return reader.role === 'deputy' && !!reader.deputyId && reader.deputyId === state.assignedDeputyId;
}

/** What the handlers' list of joiners' notes shows at most (newest first). */
export const JOIN_NOTES_SHOWN = 50;
