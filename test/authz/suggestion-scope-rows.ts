/**
 * The scope rows of the 代表建议 lifecycle (`suggestion.save` … `uploadPaths`), spread into
 * SCOPE_ROWS. Each subject is stored in the state its row needs (test/backend/stored-suggestions.ts),
 * the demo deputy's, in 福田区, led by 区住房和建设局 (the demo unit) — never assigned to
 * 区城市管理和综合执法局, whose staff is the outsider unit — so the insider of each role is a party and
 * the outsider of the same role (another deputy, another district's office, another unit) is not.
 */
import { shanghaiDate } from '../../backend/domain/calendar';
import type { SuggestionDocument } from '../../backend/domain/suggestion';
import type { SuggestionStatus } from '../../typings/suggestion';
import type { ApiResult } from '../../typings/errors';
import { newOpenid } from '../backend/harness';
import { answered, assignment, endOfDay, storedSuggestion, storeSuggestions, UNITS } from '../backend/stored-suggestions';
import type { ScopeRow } from './scope-rows';
import type { Subjects } from './subjects';

const DAY = 86_400_000;

/** Stored now in `status`; handled ones led by the demo unit (assisted by 华富街道), assigned today, due in `dueDays`. */
async function subject(s: Subjects, status: SuggestionStatus, over: Partial<SuggestionDocument> = {}, dueDays = 60): Promise<string> {
  const now = new Date();
  const due = shanghaiDate(new Date(now.getTime() + dueDays * DAY));
  const handled = status === 'assigned' || status === 'answered' || status === 'closed';
  const assignments = handled ? [assignment(UNITS.zjj, 'lead', due), assignment(UNITS.hfjd, 'assist', due)] : [];
  const doc = storedSuggestion({
    status,
    assignments,
    updatedAt: now,
    ...(handled ? { firstAssignedAt: now, deadline: endOfDay(due), acceptedAt: now } : {}),
    ...(status === 'answered' ? { answers: [answered(UNITS.zjj, { at: now })], answeredAt: now } : {}),
    ...over,
  });
  if (status === 'draft') delete doc.submittedAt;
  await storeSuggestions(s.backend, doc);
  return doc._id;
}

const ids = (data: any): string[] => data.suggestions.map((one: { id: string }) => one.id);
const listsWith = (id: string) => (answer: ApiResult<any>) => {
  expect(answer).toMatchObject({ ok: true });
  if (answer.ok) expect(ids(answer.data)).toContain(id);
};
const listsWithout = (id: string) => (answer: ApiResult<any>) => {
  if (answer.ok) expect(ids(answer.data)).not.toContain(id);
  else expect(['FORBIDDEN', 'NOT_FOUND']).toContain(answer.error.code);
};

const ref = (suggestionId: string) => ({ suggestionId });

export const SUGGESTION_SCOPE_ROWS: Record<string, ScopeRow> = {
  // A new draft is the caller's own: nothing of anyone else's to keep an outsider from.
  'suggestion.save': async () => ({
    input: { requestId: newOpenid('req-sg').slice(-40), title: '加快老旧小区加装电梯', problem: '老人上下楼难。', proposal: '简化审批，加大补贴。' },
    outsider: 'none',
  }),
  'suggestion.submit': async (_kind, s) => ({ input: ref(await subject(s, 'draft')) }),
  'suggestion.withdraw': async (_kind, s) => ({ input: ref(await subject(s, 'draft')) }),
  // Another deputy's draft that asks the demo deputy to co-sign.
  'suggestion.cosign': async (_kind, s) => ({
    input: { ...ref(await subject(s, 'draft', { deputyId: 'dp-matrix-author', cosigners: [{ deputyId: 'dp-001', name: '李华', status: 'pending' }] })), confirm: true },
  }),
  'suggestion.cosignable': async () => ({ input: {}, outsider: 'none' }),
  'suggestion.review': async (_kind, s) => ({ input: { ...ref(await subject(s, 'submitted')), decision: 'return', reason: '请补充具体数据' } }),
  'suggestion.assign': async (_kind, s) => ({ input: { ...ref(await subject(s, 'accepted')), leadUnitId: UNITS.zjj.unitId } }),
  'suggestion.request': async (_kind, s) => ({ input: { ...ref(await subject(s, 'assigned')), kind: 'reroute', reason: '不属于本单位职责' } }),
  'suggestion.decide': async (_kind, s) => {
    const request = { kind: 'reroute' as const, reason: '不属于本单位职责', at: new Date(), unitId: UNITS.zjj.unitId, staffId: 'sf-unit-zjj' };
    return { input: { ...ref(await subject(s, 'assigned', { request, rerouteUsed: true })), grant: false, note: '属于本单位职责' } };
  },
  // Led by 华富街道, assisted by the demo unit.
  'suggestion.assist': async (_kind, s) => {
    const due = shanghaiDate(new Date(Date.now() + 60 * DAY));
    const assignments = [assignment(UNITS.hfjd, 'lead', due), assignment(UNITS.zjj, 'assist', due)];
    return {
      input: {
        ...ref(await subject(s, 'assigned', { assignments, leadUnitId: UNITS.hfjd.unitId, unitIds: [UNITS.hfjd.unitId, UNITS.zjj.unitId] })),
        opinion: '同意主办单位意见',
      },
    };
  },
  'suggestion.answer': async (_kind, s) => ({ input: { ...ref(await subject(s, 'assigned')), text: '已列入明年计划。', result: 'B', publishable: true } }),
  'suggestion.rate': async (_kind, s) => ({ input: { ...ref(await subject(s, 'answered')), rating: 'satisfied' } }),
  'suggestion.get': async (_kind, s) => ({ input: ref(await subject(s, 'assigned')) }),
  // Due tomorrow, so it leads the unit's inbox; changed now, so it leads the deputy's and the office's lists.
  'suggestion.list': async (_kind, s) => {
    const id = await subject(s, 'assigned', {}, 1);
    return { input: {}, inScope: listsWith(id), outsider: listsWithout(id) };
  },
  'suggestion.uploadPaths': async () => ({ input: { extensions: ['pdf'] }, outsider: 'none' }),
};
