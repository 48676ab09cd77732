/**
 * `suggestion.document`: the printable 代表建议 (for its parties) or its 交办单 (for the office
 * and the units it is assigned to), rendered by documents/, stored at
 * `suggestion-documents/<id>/<kind>.pdf` and handed out as a short-lived URL. Who may print
 * which is the pure rule of domain/suggestion/suggestion.print.ts. Each document is dated and
 * stamped from the suggestion (its submission, its first assignment), so printing it again
 * without a change prints the same file.
 */
import type { SuggestionDocumentInput, SuggestionDocumentOutput } from '../../../typings/suggestion';
import { shanghaiDate } from '../../domain/calendar';
import { fail, ok, type Result } from '../../domain/result';
import type { SuggestionDocument } from '../../domain/suggestion/suggestion.document';
import { mayPrint } from '../../domain/suggestion/suggestion.print';
import { linkableCases } from '../../data/suggestion-cases';
import { findSuggestion } from '../../data/suggestions';
import { renderAssignmentSheet, type AssignmentSheet } from '../../documents/assignment-sheet';
import { renderDeputySuggestion, UNNUMBERED, type DeputySuggestion } from '../../documents/deputy-suggestion';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { storeLetter } from '../cases/letter-file';
import { suggestionCaller } from './caller';
import { SUGGESTION_NOT_FOUND } from './read-suggestions';

export const suggestionDocumentPath = (suggestionId: string, kind: SuggestionDocumentInput['kind']): string => `suggestion-documents/${suggestionId}/${kind}.pdf`;

export async function issueSuggestionDocument(db: Database, who: ResolvedActor, input: SuggestionDocumentInput): Promise<Result<SuggestionDocumentOutput>> {
  const doc = await findSuggestion(db, input.suggestionId);
  if (!doc) return fail('NOT_FOUND', SUGGESTION_NOT_FOUND);
  const allowed = mayPrint(input.kind, suggestionCaller(who), doc);
  if (!allowed.ok) return allowed.failure.code === 'NOT_FOUND' ? fail('NOT_FOUND', SUGGESTION_NOT_FOUND) : allowed;
  if (input.kind === 'suggestion') {
    const cases = await linkableCases(db, doc.caseIds);
    const receiptNos = doc.caseIds.flatMap((id) => cases.get(id)?.receiptNo ?? []);
    const pdf = await renderDeputySuggestion(suggestionFacts(doc, receiptNos), { now: doc.submittedAt ?? doc.createdAt });
    return ok(await storeLetter(suggestionDocumentPath(doc._id, input.kind), pdf));
  }
  const sheet = assignmentFacts(doc);
  if (!sheet) return fail('ILLEGAL_TRANSITION', '这件建议还没有交办，没有交办单');
  const pdf = await renderAssignmentSheet(sheet, { now: doc.firstAssignedAt });
  return ok(await storeLetter(suggestionDocumentPath(doc._id, input.kind), pdf));
}

const confirmed = (doc: SuggestionDocument) => doc.cosigners.filter((cosigner) => cosigner.status === 'confirmed');

export function suggestionFacts(doc: SuggestionDocument, receiptNos: string[]): DeputySuggestion {
  return {
    district: doc.district,
    ...(doc.number ? { number: doc.number } : {}),
    title: doc.title,
    authorName: doc.deputyName,
    cosignerNames: confirmed(doc).map((cosigner) => cosigner.name),
    problem: doc.problem,
    proposal: doc.proposal,
    receiptNos,
    attachments: doc.attachments.map((attachment) => ({ kind: attachment.kind })),
    date: shanghaiDate(doc.submittedAt ?? doc.createdAt),
  };
}

/** The 交办单's facts; none before the suggestion has a lead unit. */
export function assignmentFacts(doc: SuggestionDocument): AssignmentSheet | undefined {
  const lead = doc.assignments.find((a) => a.role === 'lead');
  if (!lead || !doc.firstAssignedAt) return undefined;
  // Deadlines are the end of a Beijing day (23:59:59.999): its date is that day.
  const unit = (a: SuggestionDocument['assignments'][number]) => ({ name: a.unitName, deadline: shanghaiDate(a.deadline) });
  return {
    district: doc.district,
    number: doc.number ?? UNNUMBERED,
    title: doc.title,
    authorName: doc.deputyName,
    cosigners: confirmed(doc).length,
    lead: unit(lead),
    assists: doc.assignments.filter((a) => a.role === 'assist').map(unit),
    assignedOn: shanghaiDate(doc.firstAssignedAt),
  };
}
