/**
 * SCF's 7-field timer cron (second minute hour day-of-month month day-of-week year), read in
 * Beijing time as CloudBase reads it. Fields take `*`, `?` (as `*`), numbers, ranges `a-b`,
 * lists `a,b` and steps `*\/n` or `a-b/n`; day-of-week is 0–6 from Sunday. Month and weekday
 * names (JAN, MON) are not supported: the project's triggers do not use them, and an
 * expression the host cannot read fails loudly rather than never firing.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

interface Field {
  readonly min: number;
  readonly max: number;
}

const FIELDS: readonly Field[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 6 }, // day of week
  { min: 1970, max: 2099 }, // year
];

export interface Cron {
  readonly source: string;
  readonly allowed: readonly ReadonlySet<number>[];
}

export function parseCron(source: string): Cron {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 7) throw new Error(`timer cron "${source}" must have 7 fields (second … year)`);
  return { source, allowed: parts.map((part, i) => parseField(part, FIELDS[i], source)) };
}

function parseField(part: string, field: Field, source: string): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(',')) {
    const match = /^(\*|\?|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new Error(`timer cron "${source}": cannot read "${item}"`);
    const [from, to] = match[1] === '*' || match[1] === '?' ? [field.min, field.max] : rangeOf(match[1]);
    const step = match[2] ? Number(match[2]) : 1;
    if (from < field.min || to > field.max || from > to || step < 1) throw new Error(`timer cron "${source}": "${item}" is out of range`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

function rangeOf(text: string): [number, number] {
  const [a, b] = text.split('-').map(Number);
  return [a, b ?? a];
}

/** The first instant strictly after `after` (whole seconds) that the cron names; undefined past 2099. */
export function nextFire(cron: Cron, after: Date): Date | undefined {
  const [seconds, minutes, hours, days, months, weekdays, years] = cron.allowed;
  // Work on a "Beijing wall clock" expressed as a UTC Date, then shift back.
  const t = new Date(Math.floor((after.getTime() + CST_OFFSET_MS) / 1000) * 1000 + 1000);
  while (t.getUTCFullYear() <= 2099) {
    if (!years.has(t.getUTCFullYear()) || !months.has(t.getUTCMonth() + 1) || !days.has(t.getUTCDate()) || !weekdays.has(t.getUTCDay())) {
      t.setUTCHours(24, 0, 0, 0);
    } else if (!hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else if (!seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
    } else {
      return new Date(t.getTime() - CST_OFFSET_MS);
    }
  }
  return undefined;
}
