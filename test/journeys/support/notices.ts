/**
 * Subscription messages as the journeys check them: a person allowing notices (told to our
 * server and to the local WeChat, as the mini-program does after 允许), and WeChat's rules for
 * what a message's values may be.
 */
import type { SentMessage } from '../../backend/harness';
import type { RemoteBackend } from './remote-backend';

/** WeChat's rules for subscription-message values, by the key's type prefix (订阅消息 · 参数值内容限制). */
export const FIELD_RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => [...v].length > 0 && [...v].length <= 20,
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  character_string: (v) => /^[A-Za-z0-9_\-.]{1,32}$/.test(v),
  time: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(v),
};

/** The fields of a message WeChat would refuse (47003), as `key: value`; empty when all abide. */
export function ruleBreaches(message: Pick<SentMessage, 'data'>): string[] {
  return Object.entries(message.data)
    .filter(([key, { value }]) => !FIELD_RULES[key.replace(/\d+$/, '')]?.(value))
    .map(([key, { value }]) => `${key}: ${value}`);
}

/**
 * `openid` tapped 允许 on a prompt for these templates, `count` times each: our server's count
 * (subscription.record, one accept per call, as the mini-program records each prompt) and
 * WeChat's own (the emulator's grants), which must both allow a message for it to be sent.
 */
export async function allowNotices(backend: RemoteBackend, openid: string, templateIds: Record<string, number>): Promise<void> {
  const rounds = Math.max(...Object.values(templateIds));
  for (let round = 0; round < rounds; round += 1) {
    const results = Object.fromEntries(
      Object.entries(templateIds)
        .filter(([, count]) => count > round)
        .map(([id]) => [id, 'accept' as const]),
    );
    await backend.data('subscription', 'record', { results }, openid);
  }
  for (const [id, count] of Object.entries(templateIds)) await backend.wx.grant(openid, id, count);
}
