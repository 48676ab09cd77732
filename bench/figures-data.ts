/**
 * A data folder for the figures item: the demo district seeded through the SDK, then `count`
 * cases of one calendar year written straight into the emulator's store (one SQLite
 * transaction per 10k documents, every declared index maintained) — 100k SDK round trips would
 * take longer than the rest of the bench. The cases are what the figures read, in realistic
 * proportions: a few withdrawn or rejected, most accepted within three days, most closed and
 * rated, assigned to deputies of their station.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startOfShanghaiDay } from '../backend/domain/calendar';
import { DEFAULT_COLLECTIONS_FILE, readDeclaredIndexes } from '../emulator/database';
import { Store } from '../emulator/database/store';
import { seedDatabase } from '../scripts/seed/seed-database';
import { startBenchBackend } from './backend';
import { seededRandom } from './stats';

const CHUNK = 10_000;
const HOUR = 3_600_000;
const RATINGS = ['satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'] as const;

export interface FiguresData {
  dataDir: string;
  stations: number;
  deputies: number;
  /** Cases not withdrawn: what the year's figures must say was received. */
  received: number;
}

/** A fresh folder with the district and `count` cases submitted in `year` (Shanghai); the caller removes it. */
export async function figuresDataDir(count: number, year: number, today: string): Promise<FiguresData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-figures-${count}-`));
  const backend = await startBenchBackend({ dataDir });
  let stations: { _id: string }[];
  let deputies: { _id: string; stationIds: string[] }[];
  try {
    await seedDatabase(backend.db, { today });
    stations = (await backend.db.collection('stations').field({ _id: true }).limit(1000).get()).data as typeof stations;
    deputies = (await backend.db.collection('deputies').field({ _id: true, stationIds: true }).limit(1000).get()).data as typeof deputies;
  } finally {
    await backend.close();
  }
  const deputiesAt = new Map(stations.map((s) => [s._id, deputies.filter((d) => d.stationIds.includes(s._id)).map((d) => d._id)]));

  const store = new Store(dataDir, readDeclaredIndexes(DEFAULT_COLLECTIONS_FILE));
  try {
    const cases = store.collection('cases');
    const random = seededRandom(count);
    // Midnight on 1 January in Shanghai, and the year's length.
    const start = startOfShanghaiDay(`${year}-01-01`).getTime();
    const span = Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1);
    let received = 0;
    for (let first = 0; first < count; first += CHUNK) {
      store.transaction(() => {
        for (let n = first; n < Math.min(count, first + CHUNK); n += 1) {
          const stationId = stations[Math.floor(random() * stations.length)]._id;
          const submittedAt = new Date(start + Math.floor(random() * span));
          const here = deputiesAt.get(stationId) ?? [];
          const doc = caseDocument(n, stationId, submittedAt, here, random);
          if (doc.status !== 'withdrawn') received += 1;
          store.insert(cases, doc);
        }
      });
    }
    return { dataDir, stations: stations.length, deputies: deputies.length, received };
  } finally {
    store.close();
  }
}

/** One case in a state drawn from the proportions above. */
function caseDocument(n: number, stationId: string, submittedAt: Date, deputies: string[], random: () => number): Record<string, unknown> {
  const at = (hours: number) => new Date(submittedAt.getTime() + Math.floor(hours * HOUR));
  const draw = random();
  // First answers: mostly within a working day, some after the three-day deadline.
  const answerHours = random() < 0.85 ? random() * 30 : 30 + random() * 200;
  const base = {
    _id: `bench-fig-${n}`,
    receiptNo: `FB${String(n).padStart(8, '0')}`,
    stationId,
    stationName: stationId,
    category: 'help',
    title: `小区路灯不亮 第${n}件`,
    content: `小区路灯已经坏了两个星期，晚上出行不安全，希望尽快维修。（第${n}件）`,
    photoFileIds: [],
    anonymous: n % 5 === 0,
    ownerOpenid: `obench-fig-owner-${n % 30_000}`,
    requestId: `req-bench-fig-${n}`,
    reopenCount: 0,
    submittedAt,
    contentHash: `h${n}`,
    unreadCount: 0,
    readSeq: 1,
    lastSeq: 1,
    version: 1,
  };
  if (draw < 0.04) return { ...base, status: 'withdrawn', updatedAt: at(2) };
  if (draw < 0.08) return { ...base, status: 'rejected', updatedAt: at(answerHours) };
  if (draw < 0.14) return { ...base, status: 'submitted', updatedAt: submittedAt };
  const handled = {
    ...base,
    acceptedAt: at(answerHours),
    ...(deputies.length && random() < 0.8 ? { assignedDeputyId: deputies[Math.floor(random() * deputies.length)] } : {}),
  };
  if (draw < 0.3) return { ...handled, status: 'in_progress', updatedAt: at(answerHours + 24) };
  const rating = RATINGS[Math.floor(random() * RATINGS.length)];
  if (draw < 0.4) return { ...handled, status: 'replied', repliedAt: at(answerHours + 48), updatedAt: at(answerHours + 48) };
  const closedAt = at(answerHours + 100);
  if (draw < 0.5) return { ...handled, status: 'closed', closure: { at: closedAt, how: 'auto', withoutRating: true }, updatedAt: closedAt };
  return {
    ...handled,
    status: rating === 'unsatisfied' ? 'replied' : 'closed',
    rating: { value: rating, at: closedAt },
    ...(rating === 'unsatisfied' ? {} : { closure: { at: closedAt, how: 'rating', withoutRating: false } }),
    updatedAt: closedAt,
  };
}
