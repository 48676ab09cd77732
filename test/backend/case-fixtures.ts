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
/** A valid submission whose text differs from every other one (the duplicate check compares text). */
export function submission(overrides: Partial<SubmitCaseInput> = {}): SubmitCaseInput {
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

export async function eventDocuments(backend: Backend, caseId: string): Promise<Record<string, any>[]> {
  const { data } = await backend.db.collection('case_events').where({ caseId }).orderBy('seq', 'asc').get();
  return data;
}

export async function notificationDocuments(backend: Backend, caseId: string): Promise<Record<string, any>[]> {
  const { data } = await backend.db.collection('notifications').where({ caseId }).orderBy('eventSeq', 'asc').get();
  return data;
}

/** What a command needs to name the case as its reader saw it. */
export const ref = (detail: Pick<CaseDetail, 'id' | 'version'>) => ({ caseId: detail.id, version: detail.version });
