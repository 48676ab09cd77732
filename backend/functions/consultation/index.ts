import { randomBytes } from 'node:crypto';
import {
  adoptCommentSchema,
  claimCommentSchema,
  commentRefSchema,
  commentSchema,
  consultationRefSchema,
  editCommentSchema,
  getConsultationSchema,
  listCommentsSchema,
  listConsultationsSchema,
  mineSchema,
  publishConsultationSchema,
  reviewCommentSchema,
} from '../../domain/consultation/consultation.input';
import { suggestionUploadPathsSchema } from '../../domain/suggestion/suggestion.input';
import type { Caller } from '../../platform/cloudbase';
import { callContext } from '../../platform/call-context';
import {
  adoptComment,
  claimComment,
  compileConsultation,
  consultationCaller,
  editComment,
  getConsultation,
  listComments,
  listConsultations,
  myComments,
  publishConsultation,
  readReport,
  recordComment,
  renewCommentCode,
  reviewComment,
  submitComment,
  withdrawComment,
  type ConsultationCaller,
  type ConsultationContext,
} from '../../use-cases/consultations';
import { resolveActor } from '../../use-cases/actor';
import { database } from '../../platform/cloudbase';
import { issueSuggestionUploadPaths } from '../../use-cases/suggestions/files';
import { ANYONE, defineApi, type ResolvedActor } from '../define-api';

const RESIDENT = ['resident'] as const;
const OFFICER = ['officer'] as const;
const OFFICE = ['admin'] as const;
const READERS = ['officer', 'admin'] as const;

function context(): ConsultationContext {
  return { ...callContext(), randomBytes: (size) => randomBytes(size) };
}

/** The caller from the identity WeChat vouched for, never from the input. */
const as = (who: ResolvedActor, caller: Caller) => consultationCaller(who, caller.openid);

/** For the public actions: who the caller is when WeChat named one (their `can` and the district list), else nobody. */
async function anyone(caller: Caller): Promise<ConsultationCaller> {
  const who = caller.openid ? await resolveActor(database(), caller.openid) : undefined;
  return who?.ok ? as(who.value, caller) : { role: 'other', openid: '', id: '', stationIds: [] };
}

/**
 * 立法意见征集: the district office publishes drafts for comment at its stations, compiles the
 * forwarded comments and marks the adopted ones; residents comment, withdraw and read theirs;
 * officers record comments heard in person and review their stations' comments. Scope (which
 * stations, which district) is each use case's. The clock is read once per call, in the context.
 */
export const main = defineApi({
  publish: { allow: OFFICE, input: publishConsultationSchema, run: (input, who, caller) => publishConsultation(context(), as(who, caller), input) },
  // A station's list and a consultation's page are public; the district list is the office's (the use case).
  list: { allow: ANYONE, input: listConsultationsSchema, run: async (input, caller) => listConsultations(context(), await anyone(caller), input) },
  get: { allow: ANYONE, input: getConsultationSchema, run: async (input, caller) => getConsultation(context(), await anyone(caller), input) },
  comment: { allow: RESIDENT, input: commentSchema, run: (input, who, caller) => submitComment(context(), as(who, caller), input) },
  withdraw: { allow: RESIDENT, input: commentRefSchema, run: (input, who, caller) => withdrawComment(context(), as(who, caller), input.commentId) },
  mine: { allow: RESIDENT, input: mineSchema, run: (_input, who, caller) => myComments(context(), as(who, caller)) },
  record: { allow: OFFICER, input: commentSchema, run: (input, who, caller) => recordComment(context(), as(who, caller), input) },
  claimCode: { allow: OFFICER, input: commentRefSchema, run: (input, who, caller) => renewCommentCode(context(), as(who, caller), input.commentId) },
  claim: { allow: RESIDENT, input: claimCommentSchema, run: (input, who, caller) => claimComment(context(), as(who, caller), input) },
  comments: { allow: READERS, input: listCommentsSchema, run: (input, who, caller) => listComments(context(), as(who, caller), input) },
  review: { allow: OFFICER, input: reviewCommentSchema, run: (input, who, caller) => reviewComment(context(), as(who, caller), input) },
  edit: { allow: OFFICE, input: editCommentSchema, run: (input, who, caller) => editComment(context(), as(who, caller), input) },
  compile: { allow: OFFICE, input: consultationRefSchema, run: (input, who, caller) => compileConsultation(context(), as(who, caller), input) },
  report: { allow: READERS, input: consultationRefSchema, run: (input, who, caller) => readReport(context(), as(who, caller), input) },
  adopt: { allow: OFFICE, input: adoptCommentSchema, run: (input, who, caller) => adoptComment(context(), as(who, caller), input) },
  // The draft's attachments go where a suggestion's do (photos and PDFs, issued to the office).
  uploadPaths: { allow: OFFICE, input: suggestionUploadPathsSchema, run: (input, _who, caller) => issueSuggestionUploadPaths(context(), caller.openid, input) },
});
