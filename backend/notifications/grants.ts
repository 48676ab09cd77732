/**
 * The `subscription` function's use cases: which templates to request, and what the user
 * answered (每次"允许" allows one message with that template).
 */
import type { RecordSubscriptionsOutput, SubscribeAnswer, SubscribeResults, SubscriptionTemplates } from '../../typings/case';
import { addGrants, remainingGrants } from '../data/subscriptions';
import { fail, ok } from '../domain/result';
import type { Result } from '../domain/result';
import { fieldPath, type Check } from '../domain/validation';
import type { Database } from '../platform/cloudbase';
import { templateIds } from './templates';

export function subscriptionTemplates(): Result<SubscriptionTemplates> {
  return ok(templateIds());
}

/**
 * Records the accepts among `results` for our own templates; everything else — wx's `errMsg`,
 * ids of templates we do not send, answers other than an accept — is ignored. Answers the
 * remaining count of each of our templates.
 */
export async function recordSubscriptions(db: Database, openid: string, results: SubscribeResults, now: Date): Promise<Result<RecordSubscriptionsOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const ours = Object.values(templateIds());
  const accepted = ours.filter((templateId) => Object.prototype.hasOwnProperty.call(results, templateId) && isAccept(results[templateId]));
  for (const templateId of accepted) await addGrants(db, openid, templateId, 1, now);
  return ok({ remaining: await remainingGrants(db, openid, ours) });
}

/**
 * What WeChat answers for a template the person allowed: 'accept' as documented, and — when they
 * also ticked the voice or strong reminder — 'acceptWithAudio' / 'acceptWithAlert', which the
 * documentation leaves out but clients receive. Each is one allowed message; 'reject', 'ban',
 * 'filter' and anything new allow none.
 */
export const ACCEPTED_ANSWERS: readonly string[] = ['accept', 'acceptWithAudio', 'acceptWithAlert'] satisfies SubscribeAnswer[];
const isAccept = (answer: string | undefined) => answer !== undefined && ACCEPTED_ANSWERS.includes(answer);

const MAX_ENTRIES = 20;
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * wx.requestSubscribeMessage's success object, passed on as it came: `{ errMsg, [templateId]:
 * answer }`. Lenient where WeChat may grow (unknown keys and answers are ignored), strict where
 * a value could be something other than WeChat's: not an object, more than 20 entries, or a
 * value that is not a string (an operator-looking object) is refused.
 */
export const SUBSCRIBE_RESULTS_INPUT: Check<SubscribeResults> = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: path, reason: '订阅结果格式不正确' };
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_ENTRIES) return { ok: false, field: path, reason: `一次最多记录 ${MAX_ENTRIES} 个模板` };
  for (const [key, answer] of entries) {
    // A key that is not id-shaped is named by its parent: it would not read as a dotted path.
    if (typeof answer !== 'string') return { ok: false, field: TEMPLATE_ID.test(key) ? fieldPath(path, key) : path, reason: '订阅结果应为微信返回的文字' };
  }
  // fromEntries defines own properties, so even a "__proto__" key stays a plain key (and is ignored).
  return { ok: true, value: Object.fromEntries(entries) as SubscribeResults };
};
