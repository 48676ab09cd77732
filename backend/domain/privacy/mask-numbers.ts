/**
 * Phone and ID-card numbers written into free text, masked for every reader who need not
 * call the resident back (issue 5, part 6): 138****8000, 0755-****2345, 4403**********123X.
 *
 * Residents type numbers every which way — full-width digits, "+86 138 0013 8000",
 * "138-0013-8000" — so digits may be separated by one space or dash, and full-width
 * characters are read as their ASCII twins. Only digits are replaced; everything else,
 * separators included, stays as typed. A candidate must not touch a letter or digit on either
 * side, so receipt numbers (FT20261121-0042), order numbers and longer digit runs are left
 * alone; ID numbers must carry a real birth date. Pure.
 */

const SEP = '[ -]?';
const DIGIT = `${SEP}\\d`;

interface NumberShape {
  /** Matched at one position (sticky); digits may be separated by SEP. */
  readonly pattern: RegExp;
  /** Which of the match's digits (0-based, separators not counted) to hide, or null if it is not one after all. */
  readonly hide: (digits: string) => { from: number; to: number } | null;
}

const MOBILE_DIGITS = 11;

/** Tried in this order at each position: the longest shapes first, so an ID is never read as a phone. */
const SHAPES: readonly NumberShape[] = [
  {
    // 18-digit resident ID: region (6), birth date (8), sequence (3), check digit or X.
    pattern: new RegExp(`[1-9](?:${DIGIT}){16}${SEP}[\\dX]`, 'iy'),
    hide: (digits) => (plausibleBirth(digits.slice(6, 14)) ? { from: 4, to: 14 } : null),
  },
  {
    // Mobile with the country code: +86 / 86 / 0086 before the 11 digits.
    pattern: new RegExp(`(?:\\+|00)?86${SEP}1${SEP}[3-9](?:${DIGIT}){9}`, 'y'),
    hide: (digits) => {
      const start = digits.length - MOBILE_DIGITS;
      return { from: start + 3, to: start + 7 };
    },
  },
  {
    // Mainland mobile: 1[3-9] and 9 more digits; keep the carrier prefix and the last 4.
    pattern: new RegExp(`1${SEP}[3-9](?:${DIGIT}){9}`, 'y'),
    hide: () => ({ from: 3, to: 7 }),
  },
  {
    // 15-digit ID of the first generation: region (6), yymmdd, sequence (3).
    pattern: new RegExp(`[1-9](?:${DIGIT}){14}`, 'y'),
    hide: (digits) => (plausibleBirth(`19${digits.slice(6, 12)}`) ? { from: 4, to: 12 } : null),
  },
  {
    // Landline with its area code (010, 02x, 0xxx), optionally in brackets: the local number but its last 4.
    pattern: new RegExp(`\\(?0\\d{2,3}\\)?${SEP}[2-9](?:${DIGIT}){6,7}`, 'y'),
    hide: (digits) => {
      const area = /^0[12]/.test(digits) ? 3 : 4;
      return digits.length - area >= 7 ? { from: area, to: digits.length - 4 } : null;
    },
  },
];

/** Full-width digits, plus, dashes and spaces read as ASCII, one character for one, so positions stay put. */
function readable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length > 1) out += ch;
    else if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else if (ch === 'Ｘ' || ch === 'ｘ') out += 'X';
    else if (ch === '＋') out += '+';
    else if (ch === '（') out += '(';
    else if (ch === '）') out += ')';
    else if (ch === '－' || ch === '‐' || ch === '‑' || ch === '–' || ch === '—' || ch === '−') out += '-';
    else if (ch === '\u3000' || ch === '\u00a0' || ch === '\t') out += ' ';
    else out += ch;
  }
  return out;
}

const WORD = /[0-9A-Za-z]/;

/** `text` with the middle digits of every phone and ID-card number replaced by `*`. */
export function maskNumbers(text: string): string {
  if (!text) return text;
  const seen = readable(text);
  if (!/\d/.test(seen)) return text;
  const out = [...text.split('')];
  let changed = false;
  for (let at = 0; at < seen.length; at += 1) {
    if (!/[\d+(]/.test(seen[at]) || (at > 0 && WORD.test(seen[at - 1]))) continue;
    const found = matchAt(seen, at);
    if (!found) continue;
    for (const index of found.hidden) out[index] = '*';
    changed = true;
    at = found.end - 1;
  }
  return changed ? out.join('') : text;
}

function matchAt(seen: string, at: number): { end: number; hidden: number[] } | null {
  for (const shape of SHAPES) {
    shape.pattern.lastIndex = at;
    const match = shape.pattern.exec(seen);
    if (!match) continue;
    const end = at + match[0].length;
    if (end < seen.length && WORD.test(seen[end])) continue;
    const positions = [...match[0]].flatMap((ch, i) => (/[\dX]/i.test(ch) ? [at + i] : []));
    const range = shape.hide(positions.map((p) => seen[p]).join(''));
    if (!range) continue;
    return { end, hidden: positions.slice(range.from, range.to) };
  }
  return null;
}

/** A 'YYYYMMDD' that could be someone's birthday: 1900 to 2099, a real month, a day of 01–31. */
function plausibleBirth(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(4, 6));
  const day = Number(date.slice(6, 8));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
