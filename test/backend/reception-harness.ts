/**
 * The `reception` function on the shared back end of ./harness.ts (its deploy bundle on the
 * local function host, the seeded emulator), plus what the booking suites arrange: receptions
 * of their own, relative to today, and a look at what is stored.
 */
import type { Reception } from '../../typings/models';
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import { startBackend, type Backend, type Db } from './harness';

export interface ReceptionHarness {
  backend: Backend;
  db: Db;
  today: string;
  /** POST /functions/reception `{ action, ...input }` as `openid` (anonymous when omitted); untyped, to send what the contract forbids. */
  call(action: string, input: Record<string, unknown>, openid?: string): Promise<{ status: number; body: any }>;
  /** Adds a reception at 华富街道, `days` from today (negative: past), published yesterday. */
  addReception(id: string, days: number, over?: Partial<Reception>): Promise<Reception>;
  reception(id: string): Promise<Reception>;
  close(): Promise<void>;
}

export async function startReceptionHarness(): Promise<ReceptionHarness> {
  const backend = await startBackend({ functions: ['reception'] });
  const { db } = backend;
  const today = shanghaiDate(new Date());
  return {
    backend,
    db,
    today,
    call: (action, input, openid) => backend.callRaw('reception', { action, ...input }, openid),
    async addReception(id, days, over = {}) {
      const reception: Reception = {
        _id: id,
        stationId: 'st-ft-hf',
        date: addDays(today, days),
        start: '09:00',
        end: '10:00',
        deputyIds: ['dp-001'],
        officerId: 'sf-ft-hf',
        slots: [
          { start: '09:00', end: '09:30', capacity: 2, booked: 0 },
          { start: '09:30', end: '10:00', capacity: 2, booked: 0 },
        ],
        publishedAt: new Date(Date.now() - 86_400_000),
        ...over,
      };
      await db.collection('receptions').add(reception);
      return reception;
    },
    async reception(id) {
      const { data } = await db.collection('receptions').doc(id).get();
      return data[0] as Reception;
    },
    close: () => backend.close(),
  };
}

/** A request id as the page makes one: unique per booking attempt, kept across its retries. */
export const requestId = (tag: string): string => `req-${tag}-${Math.random().toString(36).slice(2, 10)}`;
