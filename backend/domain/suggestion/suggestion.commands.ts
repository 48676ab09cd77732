/**
 * The commands of the lifecycle with their already-checked input, and what one step yields:
 * the document after it and exactly one event. Names, unit names and file kinds are resolved by
 * the use case before the decision; the decision itself reads nothing.
 */
import type { SuggestionRating, SuggestionResult } from '../../../typings/suggestion';
import type { SuggestionAttachment, SuggestionDocument, SuggestionEventDocument } from './suggestion.document';
import type { SuggestionCommandKind } from './suggestion.table';

export interface UnitRef {
  readonly id: string;
  readonly name: string;
}

/** What a save writes: the text, the files, the co-signers (named) and the linked cases with their stations. */
export interface DraftFields {
  readonly title: string;
  readonly problem: string;
  readonly proposal: string;
  readonly attachments: readonly SuggestionAttachment[];
  readonly cosigners: readonly { deputyId: string; name: string }[];
  readonly caseIds: readonly string[];
  /** The author's stations ∪ the linked cases' stations. */
  readonly stationIds: readonly string[];
  readonly contentCheck?: 'pending';
}

export type SuggestionCommand =
  | { kind: 'edit'; draft: DraftFields }
  | { kind: 'submit' }
  | { kind: 'withdraw' }
  | { kind: 'cosign'; confirm: boolean }
  | { kind: 'accept'; number: string; year: number; note?: string }
  | { kind: 'return'; reason: string }
  | { kind: 'convert'; note: string }
  | { kind: 'assign'; lead: UnitRef; assists: readonly UnitRef[]; deadline?: string }
  | { kind: 'request_reroute'; reason: string }
  | { kind: 'request_extension'; reason: string; until: string }
  | { kind: 'grant'; note?: string; lead?: UnitRef; assists?: readonly UnitRef[] }
  | { kind: 'deny'; note?: string }
  | { kind: 'assist'; opinion: string }
  | { kind: 'answer'; text: string; attachmentFileId?: string; result: SuggestionResult; publishable: boolean }
  | { kind: 'rate'; rating: SuggestionRating; comment?: string };

export type CommandsListed = SuggestionCommand['kind'] extends SuggestionCommandKind ? (SuggestionCommandKind extends SuggestionCommand['kind'] ? true : never) : never;

/** One applied step: the whole document after it (version + 1) and its one event (seq = that version). */
export interface SuggestionStep {
  readonly next: SuggestionDocument;
  readonly event: SuggestionEventDocument;
}

/** Where the residents' notices go: the linked cases that have a resident to tell. */
export interface StepFacts {
  readonly ownedCaseIds: readonly string[];
}
