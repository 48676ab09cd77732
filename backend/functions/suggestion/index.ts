import {
  answerSuggestionSchema,
  assignSuggestionSchema,
  assistSuggestionSchema,
  cosignableSchema,
  cosignSchema,
  decideSuggestionChangeSchema,
  listSuggestionsSchema,
  rateSuggestionSchema,
  requestSuggestionChangeSchema,
  reviewSuggestionSchema,
  saveSuggestionSchema,
  suggestionRefSchema,
  suggestionUploadPathsSchema,
} from '../../domain/suggestion/suggestion.input';
import { callContext } from '../../platform/call-context';
import {
  answerSuggestion,
  assignSuggestion,
  assistSuggestion,
  cosignableDeputies,
  cosignSuggestion,
  decideSuggestionChange,
  getSuggestion,
  issueSuggestionUploadPaths,
  listSuggestions,
  rateSuggestion,
  requestSuggestionChange,
  reviewSuggestion,
  saveSuggestion,
  submitSuggestion,
  withdrawSuggestion,
  type SuggestionContext,
} from '../../use-cases/suggestions';
import { suggestionFiguresSchema } from '../../domain/suggestion/suggestion.figures';
import { suggestionDocumentSchema } from '../../domain/suggestion/suggestion.print';
import { database } from '../../platform/cloudbase';
import { issueSuggestionDocument } from '../../use-cases/suggestions/suggestion-document';
import { officeSuggestionFigures } from '../../use-cases/suggestions/suggestion-figures';
import { ANYONE, defineApi } from '../define-api';
import { PUBLISHED_INPUT } from '../../domain/suggestion/suggestion.public';
import { publishedSuggestions } from '../../use-cases/board/published-suggestions';

const DEPUTY = ['deputy'] as const;
const OFFICE = ['admin'] as const;
const UNIT = ['unit'] as const;
const PARTIES = ['deputy', 'admin', 'unit'] as const;
const WRITERS = ['deputy', 'unit'] as const;

const context = (): SuggestionContext => callContext();

/**
 * 代表建议: deputies draft, co-sign, submit and rate; the district office reviews, assigns and
 * decides requests; handling units (承办单位) ask, assist and answer; anyone reads published answers.
 * The clock is read once per call, in the use cases' context.
 */
export const main = defineApi({
  // lifecycle (save … list, uploadPaths, cosignable): backend/use-cases/suggestions; scope is each use case's (parties only)
  save: { allow: DEPUTY, input: saveSuggestionSchema, run: (input, who, caller) => saveSuggestion(context(), who, caller.openid, input) },
  submit: { allow: DEPUTY, input: suggestionRefSchema, run: (input, who, caller) => submitSuggestion(context(), who, caller.openid, input) },
  withdraw: { allow: DEPUTY, input: suggestionRefSchema, run: (input, who, caller) => withdrawSuggestion(context(), who, caller.openid, input) },
  cosign: { allow: DEPUTY, input: cosignSchema, run: (input, who, caller) => cosignSuggestion(context(), who, caller.openid, input) },
  cosignable: { allow: DEPUTY, input: cosignableSchema, run: (input, who) => cosignableDeputies(context(), who, input) },
  review: { allow: OFFICE, input: reviewSuggestionSchema, run: (input, who, caller) => reviewSuggestion(context(), who, caller.openid, input) },
  assign: { allow: OFFICE, input: assignSuggestionSchema, run: (input, who, caller) => assignSuggestion(context(), who, caller.openid, input) },
  request: { allow: UNIT, input: requestSuggestionChangeSchema, run: (input, who, caller) => requestSuggestionChange(context(), who, caller.openid, input) },
  decide: { allow: OFFICE, input: decideSuggestionChangeSchema, run: (input, who, caller) => decideSuggestionChange(context(), who, caller.openid, input) },
  assist: { allow: UNIT, input: assistSuggestionSchema, run: (input, who, caller) => assistSuggestion(context(), who, caller.openid, input) },
  answer: { allow: UNIT, input: answerSuggestionSchema, run: (input, who, caller) => answerSuggestion(context(), who, caller.openid, input) },
  rate: { allow: DEPUTY, input: rateSuggestionSchema, run: (input, who, caller) => rateSuggestion(context(), who, caller.openid, input) },
  get: { allow: PARTIES, input: suggestionRefSchema, run: (input, who) => getSuggestion(context(), who, input.suggestionId) },
  list: { allow: PARTIES, input: listSuggestionsSchema, run: (input, who) => listSuggestions(context(), who, input) },
  uploadPaths: { allow: WRITERS, input: suggestionUploadPathsSchema, run: (input, _who, caller) => issueSuggestionUploadPaths(context(), caller.openid, input) },
  // published: the residents' and public side
  // 办理公开 → 代表建议: answers their units allowed to publish; nothing depends on who asks.
  published: { allow: ANYONE, input: PUBLISHED_INPUT, run: (input) => publishedSuggestions(database(), input) },
  // figures, document: the office's figures and the PDFs
  figures: { allow: OFFICE, input: suggestionFiguresSchema, run: (input, who) => officeSuggestionFigures(database(), who, input, context().now) },
  // Which document each party gets is the suggestion's to decide (suggestion.print.ts).
  document: { allow: PARTIES, input: suggestionDocumentSchema, run: (input, who) => issueSuggestionDocument(database(), who, input) },
});
