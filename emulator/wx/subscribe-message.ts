import { findDataProblem, type SubscribeData } from '../../backend/platform/subscribe-fields';
import { isPlausibleOpenid, wechatError, wechatOk, type WxAnswer, type WxApiHandler } from './answers';
import { pagePath, type AppPages } from './app-pages';
import type { WxStore } from './store';
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

    const dataError = keys ? templateKeysError(keys, data) ?? dataProblem(data) : dataProblem(data);
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
      data: data as SubscribeData,
      miniprogram_state: (state as string | undefined) ?? null,
      lang: (lang as string | undefined) ?? null,
      at: deps.now().toISOString(),
    });
    return accepted ? wechatOk() : wechatError(43101, 'user refuse to accept the msg');
  };
}

function dataProblem(data: unknown): WxAnswer | null {
  const found = findDataProblem(data);
  if (!found) return null;
  if (!found.key) return wechatError(47001, 'data format error: data');
  return fieldError(found.key, found.problem.kind);
}

/** With a registered template, every template key must be there and no other. */
function templateKeysError(keys: readonly string[], data: unknown): WxAnswer | null {
  if (typeof data !== 'object' || data === null) return null; // dataProblem reports it
  const missing = keys.find((key) => !(key in data));
  if (missing) return fieldError(missing, 'empty');
  const unknown = Object.keys(data).find((key) => !keys.includes(key));
  return unknown ? fieldError(unknown, 'invalid') : null;
}

function fieldError(key: string, kind: 'empty' | 'invalid'): WxAnswer {
  return wechatError(47003, `argument invalid! data.${key}.value ${kind === 'empty' ? 'is empty' : 'invalid'}`);
}
