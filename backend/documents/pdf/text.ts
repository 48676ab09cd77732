/**
 * Text for the Type0 font (fonts.ts): UCS-2 encoding, an approximate measure and line
 * wrapping with light kinsoku (禁则).
 */

/** Characters a line may not start with: closing punctuation stays with what it closes. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』”']);
/** Characters a line may not end with: opening brackets stay with what they open. */
const NO_LINE_END = new Set([...'（《「『“']);

/**
 * What the font can draw, one UTF-16 unit per character. UniGB-UCS2-H is a 2-byte CMap, so
 * characters beyond the BMP (rare 汉字 of Extension B+, emoji) become '?'. U+00B7 '·' is not
 * in UniGB-UCS2-H; GB2312's middle dot (CID 99) is reached through U+30FB, so it goes there.
 */
export function drawableText(text: string): string {
  let out = '';
  for (const char of text) {
    if (char.codePointAt(0)! > 0xffff) out += '?';
    else if (char === '\u00b7') out += '\u30fb';
    else out += char;
  }
  return out;
}

/** The content-stream string for `text`: hex UCS-2 big-endian, e.g. <4EBA5927>. */
export function encodeUcs2Hex(text: string): string {
  let hex = '';
  for (const char of drawableText(text)) hex += char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

function isHalfWidth(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x20 && code <= 0x7e;
}

/**
 * Width in em, approximated: printable ASCII is half an em (the font declares exactly 500
 * for those CIDs, see fonts.ts), everything else a full em. Real Song faces draw Latin
 * proportionally, so Latin-heavy lines may end a little short of the measure — never over.
 */
export function measureEm(text: string): number {
  let em = 0;
  for (const char of drawableText(text)) em += isHalfWidth(char) ? 0.5 : 1;
  return em;
}

export function measure(text: string, size: number): number {
  return measureEm(text) * size;
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
 * cut where it is full rather than overflowing.
 */
export function wrapParagraph(text: string, width: number, size: number, firstIndent = 0): string[] {
  const chars = [...drawableText(text)];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const available = (lines.length === 0 ? width - firstIndent : width) + 1e-6;
    let end = start;
    let used = 0;
    while (end < chars.length) {
      const w = measure(chars[end], size);
      if (used + w > available && end > start) break;
      used += w;
      end += 1;
    }
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
