/**
 * Article and chapter numbers as drafts print them: Chinese numerals (一 … 九十九, 一百零五,
 * 两百, 一千) or ASCII digits. Pure; the parser (consultation.draft.ts) reads every 第X条 with it.
 */
const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a number may be written with. */
export const NUMERAL_CHARS = '0-9０-９零〇一二两三四五六七八九十百千';

/** The value of a numeral, or undefined when it is not one (一十十, 百百, empty). */
export function numeralValue(written: string): number | undefined {
  if (/^[0-9]+$/.test(written)) return Number(written);
  if (/^[０-９]+$/.test(written)) return Number([...written].map((ch) => String(ch.charCodeAt(0) - 0xff10)).join(''));
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const ch of written) {
    if (ch in DIGITS) {
      // Two digits in a row only after 零 (一百零五).
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    // Units fall as they are read (千 then 百 then 十): 十百 is no number.
    if (unit === undefined || unit >= lastUnit) return undefined;
    total += (digit || 1) * unit;
    digit = undefined;
    lastUnit = unit;
  }
  total += digit ?? 0;
  return written.length > 0 && total > 0 ? total : undefined;
}

const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** How a number is printed in a label the system makes (第十二条): 1–9999. */
export function chineseNumeral(n: number): string {
  if (n < 10) return SMALL[n] ?? '';
  if (n < 20) return `十${SMALL[n - 10]}`;
  const parts: string[] = [];
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let rest = n;
  let zero = false;
  for (const [size, name] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d > 0) {
      if (zero) parts.push('零');
      parts.push(`${SMALL[d]}${name}`);
      zero = false;
    } else if (parts.length > 0) zero = true;
  }
  if (rest > 0) parts.push(`${zero ? '零' : ''}${SMALL[rest]}`);
  return parts.join('');
}
