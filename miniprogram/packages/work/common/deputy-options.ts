/** Whom an officer acts for: every deputy of their stations, each once. Pure: unit-tested in test/miniprogram/report-view-models.test.ts. */
import type { DeputyCard } from '../../../../typings/api';

export interface DeputyOption {
  id: string;
  name: string;
}

/** In the stations' order, each deputy once. */
export function deputyOptions(stationsDeputies: readonly (readonly DeputyCard[])[]): DeputyOption[] {
  const seen = new Map<string, DeputyOption>();
  for (const d of stationsDeputies.flat()) if (!seen.has(d.id)) seen.set(d.id, { id: d.id, name: d.name });
  return [...seen.values()];
}
