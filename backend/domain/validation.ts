/**
 * Input validation at the edge of every action: a tiny schema language whose failures
 * name the field and say, in Chinese, what was wrong. Pure; no SDK import.
 * Strict on purpose: unknown fields, numbers sent as strings and operator-looking
 * objects are refused, so nothing a client invents ever reaches a database query.
 *
 * A failure's `field` is a dotted path in every validator and use case (`location.latitude`,
 * `photoFileIds.0`, `hours.1.close`): the way CloudBase (and MongoDB) name a nested field or an
 * array element in queries and updates, so a client needs one parser, built with `fieldPath`.
 */
import { cleanText, visibleLength } from './text';

export type Check<T> = (value: unknown, path: string) => { ok: true; value: T } | { ok: false; field: string; reason: string };

type Shape = Record<string, Check<unknown>>;
type Infer<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S>[K] ? K : never }[keyof S];
type Parsed<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S>[K] } & { [K in OptionalKeys<S>]?: Infer<S>[K] };

const bad = (field: string, reason: string) => ({ ok: false as const, field, reason });

export function number(label: string, range: { min: number; max: number; integer?: boolean }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return bad(path, `${label}必须是数字`);
    if (range.integer && !Number.isInteger(value)) return bad(path, `${label}必须是整数`);
    if (value < range.min || value > range.max) return bad(path, `${label}应在 ${range.min} 到 ${range.max} 之间`);
    return { ok: true, value };
  };
}

export function text(label: string, limits: { min?: number; max: number; pattern?: RegExp; patternHint?: string }): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return bad(path, `${label}必须是文字`);
    const length = [...value].length; // count characters as a person does, not UTF-16 units
    if (length < (limits.min ?? 0)) return bad(path, limits.min === 1 ? `请填写${label}` : `${label}至少 ${limits.min} 个字`);
    if (length > limits.max) return bad(path, `${label}不能超过 ${limits.max} 个字`);
    if (limits.pattern && !limits.pattern.test(value)) return bad(path, limits.patternHint ?? `${label}格式不正确`);
    return { ok: true, value };
  };
}

/**
 * Text a person typed (a title, a note, a reply): cleaned by the one normaliser first —
 * characters that render nothing removed, then trimmed — and that is what is checked and
 * stored, so neither zero-width padding nor a bidi override gets past a limit or into the
 * record. The minimum counts the characters that show (text/normalise.ts `visibleLength`);
 * the maximum counts every code point, so marks cannot make a text unbounded.
 */
export function freeText(label: string, limits: { min?: number; max: number }): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return bad(path, `${label}必须是文字`);
    const cleaned = cleanText(value);
    const shown = visibleLength(cleaned);
    const min = limits.min ?? 0;
    if (shown < min) return bad(path, shown === 0 ? `请填写${label}` : `${label}至少 ${min} 个字`);
    if ([...cleaned].length > limits.max) return bad(path, `${label}不能超过 ${limits.max} 个字`);
    return { ok: true, value: cleaned };
  };
}

/** An optional `freeText`: absent, null, blank or only invisible characters all mean "none". */
export function optionalFreeText(label: string, max: number): Check<string | undefined> {
  const check = freeText(label, { max });
  return (value, path) => {
    if (value === undefined || value === null) return { ok: true, value: undefined };
    const result = check(value, path);
    return result.ok ? { ok: true, value: visibleLength(result.value) > 0 ? result.value : undefined } : result;
  };
}

export function oneOf<T extends string>(label: string, options: readonly T[]): Check<T> {
  return (value, path) =>
    typeof value === 'string' && (options as readonly string[]).includes(value) ? { ok: true, value: value as T } : bad(path, `${label}不在可选范围内`);
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined || value === null ? { ok: true, value: undefined } : check(value, path));
}

export function object<S extends Shape>(shape: S, options: { allow?: string[] } = {}): Check<Parsed<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad(path || 'input', '请求格式不正确');
    const allowed = new Set([...Object.keys(shape), ...(options.allow ?? [])]);
    for (const key of Object.keys(value)) {
      if (!allowed.has(key)) return bad(fieldPath(path, key), `不认识的字段 ${key}`);
    }
    const parsed: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const result = check((value as Record<string, unknown>)[key], fieldPath(path, key));
      if (!result.ok) return result;
      if (result.value !== undefined) parsed[key] = result.value;
    }
    return { ok: true, value: parsed as Parsed<S> };
  };
}

/** The path of a field or array element below `path`: `fieldPath('hours', 1, 'close')` is 'hours.1.close'. */
export function fieldPath(path: string, ...keys: (string | number)[]): string {
  return [path, ...keys.map(String)].filter((part) => part !== '').join('.');
}
