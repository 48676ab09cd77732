/** One line of the performance table: what was measured against which budget. */
export interface BenchRow {
  item: string;
  measured: string;
  budget: string;
  /** `undefined`: informational, no budget of its own. */
  ok?: boolean;
}

/** A numbered item of the suite: runs, returns its rows (and may note how it measured). */
export interface BenchItem {
  id: number;
  title: string;
  run(): Promise<BenchRow[]>;
}
