/**
 * The `figure_totals` collection: the running totals of the handling figures (backend/domain/
 * figures/figures.totals.ts), two documents per station and day, month or year that has cases —
 * `station:<stationId>:<period>` (the station's totals) and `deputies:<stationId>:<period>`
 * (one row per deputy its cases are assigned to; absent when none is) — and the fold's cursor.
 * Only counts and step sums: no case id, no resident, no instant of any case.
 *
 * Beside them, 接访群众 (residents recorded on reception days, 接待日登记): per station and DAY
 * only, `station-visits:<stationId>:<date>` (one row, the station's count) and
 * `deputy-visits:<stationId>:<date>` (a row per deputy met), recounted from the visits by every
 * recordVisit (saveDayVisitors). Visits happen on reception days only, a few dozen a year per
 * station, so days are few enough to read without months or years; the case fold and the
 * rebuild never touch these kinds.
 *
 * Figures for any period are ONE aggregate over these documents (index
 * `kind_grain_station_period`): the period's whole years, whole months and days at either end
 * (periodParts), grouped by station or by deputy. A calendar year is one document per station
 * (and one of its deputies), any other year a dozen or so — however many cases it had.
 */
import type { CaseCounts, FiguresPeriod, StationTotals, Totals } from '../domain/figures';
import { addStationTotals, FIRST_ANSWER_STEPS, periodParts } from '../domain/figures';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

const TOTALS = 'figure_totals';
const CURSOR_ID = 'fold-cursor';
const STORED_KINDS = ['station', 'deputies'];
/** The 接访群众 kinds: the station's count, and its deputies'. */
const VISIT_KINDS = ['station-visits', 'deputy-visits'] as const;
const GRAINS = ['day', 'month', 'year'];
/** The group of the station documents in the deputy view: the district's totals. */
export const DISTRICT_ROW = '*';

export type TotalsGrain = 'day' | 'month' | 'year';

/** A subject's totals of a period: the handling figures, and the residents recorded on reception days (接访群众). */
export type PeriodTotals = Totals & { visitors: number };
type TotalsKind = 'station' | 'deputies';

/** One subject's totals as stored: the counts, and the first answers per step. */
interface TotalsRowDocument {
  id: string;
  received: number;
  closed: number;
  rated: number;
  satisfied: number;
  respondedInTime: number;
  /**
   * The steps that hold first answers, as flat triples `[step, count, sumMs, …]` in step
   * order: a day of a deputy holds one or two answers, and 3 numbers each read far faster
   * than all 23 steps twice — the figures of a year read thousands of these rows.
   */
  answers: number[];
}

export interface TotalsDocument {
  _id: string;
  kind: TotalsKind;
  grain: TotalsGrain;
  stationId: string;
  /** 'YYYY-MM-DD' (day), 'YYYY-MM' (month) or 'YYYY' (year), Shanghai calendar. */
  period: string;
  rows: TotalsRowDocument[];
}

export interface TotalsKey {
  stationId: string;
  grain: TotalsGrain;
  period: string;
}

const idOf = (kind: TotalsKind, key: TotalsKey) => `${kind}:${key.stationId}:${key.period}`;

function rowOf(id: string, totals: Totals): TotalsRowDocument {
  const { received, closed, rated, satisfied, respondedInTime, firstAnswers } = totals;
  const answers = firstAnswers.count.flatMap((count, step) => (count > 0 ? [step, count, firstAnswers.sumMs[step]] : []));
  return { id, received, closed, rated, satisfied, respondedInTime, answers };
}

/** Adds flat `[step, count, sumMs, …]` triples into per-step counts and sums. */
function addAnswers(into: { count: number[]; sumMs: number[] }, triples: unknown): void {
  if (!Array.isArray(triples)) return;
  for (let i = 0; i + 2 < triples.length; i += 3) {
    const step = Number(triples[i]);
    if (!(step >= 0 && step < FIRST_ANSWER_STEPS)) continue;
    into.count[step] += Number(triples[i + 1] ?? 0);
    into.sumMs[step] += Number(triples[i + 2] ?? 0);
  }
}

const noAnswers = () => ({ count: new Array<number>(FIRST_ANSWER_STEPS).fill(0), sumMs: new Array<number>(FIRST_ANSWER_STEPS).fill(0) });

