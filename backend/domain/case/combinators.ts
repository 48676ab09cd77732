/**
 * Two checks validation.ts lacks, written in its style (strict types, Chinese reasons,
 * field paths). Candidates to move into backend/domain/validation.ts.
 */
import { cleanText } from '../text';
import { fieldPath, type Check } from '../validation';

const bad = (field: string, reason: string) => ({ ok: false as const, field, reason });

/** Only true or false: "true", 1 and the like are refused rather than coerced. */
export function boolean(label: string): Check<boolean> {
  return (value, path) => (typeof value === 'boolean' ? { ok: true, value } : bad(path, `${label}只能选择是或否`));
}

/** A real array of at most `max` items (at least `min`), each passing `item`. */
export function array<T>(label: string, item: Check<T>, limits: { min?: number; max: number }): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return bad(path, `${label}格式不正确`);
    if (value.length < (limits.min ?? 0)) return bad(path, `${label}至少 ${limits.min} 项`);
    if (value.length > limits.max) return bad(path, `${label}最多 ${limits.max} 项`);
    const parsed: T[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const result = item(value[index], fieldPath(path, index));
      if (!result.ok) return result;
      parsed.push(result.value);
    }
    return { ok: true, value: parsed };
  };
}

/**
 * Clean strings before `check` (text/normalise.ts: invisible characters removed, trimmed), so
 * "    " or four zero-width spaces are not a name and what is stored is tidy. Typed text with
 * a minimum length is better checked by `freeText`, which counts only what shows.
 */
export function trimmedText(check: Check<string>): Check<string> {
  return (value, path) => check(typeof value === 'string' ? cleanText(value) : value, path);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written 'YYYY-MM-DD' (2026-02-30 is refused, not rolled over). */
export function calendarDate(label: string): Check<string> {
  return (value, path) => {
    const match = typeof value === 'string' ? DATE.exec(value) : null;
    if (!match) return bad(path, `${label}应为“年-月-日”格式，如 2026-03-01`);
    const [, year, month, day] = match.map(Number);
    const roundTrip = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
    return roundTrip === value ? { ok: true, value } : bad(path, `${label}不是有效的日期`);
  };
}
