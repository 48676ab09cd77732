/**
 * Bad input, generated: each call takes a valid input of its action and breaks it at one or
 * two places (every field and nested field is a candidate), or replaces the whole event.
 * Every mutation is a name and a value, so a finding can be reported as "what was sent".
 */
import { idShapes, INVISIBLE, phoneShapes } from './number-shapes';
import type { Prng } from './prng';

type Json = unknown;
type Path = (string | number)[];

const MEGABYTE = 1 << 20;

/** JSON.parse keeps "__proto__" as an own key, as a client's request would carry it. */
const protoKey = (inner: string) => JSON.parse(`{"__proto__": ${inner}}`) as Record<string, unknown>;

const ODD_UNICODE = [
  '\u0000',
  '\ud800', // a lone surrogate
  '\udfff\ud800',
  '\u202e站点\u202c', // right-to-left override
  '\u200b\u200b\u200b\u200b', // only zero-width spaces
  '\ufeff华富',
  '👨‍👩‍👧‍👦🏳️‍🌈🇨🇳',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '\u3000\u3000\u3000\u3000',
  '华富\r\n\t\u0085\u2028\u2029',
  '𠀀𪚥𰻞𰻞',
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  '../../../../etc/passwd',
  '%00%2e%2e',
  '${7*7}{{7*7}}',
];

/** Phone and ID numbers in every shape made to slip past the mask, for the text fields. */
const NUMBER_SHAPES = [...phoneShapes('13812345678'), ...idShapes('440304199001011234')].map((s) => s.text);

/** Text that renders nothing: only invisible characters, or a right-to-left override before what was there. */
const INVISIBLE_ONLY = ['\u200b\u200b\u200b\u200b', INVISIBLE.join(''), INVISIBLE.join('').repeat(60), '\u202e\u202c', '\ufe0f\ufe0f\ufe0f\ufe0f', '\u3164\u3164\u3164\u3164'];

const OPERATORS: Json[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $where: 'function () { return true; }' },
  { $regex: '.*' },
  { $in: ['st-ft-hf', 'odemo-admin'] },
  { $exists: true },
  { $expr: { $eq: [1, 1] } },
  { $or: [{}, { a: 1 }] },
  { $set: { role: 'admin' } },
  { 'a.b': 1 },
];

const PROTO: Json[] = [protoKey('{"role": "admin", "isAdmin": true}'), { constructor: { prototype: { role: 'admin' } } }, protoKey('null'), { prototype: { polluted: true } }];

const FORGED_IDS = [
  'st-ft-lh', // another street's station
  'sf-admin',
  'dp-002',
  'odemo-admin',
  '0123456789abcdef0123456789abcdef', // a CloudBase-shaped id nobody has
  'ca-00000000',
  'x'.repeat(300),
  '*',
  '.*',
  '',
];

const WRONG_TYPES: Json[] = [null, true, false, 0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, '', 'text', [], [1, 'a'], {}, { a: 1 }];

const OUT_OF_RANGE_COORDINATES = [90.000001, -90.5, 180.000001, -181, 1e300, -1e300, 91, 360];

const BIG_NUMBERS = [-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, 0.1, -0, 5e-324];

export interface Mutated {
  event: Json;
  /** What was done, for the report: `number-as-string @ latitude`. */
  what: string;
}

const idLike = (key: string) => /(^|[a-z])(id|Id|Ids|code|No)$/.test(key) || key === '_id';
const coordinateLike = (key: string) => /latitude|longitude/i.test(key);

/** Keys whose plain property access reaches a prototype: never walked into, only set as own keys. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every path into the value: object keys and array elements, nested (not into injected prototype keys). */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i], ...pathsOf(item, [...prefix, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      if (!PROTOTYPE_KEYS.has(key)) out.push(...pathsOf(item, [...prefix, key]));
    }
  }
  return out;
}

/** An own property only: `obj.__proto__` would otherwise hand back Object.prototype itself. */
function own(node: unknown, key: string | number): Json {
  return typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, Json>)[key] : undefined;
}

/** Sets an own data property, even for `__proto__` (assignment would change the prototype instead). */
function setOwn(node: Record<string | number, Json>, key: string | number, value: Json): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> | undefined {
  let node = root as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) {
    node = own(node, step) as Record<string | number, Json>;
    if (typeof node !== 'object' || node === null) return undefined;
  }
  return node;
}

