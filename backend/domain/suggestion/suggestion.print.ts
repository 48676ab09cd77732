/**
 * Who may print which document of a suggestion (`suggestion.document`), deny by default:
 *
 * - the 代表建议 — its parties: the author, the deputies asked to co-sign, and the office of its
 *   district once it was submitted (a draft is the deputy's own). It lists the linked cases by
 *   受理编号, which units never see, so a unit is refused it;
 * - the 交办单 — the office and the units it is assigned to now (lead or assisting), once it is
 *   assigned; a unit re-routed away from it no longer is.
 *
 * A caller to whom the suggestion is nothing is told NOT_FOUND, as for one that does not exist;
 * a party asking for a document that is not theirs, FORBIDDEN.
 */
import type { SuggestionDocumentInput } from '../../../typings/suggestion';
import { idInput } from '../case/case.input';
import { fail, ok, type Result } from '../result';
import { object, oneOf } from '../validation';
import type { SuggestionDocument } from './suggestion.document';
import { partiesOf, type SuggestionCaller } from './suggestion.party';

export const SUGGESTION_DOCUMENT_KINDS = ['suggestion', 'assignment'] as const satisfies readonly SuggestionDocumentInput['kind'][];

export const suggestionDocumentSchema = object({ suggestionId: idInput('建议编号'), kind: oneOf('文书类别', SUGGESTION_DOCUMENT_KINDS) });

type Printed = Pick<SuggestionDocument, 'deputyId' | 'cosigners' | 'district' | 'leadUnitId' | 'assignments' | 'submittedAt' | 'firstAssignedAt'>;

export function mayPrint(kind: SuggestionDocumentInput['kind'], caller: SuggestionCaller, doc: Printed): Result<true> {
  const parties = partiesOf(caller, doc);
  const deputy = parties.has('author') || parties.has('cosigner');
  const office = parties.has('office') && doc.submittedAt !== undefined;
  const unit = parties.has('lead') || parties.has('assist');
  if (!deputy && !office && !unit) return fail('NOT_FOUND');
  if (kind === 'suggestion') return deputy || office ? ok(true) : fail('FORBIDDEN', '承办单位请打印交办单');
  if (!office && !unit) return fail('FORBIDDEN', '交办单只发给区人大常委会和承办单位');
  if (!doc.firstAssignedAt) return fail('ILLEGAL_TRANSITION', '这件建议还没有交办，没有交办单');
  return ok(true);
}
