/**
 * Item 8 — the district's figures at scale: `admin.figures` over 1,000 and over 100,000 cases
 * of one year, each district in its own emulator, the calls alternating between the two so
 * both see the same machine. The cases are written straight into the store (figures-data.ts),
 * then the running totals are built by the rebuild path itself (rebuildTotals, as
 * scripts/rebuild-figures.ts runs it) and checked against a second recount. Measured through
 * the function host as the mini-program calls it: a calendar year (one totals document per
 * station, the budget: within 1.5× of 1,000 cases) and a rolling year (eleven months and the
 * days at both ends: shown, with its round trips), by station and by deputy.
 */
import fs from 'node:fs';
import { shanghaiDate } from '../backend/domain/calendar';
import { rebuildTotals } from '../backend/use-cases/figures/rebuild-totals';
import { startBenchBackend, type BenchBackend } from './backend';
import { figuresDataDir, type FiguresData } from './figures-data';
import { progress } from './log';
import { ms, percentile, ratio, since } from './stats';
import type { BenchRow } from './types';

const SMALL = 1_000;
const LARGE = 100_000;
const CALLS = 40;
const WARM_UP = 5;
const ADMIN = 'odemo-admin';
const MAX_RATIO = 1.5;
const MAX_ROUND_TRIPS = 5;

interface District {
  data: FiguresData;
  backend: BenchBackend;
  rebuildMs: number;
  documents: number;
}

async function district(count: number, year: number, today: string): Promise<District> {
  progress(`8. figures: writing ${count} cases…`);
  const data = await figuresDataDir(count, year, today);
  const backend = await startBenchBackend({ dataDir: data.dataDir });
  const start = performance.now();
  const rebuilt = await rebuildTotals(backend.db, { write: true });
  const rebuildMs = since(start);
  const check = await rebuildTotals(backend.db, { write: false });
  if (rebuilt.cases !== count || check.differences.length > 0) throw new Error(`the rebuild left ${check.differences.length} difference(s) over ${rebuilt.cases} cases`);
  progress(`8. figures: ${count} cases → ${rebuilt.documents} totals documents in ${(rebuildMs / 1000).toFixed(1)} s`);
  return { data, backend, rebuildMs, documents: rebuilt.documents };
}

export async function figuresScaleRows(): Promise<BenchRow[]> {
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4)) - 1;
  const periods = {
    'a calendar year': { from: `${year}-01-01`, to: `${year}-12-31` },
    'a rolling year': { from: `${year}-01-16`, to: `${year + 1}-01-15` },
  };
  const small = await district(SMALL, year, today);
  const large = await district(LARGE, year, today).catch(async (error) => {
    await close(small);
    throw error;
  });
  try {
    const rows: BenchRow[] = [
      {
        item: `8. figures: totals built by the rebuild path from ${LARGE / 1000}k cases`,
        measured: `${(large.rebuildMs / 1000).toFixed(1)} s, ${large.documents} totals documents (1k cases: ${ms(small.rebuildMs)}, ${small.documents}); a second recount: 0 differences`,
        budget: '',
      },
    ];
    for (const [label, period] of Object.entries(periods)) {
      for (const by of ['station', 'deputy'] as const) {
        const call = (d: District) => async () => {
          const answer = await d.backend.call('admin', { action: 'figures', by, ...period }, ADMIN);
          if (!answer.ok) throw new Error(`admin.figures: ${JSON.stringify(answer.error)}`);
          return answer.data;
        };
        const [a, b] = [call(small), call(large)];
        for (let i = 0; i < WARM_UP; i += 1) await Promise.all([a(), b()]);
        const calendar = label === 'a calendar year';
        if (calendar && by === 'station') {
          const totals = [(await a()).totals.received, (await b()).totals.received];
          if (totals[0] !== small.data.received || totals[1] !== large.data.received)
            throw new Error(`received ${totals} for ${small.data.received}, ${large.data.received} cases`);
        }
        const times: [number[], number[]] = [[], []];
        for (let i = 0; i < CALLS; i += 1) {
          for (const [k, work] of [a, b].entries()) {
            const start = performance.now();
            await work();
            times[k].push(since(start));
          }
        }
        const [p50small, p50large] = times.map((t) => percentile(t, 50));
        const trips = await roundTrips(large.backend, b);
        const measured = `p50 ${ms(p50small)} vs ${ms(p50large)} = ${ratio(p50large / p50small)} (${CALLS} calls each, alternating); ${trips} round trips`;
        // A calendar year is the budget; a rolling year also reads the days at its ends, as many as the district has deputies and days with cases.
        rows.push(
          calendar
            ? {
                item: `8. admin.figures, ${label} by ${by}: ${SMALL / 1000}k vs ${LARGE / 1000}k cases`,
                measured,
                budget: `≤ ${MAX_RATIO}×, ≤ ${MAX_ROUND_TRIPS} round trips`,
                ok: p50large <= MAX_RATIO * p50small && trips <= MAX_ROUND_TRIPS,
              }
            : {
                item: `8. admin.figures, ${label} by ${by}: ${SMALL / 1000}k vs ${LARGE / 1000}k cases`,
                measured,
                budget: `≤ ${MAX_ROUND_TRIPS} round trips`,
                ok: trips <= MAX_ROUND_TRIPS,
              },
        );
      }
    }
    return rows;
  } finally {
    await close(small);
    await close(large);
  }
}

/** The database requests one call makes, as the emulator counts them. */
async function roundTrips(backend: BenchBackend, work: () => Promise<unknown>): Promise<number> {
  const requests = (method: string) => fetch(`${backend.emulator.url}/_emulator/requests`, { method }).then((res) => res.json());
  await requests('DELETE');
  await work();
  const counted = (await requests('GET')) as { byAction: Record<string, number> };
  return Object.entries(counted.byAction)
    .filter(([action]) => !action.startsWith('wx.'))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function close(d: District): Promise<void> {
  await d.backend.close();
  fs.rmSync(d.data.dataDir, { recursive: true, force: true });
}
