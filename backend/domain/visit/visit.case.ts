/**
 * A visit becomes a case on the resident's behalf: opened by the same rules as a resident's
 * submission (case.open.ts), then owned by nobody until claimed (ownerOpenid '', which no caller
 * matches: isOwner needs a non-empty openid) and marked 接待日登记 on the case and its first
 * event. A visit answered on the spot becomes a case already accepted by the station's officer
 * assigned to the deputy and replied by them with that answer, so the resident who claims it can rate it.
 */
import { decide, openCase, type Actor, type CaseEvent, type CaseState, type Decision, type IdGenerator } from '../case';
import { deepFreeze } from '../case/freeze';
import { ok, type Result } from '../result';
import type { VisitDocument } from './visit.model';

export interface VisitCaseInput {
  readonly visit: VisitDocument;
  /** Who converts it: an officer of the station or the visit's deputy. */
  readonly recorder: Actor;
  /** Who accepts an answered visit's case: an officer of the station (the recorder, or the reception's officer). */
  readonly officer: Actor;
  readonly caseId: string;
  readonly receiptNo: string;
  readonly now: Date;
  readonly ids: IdGenerator;
}

/** Text shown for a visit recorded only as photos or voice. */
const NO_TEXT = '（接待日登记，见照片或语音）';

export function openVisitCase(input: VisitCaseInput): Result<Decision> {
  const { visit, recorder, now, ids } = input;
  const contact = visit.name || visit.phone ? { ...(visit.name ? { name: visit.name } : {}), ...(visit.phone ? { phone: visit.phone } : {}) } : undefined;
  const opened = openCase({
    submission: {
      requestId: `visit-${visit._id}`.slice(0, 64),
      stationId: visit.stationId,
      deputyId: visit.deputyId,
      category: visit.category,
      content: visit.issue || (visit.voice ? '' : NO_TEXT),
      photoFileIds: visit.photoFileIds,
      voice: visit.voice,
      contact,
      title: undefined,
      location: undefined,
      anonymous: undefined,
      public: undefined,
    },
    // openCase opens only for a resident; the case is then handed to nobody below.
    actor: { role: 'resident', id: recorder.id, openid: 'unclaimed' },
    now,
    ids,
    caseId: input.caseId,
    receiptNo: input.receiptNo,
    // The reception listed this deputy at this station: that is where they met the resident.
    targetDeputyStationIds: [visit.stationId],
  });
  if (!opened.ok) return opened;
  const state: CaseState = { ...opened.value.next, ownerOpenid: '', source: 'reception' };
  const first = opened.value.events[0]!;
  const submitted = { ...first, actorRole: recorder.role, actorId: recorder.id, data: { ...first.data!, source: 'reception' as const } } as CaseEvent;
  let decision: Decision = { next: state, events: [submitted] };
  if (visit.answer) {
    const accepted = decide(decision.next, { kind: 'accept' }, input.officer, now, ids);
    if (!accepted.ok) return accepted;
    // The deputy who answered is assigned first: only an assigned deputy replies (case.policy.ts).
    const assigned = visit.deputyId
      ? decide(accepted.value.next, { kind: 'assign', deputyId: visit.deputyId, deputyStationIds: [visit.stationId] }, input.officer, now, ids)
      : accepted;
    if (!assigned.ok) return assigned;
    const replier: Actor = visit.deputyId ? { role: 'deputy', id: visit.deputyId, deputyId: visit.deputyId } : input.officer;
    const replied = decide(assigned.value.next, { kind: 'reply', content: visit.answer }, replier, now, ids);
    if (!replied.ok) return replied;
    const handled = assigned === accepted ? [] : assigned.value.events;
    decision = { next: replied.value.next, events: [submitted, ...accepted.value.events, ...handled, ...replied.value.events] };
  }
  return ok(deepFreeze(structuredClone(decision)));
}
