/**
 * One reading of typed text for every rule that stores, counts, compares or scans it — the
 * free-text inputs and their length limits, the duplicate-content check and the masking of
 * phone and ID numbers — so that a character that renders nothing can neither pass a limit,
 * dodge a comparison nor split a number. Three layers, each on the one before:
 *
 *   cleanText   what is stored: invisible and bidi control characters removed, trimmed;
 *   comparable  what is compared: clean, NFKC, no whitespace;
 *   readUnits   what a scanner reads: each visible character folded (NFKC, digit look-alikes
 *               as ASCII digits), with where it came from, so a rule can rewrite the original.
 *
 * Stored text is not NFKC-folded: that would turn a resident's Chinese punctuation （，：） into
 * ASCII. Pure; no SDK import.
 */

/**
 * Characters that render nothing, or only steer how the rest renders: format characters (Cf:
 * zero-width space and joiners, U+2060, U+FEFF, soft hyphen, U+180E, the bidi marks, embeddings,
 * overrides and isolates, tag characters …) except the few that print a visible sign of their
 * own (U+0600–0605, U+06DD, U+070F, U+0890–0891, U+08E2, U+110BD, U+110CD); control characters
 * but tab and line breaks; the combining grapheme joiner; Khmer's invisible vowels and
 * Mongolian's variation selectors. A ZWJ between emoji goes too: it only merges their drawings.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- control characters are the point; each code point in the class is matched alone
  /(?![\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}])\p{Cf}|[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u034f\u17b4\u17b5\u180b-\u180f]/gu;

// eslint-disable-next-line no-misleading-character-class -- as INVISIBLE: one code point at a time
const INVISIBLE_CHAR = new RegExp(`^(?:${INVISIBLE.source})$`, 'u');

/** Fillers that draw an empty box of space (Hangul fillers, the blank braille pattern): read as a space. */
const BLANK = /[\u115f\u1160\u3164\uffa0\u2800]/g;

/** `text` without the characters that render nothing (see INVISIBLE); blank fillers become spaces. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(BLANK, ' ');
}

/** A free-text input as it is validated and stored: nothing invisible, no spaces at either end. */
export function cleanText(text: string): string {
  return stripInvisible(text).trim();
}

/** Marks (accents, variation selectors, keycaps) ride on the character before them. */
const MARK = /^\p{M}$/u;

/**
 * Characters a reader sees: code points of the clean text that are not marks, so a title of
 * four variation selectors is empty and "é" typed as e + U+0301 is one. For minimums only: a
 * maximum counts every code point (`[...text].length`), or marks would make a title unbounded.
 */
export function visibleLength(text: string): number {
  let count = 0;
  for (const ch of cleanText(text)) if (!MARK.test(ch)) count += 1;
  return count;
}

/** Two texts are the same when these are equal: what differs only by spacing, width or invisible characters. */
export function comparable(text: string): string {
  return stripInvisible(text).normalize('NFKC').replace(/\s+/g, '');
}

/** One visible character as the rules read it. */
export interface ReadUnit {
  /** One character: NFKC-folded, a digit look-alike as its ASCII digit. */
  readonly char: string;
  /** `digit`: an ASCII digit, or any digit that folds to one; `numeral`: a Chinese numeral read as a digit. */
  readonly kind: 'digit' | 'numeral' | 'other';
  /** Where it came from in the original: UTF-16 offsets, the marks after it included. */
  readonly start: number;
  readonly end: number;
}

/**
 * Chinese numerals as read aloud in a phone number (幺 for 1, 两 for 2; 拐 7, 勾 9, 洞 0 in the
 * radio alphabet), the financial forms and the Suzhou numerals 〡–〩. Each is read on its own:
 * "13800138000一直" is a number followed by a word, not a twelve-digit run.
 */
