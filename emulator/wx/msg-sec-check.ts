import { isPlausibleOpenid, traceId, wechatError, wechatOk, type WxApiHandler } from './answers';
import { compact, type RiskyPhrase } from './sensitive-words';

/**
 * security.msgSecCheck, version 2 (POST wxa/msg_sec_check). The verdict comes from a local
 * phrase list instead of WeChat's model; the answer has WeChat's shape:
 * `{ errcode: 0, result: { suggest, label }, detail: [...], trace_id }` with label 100 when clean.
 */
const NORMAL_LABEL = 100;
const MAX_CONTENT_CHARS = 2500;

export function msgSecCheck(phrases: readonly RiskyPhrase[]): WxApiHandler {
  return (params) => {
    const { content, version, scene, openid, title, nickname, signature } = params;
    if (content === undefined || content === null || content === '') return wechatError(44002, 'empty post data');
    if (typeof content !== 'string' || [...content].length > MAX_CONTENT_CHARS) return wechatError(47001, 'data format error');
    // Version 1 (no openid, errcode 87014 for risky text) stopped being updated in 2021; only 2 is emulated.
    if (Number(version) !== 2) return wechatError(47001, 'data format error: version must be 2');
    if (![1, 2, 3, 4].includes(Number(scene))) return wechatError(40129, 'invalid scene');
    if (!isPlausibleOpenid(openid)) return wechatError(40003, 'invalid openid');

    const text = compact([content, title, nickname, signature].filter((part) => typeof part === 'string').join(''));
    const hit = phrases.find((p) => text.includes(p.phrase));
    const suggest = hit ? 'risky' : 'pass';
    const label = hit?.label ?? NORMAL_LABEL;
    return wechatOk({
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : 0 },
        // WeChat's keyword strategy only reports the developer's own keywords; none are set.
        { strategy: 'keyword', errcode: 0 },
      ],
      trace_id: traceId(),
      result: { suggest, label },
    });
  };
}
