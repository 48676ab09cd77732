/**
 * The `subscription` function's use cases: which templates to request, and what the user
 * answered (每次"允许" allows one message with that template).
 */
import type { RecordSubscriptionsOutput, SubscribeResults, SubscriptionTemplates } from '../../typings/case';
import { addGrants, remainingGrants } from '../data/subscriptions';
import { fail, ok } from '../domain/result';
import type { Result } from '../domain/result';
import type { Check } from '../domain/validation';
import type { Database } from '../platform/cloudbase';
import { templateIds } from './templates';

export function subscriptionTemplates(): Result<SubscriptionTemplates> {
  return ok(templateIds());
}

/**
 * Records the accepts among `results` for our own templates; other keys (wx's `errMsg`, ids of
 * templates we do not send) are ignored. Answers the remaining count of each of our templates.
 */
export async function recordSubscriptions(db: Database, openid: string, results: SubscribeResults, now: Date): Promise<Result<RecordSubscriptionsOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const ours = Object.values(templateIds());
  const accepted = ours.filter((templateId) => results[templateId] === 'accept');
  for (const templateId of accepted) await addGrants(db, openid, templateId, 1, now);
  return ok({ remaining: await remainingGrants(db, openid, ours) });
}

const ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * `{ [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }` as wx.requestSubscribeMessage
 * answers it, without its `errMsg`. Strict: other keys or answers are refused.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const SUBSCRIBE_RESULTS_INPUT: Check<SubscribeResults> = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: path, reason: '订阅结果格式不正确' };
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 20) return { ok: false, field: path, reason: '一次最多记录 20 个模板' };
  for (const [key, answer] of entries) {
    // Object machinery names match the id pattern but are never template ids.
    if (!TEMPLATE_ID.test(key) || RESERVED_KEYS.has(key)) return { ok: false, field: `${path}.${key}`, reason: '模板编号格式不正确' };
    if (!(ANSWERS as readonly unknown[]).includes(answer)) return { ok: false, field: `${path}.${key}`, reason: '订阅结果不在可选范围内' };
  }
  return { ok: true, value: Object.fromEntries(entries) as SubscribeResults };
};
