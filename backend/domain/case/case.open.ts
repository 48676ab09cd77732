/**
 * A validated submission becomes a case: status `submitted`, its first event, and the
 * acceptance deadline. The receipt number comes from the caller's atomic daily counter.
 * What the resident left out is filled in here: the title (case.title.ts), the category
 * (不确定, for the handler to choose) and, for a voice-only case, an empty text.
 */
import { fail, ok } from '../result';
import type { Result } from '../result';
import type { Actor, IdGenerator } from './actor';
import type { Decision } from './case.decide';
import type { CaseEvent } from './case.events';
import type { CaseSubmission } from './case.input';
import type { CaseState } from './case.state';
import { UNSURE_CATEGORY } from './case.state';
import { caseTitle } from './case.title';
import { acceptDueAt } from './deadlines';
import { deepFreeze, patch } from './freeze';
import { publicConsentOf } from '../join/join.rules';

export interface OpenCaseInput {
  readonly submission: CaseSubmission;
  readonly actor: Actor;
  readonly now: Date;
  readonly ids: IdGenerator;
  /** From receipt-number.ts, with the sequence drawn from the counter document. */
  readonly receiptNo: string;
  /**
   * The case's id when it was chosen before (a submission names its case in the resident's
   * window before writing it, so a retry finishes the same case); else drawn from `ids`.
   */
  readonly caseId?: string;
  /** When the resident addressed a deputy: that deputy's stations, as stored. */
  readonly targetDeputyStationIds?: readonly string[];
}

export function openCase(input: OpenCaseInput): Result<Decision> {
  const { submission, actor, now, ids } = input;
  // Only a resident with a WeChat identity can own a case; ownership is checked on the openid.
  if (actor.role !== 'resident' || !actor.id || !actor.openid) return fail('FORBIDDEN');
  const { stationId, deputyId } = submission;
  if (deputyId && !(input.targetDeputyStationIds ?? []).includes(stationId)) {
    return fail('INVALID_INPUT', '这位代表不在所选的联络站', 'deputyId');
  }
  const location = submission.location;
  const caseId = input.caseId ?? ids();
  const anonymous = submission.anonymous ?? false;
  const state: CaseState = patch(
    {
      id: caseId,
      receiptNo: input.receiptNo,
      stationId,
      category: submission.category ?? UNSURE_CATEGORY,
      title: caseTitle(submission.title, submission.content),
      content: submission.content ?? '',
      photoFileIds: submission.photoFileIds ?? [],
      anonymous,
      publicConsent: publicConsentOf(submission),
      ownerOpenid: actor.openid,
      requestId: submission.requestId,
      status: 'submitted',
      reopenCount: 0,
      dueAt: acceptDueAt(now),
      submittedAt: now,
      updatedAt: now,
      version: 1,
      lastSeq: 1,
    } as CaseState,
    {
      location: location && {
        point: { type: 'Point', coordinates: [location.longitude, location.latitude] },
        ...(location.address ? { address: location.address } : {}),
      },
      contact: submission.contact && Object.keys(submission.contact).length > 0 ? submission.contact : undefined,
      targetDeputyId: deputyId,
      voice: submission.voice && { fileId: submission.voice.fileId, durationSec: submission.voice.durationSec },
    },
  );
  const event: CaseEvent = {
    id: ids(),
    caseId,
    seq: 1,
    kind: 'submitted',
    actorRole: 'resident',
    actorId: actor.id,
    at: now,
    fromStatus: null,
    toStatus: 'submitted',
    data: { category: state.category, anonymous, ...(deputyId ? { targetDeputyId: deputyId } : {}) },
  };
  return ok(deepFreeze(structuredClone({ next: state, events: [event] })));
}
