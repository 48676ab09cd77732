/**
 * The reception schedule (接待日) for the coming weeks.
 *
 * Rhythm, from the seed texts: every station receives voters on the 10th of each month, the
 * district's unified reception day (`004`), and once more on a station-specific day, so
 * about twice a month (`003`). Each reception is announced at least a week ahead (`003`).
 *
 * Everything about one reception except `publishedAt` depends only on its station and date,
 * never on the day the seed runs, so re-seeding on a later day computes the same documents
 * for the days both windows share (and, inserting only missing ids, leaves them alone).
 */
import type { Deputy, Reception, Station, StationKind } from '../../typings/models';
import { addDays, dayOfMonth, isoWeekday, monthIndex, shanghaiTime } from './calendar';
import { receptionId } from './ids';
import { createRandom } from './prng';

export const RECEPTION_WINDOW_DAYS = 60;
export const UNIFIED_RECEPTION_DAY_OF_MONTH = 10;
/** 003: announced a week ahead; we publish a day more than that, to be safe on any reading. */
export const MIN_NOTICE_DAYS = 8;
export const SLOT_MINUTES = 30;

type Span = readonly [start: string, end: string];
/** Half-hour multiples, so the slots tile the reception exactly: 3 to 6 slots each. */
const MORNINGS: readonly Span[] = [
  ['09:00', '11:30'],
  ['09:30', '11:30'],
  ['09:00', '12:00'],
  ['10:00', '11:30'],
];
const AFTERNOONS: readonly Span[] = [
  ['14:30', '17:00'],
  ['15:00', '17:00'],
  ['14:30', '16:00'],
  ['14:30', '17:30'],
];

/** "The third Thursday of the month": a station's own reception day. */
interface Rhythm {
  week: number;
  weekday: number;
}

/**
 * Weeks 3 and 4 (days 15–28) keep the station's own day about a fortnight from the 10th.
 * The weekday is one the station is open on, Saturday included where it opens then.
 */
function stationRhythm(station: Station): Rhythm {
  const random = createRandom(`rhythm|${station._id}`);
  const openDays = [...new Set(station.hours.flatMap((h) => h.weekdays))].filter((d) => d <= 6).sort();
  return { week: random.pick([3, 4]), weekday: random.pick(openDays) };
}

function isRhythmDay(ymd: string, rhythm: Rhythm): boolean {
  return isoWeekday(ymd) === rhythm.weekday && Math.ceil(dayOfMonth(ymd) / 7) === rhythm.week;
}

/**
 * Sector stations choose first, then community stations, then street stations: the later
 * ones have the most deputies of their own to fall back on when someone is already busy.
 */
const CHOOSING_ORDER: Record<StationKind, number> = { sector: 0, community: 1, street: 2 };

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function toHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function halfHourSpans(start: string, end: string): Span[] {
  const spans: Span[] = [];
  for (let m = toMinutes(start); m < toMinutes(end); m += SLOT_MINUTES) spans.push([toHhmm(m), toHhmm(m + SLOT_MINUTES)]);
  return spans;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = ((by % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export function buildReceptions(stations: Station[], deputies: Deputy[], today: string): Reception[] {
  const rosters = new Map(stations.map((s) => [s._id, deputies.filter((d) => d.stationIds.includes(s._id)).map((d) => d._id)]));
  const rhythms = new Map(stations.map((s) => [s._id, stationRhythm(s)]));
  const choosing = [...stations].sort((a, b) => CHOOSING_ORDER[a.kind] - CHOOSING_ORDER[b.kind] || a._id.localeCompare(b._id));

  const receptions: Reception[] = [];
  for (let offset = 0; offset < RECEPTION_WINDOW_DAYS; offset++) {
    const ymd = addDays(today, offset);
    const unified = dayOfMonth(ymd) === UNIFIED_RECEPTION_DAY_OF_MONTH;
    // A deputy receives at one station per day, even when stationed at two.
    const busy = new Set<string>();
    for (const station of choosing) {
      if (!unified && !isRhythmDay(ymd, rhythms.get(station._id) as Rhythm)) continue;
      receptions.push(buildReception(station, rosters.get(station._id) ?? [], ymd, unified, busy, today));
    }
  }
  return receptions;
}

function buildReception(station: Station, roster: string[], ymd: string, unified: boolean, busy: Set<string>, today: string): Reception {
  const random = createRandom(`reception|${station._id}|${ymd}`);
  const weekend = isoWeekday(ymd) >= 6;
  const [start, end] = random.pick(weekend || random.chance(0.5) ? MORNINGS : AFTERNOONS);

  // The unified day brings more deputies out, and street stations have the longest rosters.
  const wanted = unified || station.kind === 'street' ? random.int(2, 3) : random.int(1, 2);
  // The roster takes turns: a month seats about five deputies (two or three on the 10th,
  // then the next ones on the station's own day), so the next month starts five places on.
  // Nearly every deputy receives at least once in two months, as `003` asks.
  const rotation = monthIndex(ymd) * 5 + (unified ? 0 : 3);
  const deputyIds = rotate(roster, rotation)
    .filter((id) => !busy.has(id))
    .slice(0, wanted);
  if (deputyIds.length === 0) throw new Error(`no free deputy for ${station._id} on ${ymd}`);
  deputyIds.forEach((id) => busy.add(id));

  const slots = halfHourSpans(start, end).map(([slotStart, slotEnd]) => ({
    start: slotStart,
    end: slotEnd,
    capacity: random.int(2, 4),
    booked: 0,
  }));

  // Published a week or more ahead, and never later than yesterday: seeded schedules are
  // already public when the demo starts. 'YYYY-MM-DD' strings order like the dates.
  const noticeDay = addDays(ymd, -(MIN_NOTICE_DAYS + random.int(0, 3)));
  const yesterday = addDays(today, -1);
  const publishDay = noticeDay < yesterday ? noticeDay : yesterday;

  return {
    _id: receptionId(station._id, ymd),
    stationId: station._id,
    date: ymd,
    start,
    end,
    deputyIds,
    officerId: station.officerIds[0],
    slots,
    publishedAt: shanghaiTime(publishDay, '17:00'),
  };
}