function totalsOfRow(row: TotalsRowDocument): Totals {
  const n = (value: unknown) => Number(value ?? 0);
  const firstAnswers = noAnswers();
  addAnswers(firstAnswers, row.answers);
  return { received: n(row.received), closed: n(row.closed), rated: n(row.rated), satisfied: n(row.satisfied), respondedInTime: n(row.respondedInTime), firstAnswers };
}

/** A station's totals of one period back from its documents (the station's, and its deputies' if any). */
function stationTotalsOf(documents: readonly TotalsDocument[]): StationTotals | undefined {
  const station = documents.find((doc) => doc.kind === 'station');
  if (!station) return undefined;
  const deputies = documents.find((doc) => doc.kind === 'deputies')?.rows ?? [];
  return { station: totalsOfRow(station.rows[0]), deputies: new Map(deputies.map((row) => [row.id, totalsOfRow(row)])) };
}

/**
 * The documents a station's totals of one day, month or year are stored as, and the ids that
 * must not exist (a deputies document without deputies; both when the period has no cases).
 */
export function totalsDocuments(key: TotalsKey, totals: StationTotals | undefined): { documents: TotalsDocument[]; absent: string[] } {
  if (!totals) return { documents: [], absent: [idOf('station', key), idOf('deputies', key)] };
  const base = { grain: key.grain, stationId: key.stationId, period: key.period };
  const station: TotalsDocument = { _id: idOf('station', key), kind: 'station', ...base, rows: [rowOf(key.stationId, totals.station)] };
  const deputyRows = [...totals.deputies].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => rowOf(id, t));
  if (deputyRows.length === 0) return { documents: [station], absent: [idOf('deputies', key)] };
  return { documents: [station, { _id: idOf('deputies', key), kind: 'deputies', ...base, rows: deputyRows }], absent: [] };
}

/** Replaces a key's totals (or removes them): one request per document, each whole. */
export async function saveTotals(db: Database, key: TotalsKey, totals: StationTotals | undefined): Promise<number> {
  const { documents, absent } = totalsDocuments(key, totals);
  const collection = db.collection(TOTALS);
  await Promise.all([...documents.map(({ _id, ...fields }) => collection.doc(_id).set(fields)), ...absent.map((id) => collection.doc(id).remove())]);
  return documents.length;
}

/** A station's year as the sum of its months' totals documents (a dozen or two): undefined without any. */
export async function yearFromMonths(db: Database, stationId: string, year: string): Promise<StationTotals | undefined> {
  const _ = db.command;
  const { data } = await db
    .collection(TOTALS)
    .where({ kind: _.in(STORED_KINDS), grain: 'month', stationId, period: { $gte: `${year}-01`, $lte: `${year}-12` } } as never)
    .limit(MAX_PAGE)
    .get();
  const byMonth = new Map<string, TotalsDocument[]>();
  for (const doc of data as TotalsDocument[]) byMonth.set(doc.period, [...(byMonth.get(doc.period) ?? []), doc]);
  const months = [...byMonth.values()].map(stationTotalsOf).filter((t): t is StationTotals => t !== undefined);
  return months.length ? months.reduce(addStationTotals) : undefined;
}

/**
 * The totals of `period` for each station of `stationIds` (by: 'station'), or for each deputy
 * assigned cases at them (or met on their reception days) plus the district's totals under
 * DISTRICT_ROW (by: 'deputy'). One aggregate: the counts are summed by the database, the step
 * triples added up here; 接访群众 comes in the same aggregate, from its day documents.
 */
