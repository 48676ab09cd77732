/**
 * 代表建议 written straight into the database in a chosen state, for the suites that read them
 * (figures, documents, the duty record, the authorisation matrix): the lifecycle's own steps are
 * tested through the API elsewhere; these suites need states at chosen instants, which the API
 * cannot travel to. The shape is the stored one (backend/domain/suggestion/suggestion.document.ts).
 */
import { randomUUID } from 'node:crypto';
import type { SuggestionAnswerRecord, SuggestionAssignment, SuggestionDocument } from '../../backend/domain/suggestion/suggestion.document';
import { unhandled } from '../../backend/domain/suggestion/suggestion.fixtures';
import type { Backend } from './harness';

/** The demo units the seed has (issue 15): 区住房和建设局, 区城市管理和综合执法局, 华富街道办事处. */
export const UNITS = {
  zjj: { unitId: 'unit-ft-zjj', unitName: '区住房和建设局' },
  cgj: { unitId: 'unit-ft-cgj', unitName: '区城市管理和综合执法局' },
  hfjd: { unitId: 'unit-ft-hfjd', unitName: '华富街道办事处' },
} as const;

const bj = (local: string) => new Date(`${local}+08:00`);
/** A deadline: the end of that Beijing day. */
export const endOfDay = (date: string): Date => new Date(bj(`${date}T00:00:00`).getTime() + 86_400_000 - 1);

export function assignment(unit: (typeof UNITS)[keyof typeof UNITS], role: 'lead' | 'assist', deadline: string): SuggestionAssignment {
  return { ...unit, role, deadline: endOfDay(deadline) };
}

export function answered(unit: (typeof UNITS)[keyof typeof UNITS], over: Partial<SuggestionAnswerRecord> = {}): SuggestionAnswerRecord {
  return {
    round: 1,
    ...unit,
    staffId: 'sf-unit-zjj',
    text: '已将该小区列入明年加装电梯计划。',
    result: 'B',
    publishable: true,
    at: bj('2026-05-20T10:00:00'),
    onTime: true,
    ...over,
  };
}

/** A suggestion of the demo deputy (dp-001) in 福田区, submitted; `over` sets the state. */
export function storedSuggestion(over: Partial<SuggestionDocument> = {}): SuggestionDocument {
  const createdAt = bj('2026-03-30T09:00:00');
  const assignments = over.assignments ?? [];
  return {
    _id: `sg-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    version: 1,
    status: 'submitted',
    district: '福田区',
    deputyId: 'dp-001',
    deputyName: '李华',
    stationIds: ['st-ft-hf'],
    title: '关于加快老旧小区加装电梯的建议',
    problem: '华富街道多个老旧小区无电梯，老年居民上下楼困难。',
    proposal: '建议简化加装电梯审批流程，加大补贴力度。',
    attachments: [],
    cosigners: [],
    caseIds: [],
    assignments,
    ...unhandled(),
    unitIds: assignments.map((a) => a.unitId),
    ...(assignments.length ? { leadUnitId: assignments.find((a) => a.role === 'lead')?.unitId } : {}),
    createdAt,
    updatedAt: createdAt,
    submittedAt: bj('2026-04-02T10:00:00'),
    ...over,
  };
}

export async function storeSuggestions(backend: Backend, ...docs: SuggestionDocument[]): Promise<void> {
  await backend.db.collection('suggestions').add(docs);
}
