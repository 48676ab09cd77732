import { isPlausibleOpenid, wechatError, wechatOk, type WxAnswer, type WxApiHandler } from './answers';
import { pagePath, type AppPages } from './app-pages';
import type { SentMessage, WxStore } from './store';
import { findDataProblem } from './subscribe-data';
import type { TemplateKeys } from './templates';

/**
 * subscribeMessage.send (POST cgi-bin/message/subscribe/send). Each "accept" a user gives
 * in wx.requestSubscribeMessage allows one message with that template; a send without a
 * remaining grant is refused with 43101. Checks run before the grant is used, so a
 * refused message never costs the user's consent.
 */
export interface SubscribeMessageDeps {
  store: WxStore;
  templates?: TemplateKeys;
  pages: AppPages;
  now: () => Date;
}

const STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

export function subscribeMessageSend(deps: SubscribeMessageDeps): WxApiHandler {
  return (params) => {
    const { touser, template_id: templateId, page, data, miniprogram_state: state, lang } = params;
    if (!isPlausibleOpenid(touser)) return wechatError(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId === '') return wechatError(40037, 'invalid template_id');
    const keys = deps.templates?.get(templateId);
    if (deps.templates && !keys) return wechatError(40037, 'invalid template_id');

    const dataError = dataAnswer(data, keys);
    if (dataError) return dataError;

    if (page !== undefined && typeof page !== 'string') return wechatError(47001, 'data format error: page');
    const pages = page ? deps.pages() : null;
    if (page && pages && !pages.has(pagePath(page).replace(/^\//, ''))) return wechatError(41030, 'invalid page');
    if (state !== undefined && !STATES.includes(state as string)) return wechatError(47001, 'data format error: miniprogram_state');
    if (lang !== undefined && !LANGS.includes(lang as string)) return wechatError(47001, 'data format error: lang');

    const accepted = deps.store.consumeGrantAndRecord({
      touser,
      template_id: templateId,
      page: (page as string | undefined) ?? null,
      data: data as SentMessage['data'],
      miniprogram_state: (state as string | undefined) ?? null,
      lang: (lang as string | undefined) ?? null,
      at: deps.now().toISOString(),
    });
    return accepted ? wechatOk() : wechatError(43101, 'user refuse to accept the msg');
  };
}

function dataAnswer(data: unknown, templateKeys: readonly string[] | undefined): WxAnswer | null {
  const problem = findDataProblem(data, templateKeys);
  if (!problem) return null;
  if (problem.kind === 'not-an-object') return wechatError(47001, 'data format error: data');
  return wechatError(47003, `argument invalid! data.${problem.key}.value ${problem.kind === 'empty' ? 'is empty' : 'invalid'}`);
}
