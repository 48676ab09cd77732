/** Inputs and look-ups shared by the case suites. */
import { randomUUID } from 'node:crypto';
import type { CaseDetail, SubmitCaseInput } from '../../typings/case';
import type { Backend } from './harness';

export const RESIDENT = 'odemo-resident';
export const RESIDENT_2 = 'odemo-resident-2';
export const DEPUTY = 'odemo-deputy';
export const DEPUTY_ID = 'dp-001';
export const OFFICER = 'odemo-officer';
export const ADMIN = 'odemo-admin';
/** 华富街道's street station: odemo-officer staffs it, dp-001 is stationed there. */
export const STATION = 'st-ft-hf';

export const newRequestId = (): string => `req-${randomUUID()}`;

let texts = 0;
/** A typed submission: the title, category and text the optional fields leave out are all there. */
export type TypedSubmission = SubmitCaseInput & Required<Pick<SubmitCaseInput, 'category' | 'title' | 'content'>>;

/** A valid submission whose text differs from every other one (the duplicate check compares text). */
export function submission(overrides: Partial<TypedSubmission> = {}): TypedSubmission {
  texts += 1;
  return {
    requestId: newRequestId(),
    stationId: STATION,
    category: 'help',
    title: `小区路灯不亮 ${texts}`,
    content: `华富村三号楼旁的路灯已经坏了两个星期，晚上很不安全（第 ${texts} 处）。${randomUUID()}`,
    ...overrides,
  };
}

export async function submitted(backend: Backend, openid: string, overrides: Partial<SubmitCaseInput> = {}) {
  return backend.data('case', 'submit', submission(overrides), openid);
}

export async function caseDocument(backend: Backend, caseId: string): Promise<Record<string, any>> {
  const { data } = await backend.db.collection('cases').where({ _id: caseId }).get();
  return data[0];
}

/** The case's timeline as stored (inside the case document), each event named `<caseId>:<seq>` as before, oldest first. */
export async function eventDocuments(backend: Backend, caseId: string): Promise<Record<string, any>[]> {
  const stored = await caseDocument(backend, caseId);
  const timeline: Record<string, any>[] = stored?.timeline ?? [];
  return timeline.map((event): Record<string, any> => ({ _id: `${caseId}:${event.seq}`, caseId, ...event })).sort((a, b) => a.seq - b.seq);
}

/**
 * Every message about the case: its own outbox (inside the case document) and what the
 * `notifications` collection holds about it (the scheduler's deadline reminders), by event.
 */
export async function notificationDocuments(backend: Backend, caseId: string): Promise<Record<string, any>[]> {
  const stored = await caseDocument(backend, caseId);
  const { data } = await backend.db.collection('notifications').where({ caseId }).limit(1000).get();
  const all: Record<string, any>[] = [...(stored?.outbox ?? []).map((notice: Record<string, any>) => ({ caseId, ...notice })), ...data];
  const seq = (n: Record<string, any>) => (typeof n.eventSeq === 'number' ? n.eventSeq : -1);
  return all
    .map((n, i) => ({ n, i }))
    .sort((a, b) => seq(a.n) - seq(b.n) || a.i - b.i)
    .map(({ n }) => n);
}

/** What a command needs to name the case as its reader saw it. */
export const ref = (detail: Pick<CaseDetail, 'id' | 'version'>) => ({ caseId: detail.id, version: detail.version });
