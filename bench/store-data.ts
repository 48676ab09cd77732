/**
 * A data folder with 100k cases and 1M timeline events (10 per case, inside each case document as
 * data/cases.ts stores them), written straight into the emulator's store (one SQLite transaction
 * per 10k documents, the declared indexes maintained) — far faster than 100k SDK round trips, and
 * the same rows and index entries the SDK path writes. Built once per version under the temp dir;
 * reruns reuse it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_COLLECTIONS_FILE, readDeclaredIndexes } from '../emulator/database';
import { Store } from '../emulator/database/store';
import { progress } from './log';

export const CASES = 100_000;
export const EVENTS_PER_CASE = 10;
const CHUNK = 10_000;
const GENERATOR_VERSION = 2;
const STATUSES = ['submitted', 'accepted', 'in_progress', 'transferred', 'replied', 'closed'] as const;
const KINDS = ['submitted', 'accepted', 'assigned', 'started', 'supplemented', 'replied', 'rated', 'followed_up', 'supervised', 'closed'] as const;

/** The folder, built if this version's is not there yet. */
export function storeScaleDataDir(): string {
  const key = createHash('sha256')
    .update(String(GENERATOR_VERSION))
    .update(fs.readFileSync(DEFAULT_COLLECTIONS_FILE))
    .update(fs.readFileSync(path.resolve(__dirname, '../emulator/database/store.ts')))
    .update(fs.readFileSync(path.resolve(__dirname, '../emulator/database/codec.ts')))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(os.tmpdir(), `bench-store-${key}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  build(dir);
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

export const ownerOf = (n: number) => `obench-owner-${n % 20_000}`;

function build(dir: string): void {
  const store = new Store(dir, readDeclaredIndexes(DEFAULT_COLLECTIONS_FILE));
  try {
    const cases = store.collection('cases');
    const day = 24 * 3600 * 1000;
    const base = Date.parse('2025-01-01T00:00:00Z');
    for (let first = 0; first < CASES; first += CHUNK) {
      store.transaction(() => {
        for (let n = first; n < first + CHUNK; n += 1) {
          const id = `bench-case-${n}`;
          const submittedAt = new Date(base + (n % 600) * day + (n % 86_400) * 1000);
          const status = STATUSES[n % STATUSES.length];
          const timeline = Array.from({ length: EVENTS_PER_CASE }, (_x, i) => {
            const seq = i + 1;
            return {
              seq,
              kind: KINDS[seq - 1],
              actorRole: seq === 1 ? 'resident' : 'officer',
              actorId: seq === 1 ? ownerOf(n) : `sf-bench-${n % 400}`,
              at: new Date(submittedAt.getTime() + seq * 3600 * 1000),
              fromStatus: seq === 1 ? null : 'accepted',
              toStatus: 'accepted',
              note: seq % 3 === 0 ? '已联系社区工作站，正在协调物业处理，预计本周内修复。' : '',
              ...(seq === 1 ? {} : { actorName: '联络员 王芳' }),
            };
          });
          store.insert(cases, {
            _id: id,
            receiptNo: `FT${submittedAt.toISOString().slice(0, 10).replace(/-/g, '')}-${String(n).padStart(6, '0')}`,
            stationId: `st-bench-${n % 400}`,
            stationName: `第${n % 400}号社区人大代表联络站`,
            category: 'help',
            title: `小区路灯不亮，晚上出行不便 第${n}件`,
            content: `小区${n % 50}栋旁的路灯已经坏了两个星期，晚上老人和孩子出行很不安全，希望有关部门尽快维修。（第${n}件）`,
            photoFileIds: [],
            anonymous: n % 5 === 0,
            ownerOpenid: ownerOf(n),
            contact: { name: '张先生', phone: '13800138000' },
            requestId: `req-bench-${n}`,
            status,
            ...(status !== 'submitted' ? { assignedDeputyId: `dp-${n % 3000}`, acceptedAt: new Date(submittedAt.getTime() + day) } : {}),
            reopenCount: 0,
            dueAt: new Date(submittedAt.getTime() + 15 * day),
            submittedAt,
            updatedAt: new Date(submittedAt.getTime() + 2 * day),
            version: EVENTS_PER_CASE,
            lastSeq: EVENTS_PER_CASE,
            contentHash: createHash('sha1').update(id).digest('hex'),
            unreadCount: n % 3,
            readSeq: EVENTS_PER_CASE - (n % 3),
            timeline,
            outbox: [],
            outboxRev: 0,
          });
        }
      });
      progress(`4. store data: ${first + CHUNK} cases written`);
    }
  } finally {
    store.close();
  }
}
