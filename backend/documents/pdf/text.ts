/**
 * Measuring text in the embedded fonts (fonts.ts) and line wrapping with light kinsoku (禁则).
 */
import { runEm, runsOf } from './fonts';

/** Characters a line may not start with: closing punctuation stays with what it closes. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』”']);
/** Characters a line may not end with: opening brackets stay with what they open. */
const NO_LINE_END = new Set([...'（《「『“']);

/** Width in em of `text` as drawn: each run in its face, shaped as pdfkit shapes it. */
export function measureEm(text: string): number {
  return runsOf(text).reduce((sum, run) => sum + runEm(run), 0);
}

export function measure(text: string, size: number): number {
  return measureEm(text) * size;
}

// Wrapping measures one character at a time; a letter repeats few distinct characters.
const charEm = new Map<string, number>();

function charWidth(char: string, size: number): number {
  let em = charEm.get(char);
  if (em === undefined) {
    em = measureEm(char);
    charEm.set(char, em);
  }
  return em * size;
}

// Runs of printable ASCII without spaces: receipt numbers, phone numbers, words, URLs.
const ASCII_WORD = /[!-~]/;

/** Whether a break between chars[i-1] and chars[i] is acceptable. */
function canBreakBefore(chars: string[], i: number): boolean {
  if (NO_LINE_START.has(chars[i]) || NO_LINE_END.has(chars[i - 1])) return false;
  // Keep such runs whole when possible: a split receipt number is easily mistyped.
  return !(ASCII_WORD.test(chars[i]) && ASCII_WORD.test(chars[i - 1]));
}

/**
 * Greedy line breaking of one paragraph (no newlines) to `width` points at `size`. The first
 * line may be shorter by `firstIndent` points (the two-character indent of Chinese prose).
 * When a break would violate kinsoku it moves back; if no acceptable break fits, the line is
 * cut where it is full rather than overflowing. Characters are whole code points, so a rare
 * character beyond the BMP is never split.
 */
export function wrapParagraph(text: string, width: number, size: number, firstIndent = 0): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const available = (lines.length === 0 ? width - firstIndent : width) + 1e-6;
    let end = start;
    let used = 0;
    while (end < chars.length) {
      const w = charWidth(chars[end], size);
      if (used + w > available && end > start) break;
      used += w;
      end += 1;
    }
    // Kerning can make a shaped line wider than its characters' sum: check the line as drawn.
    while (end > start + 1 && measure(chars.slice(start, end).join(''), size) > available) end -= 1;
    if (end < chars.length) {
      let candidate = end;
      while (candidate > start + 1 && !canBreakBefore(chars, candidate)) candidate -= 1;
      if (candidate > start + 1 || canBreakBefore(chars, candidate)) end = candidate;
    }
    lines.push(chars.slice(start, end).join('').trimEnd());
    start = end;
    while (start < chars.length && chars[start] === ' ') start += 1;
  }
  return lines.length > 0 ? lines : [''];
}

/** Paragraphs of a multi-line text (blank lines dropped), each wrapped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
