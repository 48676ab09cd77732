/**
 * Phone and ID numbers the way an attacker (or a resident) writes them to get past a mask, and
 * an independent reader that finds a number again in whatever answer, push or letter it reached.
 * Written from the shapes themselves, never from backend/: the back end's normaliser is what
 * these check, so it cannot be what they check it with.
 */

const ZERO_WIDTH = '\u200b';

/** One digit in another script: the script's zero plus the digit (an ID's final X stays an X). */
const shift = (zero: number) => (digits: string) => [...digits].map((d) => (/\d/.test(d) ? String.fromCodePoint(zero + Number(d)) : d)).join('');
const CHINESE = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SPOKEN = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];
const chinese = (table: string[]) => (digits: string) => [...digits].map((d) => (/\d/.test(d) ? table[Number(d)] : d)).join('');

const mathBold = shift(0x1d7ce);
const arabicIndic = shift(0x0660);
const easternArabicIndic = shift(0x06f0);
const fullWidth = shift(0xff10);

/** A mainland mobile (11 digits) in every shape the masking must see through. */
export function phoneShapes(phone: string): { shape: string; text: string }[] {
  const [a, b, c] = [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)];
  return [
    { shape: 'plain', text: phone },
    { shape: 'dots', text: `${a}.${b}.${c}` },
    { shape: 'two spaces', text: `${a}  ${b}  ${c}` },
    { shape: 'spaced dashes', text: `${a} - ${b} - ${c}` },
    { shape: 'slashes', text: `${a}/${b}/${c}` },
    { shape: 'underscores', text: `${a}_${b}_${c}` },
    { shape: 'bracketed prefix', text: `(${a})${b}${c}` },
    { shape: 'mixed separators', text: `${a} -./ ${b} _ ${c}` },
    { shape: 'zero-width split', text: [...phone].join(ZERO_WIDTH) },
    { shape: 'mathematical bold', text: mathBold(phone) },
    { shape: 'Arabic-Indic', text: arabicIndic(phone) },
    { shape: 'extended Arabic-Indic', text: easternArabicIndic(phone) },
    { shape: 'full-width', text: fullWidth(phone) },
    { shape: 'Chinese numerals', text: chinese(CHINESE)(phone) },
    { shape: 'Chinese numerals read aloud (零, 幺)', text: chinese(SPOKEN)(phone) },
  ];
}

/** An 18-digit ID number (17 digits + digit) in every shape the masking must see through. */
export function idShapes(id: string): { shape: string; text: string }[] {
  return [
    { shape: 'plain ID', text: id },
    { shape: 'ID in groups', text: `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}` },
    { shape: 'ID with dots', text: `${id.slice(0, 6)}.${id.slice(6, 10)}.${id.slice(10, 14)}.${id.slice(14)}` },
    { shape: 'ID split by zero-width spaces', text: [...id].join(ZERO_WIDTH) },
    { shape: 'ID in full-width digits', text: fullWidth(id) },
    { shape: 'ID in Chinese numerals', text: chinese(CHINESE)(id) },
  ];
}

/** Characters that render nothing, as text fields get them: alone, around and inside what is typed. */
export const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u180e',
  '\u00ad',
];

/** Whether `text` holds one of INVISIBLE (what nothing stored should). */
export const hasInvisible = (text: string): boolean => INVISIBLE.some((ch) => text.includes(ch));

/** Every digit of `text` in order, whatever it was written in; everything else dropped. */
export function digitsOf(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch >= '0' && ch <= '9') out += ch;
    else if (cp >= 0xff10 && cp <= 0xff19) out += String(cp - 0xff10);
    else if (cp >= 0x0660 && cp <= 0x0669) out += String(cp - 0x0660);
    else if (cp >= 0x06f0 && cp <= 0x06f9) out += String(cp - 0x06f0);
    else if (cp >= 0x1d7ce && cp <= 0x1d7ff) out += String((cp - 0x1d7ce) % 10);
    else if (CHINESE.includes(ch)) out += String(CHINESE.indexOf(ch));
    else if (SPOKEN.includes(ch)) out += String(SPOKEN.indexOf(ch));
  }
  return out;
}

/** Whether `number` can be read whole in `text`, in any shape above. */
export const reveals = (text: string, number: string): boolean => digitsOf(text).includes(number);
