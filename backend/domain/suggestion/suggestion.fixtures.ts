/** Suggestions and callers for the domain tests: one of each party, a document in any status. */
import type { SuggestionStatus } from '../../../typings/suggestion';
import type { SuggestionDocument } from './suggestion.document';
import type { SuggestionCaller } from './suggestion.party';
import { suggestionSettings } from './suggestion.settings';

/** 2026-03-05 10:00 in Beijing, a Thursday. */
export const NOW = new Date('2026-03-05T02:00:00Z');
export const bj = (local: string): Date => new Date(`${local}+08:00`);

/** The clock of config/suggestions.json as the brief gives it. */
export const SETTINGS = suggestionSettings({
  answerMonths: 3,
  maxMonths: 6,
  assistMonths: 1,
  reanswerMonths: 1,
  rerouteWorkingDays: 7,
  remindDaysBefore: [30, 7],
  ratingReminderDays: 15,
});

export const AUTHOR: SuggestionCaller = { role: 'deputy', id: 'dp-1', name: '张三' };
export const COSIGNER: SuggestionCaller = { role: 'deputy', id: 'dp-2', name: '李四' };
export const OTHER_DEPUTY: SuggestionCaller = { role: 'deputy', id: 'dp-9', name: '王五' };
export const OFFICE: SuggestionCaller = { role: 'admin', id: 'sf-admin', name: '赵六', district: '福田区' };
export const OTHER_OFFICE: SuggestionCaller = { role: 'admin', id: 'sf-ns', name: '林慧', district: '南山区' };
export const LEAD: SuggestionCaller = { role: 'unit', id: 'sf-zjj', name: '钱七', district: '福田区', unitId: 'unit-zjj' };
export const ASSIST: SuggestionCaller = { role: 'unit', id: 'sf-cgj', name: '孙八', district: '福田区', unitId: 'unit-cgj' };
export const OUTSIDER_UNIT: SuggestionCaller = { role: 'unit', id: 'sf-hfjd', name: '周九', district: '福田区', unitId: 'unit-hfjd' };

/**
 * What a stored suggestion holds until the units are on it: no extension or reroute used, the
 * first round, nothing answered, reminded or waiting to be told. Written out here, not taken from
 * the steps, so the fixtures stay an independent picture of the stored shape.
 */
export function unhandled(): Pick<SuggestionDocument, 'extensionUsed' | 'rerouteUsed' | 'round' | 'answers' | 'remindersSent' | 'outbox'> {
  return { extensionUsed: false, rerouteUsed: false, round: 1, answers: [], remindersSent: [], outbox: [] };
}

/**
 * A suggestion in `status`, everything a step could need already in place: co-signer confirmed,
 * assigned yesterday to a lead and an assisting unit with a deadline three months on, one
 * answer for an answered one.
 */
export function suggestionIn(status: SuggestionStatus, over: Partial<SuggestionDocument> = {}): SuggestionDocument {
  const handled = ['assigned', 'answered', 'closed'].includes(status);
  const firstAssignedAt = bj('2026-03-04T09:00:00');
  return {
    _id: 'sg-1',
    version: 4,
    status,
    district: '福田区',
    deputyId: 'dp-1',
    deputyName: '张三',
    stationIds: ['st-1'],
    title: '加快老旧小区加装电梯',
    problem: '辖区老旧小区多，老人上下楼难。',
    proposal: '建议简化审批，财政补贴。',
    attachments: [],
    cosigners: [{ deputyId: 'dp-2', name: '李四', status: 'confirmed', at: bj('2026-03-01T09:00:00') }],
    caseIds: ['cs-1', 'cs-2'],
    assignments: handled
      ? [
          { unitId: 'unit-zjj', unitName: '区住房和建设局', role: 'lead', deadline: bj('2026-06-04T23:59:59.999') },
          { unitId: 'unit-cgj', unitName: '区城市管理和综合执法局', role: 'assist', deadline: bj('2026-04-04T23:59:59.999') },
        ]
      : [],
    ...(handled ? { firstAssignedAt, deadline: bj('2026-06-04T23:59:59.999'), leadUnitId: 'unit-zjj' } : {}),
    ...unhandled(),
    answers:
      status === 'answered' || status === 'closed'
        ? [
            {
              round: 1,
              unitId: 'unit-zjj',
              unitName: '区住房和建设局',
              staffId: 'sf-zjj',
              text: '正在推进。',
              result: 'B',
              publishable: true,
              at: bj('2026-03-05T08:00:00'),
              onTime: true,
            },
          ]
        : [],
    unitIds: handled ? ['unit-zjj', 'unit-cgj'] : [],
    createdAt: bj('2026-03-01T08:00:00'),
    updatedAt: bj('2026-03-04T09:00:00'),
    ...over,
  };
}

/**
 * An answered suggestion of the demo deputy (dp-001) with one resident's case linked into it,
 * accepted and answered `now` by 区住房和建设局 (publishable): what the round-trip goals read,
 * for test/backend/round-trips.test.ts and bench/round-trips.ts alike.
 */
export function answeredWithCase(suggestionId: string, caseId: string, stationId: string, now: Date): SuggestionDocument {
  const lead = { unitId: 'unit-ft-zjj', unitName: '区住房和建设局' };
  return suggestionIn('answered', {
    _id: suggestionId,
    deputyId: 'dp-001',
    stationIds: [stationId],
    caseIds: [caseId],
    acceptedAt: now,
    assignments: [{ ...lead, role: 'lead', deadline: new Date(now.getTime() + 60 * 86_400_000) }],
    answers: [{ round: 1, ...lead, staffId: 'sf-unit-zjj', text: '已列入明年计划。', result: 'B', publishable: true, at: now, onTime: true }],
    answeredAt: now,
  });
}