const NUMERALS: Record<string, string> = Object.fromEntries(
  [
    ['0', '〇零洞'],
    ['1', '一壹幺〡'],
    ['2', '二贰貳两兩〢'],
    ['3', '三叁叄參〣'],
    ['4', '四肆〤'],
    ['5', '五伍〥'],
    ['6', '六陆陸〦'],
    ['7', '七柒拐〧'],
    ['8', '八捌〨'],
    ['9', '九玖勾〩'],
  ].flatMap(([digit, chars]) => [...chars].map((ch) => [ch, digit])),
);

/** Dingbat circled digits NFKC leaves alone (❶ ➀ ➊ ⓵ are each 1, the next eight follow). */
const CIRCLED_ONES = [0x2776, 0x2780, 0x278a, 0x24f5];
const DECIMAL = /^\p{Nd}$/u;

/** The ASCII digit `ch` stands for, if it is one. */
function digitOf(ch: string): string | undefined {
  if (ch >= '0' && ch <= '9') return ch;
  const cp = ch.codePointAt(0)!;
  if (DECIMAL.test(ch)) {
    // Unicode encodes every decimal digit set as ten in a row from 0: the position in the run is the value.
    let zero = cp;
    while (DECIMAL.test(String.fromCodePoint(zero - 1))) zero -= 1;
    return String((cp - zero) % 10);
  }
  if (cp === 0x24ff) return '0';
  const one = CIRCLED_ONES.find((start) => cp >= start && cp < start + 9);
  return one === undefined ? undefined : String(cp - one + 1);
}

/** NFKC of one code point, skipping the call for the ranges it cannot change (ASCII, CJK ideographs). */
function fold(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff) ? ch : ch.normalize('NFKC');
}

/**
 * The visible characters of `text` in order, each folded and pointing back at its source.
 * Invisible characters are skipped, marks join the character before them (and are not read),
 * and a character NFKC expands ("⑴" → "(1)") gives one unit per character, sharing a source.
 */
export function readUnits(text: string): ReadUnit[] {
  const units: ReadUnit[] = [];
  let base: ReadUnit[] = [];
  for (let at = 0; at < text.length;) {
    const cp = text.codePointAt(at)!;
    // Printable ASCII and CJK ideographs, most of any text, are neither invisible, marks nor changed by NFKC.
    if ((cp >= 0x20 && cp < 0x7f) || (cp >= 0x4e00 && cp <= 0x9fff)) {
      const ch = text[at];
      const numeral = NUMERALS[ch];
      const digit = ch >= '0' && ch <= '9';
      base = [{ char: numeral ?? ch, kind: digit ? 'digit' : numeral !== undefined ? 'numeral' : 'other', start: at, end: at + 1 }];
      units.push(base[0]);
      at += 1;
      continue;
    }
    const ch = String.fromCodePoint(cp);
    const next = at + ch.length;
    if (INVISIBLE_CHAR.test(ch)) {
      at = next;
      continue;
    }
    if (MARK.test(ch)) {
      // Extend the character this mark decorates, so rewriting it takes the mark along.
      base = base.map((unit) => ({ ...unit, end: next }));
      units.splice(units.length - base.length, base.length, ...base);
    } else {
      const blank = ch.replace(BLANK, ' ');
      base = [];
      for (const folded of fold(blank)) {
        if (MARK.test(folded)) continue;
        const digit = digitOf(folded);
        const numeral = NUMERALS[folded];
        base.push({
          char: digit ?? numeral ?? folded,
          kind: digit !== undefined ? 'digit' : numeral !== undefined ? 'numeral' : 'other',
          start: at,
          end: next,
        });
      }
      units.push(...base);
    }
    at = next;
  }
  return units;
}

const NUMBERISH = new RegExp(`[\\p{N}${Object.keys(NUMERALS).join('')}]`, 'u');

/** Whether `text` has anything `readUnits` could read as a digit: lets a scanner skip plain text cheaply. */
export function mayHoldDigits(text: string): boolean {
  return NUMBERISH.test(text);
}
