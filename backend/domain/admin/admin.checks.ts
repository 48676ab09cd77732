/** Small checks the admin inputs share, in validation.ts's style (Chinese reasons, field paths). */
import { array, trimmedText } from '../case/combinators';
import { OFFICE_PHONE, PHONE_MAX_CHARS } from '../contact';
import { fieldPath, number, object, text, type Check } from '../validation';

const bad = (field: string, reason: string) => ({ ok: false as const, field, reason });

/** Ids of stations or staff as the pickers send them. */
export const recordId = (label: string): Check<string> => text(label, { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

/** A list of ids without repeats: a station named twice is a client bug, not a wish. */
export function idList(label: string, limits: { min?: number; max: number }): Check<string[]> {
  const listed = array(label, recordId(label), limits);
  return (value, path) => {
    const result = listed(value, path);
    if (!result.ok) return result;
    const seen = new Set<string>();
    for (const [index, id] of result.value.entries()) {
      if (seen.has(id)) return bad(fieldPath(path, index), `${label}重复了`);
      seen.add(id);
    }
    return result;
  };
}

/** A person's or place's name: trimmed, never only spaces. */
export const name = (label: string, max: number): Check<string> => trimmedText(text(label, { min: 1, max }));

/** An office line or mobile as printed (contact.ts). */
export const phone = (label: string): Check<string> =>
  trimmedText(text(label, { min: 1, max: PHONE_MAX_CHARS, pattern: OFFICE_PHONE, patternHint: `${label}只能包含数字、空格和短横线` }));

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const time = (label: string): Check<string> => text(label, { min: 1, max: 5, pattern: HHMM, patternHint: `${label}应为 HH:mm 格式，如 09:00` });

const openingHoursShape = object({
  weekdays: array('开放日', number('星期', { min: 1, max: 7, integer: true }), { min: 1, max: 7 }),
  open: time('开门时间'),
  close: time('关门时间'),
});

/** One line of opening hours: at least one weekday (1 Mon … 7 Sun), each once, opening before closing. */
export const openingHours: Check<{ weekdays: number[]; open: string; close: string }> = (value, path) => {
  const result = openingHoursShape(value, path);
  if (!result.ok) return result;
  const { weekdays, open, close } = result.value;
  if (new Set(weekdays).size !== weekdays.length) return bad(`${path}.weekdays`, '开放日重复了');
  // 'HH:mm' strings compare in time order.
  if (open >= close) return bad(`${path}.close`, '关门时间应晚于开门时间');
  return { ok: true, value: { weekdays: [...weekdays].sort((a, b) => a - b), open, close } };
};
