import { isDateValue, isTimeValue } from './subscribe-datetime';

/**
 * WeChat's rules for subscription-message values (订阅消息参数值内容限制说明), written down
 * from WeChat's own documentation, independently of the back end that sends them:
 *   https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *   https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/subscribe-message/subscribeMessage.send.html
 *   https://developers.weixin.qq.com/doc/service/api/notify/notify/api_sendnewsubscribemsg.html (the same table, with
 *   "符号表示除中文、英文、数字外的常见符号，不能带有换行等控制字符")
 * A template keyword's type is its key without the number: `thing1` is a thing, `character_string12`
 * a character_string. Lengths count characters (code points), as a person reading the card would.
 * Where the wording leaves room, the reading chosen is noted beside the rule.
 */

export type FieldType = 'thing' | 'number' | 'letter' | 'symbol' | 'character_string' | 'time' | 'date' | 'amount' | 'phone_number' | 'car_number' | 'name' | 'phrase';

export interface FieldRule {
  /** 参数值限制, WeChat's words. */
  limit: string;
  accepts(value: string): boolean;
}

const length = (value: string): number => [...value].length;
const upTo = (max: number, allowed: RegExp) => (value: string) => length(value) <= max && allowed.test(value);

// 符号: common symbols other than Chinese, Latin letters and digits; never a control character.
const SYMBOL = '\\p{P}\\p{S}';
const HAN = '\\p{Script=Han}';

function isName(value: string): boolean {
  // 中文名10个汉字内；中文和字母混合按中文名算，10个字内 — a middle dot (·) counts as a symbol.
  if (new RegExp(HAN, 'u').test(value)) return upTo(10, new RegExp(`^[${HAN}A-Za-z${SYMBOL}]+$`, 'u'))(value);
  // 纯英文名20个字母内 (纯字母或符号); spaces between the parts of a Latin name are taken as allowed.
  return upTo(20, new RegExp(`^[A-Za-z${SYMBOL}](?:[A-Za-z${SYMBOL} ]*[A-Za-z${SYMBOL}])?$`, 'u'))(value) && /[A-Za-z]/.test(value);
}

export const FIELD_RULES: Readonly<Record<FieldType, FieldRule>> = {
  // 事物 · 20个以内字符 · 可汉字、数字、字母或符号组合 (spaces are not control characters, so they pass)
  thing: { limit: '20个以内字符', accepts: upTo(20, /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]+$/u) },
  // 数字 · 32位以内数字 · 只能数字，可带小数 (the decimal point counts toward the 32; no sign)
  number: { limit: '32位以内数字', accepts: upTo(32, /^\d+(?:\.\d+)?$/) },
  // 字母 · 32位以内字母 · 只能字母
  letter: { limit: '32位以内字母', accepts: upTo(32, /^[A-Za-z]+$/) },
  // 符号 · 5位以内符号 · 只能符号
  symbol: { limit: '5位以内符号', accepts: upTo(5, new RegExp(`^[${SYMBOL}]+$`, 'u')) },
  // 字符串 · 32位以内数字、字母或符号 · 可数字、字母或符号组合 (no Chinese, no spaces)
  character_string: { limit: '32位以内数字、字母或符号', accepts: upTo(32, new RegExp(`^[0-9A-Za-z${SYMBOL}]+$`, 'u')) },
  // 时间 · 24小时制时间格式（支持+年月日），支持填时间段 · 例如：15:01，或：2019年10月1日 15:01
  time: { limit: '24小时制时间格式（支持+年月日），支持填时间段，两个时间点之间用“~”符号连接', accepts: isTimeValue },
  // 日期 · 年月日格式（支持+24小时制时间），支持填时间段 · 例如：2019年10月1日，或：2019年10月1日 15:01
  date: { limit: '年月日格式（支持+24小时制时间），支持填时间段，两个时间点之间用“~”符号连接', accepts: isDateValue },
  // 金额 · 1个币种符号+10位以内纯数字，可带小数，结尾可带“元” (read as: at most one currency symbol)
  amount: { limit: '1个币种符号+10位以内纯数字，可带小数，结尾可带“元”', accepts: (value) => /^\p{Sc}?\d{1,10}(?:\.\d+)?元?$/u.test(value) },
  // 电话 · 17位以内，数字、符号 · 例：+86-0766-66888866 (spaces are not symbols)
  phone_number: { limit: '17位以内，数字、符号', accepts: (value) => upTo(17, new RegExp(`^[0-9${SYMBOL}]+$`, 'u'))(value) && /\d/.test(value) },
  // 车牌 · 8位以内，第一位与最后一位可为汉字，其余为字母或数字 · 例：粤A8Z888挂
  car_number: { limit: '8位以内，第一位与最后一位可为汉字，其余为字母或数字', accepts: upTo(8, new RegExp(`^[${HAN}A-Za-z0-9](?:[A-Za-z0-9]*[${HAN}A-Za-z0-9])?$`, 'u')) },
  // 姓名 · 10个以内纯汉字或20个以内纯字母或符号
  name: { limit: '10个以内纯汉字或20个以内纯字母或符号', accepts: isName },
  // 汉字 · 5个以内汉字 · 5个以内纯汉字，例如：配送中
  phrase: { limit: '5个以内汉字', accepts: upTo(5, new RegExp(`^${HAN}+$`, 'u')) },
};

/** `thing1` → thing; `character_string12` → character_string; null when WeChat has no such type. */
export function fieldTypeOf(key: string): FieldType | null {
  const prefix = /^([a-z]+(?:_[a-z]+)*)\d+$/.exec(key)?.[1];
  return prefix !== undefined && Object.prototype.hasOwnProperty.call(FIELD_RULES, prefix) ? (prefix as FieldType) : null;
}
