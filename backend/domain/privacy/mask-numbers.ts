/**
 * Phone and ID-card numbers written into free text, masked for every reader who need not
 * call the resident back: 138****8000, 0755-****2345, 4403**********123X.
 *
 * Residents write numbers every which way — "138.1234.5678", "(138)12345678", "138 - 1234 -
 * 5678", full-width or mathematical digits, Arabic-Indic digits, 一三八幺二三四五六七八 — and
 * whoever wants to slip one past a filter adds zero-width characters. So the text is read
 * through the one normaliser (text/normalise.ts: NFKC, invisible characters gone, digit
 * look-alikes as digits) and cut into digit groups: runs of digits (a Chinese numeral is a
 * group of its own), joined by any number of separators (spaces, dots, dashes, slashes,
 * underscores, brackets). A number is a stretch of whole groups that reads as a mobile
 * (1[3-9] + 9 digits, after an optional 86/0086), an 18-digit ID (17 digits + digit or X, with
 * a birth date), a 15-digit ID, or a landline with its area code.
 *
 * Only whole groups count, and a group glued to a Latin letter neither starts nor ends a
 * number, so receipt numbers (FT20261121-0042), order numbers, dates (2026-12-06, 20261206),
 * times and amounts stay as typed. The masked number is written in plain digits — the look-
 * alikes were there to dodge, and a reader should not have to decode them — with its
 * separators as typed; the rest of the text is left exactly as typed, minus invisible
 * characters. Pure.
 */
import { mayHoldDigits, readUnits, stripInvisible } from '../text';
import type { ReadUnit } from '../text';

/** What may sit between the digit groups of one number, any number of times, mixed. */
const SEPARATOR = /^[\s.·•・‧∙⋅。\-‐‑‒–—―−﹘/\\|_()[\]{}【】〔〕〖〗+]$/u;
const LATIN = /^[A-Za-z]$/;
const CHECK_X = /^[Xx]$/;

interface Group {
  /** Indexes (into the units) of its characters: digits, and maybe a final X. */
  readonly units: number[];
  readonly digits: string;
  /** A Latin letter right before or right after it: part of a code, not a number. */
  readonly gluedLeft: boolean;
  readonly gluedRight: boolean;
}

interface Shape {
  /** Whether these digits (of whole groups) are this kind of number. */
  readonly matches: (digits: string, groups: readonly Group[]) => boolean;
  /** Which digits (0-based) to hide. */
  readonly hide: (digits: string) => { from: number; to: number };
}

/** Tried in this order at each starting group: the longest shapes first, so an ID is never read as a phone. */
const SHAPES: readonly Shape[] = [
  {
    // 18-digit resident ID: region (6), birth date (8), sequence (3), check digit or X.
    matches: (d) => /^[1-9]\d{16}[\dX]$/i.test(d) && plausibleBirth(d.slice(6, 14)),
    hide: () => ({ from: 4, to: 14 }),
  },
  {
    // Mainland mobile: 1[3-9] and 9 more digits, maybe after the country code (86, 0086); keep
    // the carrier prefix and the last 4.
    matches: (d) => /^(?:86|0086)?1[3-9]\d{9}$/.test(d),
    hide: (d) => ({ from: d.length - 8, to: d.length - 4 }),
  },
  {
    // 15-digit ID of the first generation: region (6), yymmdd, sequence (3).
    matches: (d) => /^[1-9]\d{14}$/.test(d) && plausibleBirth(`19${d.slice(6, 12)}`),
    hide: () => ({ from: 4, to: 12 }),
  },
  {
    // Landline with its area code (010, 02x, 0xxx): the code is its own group, or the whole
    // number one group; the local number (7–8 digits, not starting 0 or 1) but its last 4.
    matches: (d, groups) => {
      const area = areaLength(d);
      const local = d.slice(area);
      return /^0\d+$/.test(d) && /^[2-9]\d{6,7}$/.test(local) && (groups.length === 1 || groups[0].digits.length === area);
    },
    hide: (d) => ({ from: areaLength(d), to: d.length - 4 }),
  },
];

