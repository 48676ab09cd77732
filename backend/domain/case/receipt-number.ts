/**
 * 受理编号: what a resident reads out on the phone, e.g. FT20261121-0042 — district or
 * station prefix, the Shanghai date of submission, and that day's sequence for the prefix.
 *
 * Uniqueness does not come from here: the use case draws `seq` from a counter document
 * (id from `receiptCounterId`) incremented atomically (`_.inc(1)`, answering the new value)
 * before the submission writes anything else, so two submissions in the same
 * millisecond still differ. A submission that fails after drawing leaves a gap in the day's
 * sequence: numbers are unique and increasing, not contiguous.
 */
import { shanghaiDate } from '../calendar';

/** Two to four capital letters, e.g. FT for 福田. */
const PREFIX = /^[A-Z]{2,4}$/;
/** Four digits read comfortably; a busier day simply grows a fifth rather than failing. */
const PATTERN = /^([A-Z]{2,4})(\d{4})(\d{2})(\d{2})-(\d{4,6})$/;

export interface ReceiptParts {
  readonly prefix: string;
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  readonly date: string;
  readonly seq: number;
}

export const isReceiptPrefix = (prefix: string): boolean => PREFIX.test(prefix);

/** Programming errors (a bad prefix or sequence) throw: no resident input reaches here. */
export function formatReceiptNumber(prefix: string, submittedAt: Date, seq: number): string {
  if (!isReceiptPrefix(prefix)) throw new RangeError(`receipt prefix must be 2-4 capital letters: ${prefix}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`receipt sequence out of range: ${seq}`);
  return `${prefix}${shanghaiDate(submittedAt).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
}

/** Parse what a person typed (spaces and lower case forgiven); undefined when it is not a receipt number. */
export function parseReceiptNumber(input: string): ReceiptParts | undefined {
  const match = PATTERN.exec(input.replace(/\s+/g, '').toUpperCase());
  if (!match) return undefined;
  const [, prefix, year, month, day, seq] = match;
  const date = `${year}-${month}-${day}`;
  // Reject impossible dates such as 20260231 by round-tripping through the calendar.
  const roundTrip = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).toISOString().slice(0, 10);
  if (roundTrip !== date || Number(seq) < 1) return undefined;
  return { prefix, date, seq: Number(seq) };
}

/**
 * The prefix for a station: the district part of its door code ('FT-HF-01' → 'FT'), so a
 * district's receipts share one daily sequence; 'RD' (人大) when the code has none.
 */
export function receiptPrefixOf(stationCode: string): string {
  const head = stationCode.split('-')[0]?.toUpperCase() ?? '';
  return isReceiptPrefix(head) ? head : 'RD';
}

/** The counter document for a prefix and Shanghai day, e.g. `receipt-FT-20261121`. */
export function receiptCounterId(prefix: string, submittedAt: Date): string {
  return `receipt-${prefix}-${shanghaiDate(submittedAt).replace(/-/g, '')}`;
}
