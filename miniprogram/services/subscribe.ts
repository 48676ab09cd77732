/**
 * Subscription messages (订阅消息): ask which notices the person accepts, then tell the
 * server, which may send one notice per accept — never more.
 */
import type { SubscribeAnswer, SubscribeResults, SubscriptionTemplates } from '../../typings/case';
import { config } from '../config';
import { transportMode } from './transport-mode';
import { callApi } from './api-client';

export type NoticeKind = keyof SubscriptionTemplates;

/**
 * Template ids live in one place, the server's config/subscribe-templates.json: fetched once
 * (at launch, and again by a page that will ask) and kept, because the prompt itself must
 * open synchronously from the tap.
 */
let templateIds: Partial<SubscriptionTemplates> = {};
let loading: Promise<void> | undefined;

export function loadNoticeTemplates(refresh = false): Promise<void> {
  if (refresh) loading = undefined;
  loading ??= callApi('subscription', 'templates', {}).then((answer) => {
    if (answer.ok) templateIds = answer.data;
    else loading = undefined; // try again next time; meanwhile nothing is asked
  });
  return loading;
}

/** For tests, and for a page that already has the ids. */
export function useNoticeTemplates(ids: Partial<SubscriptionTemplates>): void {
  templateIds = { ...ids };
  loading = Promise.resolve();
}

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'] satisfies SubscribeAnswer[];
/** Allowed with the voice or strong reminder ticked: one message all the same, and the local WeChat stand-in knows only 'accept'. */
const ACCEPTS_WITH_REMINDER: readonly string[] = ['acceptWithAudio', 'acceptWithAlert'] satisfies SubscribeAnswer[];

/**
 * Call it straight from a tap handler, before any await: WeChat shows the prompt only in
 * answer to a tap. Never fails — a refusal, an error or no configured template answers `{}`
 * and the caller carries on (asking must never stand in the way of what the person wanted).
 */
export function askForNotices(kinds: readonly NoticeKind[]): Promise<SubscribeResults> {
  const tmplIds = kinds.map((kind) => templateIds[kind] ?? '').filter((id) => id !== '');
  if (!tmplIds.length) return Promise.resolve({});
  return prompt(tmplIds).then(async (results) => {
    if (Object.keys(results).length) await record(results);
    return results;
  });
}

function prompt(tmplIds: string[]): Promise<SubscribeResults> {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => {
        const results: SubscribeResults = {};
        for (const id of tmplIds) {
          if (ACCEPTS_WITH_REMINDER.includes(res[id])) results[id] = 'accept';
          else if (ANSWERS.includes(res[id])) results[id] = res[id];
        }
        resolve(results);
      },
      // e.g. 20004: the person switched subscription messages off in settings.
      fail: (err) => {
        console.warn('[subscribe] requestSubscribeMessage failed', err);
        resolve({});
      },
    });
  });
}

async function record(results: SubscribeResults): Promise<void> {
  if (transportMode() === 'local') await tellLocalWeChat(results);
  await callApi('subscription', 'record', { results });
}

/**
 * Local mode only. In the cloud, WeChat's servers learn of the grant the moment the person
 * taps 允许; locally the emulator's WeChat stand-in has to be told, or its
 * subscribeMessage.send would refuse every notice. That is transport knowledge, so it sits
 * here beside the mode check rather than in a page. Its failure changes nothing for the person.
 */
function tellLocalWeChat(results: SubscribeResults): Promise<void> {
  return new Promise((resolve) => {
    wx.request({
      url: `${config.localHost}/_emulator/wx/subscriptions`,
      method: 'POST',
      data: { openid: config.localOpenid, results },
      header: { 'content-type': 'application/json' },
      timeout: 5000,
      complete: () => resolve(),
    });
  });
}