export async function readPeriodTotals(db: Database, stationIds: readonly string[], period: FiguresPeriod, by: 'station' | 'deputy'): Promise<Map<string, PeriodTotals>> {
  if (stationIds.length === 0) return new Map();
  const _ = db.command;
  const $ = db.command.aggregate;
  const parts = periodParts(period);
  const stations = { stationId: _.in([...stationIds]) };
  const scope = { kind: by === 'station' ? 'station' : _.in(['station', 'deputies']), ...stations };
  // One range object per part, as the SDK itself sends `_.gte(x)`: bounded on the index by every planner.
  const branch = (grain: TotalsGrain, range: { from: string; to: string }) => ({ ...scope, grain, period: { $gte: range.from, $lte: range.to } });
  const visits = { kind: by === 'station' ? 'station-visits' : _.in([...VISIT_KINDS]), ...stations, grain: 'day', period: { $gte: period.from, $lte: period.to } };
  const branches = [
    ...(parts.years ? [branch('year', parts.years)] : []),
    ...parts.months.map((range) => branch('month', range)),
    ...parts.days.map((range) => branch('day', range)),
    visits,
  ];
  // The station's own rows (its cases', its visits') make the district's row in the deputy view.
  const stationRow = $.or([$.eq(['$kind', 'station']), $.eq(['$kind', 'station-visits'])]);
  const { data } = await db
    .collection(TOTALS)
    .aggregate()
    .match(_.or(branches))
    .unwind('$rows')
    .group({
      _id: by === 'station' ? '$rows.id' : $.cond({ if: stationRow, then: DISTRICT_ROW, else: '$rows.id' }),
      visitors: $.sum('$rows.visitors'),
      received: $.sum('$rows.received'),
      closed: $.sum('$rows.closed'),
      rated: $.sum('$rows.rated'),
      satisfied: $.sum('$rows.satisfied'),
      respondedInTime: $.sum('$rows.respondedInTime'),
      // The rows' step triples as they are, added up here: a sum per step in the database costs more than it saves.
      answers: $.push('$rows.answers'),
    })
    // CloudBase answers 20 aggregate rows unless told otherwise; a district has a few hundred subjects.
    .limit(MAX_PAGE)
    .end();
  const out = new Map<string, PeriodTotals>();
  for (const row of data as Record<string, unknown>[]) {
    const n = (field: string) => Number(row[field] ?? 0);
    out.set(String(row._id), {
      visitors: n('visitors'),
      received: n('received'),
      closed: n('closed'),
      rated: n('rated'),
      satisfied: n('satisfied'),
      respondedInTime: n('respondedInTime'),
      firstAnswers: answersOf(row.answers),
    });
  }
  return out;
}

/**
 * The stations' totals of each month from `from` to `to` ('YYYY-MM', both included), summed
 * over the stations: month → counts (months without cases absent). One aggregate over the
 * months' station documents (index `kind_grain_station_period`) — the board's figures.
 */
export async function readMonthlyCounts(db: Database, stationIds: readonly string[], from: string, to: string): Promise<Map<string, CaseCounts>> {
  if (stationIds.length === 0) return new Map();
  const _ = db.command;
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(TOTALS)
    .aggregate()
    .match({ kind: 'station', grain: 'month', stationId: _.in([...stationIds]), period: { $gte: from, $lte: to } })
    .unwind('$rows')
    .group({
      _id: '$period',
      received: $.sum('$rows.received'),
      closed: $.sum('$rows.closed'),
      rated: $.sum('$rows.rated'),
      satisfied: $.sum('$rows.satisfied'),
      respondedInTime: $.sum('$rows.respondedInTime'),
    })
    .limit(MAX_PAGE)
    .end();
  const n = (row: Record<string, unknown>, field: string) => Number(row[field] ?? 0);
  return new Map(
    (data as Record<string, unknown>[]).map((row) => [
      String(row._id),
      { received: n(row, 'received'), closed: n(row, 'closed'), rated: n(row, 'rated'), satisfied: n(row, 'satisfied'), respondedInTime: n(row, 'respondedInTime') },
    ]),
  );
}

/** The per-step counts and sums of a pushed list of rows' triples. */
function answersOf(rows: unknown): Totals['firstAnswers'] {
  const answers = noAnswers();
  for (const triples of Array.isArray(rows) ? rows : []) addAnswers(answers, triples);
  return answers;
}

// ───── 接访群众: the visits' day documents ─────

/** A station's visits of one day as recounted from the visits: the total, and per deputy met. */
export interface DayVisitors {
  total: number;
  byDeputy: ReadonlyMap<string, number>;
}

/**
 * Writes a station's 接访群众 of one day, recounted from its visits, into its two day documents
 * (the deputies' only when `withDeputies`: a visit without a deputy changes no deputy's row).
 * Visits are only ever added, so a recount with a larger total saw every visit a smaller one
 * saw: each document is replaced only by a larger total (`visits`), and a recount racing
 * another, or a retried record recounting again, can neither lower a count nor add one twice.
 */