const areaLength = (digits: string) => (/^0[12]/.test(digits) ? 3 : 4);

/** `text` with the middle digits of every phone and ID-card number replaced by `*`. */
export function maskNumbers(text: string): string {
  if (!text || !mayHoldDigits(text)) return text && stripInvisible(text);
  const units = readUnits(text);
  const hidden = new Map<number, string>(); // unit index → what it is written as
  for (const run of digitRuns(units)) {
    for (let first = 0; first < run.length;) {
      const found = numberAt(run, first);
      if (!found) {
        first += 1;
        continue;
      }
      found.units.forEach((index, i) => hidden.set(index, i >= found.from && i < found.to ? '*' : units[index].char));
      first = found.next;
    }
  }
  return hidden.size === 0 ? stripInvisible(text) : rewrite(text, units, hidden);
}

/** Digit groups joined only by separators; anything else ends a run. */
function digitRuns(units: readonly ReadUnit[]): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (let at = 0; at < units.length;) {
    const unit = units[at];
    if (unit.kind === 'other') {
      if (!SEPARATOR.test(unit.char)) close();
      at += 1;
      continue;
    }
    const members = [at];
    if (unit.kind === 'digit') while (units[members.length + at]?.kind === 'digit') members.push(members.length + at);
    let end = at + members.length;
    // A final X is an ID's check digit when nothing letter-like follows it.
    if (unit.kind === 'digit' && CHECK_X.test(units[end]?.char ?? '') && !isWordChar(units[end + 1])) members.push(end++);
    run.push({
      units: members,
      digits: members.map((i) => units[i].char.toUpperCase()).join(''),
      gluedLeft: unit.kind === 'digit' && LATIN.test(units[at - 1]?.char ?? ''),
      gluedRight: unit.kind === 'digit' && LATIN.test(units[end]?.char ?? ''),
    });
    at = end;
  }
  close();
  return runs;
}

/** After an X: a digit or a Latin letter makes it part of a code; a Chinese numeral or anything else does not. */
const isWordChar = (unit: ReadUnit | undefined) => !!unit && (unit.kind === 'digit' || LATIN.test(unit.char));

/** The number starting at `run[first]`, if any: its unit indexes, which of them to hide, and the group after it. */
function numberAt(run: readonly Group[], first: number): { units: number[]; from: number; to: number; next: number } | null {
  if (run[first].gluedLeft) return null;
  for (const shape of SHAPES) {
    let digits = '';
    for (let last = first; last < run.length && digits.length < 18; last += 1) {
      digits += run[last].digits;
      // A group glued to a letter on its right cannot end a number; an X inside one fails every shape.
      if (run[last].gluedRight || !shape.matches(digits, run.slice(first, last + 1))) continue;
      const { from, to } = shape.hide(digits);
      return { units: run.slice(first, last + 1).flatMap((group) => group.units), from, to, next: last + 1 };
    }
  }
  return null;
}

/** The original text, invisible characters dropped, each number that was found written out with its hidden digits as `*`. */
function rewrite(text: string, units: readonly ReadUnit[], hidden: ReadonlyMap<number, string>): string {
  // A source character that holds a digit of a number is written anew: all of its units, in order.
  const bySource = new Map<number, { end: number; parts: string[]; touched: boolean }>();
  units.forEach((unit, index) => {
    const source = bySource.get(unit.start) ?? { end: unit.end, parts: [], touched: false };
    const shown = hidden.get(index);
    source.parts.push(shown ?? unit.char);
    source.touched ||= shown !== undefined;
    bySource.set(unit.start, source);
  });
  let out = '';
  for (let at = 0; at < text.length;) {
    const source = bySource.get(at);
    if (source?.touched) {
      out += source.parts.join('');
      at = source.end;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    out += stripInvisible(ch);
    at += ch.length;
  }
  return out;
}

/** A 'YYYYMMDD' that could be someone's birthday: 1900 to 2099, a real month, a day of 01–31. */
function plausibleBirth(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(4, 6));
  const day = Number(date.slice(6, 8));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