/** A replacement value for the field at `key`, and the mutation's name. */
function badValue(rng: Prng, key: string | number, current: Json): [string, Json] {
  const k = String(key);
  const options: (() => [string, Json])[] = [
    () => ['wrong-type', rng.pick(WRONG_TYPES.filter((v) => typeof v !== typeof current || Array.isArray(v) !== Array.isArray(current)))],
    () => ['empty-string', ''],
    () => ['odd-unicode', rng.pick(ODD_UNICODE)],
    () => ['odd-unicode-around', typeof current === 'string' ? `${rng.pick(ODD_UNICODE)}${current}${rng.pick(ODD_UNICODE)}` : rng.pick(ODD_UNICODE)],
    () => ['operator', rng.pick(OPERATORS)],
    () => ['proto-key', rng.pick(PROTO)],
    () => ['big-number', rng.pick(BIG_NUMBERS)],
    () => ['string-array', [current, current]],
  ];
  if (typeof current === 'number')
    options.push(
      () => ['number-as-string', String(current)],
      () => ['number-as-string', ` ${current} `],
    );
  if (typeof current === 'string') {
    options.push(() => ['long-string', current + 'x'.repeat(1000)]);
    // Shapes that pass a check unless the text is read as a person sees it.
    options.push(
      () => ['number-shape', `${current}${rng.pick(NUMBER_SHAPES)}`],
      () => ['invisible-only', rng.pick(INVISIBLE_ONLY)],
      () => ['invisible-inside', [...current].join(rng.pick(INVISIBLE))],
      () => ['rtl-override', `\u202e${current}`],
    );
    if (rng.chance(0.25)) options.push(() => ['huge-string-1MB', rng.chance(0.5) ? 'a'.repeat(MEGABYTE) : '华'.repeat(MEGABYTE / 3)]);
    if (/^\d/.test(current)) options.push(() => ['string-as-number', Number.parseFloat(current)]);
  }
  if (typeof current === 'boolean')
    options.push(
      () => ['boolean-as-string', String(current)],
      () => ['boolean-as-number', current ? 1 : 0],
    );
  if (idLike(k))
    options.push(
      () => ['forged-id', rng.pick(FORGED_IDS)],
      () => ['forged-id', rng.pick(FORGED_IDS)],
    );
  if (coordinateLike(k))
    options.push(
      () => ['out-of-range-coordinate', rng.pick(OUT_OF_RANGE_COORDINATES)],
      () => ['out-of-range-coordinate', rng.pick(OUT_OF_RANGE_COORDINATES)],
    );
  return rng.pick(options)();
}

/** One change at one place of `input` (a clone): replace, delete, or add a field. */
function mutateOnce(rng: Prng, input: Record<string, Json>): string {
  const paths = pathsOf(input);
  const roll = rng.next();
  if (paths.length === 0 || roll < 0.1) {
    // Extra fields: unknown ones, the stored `_id`, identity a client must not set.
    const extras: [string, Json][] = [
      ['_id', rng.pick(FORGED_IDS)],
      ['openid', 'odemo-admin'],
      ['role', 'admin'],
      ['deputyId', 'dp-002'],
      ['stationIds', ['st-ft-lh']],
      ['unknownField', 'x'],
      ['__proto__', { role: 'admin' }],
      ['constructor', { prototype: { role: 'admin' } }],
      ['$where', 'sleep(1000)'],
      ['status', 'closed'],
    ];
    const [key, shared] = rng.pick(extras);
    const value = typeof shared === 'object' && shared !== null ? clone(shared) : shared;
    // A nested object can take the extra field too.
    const at = (p: Path): Json => (p.length === 0 ? input : own(parentOf(input, p), p[p.length - 1]));
    const objects = [[], ...paths].filter((p) => {
      const node = at(p);
      return typeof node === 'object' && node !== null && !Array.isArray(node) && !PROTOTYPE_KEYS.has(String(p[p.length - 1]));
    });
    const target = rng.pick(objects);
    setOwn(at(target) as Record<string, Json>, key, value);
    return `extra-field ${key} @ ${target.join('.') || '(top)'}`;
  }
  const path = rng.pick(paths);
  const parent = parentOf(input, path)!;
  const key = path[path.length - 1];
  if (roll < 0.2) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return `missing @ ${path.join('.')}`;
  }
  const [name, value] = badValue(rng, key, own(parent, key));
  // A copy: the catalogues' objects are shared, and a later mutation must not edit them.
  setOwn(parent, key, typeof value === 'object' && value !== null ? clone(value) : value);
  return `${name} @ ${path.join('.')}`;
}

/** The whole event instead of the input: not an object, an array, an odd `action`. */
function wholeEvent(rng: Prng, action: string, input: Record<string, Json>): Mutated {
  const cases: (() => Mutated)[] = [
    () => ({ event: rng.pick<Json>(['just text', 42, true, null, [], [action], [{ action }]]), what: 'event not an object' }),
    () => ({ event: [{ ...input, action }], what: 'event an array of the valid event' }),
    () => ({ event: { ...input, action: rng.pick<Json>([42, null, true, [action], { $eq: action }, { action }, '']) }, what: 'action of another type' }),
    () => ({
      event: { ...input, action: rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', action.toUpperCase(), ` ${action}`, `${action}\u0000`]) },
      what: 'action an odd string',
    }),
    () => ({ event: { ...input }, what: 'no action' }),
    () => ({ event: { action }, what: 'only the action' }),
    () => ({ event: Object.assign(protoKey('{"action": "whoami"}'), input), what: 'action only on __proto__' }),
  ];
  return rng.pick(cases)();
}

/** A mutated event for `action` from its valid `base` input. */
export function mutate(rng: Prng, action: string, base: Record<string, Json>): Mutated {
  if (rng.chance(0.1)) return wholeEvent(rng, action, clone(base));
  if (rng.chance(0.03)) return { event: { ...clone(base), action }, what: 'valid' };
  const input = clone(base);
  const changes = [mutateOnce(rng, input)];
  if (rng.chance(0.3)) changes.push(mutateOnce(rng, input));
  return { event: { ...input, action }, what: changes.join(' + ') };
}