export async function saveDayVisitors(db: Database, stationId: string, date: string, counts: DayVisitors, withDeputies: boolean): Promise<void> {
  if (counts.total <= 0) return;
  const base = { grain: 'day', stationId, period: date, visits: counts.total };
  const deputies = [...counts.byDeputy].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, visitors]) => ({ id, visitors }));
  await Promise.all([
    saveIfLarger(db, `station-visits:${stationId}:${date}`, { kind: 'station-visits', ...base, rows: [{ id: stationId, visitors: counts.total }] }),
    ...(withDeputies && deputies.length ? [saveIfLarger(db, `deputy-visits:${stationId}:${date}`, { kind: 'deputy-visits', ...base, rows: deputies })] : []),
  ]);
}

/** Replaces the document unless it holds a count as large; creates it when missing (of two creators, the second tries the update again). */
async function saveIfLarger(db: Database, id: string, doc: { visits: number; rows: { id: string; visitors: number }[] } & Record<string, unknown>): Promise<void> {
  const _ = db.command;
  const update = () =>
    db
      .collection(TOTALS)
      .where({ _id: id, visits: _.lt(doc.visits) })
      .update({ ...doc, rows: _.set(doc.rows) });
  if (Number((await update()).updated ?? 0) > 0) return;
  try {
    await db.collection(TOTALS).add({ _id: id, ...doc });
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    // There already, as large (nothing to do) or written a moment ago by a smaller recount (replaced now).
    await update();
  }
}

// ───── the fold's cursor ─────

/** Every case changed before this instant (less the fold's overlap) is in the totals; undefined before the first fold. */
export async function readFoldCursor(db: Database): Promise<Date | undefined> {
  const { data } = await db.collection(TOTALS).doc(CURSOR_ID).get();
  const at = (data[0] as { foldedThrough?: Date } | undefined)?.foldedThrough;
  return at ? new Date(at) : undefined;
}

/**
 * Moves the cursor to `to`, never back: of two folds that overlap, the later cursor stays.
 * `exists`: the caller has read (or set) the cursor before — otherwise it is created.
 */
export async function advanceFoldCursor(db: Database, to: Date, exists: boolean): Promise<void> {
  if (exists)
    await db
      .collection(TOTALS)
      .where({ _id: CURSOR_ID })
      .update({ foldedThrough: db.command.max(to) });
  else await db.collection(TOTALS).doc(CURSOR_ID).set({ kind: 'cursor', foldedThrough: to });
}

// ───── the rebuild: station by station ─────

/** Every station that has totals (not the cursor). */
export async function stationsWithTotals(db: Database): Promise<string[]> {
  const { data } = await db
    .collection(TOTALS)
    .aggregate()
    .match({ kind: db.command.in(STORED_KINDS) })
    .group({ _id: '$stationId' })
    .limit(MAX_PAGE)
    .end();
  if (data.length >= MAX_PAGE) throw new Error(`more than ${MAX_PAGE - 1} stations have totals: the rebuild reads at most that many`);
  return (data as { _id: unknown }[]).map((row) => String(row._id)).sort();
}

/** Every totals document of one station (index `kind_grain_station_period`), in pages. */
export async function totalsOfStation(db: Database, stationId: string): Promise<TotalsDocument[]> {
  const _ = db.command;
  const out: TotalsDocument[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const { data } = await db
      .collection(TOTALS)
      .where({ kind: _.in(STORED_KINDS), grain: _.in(GRAINS), stationId })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(MAX_PAGE)
      .get();
    out.push(...(data as TotalsDocument[]));
    if (data.length < MAX_PAGE) return out;
  }
}

/** New documents, in batches (one request each). */
export async function insertTotals(db: Database, documents: readonly TotalsDocument[], batch = 500): Promise<void> {
  for (let i = 0; i < documents.length; i += batch) await db.collection(TOTALS).add(documents.slice(i, i + batch) as never);
}

export async function replaceTotals(db: Database, { _id, ...fields }: TotalsDocument): Promise<void> {
  await db.collection(TOTALS).doc(_id).set(fields);
}

export async function removeTotals(db: Database, ids: readonly string[], batch = 500): Promise<void> {
  for (let i = 0; i < ids.length; i += batch)
    await db
      .collection(TOTALS)
      .where({ _id: db.command.in(ids.slice(i, i + batch)) })
      .remove();
}
