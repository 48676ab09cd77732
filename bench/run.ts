/**
 * `npm run bench`: the product's performance figures, each against its budget, on this
 * machine. Every timing budget is a ratio to a reference measured in the same run (absolute
 * times on a shared machine drift); sizes and round trips, the same on every machine, are
 * absolute, and so is the reception-day throughput the product asks for (shown with what
 * bounds it). Prints the table, writes it into README.md ("Performance") with the machine it ran
 * on, and exits 1 when any budget is missed — the budgets are checked here, not by unit tests.
 * `BENCH_ONLY=5,7 npm run bench` runs some items (and leaves the README alone).
 */
import { callOverheadRows } from './call-overhead';
import { coldLoadRows } from './cold-load';
import { figuresScaleRows } from './figures-scale';
import { progress } from './log';
import { describeMachine } from './machine';
import { nearestStationRows } from './nearest-stations';
import { openQueueRows } from './open-queue';
import { packageSizeRows } from './package-size';
import { writeReadmeSection } from './readme';
import { receptionDayRows } from './reception-day';
import { roundTripRows } from './round-trips';
import { setDataRows } from './set-data';
import { storeScaleRows } from './store-scale';
import { markdownTable } from './table';
import type { BenchItem, BenchRow } from './types';

const ITEMS: BenchItem[] = [
  { id: 1, title: 'nearest stations', run: nearestStationRows },
  { id: 2, title: 'call overhead', run: callOverheadRows },
  { id: 3, title: 'reception-day load', run: () => receptionDayRows() },
  { id: 4, title: 'store scale', run: storeScaleRows },
  { id: 5, title: 'mini-program size', run: packageSizeRows },
  { id: 6, title: 'setData', run: setDataRows },
  { id: 7, title: 'cold load', run: coldLoadRows },
  { id: 8, title: 'figures at district scale', run: figuresScaleRows },
  { id: 9, title: 'round trips per action', run: roundTripRows },
  { id: 10, title: 'open queue beside closed cases', run: openQueueRows },
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map(Number);
  const items = only ? ITEMS.filter((item) => only.includes(item.id)) : ITEMS;
  const started = performance.now();
  const rows: BenchRow[] = [];
  for (const item of items) {
    progress(`${item.id}. ${item.title}…`);
    const itemStart = performance.now();
    try {
      rows.push(...(await item.run()));
    } catch (error) {
      // One item breaking must not hide the others' figures: it is a missed budget.
      rows.push({ item: `${item.id}. ${item.title}`, measured: `failed: ${(error as Error).message.split('\n')[0]}`, budget: 'runs', ok: false });
    }
    progress(`${item.id}. ${item.title} done in ${((performance.now() - itemStart) / 1000).toFixed(0)} s`);
  }
  const minutes = (performance.now() - started) / 60_000;
  const missed = rows.filter((row) => row.ok === false);
  const table = markdownTable(rows);
  const heading = `Measured by \`npm run bench\` on ${describeMachine()}; the whole run took ${minutes.toFixed(1)} min.`;
  console.log(`\n${heading}\n\n${table}\n`);
  if (!only) {
    writeReadmeSection(
      `${heading} Every timing budget is a ratio to a reference measured in the same run (on a shared machine the absolute times drift); ` +
        'sizes and round trips are the same on every machine; the reception-day throughput is the product’s own absolute goal. ' +
        `How each figure is measured: \`bench/\` (one module per item).\n\n${table}`,
    );
  }
  console.log(missed.length ? `${missed.length} budget(s) missed: ${missed.map((row) => row.item).join('; ')}` : 'every budget met');
  process.exit(missed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
